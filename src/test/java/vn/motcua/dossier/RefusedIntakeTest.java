package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * Everything that can refuse an intake refuses it before the dossier's number is drawn: a refused intake leaves no
 * gap in the agency's daily sequence, and answers a 400 or 422 naming the field, never a 409 "data conflict".
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedIntakeTest {

    static final String PROCEDURE = "1.988001.000.00.00.H27";

    @LocalServerPort
    int port;

    long mandatoryDocument;
    long optionalDocument;

    @BeforeAll
    void publishAProcedure() {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", PROCEDURE, "name", "Thủ tục thử dữ liệu gây hại", "field", "Xây dựng",
                "agencyName", "Sở Xây dựng thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", "PARTIAL",
                "documents", List.of(Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                        Map.of("name", "Bản vẽ", "copyKind", "COPY", "count", 1, "mandatory", false)),
                "steps", List.of(Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                        Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                        Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                        Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4))));
        assertThat(admin.post("/api/v1/procedures", p).status()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + PROCEDURE + "/publish", Map.of("decisionNumber",
                "88/QĐ-UBND", "decisionDate", "2026-01-02", "effectiveFrom", "2026-01-02"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        JsonNode documents = Api.anonymous(port).get("/api/public/procedures/" + PROCEDURE).json().get("documents");
        mandatoryDocument = documents.get(0).get("id").asLong();
        optionalDocument = documents.get(1).get("id").asLong();
    }

    Map<String, Object> intake(String fullName) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("channel", "DIRECT");
        body.put("applicant", new HashMap<>(Map.of("fullName", fullName, "citizenId", "031085001234",
                "address", "18 Hoàng Diệu, Hồng Bàng, Hải Phòng")));
        body.put("documents", new ArrayList<>(List.of(
                new HashMap<>(Map.of("documentId", mandatoryDocument, "copyKind", "ORIGINAL", "count", 1)))));
        body.put("decision", "ACCEPT");
        return body;
    }

    Api desk() {
        return Api.as(port, "tiepnhan");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> applicant(Map<String, Object> body) {
        return (Map<String, Object>) body.get("applicant");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> document(Map<String, Object> body, int i) {
        return ((List<Map<String, Object>>) body.get("documents")).get(i);
    }

    @Test
    void a_document_listed_twice_is_a_422_naming_the_second() {
        Map<String, Object> body = intake("Trần Văn Hai Lần");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> documents = (List<Map<String, Object>>) body.get("documents");
        documents.add(new HashMap<>(Map.of("documentId", mandatoryDocument, "count", 2)));
        Api.Response response = desk().post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("documents[1].documentId");
    }

    @Test
    void a_kind_of_copy_outside_the_catalogues_kinds_is_a_400() {
        Map<String, Object> body = intake("Trần Văn Bản Sao");
        document(body, 0).put("copyKind", "<script>x");
        Api.Response response = desk().post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("documents[0].copyKind");
    }

    @Test
    void a_name_that_grows_past_its_column_under_normalization_is_a_400() {
        // U+0958 (a Devanagari letter) is one code point typed and two stored: 60 letters are 120 characters.
        Api.Response response = desk().post("/api/v1/dossiers", intake("\u0958".repeat(60)));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("applicant.fullName");
    }

    @Test
    void refused_intakes_draw_no_number() {
        int before = number(accepted("Phạm Văn Trước"));
        List<Map<String, Object>> refused = new ArrayList<>();
        Map<String, Object> twice = intake("Phạm Văn Hai");
        twice.put("documents", List.of(Map.of("documentId", mandatoryDocument), Map.of("documentId", mandatoryDocument)));
        refused.add(twice);
        Map<String, Object> kind = intake("Phạm Văn Ba");
        document(kind, 0).put("copyKind", "bản photo");
        refused.add(kind);
        refused.add(intake("\u0958".repeat(60)));
        Map<String, Object> authorization = intake("Phạm Văn Bốn");
        authorization.put("representative", Map.of("fullName", "Phạm Thị Năm", "citizenId", "031185001234",
                "authorizationDocument", "Giấy ủy quyền ".repeat(30)));
        refused.add(authorization);
        Map<String, Object> address = intake("Phạm Văn Sáu");
        applicant(address).put("address", "Số 1\nđường 2");
        refused.add(address);
        for (Map<String, Object> body : refused) {
            Api.Response response = desk().post("/api/v1/dossiers", body);
            assertThat(response.status()).as(response.toString()).isIn(400, 422);
        }
        Api.Response nul = desk().post("/api/v1/dossiers", "{\"procedureCode\":\"" + PROCEDURE
                + "\",\"channel\":\"DIRECT\",\"applicant\":{\"fullName\":\"A\\u0000B\",\"citizenId\":\"031085001234\"}}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(number(accepted("Phạm Văn Sau"))).isEqualTo(before + 1);
    }

    @Test
    void a_hand_over_note_is_at_most_2000_characters() {
        String code = accepted("Đỗ Văn Ghi Chú");
        Api specialist = Api.as(port, "chuyenvien.sxd");
        Api.Response tooLong = specialist.post("/api/v1/dossiers/" + code + "/handover", Map.of("note", "x".repeat(2001)));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
    }

    String accepted(String fullName) {
        Api.Response response = desk().post("/api/v1/dossiers", intake(fullName));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asString();
    }

    static int number(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }

    /**
     * The forms with the most text the bounds let in, unbroken (the renderer's worst case: no place to wrap): Form
     * 02 with 50 items of a 500-character description and a 1,000-character reason, and a control slip whose
     * hand-overs each carry a 2,000-character note. Before the bounds, a 400 KB note took 11.5 s to render.
     */
    @Test
    void the_forms_with_the_longest_text_allowed_render_in_well_under_a_second_each() {
        Map<String, Object> supplement = intake("Vũ Thị Bổ Sung");
        supplement.put("decision", "SUPPLEMENT");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(Map.of("description", "d".repeat(500), "reason", "r".repeat(1000)));
        }
        supplement.put("supplementItems", items);
        Api.Response asked = desk().post("/api/v1/dossiers", supplement);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        long form02 = renderMillis(asked.json().get("code").asString() + "/supplement-request.pdf");

        String code = accepted("Vũ Văn Kiểm Soát");
        String note = "n".repeat(2000);
        for (int round = 0; round < 3; round++) {
            ok(Api.as(port, "chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/handover", Map.of("note", note)));
            ok(Api.as(port, "lanhdao.sxd").post("/api/v1/dossiers/" + code + "/send-back", Map.of("reason", note)));
        }
        ok(Api.as(port, "chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/handover", Map.of("note", note)));
        ok(Api.as(port, "lanhdao.sxd").post("/api/v1/dossiers/" + code + "/handover", Map.of("note", note)));
        long slip = renderMillis(code + "/control-slip.pdf");
        System.out.printf("Worst-case render: Form 02 (50 items) %d ms, control slip (9 notes of 2,000) %d ms%n",
                form02, slip);
        assertThat(form02).isLessThan(3000);
        assertThat(slip).isLessThan(3000);
    }

    long renderMillis(String path) {
        renderOnce(path);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            renderOnce(path);
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        return best;
    }

    void renderOnce(String path) {
        Api.Download pdf = desk().download("/api/v1/dossiers/" + path);
        assertThat(pdf.status()).as(path).isEqualTo(200);
    }

    static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
