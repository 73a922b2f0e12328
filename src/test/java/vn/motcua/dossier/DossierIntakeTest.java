package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierIntakeTest {

    static final String PROCEDURE = "1.930001.000.00.00.H27";

    @LocalServerPort
    int port;

    long mandatoryDocument;
    long optionalDocument;

    @BeforeAll
    void publishAProcedure() {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", PROCEDURE, "name", "Cấp giấy phép thử nghiệm một cửa", "field", "Xây dựng",
                "agencyName", "Sở Xây dựng thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", "PARTIAL",
                "documents", List.of(Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                        Map.of("name", "Bản vẽ", "copyKind", "COPY", "count", 1, "mandatory", false)),
                "steps", List.of(Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                        Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                        Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                        Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4))));
        assertThat(admin.post("/api/v1/procedures", p).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/procedures/" + PROCEDURE + "/publish", Map.of("decisionNumber", "77/QĐ-UBND",
                "decisionDate", "2026-01-02", "effectiveFrom", "2026-01-02")).status()).isEqualTo(200);
        JsonNode documents = Api.anonymous(port).get("/api/public/procedures/" + PROCEDURE).json().get("documents");
        mandatoryDocument = documents.get(0).get("id").asLong();
        optionalDocument = documents.get(1).get("id").asLong();
    }

    Map<String, Object> intake(String decision, String fullName) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("channel", "DIRECT");
        body.put("applicant", new HashMap<>(Map.of("fullName", fullName, "citizenId", "031085001234",
                "phone", "0912 345 678", "email", "dan@example.vn", "address", "18 Hoàng Diệu, Hồng Bàng, Hải Phòng")));
        body.put("documents", List.of(Map.of("documentId", mandatoryDocument, "copyKind", "ORIGINAL", "count", 1)));
        body.put("decision", decision);
        return body;
    }

    Api desk() {
        return Api.as(port, "tiepnhan");
    }

    @Test
    void an_accepted_dossier_gets_a_code_a_pin_the_pinned_version_and_a_due_time_from_the_calendar() {
        Api.Response response = desk().post("/api/v1/dossiers", intake("ACCEPT", "Nguyễn Văn Dân"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode receipt = response.json();
        assertThat(receipt.get("code").asString()).matches("000\\.00\\.01\\.H27-\\d{6}-\\d{4,}");
        // Acceptance completes the intake step: the dossier is already in process at step 2 (statusCode 4).
        assertThat(receipt.get("status").asString()).isEqualTo("IN_PROCESS");
        assertThat(receipt.get("statusCode").asInt()).isEqualTo(4);
        assertThat(receipt.get("lookupPin").asString()).matches("\\d{6}");
        assertThat(receipt.get("procedureCode").asString()).isEqualTo(PROCEDURE);
        assertThat(receipt.get("procedureVersion").asInt()).isEqualTo(1);
        OffsetDateTime received = OffsetDateTime.parse(receipt.get("receivedAt").asString());
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
        String expectedDue = Api.anonymous(port).get("/api/public/calendar/deadline?from="
                + received.toLocalDateTime().format(local) + "&workingDays=5").json().get("due").asString();
        assertThat(OffsetDateTime.parse(receipt.get("dueAt").asString()).toLocalDateTime().format(local))
                .isEqualTo(expectedDue);
        assertThat(received.getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        String day = received.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        assertThat(receipt.get("code").asString()).contains("-" + day + "-");
    }

    @Test
    void accepting_without_a_mandatory_document_is_refused_naming_it() {
        Map<String, Object> body = intake("ACCEPT", "Trần Thị Thiếu");
        body.put("documents", List.of(Map.of("documentId", optionalDocument, "copyKind", "COPY", "count", 1)));
        Api.Response response = desk().post("/api/v1/dossiers", body);
        assertThat(response.status()).isEqualTo(422);
        // "thiếu" once, before the document it names.
        assertThat(response.json().get("detail").asString())
                .contains("Chưa thể tiếp nhận, hồ sơ chưa đủ thành phần bắt buộc: thiếu \"Đơn đề nghị\"")
                .containsOnlyOnce("thiếu");
    }

    @Test
    void parallel_intakes_never_share_a_code() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                futures.add(pool.submit(() -> desk().post("/api/v1/dossiers", intake("ACCEPT", "Người Song Song " + (char) ('A' + n)))
                        .json().get("code").asString()));
            }
            Set<String> codes = new HashSet<>();
            for (Future<String> future : futures) {
                codes.add(future.get());
            }
            assertThat(codes).hasSize(24);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_repeated_submit_with_the_same_key_returns_the_first_dossier() {
        Api keyed = desk().header("Idempotency-Key", "phieu-0001-" + System.nanoTime());
        Map<String, Object> body = intake("ACCEPT", "Lê Văn Lặp");
        String first = keyed.post("/api/v1/dossiers", body).json().get("code").asString();
        Api.Response again = keyed.post("/api/v1/dossiers", body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("code").asString()).isEqualTo(first);
        Api.Response different = keyed.post("/api/v1/dossiers", intake("ACCEPT", "Lê Văn Khác"));
        assertThat(different.status()).isEqualTo(409);
    }

    @ParameterizedTest(name = "{0}={1} → 400")
    @CsvSource(delimiter = '|', value = {
        "citizenId|031485001234", "citizenId|003085001234", "citizenId|03108500123", "phone|0112345678",
        "phone|12345", "email|dan@", "email|dan example.vn", "fullName|Nguyễn Văn 3", "fullName|<script>x</script>",
        "fullName|'   '"})
    void invalid_applicant_data_is_refused_naming_the_field(String field, String value) {
        Map<String, Object> body = intake("ACCEPT", "Nguyễn Văn Đúng");
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
        applicant.put(field, value.equals("'   '") ? "   " : value);
        Api.Response response = desk().post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("applicant." + field);
    }

    @Test
    void a_dossier_has_one_set_returned_at_the_desk_unless_the_intake_says_otherwise() {
        String plain = desk().post("/api/v1/dossiers", intake("ACCEPT", "Mai Văn Một Bộ")).json().get("code").asString();
        Map<String, Object> body = intake("ACCEPT", "Mai Thị Ba Bộ");
        body.put("sets", 3);
        body.put("returnMethod", "ONLINE");
        String chosen = desk().post("/api/v1/dossiers", body).json().get("code").asString();

        JsonNode defaults = desk().get("/api/v1/dossiers/" + plain).json();
        assertThat(defaults.get("sets").asInt()).isEqualTo(1);
        assertThat(defaults.get("requestedReturnMethod").asString()).isEqualTo("DIRECT");
        JsonNode recorded = desk().get("/api/v1/dossiers/" + chosen).json();
        assertThat(recorded.get("sets").asInt()).isEqualTo(3);
        assertThat(recorded.get("requestedReturnMethod").asString()).isEqualTo("ONLINE");
        // The method actually used is recorded at the return, not before.
        assertThat(recorded.has("returnMethod")).isFalse();
    }

    @Test
    void the_desk_sets_the_national_dashboards_flags_per_document_and_the_channel_has_its_national_code() {
        Map<String, Object> body = intake("ACCEPT", "Mai Văn Số Hóa");
        body.put("documents", List.of(
                Map.of("documentId", mandatoryDocument, "count", 1, "digitised", true),
                Map.of("documentId", optionalDocument, "count", 1, "digitised", true, "reused", true)));
        String direct = desk().post("/api/v1/dossiers", body).json().get("code").asString();
        JsonNode recorded = desk().get("/api/v1/dossiers/" + direct).json();
        assertThat(recorded.get("channelCode").asInt()).isEqualTo(1);
        assertThat(recorded.get("documents").valueStream().map(d -> d.get("digitised").asBoolean() + "/"
                + d.get("reused").asBoolean())).containsExactly("true/false", "true/true");

        Map<String, Object> plain = intake("ACCEPT", "Mai Thị Bưu Chính");
        plain.put("channel", "POSTAL");
        String postal = desk().post("/api/v1/dossiers", plain).json().get("code").asString();
        JsonNode byPost = desk().get("/api/v1/dossiers/" + postal).json();
        assertThat(byPost.get("channelCode").asInt()).isEqualTo(3);
        assertThat(byPost.get("documents").get(0).get("digitised").asBoolean()).as("false unless said").isFalse();
        assertThat(byPost.get("documents").get(0).get("reused").asBoolean()).isFalse();
        assertThat(byPost.has("checkDueAt")).as("no online intake timing").isFalse();
    }

    @Test
    void a_number_of_sets_outside_1_to_99_is_refused_naming_the_field() {
        Map<String, Object> body = intake("ACCEPT", "Mai Văn Không Bộ");
        body.put("sets", 0);
        Api.Response response = desk().post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains("sets");
    }

    @Test
    void names_of_any_script_and_length_up_to_100_are_kept_as_sent() {
        Map<String, Object> body = intake("ACCEPT", "Ha\u0300 Thi\u0323 Lu\u031b\u0323c");
        String code = desk().post("/api/v1/dossiers", body).json().get("code").asString();
        assertThat(desk().get("/api/v1/dossiers/" + code).json().get("applicant").get("fullName").asString())
                .isEqualTo("Hà Thị Lực");
        assertThat(desk().post("/api/v1/dossiers", intake("ACCEPT", "A".repeat(101))).status()).isEqualTo(400);
        assertThat(desk().post("/api/v1/dossiers", intake("ACCEPT", "Hoàng A Páo")).status()).isEqualTo(201);
    }

    @Test
    void an_unknown_or_unpublished_procedure_is_a_422() {
        Map<String, Object> body = intake("ACCEPT", "Nguyễn Văn Sai");
        body.put("procedureCode", "1.999999.000.00.00.H27");
        assertThat(desk().post("/api/v1/dossiers", body).status()).isEqualTo(422);
    }

    @Test
    void a_supplement_request_then_the_supplement_then_acceptance() {
        Map<String, Object> body = intake("SUPPLEMENT", "Phạm Thị Bổ Sung");
        body.put("supplementItems", List.of(Map.of("description", "Bản vẽ mặt bằng", "reason", "Chưa có chữ ký")));
        JsonNode receipt = desk().post("/api/v1/dossiers", body).json();
        assertThat(receipt.get("statusCode").asInt()).isEqualTo(5);
        assertThat(receipt.has("dueAt")).isFalse();
        String code = receipt.get("code").asString();
        assertThat(desk().post("/api/v1/dossiers/" + code + "/accept", Map.of()).status()).isEqualTo(409);
        assertThat(desk().post("/api/v1/dossiers/" + code + "/supplement", Map.of("note", "Đã nộp bản vẽ")).json()
                .get("statusCode").asInt()).isEqualTo(1);
        JsonNode accepted = desk().post("/api/v1/dossiers/" + code + "/accept", Map.of()).json();
        assertThat(accepted.get("statusCode").asInt()).isEqualTo(4);
        assertThat(accepted.get("dueAt").asString()).isNotBlank();
        JsonNode history = desk().get("/api/v1/dossiers/" + code).json().get("history");
        assertThat(history.valueStream().map(h -> h.get("action").asString()))
                .containsExactly("REGISTERED", "SUPPLEMENT_REQUESTED", "SUPPLIED", "ACCEPTED", "IN_PROCESS");
        Map<String, Object> empty = intake("SUPPLEMENT", "Phạm Thị Trống");
        assertThat(desk().post("/api/v1/dossiers", empty).status()).isEqualTo(400);
    }

    @Test
    void a_refusal_keeps_its_reason() {
        Map<String, Object> body = intake("REFUSE", "Vũ Văn Từ Chối");
        body.put("refusalReason", "Thủ tục không thuộc thẩm quyền giải quyết của thành phố");
        JsonNode receipt = desk().post("/api/v1/dossiers", body).json();
        assertThat(receipt.get("statusCode").asInt()).isEqualTo(3);
        assertThat(desk().get("/api/v1/dossiers/" + receipt.get("code").asString()).json().get("refusalReason").asString())
                .startsWith("Thủ tục không thuộc");
        assertThat(desk().post("/api/v1/dossiers", intake("REFUSE", "Vũ Văn Không Lý Do")).status()).isEqualTo(400);
    }

    @Test
    void an_online_dossier_waits_for_the_desk_and_its_time_limit_runs_from_acceptance() {
        Map<String, Object> body = intake(null, "Đỗ Thị Trực Tuyến");
        body.put("channel", "ONLINE");
        JsonNode receipt = desk().post("/api/v1/dossiers", body).json();
        assertThat(receipt.get("status").asString()).isEqualTo("NEW");
        assertThat(receipt.get("statusCode").asInt()).isEqualTo(1);
        assertThat(receipt.has("dueAt")).isFalse();
        JsonNode accepted = desk().post("/api/v1/dossiers/" + receipt.get("code").asString() + "/accept", Map.of()).json();
        assertThat(accepted.get("statusCode").asInt()).isEqualTo(4);
        assertThat(accepted.get("dueAt").asString()).isNotBlank();
    }

    @Test
    void each_caller_sees_only_the_dossiers_in_their_scope() {
        String code = desk().post("/api/v1/dossiers", intake("ACCEPT", "Ngô Thị Phạm Vi")).json().get("code").asString();
        assertThat(desk().get("/api/v1/dossiers/" + code).status()).isEqualTo(200);
        assertThat(Api.as(port, "lanhdao").get("/api/v1/dossiers/" + code).status()).isEqualTo(200);
        assertThat(Api.as(port, "giamsat").get("/api/v1/dossiers/" + code).status()).isEqualTo(200);
        // A specialist of a unit the process does not pass through does not see it.
        assertThat(Api.as(port, "chuyenvien").get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(Api.as(port, "chuyenvien").get("/api/v1/dossiers?q=pham+vi").json().get("total").asLong()).isZero();
        // A clerk sees only what waits at a clerk's step of their unit.
        assertThat(Api.as(port, "vanthu").get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(Api.as(port, "vanthu").get("/api/v1/dossiers?q=pham+vi").json().get("total").asLong()).isZero();
        assertThat(Api.anonymous(port).get("/api/v1/dossiers/" + code).status()).isEqualTo(401);
        assertThat(Api.as(port, "chuyenvien").post("/api/v1/dossiers", intake("ACCEPT", "Không Được")).status())
                .isEqualTo(403);
        assertThat(Api.as(port, "chuyenvien").post("/api/v1/dossiers/" + code + "/refuse", Map.of("reason", "x")).status())
                .isEqualTo(403);
        JsonNode found = desk().get("/api/v1/dossiers?q=ngo+thi+pham+vi").json();
        assertThat(found.get("items").get(0).get("code").asString()).isEqualTo(code);
    }

    @Test
    void the_public_lookup_needs_the_pin_masks_the_name_and_stops_guessing() {
        JsonNode receipt = desk().post("/api/v1/dossiers", intake("ACCEPT", "Nguyễn Văn Tra Cứu")).json();
        String code = receipt.get("code").asString();
        String pin = receipt.get("lookupPin").asString();
        Api citizen = Api.anonymous(port);
        JsonNode status = citizen.get("/api/public/dossiers/" + code + "?pin=" + pin).json();
        assertThat(status.get("applicantName").asString()).isEqualTo("Nguyễn V*** T*** C***");
        // The citizen reads the National Public Service Portal's wording; the desk keeps its own.
        assertThat(status.get("statusName").asString()).isEqualTo("Đang xử lý");
        assertThat(status.get("history").valueStream().map(h -> h.get("statusName").asString()))
                .contains("Mới đăng ký", "Được tiếp nhận", "Đang xử lý").doesNotContain("Đã tiếp nhận");
        assertThat(citizen.get("/tra-cuu?ma=" + code + "&pin=" + pin).body()).contains("Đang xử lý")
                .contains("Được tiếp nhận").doesNotContain("Đang giải quyết");
        assertThat(status.toString()).doesNotContain("031085001234", "0912345678", "Hoàng Diệu");
        assertThat(status.get("history").get(0).get("statusCode").asInt()).isEqualTo(1);

        Api.Response wrongPin = citizen.get("/api/public/dossiers/" + code + "?pin=000000");
        Api.Response unknown = citizen.get("/api/public/dossiers/000.00.01.H27-000101-9999?pin=" + pin);
        assertThat(wrongPin.status()).isEqualTo(404);
        assertThat(wrongPin.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        for (int i = 0; i < 10; i++) {
            citizen.get("/api/public/dossiers/" + code + "?pin=11111" + (i % 10));
        }
        assertThat(citizen.get("/api/public/dossiers/" + code + "?pin=" + pin).status()).isEqualTo(429);
        Api.Response page = citizen.get("/tra-cuu?ma=" + code + "&pin=" + pin);
        assertThat(page.body()).contains("Bạn đã tra cứu sai quá nhiều lần").doesNotContain("Nguyễn V***");
        guard.forgetAll(); // every test calls from 127.0.0.1: do not leave it blocked for the others
        assertThat(citizen.get("/api/public/dossiers/" + code + "?pin=" + pin).status()).isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    LookupGuard guard;
}
