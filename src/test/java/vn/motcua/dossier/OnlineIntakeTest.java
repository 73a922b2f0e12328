package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Identity;
import vn.motcua.organization.Organization;
import vn.motcua.organization.UnitKind;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestClock;

/**
 * The desk's side of online dossiers: the public API the citizens' portal calls ({@link DossierDesk#submitOnline},
 * {@link DossierDesk#suppliedOnline}), the online intake's clock and the deadline watch, on a clock set to October
 * 2025 (no holiday in it; no other test uses it). Office hours 08:00–12:00 and 13:30–17:30. The procedures are this
 * test's own: {@link #ONLINE} (partial online service, desk VP.MC → SXD.QLXD → SXD.LD → desk, two mandatory
 * documents), {@link #NOT_ONLINE} (no online service), {@link #CONSTRUCTION_DESK} (a process that names no desk, of
 * the Department of Construction, whose own one-stop desk SXD.MC this test opens) and {@link #NO_DESK} (of an
 * agency without a one-stop desk).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
class OnlineIntakeTest {

    static final String ONLINE = "1.975001.000.00.00.H27";
    static final String NOT_ONLINE = "1.975002.000.00.00.H27";
    static final String CONSTRUCTION_DESK = "1.975003.000.00.00.H27";
    static final String NO_DESK = "1.975004.000.00.00.H27";
    static final String CONSTRUCTION = "000.00.07.H27";
    static final String PASSWORD = "Tiep-nhan#2025";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    /** Monday 6 October 2025. */
    static LocalDateTime october(int day, int hour, int minute) {
        return LocalDateTime.of(2025, 10, day, hour, minute);
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DossierDesk desk;

    @Autowired
    DeadlineWatch deadlineWatch;

    @Autowired
    Identity identity;

    @Autowired
    Organization organization;

    @Autowired
    JdbcClient jdbc;

    final Map<String, List<Long>> documents = new HashMap<>();

    @BeforeAll
    void publishProceduresAndOpenADeskAtTheDepartment() {
        List<Map<String, Object>> process = List.of(
                step(1, "Tiếp nhận", "VP.MC", "RECEPTION", 4), step(2, "Thẩm định", "SXD.QLXD", "SPECIALIST", 28),
                step(3, "Phê duyệt", "SXD.LD", "LEADER", 4), step(4, "Trả kết quả", "VP.MC", "RECEPTION", 4));
        // A process that starts at the specialists: it names no desk.
        List<Map<String, Object>> noDesk = List.of(step(1, "Thẩm định", "SXD.QLXD", "SPECIALIST", 36),
                step(2, "Phê duyệt", "SXD.LD", "LEADER", 4));
        publish(ONLINE, "Thủ tục thử nghiệm nộp trực tuyến", "PARTIAL", "000.00.01.H27", process);
        publish(NOT_ONLINE, "Thủ tục thử nghiệm không trực tuyến", "NONE", "000.00.01.H27", process);
        if (organization.unit("SXD.MC").isEmpty()) {
            organization.createUnit(CONSTRUCTION, "SXD.MC", "Bộ phận Một cửa Sở Xây dựng", UnitKind.ONE_STOP_DESK, null);
            Api.Response opened = Api.as(port, "admin").post("/api/v1/accounts", Map.of("username", "tiepnhan.sxd",
                    "fullName", "Đinh Thị Tiếp Nhận", "password", PASSWORD, "unitCode", "SXD.MC",
                    "roles", List.of("RECEPTION")));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        }
        publish(CONSTRUCTION_DESK, "Thủ tục thử nghiệm một cửa của Sở", "FULL", CONSTRUCTION, noDesk);
        publish(NO_DESK, "Thủ tục thử nghiệm không có một cửa", "FULL", "000.00.05.H27", noDesk);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> step(int order, String name, String unit, String role, int hours) {
        return Map.of("order", order, "name", name, "unitCode", unit, "role", role, "durationHours", hours);
    }

    void publish(String code, String name, String onlineLevel, String agency, List<Map<String, Object>> steps) {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of("code", code, "name", name, "field", "Xây dựng",
                "agencyName", "Cơ quan thử nghiệm", "agencyCode", agency, "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", onlineLevel,
                "documents", List.of(
                        Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                        Map.of("name", "Bản vẽ mặt bằng", "copyKind", "COPY", "count", 1, "mandatory", true),
                        Map.of("name", "Ảnh hiện trạng", "copyKind", "COPY", "count", 1, "mandatory", false)),
                "steps", steps));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + code + "/publish", Map.of("decisionNumber",
                "79/QĐ-UBND", "decisionDate", "2025-01-02", "effectiveFrom", "2025-01-02"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        documents.put(code, Api.anonymous(port).get("/api/public/procedures/" + code).json().get("documents")
                .valueStream().map(d -> d.get("id").asLong()).toList());
    }

    /** An applicant's online dossier with both mandatory documents (and their flags as the portal sends them). */
    IntakeRequest request(String procedure, String applicant, String email) {
        List<Long> ids = documents.get(procedure);
        return new IntakeRequest(procedure, Channel.ONLINE,
                new IntakeRequest.Person(applicant, "031085001234", null, email, "5 Lê Lợi, Ngô Quyền, Hải Phòng", null,
                        null),
                null, List.of(new IntakeRequest.ReceivedDocument(ids.get(0), null, 1, null, null),
                        new IntakeRequest.ReceivedDocument(ids.get(1), null, 1, null, true)),
                null, null, null, null, ReturnMethod.ONLINE);
    }

    static String citizen() {
        return "citizen:" + UUID.randomUUID().toString().substring(0, 8);
    }

    DossierDesk.Submission submitted(String procedure, LocalDateTime at, String applicant, String by) {
        clock.set(at);
        return desk.submitOnline(request(procedure, applicant, null), by, null);
    }

    Api as(String user) {
        return user.equals("tiepnhan.sxd") ? Api.as(port, user, PASSWORD) : Api.as(port, user);
    }

    JsonNode detail(String code) {
        return Api.as(port, "admin").get("/api/v1/dossiers/" + code).json();
    }

    static OffsetDateTime vietnam(LocalDateTime local) {
        return local.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    static OffsetDateTime time(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asString());
    }

    static ProblemException refused(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("the call was not refused");
    }

    static DossierFiles.Upload pdf(long documentId) {
        return new DossierFiles.Upload(documentId, "Bản vẽ mặt bằng.pdf", new ByteArrayInputStream(PDF));
    }

    @Test
    void an_online_dossier_is_registered_new_at_the_desk_its_process_names_with_its_code_drawn_at_once() {
        String by = citizen();
        DossierDesk.Submission submission = submitted(ONLINE, october(6, 10, 15), "Đỗ Văn Trực Tuyến", by);

        DossierDesk.Receipt receipt = submission.receipt();
        assertThat(receipt.status()).isEqualTo(DossierStatus.NEW);
        assertThat(receipt.statusCode()).isEqualTo(1);
        assertThat(receipt.code()).matches("000\\.00\\.01\\.H27-251006-\\d{4,}");
        assertThat(receipt.lookupPin()).matches("\\d{6}");
        assertThat(receipt.dueAt()).as("no time limit runs before acceptance").isNull();
        assertThat(submission.channel()).isEqualTo(Channel.ONLINE);
        assertThat(submission.channelCode()).isEqualTo(2);
        assertThat(submission.deskUnitCode()).isEqualTo("VP.MC");
        assertThat(submission.submittedAt()).isEqualTo(vietnam(october(6, 10, 15)));
        assertThat(submission.checkCountsFrom()).isEqualTo(vietnam(october(6, 10, 15)));
        // 10:15 → 12:00, 13:30 → 17:30, Tuesday 08:00 → 10:15: eight working hours.
        assertThat(submission.checkDueAt()).isEqualTo(vietnam(october(7, 10, 15)));

        JsonNode d = detail(receipt.code());
        assertThat(d.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(d.get("channelCode").asInt()).isEqualTo(2);
        assertThat(d.get("deskUnitCode").asString()).isEqualTo("VP.MC");
        assertThat(d.get("receivedBy").asString()).isEqualTo(by);
        assertThat(time(d, "checkDueAt")).isEqualTo(vietnam(october(7, 10, 15)));
        assertThat(d.get("step").get("order").asInt()).isEqualTo(1);
        assertThat(time(d.get("step"), "dueAt")).as("the intake step is the desk's check")
                .isEqualTo(vietnam(october(7, 10, 15)));
        assertThat(d.get("history").valueStream().map(h -> h.get("action").asString() + " " + h.get("by").asString()))
                .containsExactly("REGISTERED " + by);
        // The flags as sent: the second document reused from data already digitised.
        assertThat(d.get("documents").valueStream().map(x -> x.get("digitised").asBoolean() + "/"
                + x.get("reused").asBoolean())).containsExactly("false/false", "false/true");
    }

    @Test
    void a_dossier_submitted_on_friday_night_keeps_its_time_and_day_and_counts_from_monday_morning() {
        DossierDesk.Submission submission = submitted(ONLINE, october(10, 21, 30), "Đỗ Thị Ngoài Giờ", citizen());
        assertThat(submission.receipt().code()).contains("-251010-");
        assertThat(submission.submittedAt()).isEqualTo(vietnam(october(10, 21, 30)));
        assertThat(submission.checkCountsFrom()).isEqualTo(vietnam(october(13, 8, 0)));
        assertThat(submission.checkDueAt()).isEqualTo(vietnam(october(13, 17, 30)));
        JsonNode d = detail(submission.receipt().code());
        assertThat(time(d, "receivedAt")).isEqualTo(vietnam(october(10, 21, 30)));
        assertThat(time(d, "checkCountsFrom")).isEqualTo(vietnam(october(13, 8, 0)));
    }

    @Test
    void the_time_limit_for_the_result_starts_at_acceptance_not_at_submission() {
        String code = submitted(ONLINE, october(10, 21, 30), "Đỗ Văn Chờ Nhận", citizen()).receipt().code();
        clock.set(october(14, 9, 0));
        JsonNode accepted = as("tiepnhan").post("/api/v1/dossiers/" + code + "/accept", Map.of()).json();
        assertThat(accepted.get("statusCode").asInt()).isEqualTo(4);
        // Five working days from Tuesday 14 October 09:00.
        assertThat(time(accepted, "dueAt")).isEqualTo(vietnam(october(21, 9, 0)));
        assertThat(time(detail(code), "acceptedAt")).isEqualTo(vietnam(october(14, 9, 0)));
    }

    @Test
    void a_repeated_submission_with_the_same_key_returns_the_first_dossier_and_another_body_is_a_409() {
        String by = citizen();
        String key = "portal-" + UUID.randomUUID();
        clock.set(october(6, 9, 0));
        String first = desk.submitOnline(request(ONLINE, "Lê Văn Lặp Lại", null), by, key).receipt().code();
        assertThat(desk.submitOnline(request(ONLINE, "Lê Văn Lặp Lại", null), by, key).receipt().code())
                .isEqualTo(first);
        assertThat(refused(() -> desk.submitOnline(request(ONLINE, "Lê Văn Khác", null), by, key)).status())
                .isEqualTo(HttpStatus.CONFLICT);
        // Another applicant's key of the same text is another submission.
        assertThat(desk.submitOnline(request(ONLINE, "Lê Văn Lặp Lại", null), citizen(), key).receipt().code())
                .isNotEqualTo(first);
    }

    @Test
    void files_sent_with_the_submission_are_kept_with_the_dossier_and_mark_their_documents_digitised() {
        String by = citizen();
        clock.set(october(6, 9, 0));
        long form = documents.get(ONLINE).get(0);
        ProblemException unknown = refused(() -> desk.submitOnline(request(ONLINE, "Cao Văn Tệp", null),
                List.of(new DossierFiles.Upload(999_999_999L, "x.pdf", new ByteArrayInputStream(PDF))), by, null));
        assertThat(unknown.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.errors()).extracting(ProblemException.FieldError::field).containsExactly("files[0].documentId");

        String code = desk.submitOnline(request(ONLINE, "Cao Văn Tệp", null), List.of(
                new DossierFiles.Upload(form, "Đơn đề nghị.pdf", new ByteArrayInputStream(PDF))), by, null)
                .receipt().code();
        JsonNode d = detail(code);
        assertThat(d.get("documents").valueStream().map(x -> x.get("documentId").asLong() + " "
                + x.get("digitised").asBoolean())).containsExactly(form + " true", documents.get(ONLINE).get(1) + " false");
        JsonNode files = as("tiepnhan").get("/api/v1/dossiers/" + code + "/files").json();
        assertThat(files.valueStream().map(f -> f.get("name").asString() + " " + f.get("documentId").asLong() + " "
                + f.get("uploadedBy").asString())).containsExactly("Đơn đề nghị.pdf " + form + " " + by);
    }

    @Test
    void missing_mandatory_documents_are_refused_naming_each_and_nothing_is_registered() {
        clock.set(october(6, 9, 0));
        long before = jdbc.sql("select count(*) from dossier where procedure_code = ?").param(ONLINE)
                .query(Long.class).single();
        IntakeRequest full = request(ONLINE, "Trần Văn Thiếu", null);
        IntakeRequest incomplete = new IntakeRequest(ONLINE, Channel.ONLINE, full.applicant(), null,
                List.of(new IntakeRequest.ReceivedDocument(documents.get(ONLINE).get(2), null, 1, null, null)), null,
                null, null, null, null);
        ProblemException problem = refused(() -> desk.submitOnline(incomplete, citizen(), null));
        assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(problem.messageKey()).isEqualTo("dossier.accept.incomplete");
        assertThat(problem.errors()).extracting(e -> e.args()[0]).containsExactly("Đơn đề nghị", "Bản vẽ mặt bằng");
        assertThat(jdbc.sql("select count(*) from dossier where procedure_code = ?").param(ONLINE).query(Long.class)
                .single()).isEqualTo(before);

        IntakeRequest invalid = new IntakeRequest(ONLINE, Channel.ONLINE, new IntakeRequest.Person("Trần Văn 3",
                "031085001234", "12345", null, null, null, null), null, full.documents(), null, null, null, null, null);
        assertThat(refused(() -> desk.submitOnline(invalid, citizen(), null)).errors())
                .extracting(ProblemException.FieldError::field).contains("applicant.fullName", "applicant.phone");
    }

    @Test
    void a_procedure_not_offered_online_takes_no_online_dossier_from_the_portal_nor_from_the_desk() {
        clock.set(october(6, 9, 0));
        ProblemException problem = refused(() -> desk.submitOnline(request(NOT_ONLINE, "Phan Văn Không", null),
                citizen(), null));
        assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(problem.messageKey()).isEqualTo("dossier.online.not-offered");

        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", NOT_ONLINE);
        body.put("channel", "ONLINE");
        body.put("applicant", Map.of("fullName", "Phan Thị Không", "citizenId", "031085001234"));
        body.put("documents", documents.get(NOT_ONLINE).subList(0, 2).stream().map(id -> Map.of("documentId", id))
                .toList());
        Api.Response vietnamese = as("tiepnhan").post("/api/v1/dossiers", body);
        assertThat(vietnamese.status()).isEqualTo(422);
        assertThat(vietnamese.contentType()).startsWith("application/problem+json");
        assertThat(vietnamese.json().get("detail").asString()).isEqualTo("Thủ tục " + NOT_ONLINE
                + " không được cung cấp dịch vụ công trực tuyến (toàn trình hoặc một phần) nên không nộp hồ sơ trực"
                + " tuyến được.");
        Api.Response english = as("tiepnhan").header("Accept-Language", "en").post("/api/v1/dossiers", body);
        assertThat(english.json().get("detail").asString()).startsWith("Procedure " + NOT_ONLINE
                + " is not offered as an online public service");
        body.put("channel", "DIRECT");
        assertThat(as("tiepnhan").post("/api/v1/dossiers", body).status()).as("at the desk it is received")
                .isEqualTo(201);
    }

    @Test
    void a_process_that_names_no_desk_sends_the_dossier_to_its_agencys_one_stop_desk_and_only_that_desk_decides() {
        DossierDesk.Submission submission = submitted(CONSTRUCTION_DESK, october(6, 9, 0), "Vũ Văn Sở", citizen());
        String code = submission.receipt().code();
        assertThat(submission.deskUnitCode()).isEqualTo("SXD.MC");
        assertThat(code).startsWith(CONSTRUCTION + "-251006-");

        String queue = "/api/v1/work-queue?size=100";
        assertThat(codes(as("tiepnhan.sxd"), queue)).contains(code);
        assertThat(codes(as("tiepnhan"), queue)).doesNotContain(code);
        assertThat(codes(as("chuyenvien.sxd"), queue)).as("a unit further on the process").doesNotContain(code);
        // Another desk's officer does not see it; a specialist has no say at intake; an applicant's account is no
        // member of staff.
        assertThat(as("tiepnhan").post("/api/v1/dossiers/" + code + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(as("tiepnhan").get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(as("chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/accept", Map.of()).status())
                .isEqualTo(403);
        assertThat(as("tiepnhan.sxd").post("/api/v1/dossiers/" + code + "/accept", Map.of()).status()).isEqualTo(200);

        ProblemException none = refused(() -> desk.submitOnline(request(NO_DESK, "Vũ Thị Không Nơi", null),
                citizen(), null));
        assertThat(none.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(none.messageKey()).isEqualTo("dossier.online.no-desk");
    }

    @Test
    void an_online_dossier_not_checked_in_time_is_flagged_in_the_desks_queue_and_on_the_units_dashboard() {
        String code = submitted(ONLINE, october(20, 9, 0), "Hoàng Văn Chờ Kiểm Tra", citizen()).receipt().code();
        clock.set(october(20, 15, 0));
        JsonNode waiting = item(as("tiepnhan"), code);
        assertThat(waiting.get("checkOverdue").asBoolean()).isFalse();
        assertThat(waiting.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(time(waiting, "checkDueAt")).isEqualTo(vietnam(october(21, 9, 0)));

        clock.set(october(21, 10, 0));
        JsonNode late = item(as("tiepnhan"), code);
        assertThat(late.get("checkOverdue").asBoolean()).isTrue();
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(codes(as("tiepnhan"), "/api/v1/work-queue?due=overdue&size=100")).contains(code);
        long flagged = checksOverdue("VP.MC");
        assertThat(flagged).isPositive();
        assertThat(as("tiepnhan").get("/api/v1/work-queue/units").status()).isEqualTo(403);

        assertThat(as("tiepnhan").post("/api/v1/dossiers/" + code + "/accept", Map.of()).status()).isEqualTo(200);
        assertThat(checksOverdue("VP.MC")).isEqualTo(flagged - 1);
        assertThat(codes(as("tiepnhan"), "/api/v1/work-queue?size=100")).doesNotContain(code);
    }

    long checksOverdue(String unit) {
        return as("lanhdao").get("/api/v1/work-queue/units").json().valueStream()
                .filter(u -> u.get("unitCode").asString().equals(unit)).findFirst().orElseThrow()
                .get("checksOverdue").asLong();
    }

    /** The dossier's item in the caller's queue, looked for page by page (other tests leave dossiers there). */
    static JsonNode item(Api api, String code) {
        for (int page = 0; page < 50; page++) {
            JsonNode items = api.get("/api/v1/work-queue?size=100&page=" + page).json().get("items");
            if (items.isEmpty()) {
                break;
            }
            for (JsonNode item : items) {
                if (item.get("code").asString().equals(code)) {
                    return item;
                }
            }
        }
        throw new AssertionError(code + " is not in the queue");
    }

    static List<String> codes(Api api, String path) {
        List<String> codes = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            JsonNode items = api.get(path + "&page=" + page).json().get("items");
            if (items.isEmpty()) {
                break;
            }
            items.valueStream().forEach(i -> codes.add(i.get("code").asString()));
        }
        return codes;
    }

    @Test
    void a_supplement_sent_online_at_intake_returns_the_dossier_to_the_desks_check_with_a_new_deadline_and_its_files() {
        String by = citizen();
        String code = submitted(ONLINE, october(6, 9, 0), "Ngô Thị Bổ Sung", by).receipt().code();
        clock.set(october(6, 14, 0));
        Api.Response asked = as("tiepnhan").post("/api/v1/dossiers/" + code + "/request-supplement", Map.of("items",
                List.of(Map.of("description", "Bản vẽ mặt bằng có chữ ký", "reason", "Bản đã nộp chưa ký"))));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        // Fifteen working days from Monday 6 October 14:00.
        assertThat(time(detail(code), "supplementDueAt")).isEqualTo(vietnam(october(27, 14, 0)));
        long drawing = documents.get(ONLINE).get(1);

        clock.set(october(8, 19, 0));
        assertThat(refused(() -> desk.suppliedOnline(code, "Của người khác", List.of(pdf(drawing)), citizen())).status())
                .as("another applicant's account").isEqualTo(HttpStatus.NOT_FOUND);
        ProblemException nothing = refused(() -> desk.suppliedOnline(code, "  ", List.of(), by));
        assertThat(nothing.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nothing.errors()).extracting(ProblemException.FieldError::field).containsExactly("files");
        assertThat(refused(() -> desk.suppliedOnline(code, null, List.of(new DossierFiles.Upload(999_999_999L, "x.pdf",
                new ByteArrayInputStream(PDF))), by)).errors()).extracting(ProblemException.FieldError::field)
                .containsExactly("files[0].documentId");
        assertThat(refused(() -> desk.suppliedOnline(code, null, List.of(new DossierFiles.Upload(drawing, "x.pdf",
                new ByteArrayInputStream("not a pdf".getBytes(StandardCharsets.US_ASCII)))), by)).status())
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(detail(code).get("statusCode").asInt()).as("nothing changed").isEqualTo(5);

        DossierDesk.Receipt supplied = desk.suppliedOnline(code, "Đã gửi bản vẽ có chữ ký", List.of(pdf(drawing)), by);
        assertThat(supplied.status()).isEqualTo(DossierStatus.NEW);
        JsonNode d = detail(code);
        assertThat(d.has("supplementDueAt")).isFalse();
        // Sent on Wednesday evening: the check counts from Thursday 08:00 and is due by 17:30.
        assertThat(time(d, "checkCountsFrom")).isEqualTo(vietnam(october(9, 8, 0)));
        assertThat(time(d, "checkDueAt")).isEqualTo(vietnam(october(9, 17, 30)));
        assertThat(time(d.get("step"), "dueAt")).isEqualTo(vietnam(october(9, 17, 30)));
        JsonNode last = d.get("history").get(d.get("history").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("SUPPLIED");
        assertThat(last.get("by").asString()).isEqualTo(by);
        assertThat(last.get("note").asString()).isEqualTo("Đã gửi bản vẽ có chữ ký");
        JsonNode files = as("tiepnhan").get("/api/v1/dossiers/" + code + "/files").json();
        assertThat(files.valueStream().map(f -> f.get("documentId").asLong() + " " + f.get("uploadedBy").asString()
                + " " + f.get("contentType").asString())).containsExactly(drawing + " " + by + " application/pdf");

        assertThat(refused(() -> desk.suppliedOnline(code, "Lần nữa", List.of(), by)).status())
                .as("nothing is awaited any more").isEqualTo(HttpStatus.CONFLICT);
        clock.set(october(9, 9, 0));
        assertThat(as("tiepnhan").post("/api/v1/dossiers/" + code + "/accept", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void a_supplement_sent_online_during_processing_is_recorded_and_the_step_that_asked_confirms_it() {
        String by = citizen();
        String code = submitted(ONLINE, october(6, 9, 0), "Lý Văn Đang Giải Quyết", by).receipt().code();
        clock.set(october(6, 10, 0));
        assertThat(as("tiepnhan").post("/api/v1/dossiers/" + code + "/accept", Map.of()).status()).isEqualTo(200);
        clock.set(october(7, 10, 0));
        Api.Response asked = as("chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/request-supplement",
                Map.of("items", List.of(Map.of("description", "Ảnh hiện trạng", "reason", "Chưa có"))));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);

        clock.set(october(8, 9, 0));
        long photo = documents.get(ONLINE).get(2);
        DossierDesk.Receipt sent = desk.suppliedOnline(code, "Ảnh chụp hiện trạng", List.of(pdf(photo)), by);
        assertThat(sent.status()).as("the step that asked confirms it").isEqualTo(DossierStatus.SUPPLEMENT_REQUESTED);
        JsonNode d = detail(code);
        JsonNode last = d.get("history").get(d.get("history").size() - 1);
        assertThat(last.get("action").asString() + " " + last.get("unitCode").asString() + " " + last.get("by")
                .asString()).isEqualTo("SUPPLEMENT_SUBMITTED SXD.QLXD " + by);
        assertThat(as("chuyenvien.sxd").get("/api/v1/dossiers/" + code + "/files").json().valueStream()
                .map(f -> f.get("documentId").asLong())).containsExactly(photo);

        clock.set(october(8, 10, 0));
        JsonNode resumed = as("chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/supplement-received",
                Map.of("note", "Đã đủ")).json();
        assertThat(resumed.get("statusCode").asInt()).isEqualTo(4);
    }

    @Test
    void an_online_supplement_request_unanswered_for_15_working_days_closes_the_dossier_as_not_accepted() {
        String email = "cho." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
        clock.set(october(6, 9, 0));
        String code = desk.submitOnline(request(ONLINE, "Trịnh Văn Im Lặng", email), citizen(), null).receipt().code();
        Map<String, Object> items = Map.of("items", List.of(Map.of("description", "Bản vẽ mặt bằng có chữ ký")));
        clock.set(october(6, 14, 0));
        assertThat(as("tiepnhan").post("/api/v1/dossiers/" + code + "/request-supplement", items).status())
                .isEqualTo(200);
        // At the desk the applicant takes Form 02 home: no online time runs.
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", ONLINE);
        body.put("channel", "DIRECT");
        body.put("decision", "SUPPLEMENT");
        body.put("supplementItems", items.get("items"));
        body.put("applicant", Map.of("fullName", "Trịnh Thị Tại Quầy", "citizenId", "031085001234"));
        String direct = as("tiepnhan").post("/api/v1/dossiers", body).json().get("code").asString();

        clock.set(october(27, 14, 0));
        deadlineWatch.run();
        assertThat(detail(code).get("statusCode").asInt()).as("15 working days are not over yet").isEqualTo(5);

        clock.set(october(27, 14, 1));
        assertThat(deadlineWatch.run().closedUnanswered()).isPositive();
        JsonNode d = detail(code);
        assertThat(d.get("statusCode").asInt()).isEqualTo(3);
        assertThat(d.get("refusalReason").asString()).isEqualTo("Không nhận được hồ sơ bổ sung, hoàn thiện trong thời"
                + " hạn 15 ngày làm việc kể từ khi có Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.");
        JsonNode last = d.get("history").get(d.get("history").size() - 1);
        assertThat(last.get("action").asString() + " " + last.get("by").asString() + " " + last.get("unitCode")
                .asString()).isEqualTo("REFUSED system:deadline-watch VP.MC");
        assertThat(d.has("supplementDueAt")).isFalse();
        String notice = jdbc.sql("select body from outbox_message where recipient = ? and kind = 'DOSSIER_REFUSED'")
                .param(email).query(String.class).single();
        assertThat(notice).contains(code).contains("Không nhận được hồ sơ bổ sung, hoàn thiện trong thời hạn 15 ngày")
                .contains("Cơ quan: Văn phòng Ủy ban nhân dân thành phố Hải Phòng. Thời gian: 14:01 ngày 27/10/2025.")
                .doesNotContain("Cán bộ thực hiện");
        assertThat(detail(direct).get("statusCode").asInt()).isEqualTo(5);

        clock.set(october(28, 9, 0));
        deadlineWatch.run();
        assertThat(detail(code).get("history").size()).as("closed once").isEqualTo(d.get("history").size());
    }

    @Test
    void every_status_change_is_published_naming_the_agency_the_officer_and_the_time(
            @Autowired ApplicationEvents events) {
        String by = citizen();
        clock.set(october(6, 9, 30));
        String code = desk.submitOnline(request(ONLINE, "Phùng Văn Sự Kiện", null), by, null).receipt().code();
        clock.set(october(6, 10, 0));
        desk.accept(code, identity.user("tiepnhan").orElseThrow());

        List<DossierStatusChanged> changes = events.stream(DossierStatusChanged.class)
                .filter(e -> e.code().equals(code)).toList();
        assertThat(changes).extracting(DossierStatusChanged::action, DossierStatusChanged::statusCode)
                .containsExactly(tuple("REGISTERED", 1), tuple("ACCEPTED", 2), tuple("IN_PROCESS", 4));
        DossierStatusChanged registered = changes.get(0);
        assertThat(registered.agencyCode()).isEqualTo("000.00.01.H27");
        assertThat(registered.agencyName()).isEqualTo("Văn phòng Ủy ban nhân dân thành phố Hải Phòng");
        assertThat(registered.officerName()).as("the applicant acted").isNull();
        assertThat(registered.submittedBy()).isEqualTo(by);
        assertThat(registered.applicantCitizenId()).isEqualTo("031085001234");
        assertThat(registered.at()).isEqualTo(vietnam(october(6, 9, 30)));
        DossierStatusChanged accepted = changes.get(1);
        assertThat(accepted.officerName()).isEqualTo("Trần Thị Thu Hà");
        assertThat(accepted.at()).isEqualTo(vietnam(october(6, 10, 0)));
        assertThat(accepted.procedureName()).isEqualTo("Thủ tục thử nghiệm nộp trực tuyến");
    }
}
