package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestClock;

/**
 * The dossier after intake, through the API, on a clock set to March 2025 (a quiet month: no holiday):
 * intake at the Office's desk (VP.MC), appraisal at SXD.QLXD (SPECIALIST, 28 working hours), approval at
 * SXD.LD (LEADER, 4 h), return at the desk. Office hours 08:00–12:00 and 13:30–17:30.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierProcessingTest {

    static final String RESTART = "1.980001.000.00.00.H27";
    static final String PAUSE = "1.980002.000.00.00.H27";
    /** Monday 3 March 2025, 09:00 in Hải Phòng. */
    static final LocalDateTime MONDAY = LocalDateTime.of(2025, 3, 3, 9, 0);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DeadlineWatch deadlineWatch;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    final Map<String, Long> mandatoryDocument = new HashMap<>();

    @BeforeAll
    void publishTwoProcedures() {
        publish(RESTART, "RESTART");
        publish(PAUSE, "PAUSE");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void publish(String code, String clockPolicy) {
        mandatoryDocument.put(code, ProcessFixtures.publishFourStepProcess(port, code,
                "Cấp phép thử nghiệm giải quyết hồ sơ " + clockPolicy, clockPolicy, "2025-01-02"));
    }

    /** A dossier accepted at the desk at {@code at}: it waits at step 2 (SXD.QLXD). */
    String accepted(String procedure, LocalDateTime at, String applicant) {
        clock.set(at);
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", procedure);
        body.put("channel", "DIRECT");
        body.put("applicant", Map.of("fullName", applicant, "citizenId", "031085001234", "phone", "0912345678",
                "address", "5 Lê Lợi, Ngô Quyền, Hải Phòng"));
        body.put("documents", List.of(Map.of("documentId", mandatoryDocument.get(procedure))));
        Api.Response response = as("tiepnhan").post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asString();
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    JsonNode detail(String code) {
        return as("tiepnhan").get("/api/v1/dossiers/" + code).json();
    }

    int revision(String code) {
        return detail(code).get("revision").asInt();
    }

    Api.Response act(String user, String code, String action, Map<String, ?> body) {
        return as(user).post("/api/v1/dossiers/" + code + "/" + action, body);
    }

    JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    OffsetDateTime deadline(OffsetDateTime from, String unit, int amount) {
        String local = from.atZoneSameInstant(vn.motcua.shared.VietnamTime.ZONE).toLocalDateTime().toString();
        return LocalDateTime.parse(Api.anonymous(port).get("/api/public/calendar/deadline?from=" + local + "&" + unit
                + "=" + amount).json().get("due").asString()).atOffset(java.time.ZoneOffset.ofHours(7));
    }

    static OffsetDateTime time(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asString());
    }

    @Test
    void a_dossier_walks_its_process_from_desk_to_specialist_to_leader_and_back_to_the_desk() {
        String code = accepted(RESTART, MONDAY, "Trần Văn Quy Trình");
        JsonNode atStep2 = detail(code);
        assertThat(atStep2.get("statusCode").asInt()).isEqualTo(4);
        assertThat(atStep2.get("step").get("order").asInt()).isEqualTo(2);
        assertThat(atStep2.get("step").get("unitCode").asString()).isEqualTo("SXD.QLXD");
        OffsetDateTime start = time(atStep2.get("step"), "startedAt");
        assertThat(time(atStep2.get("step"), "dueAt")).isEqualTo(deadline(start, "workingHours", 28));
        assertThat(time(atStep2, "dueAt")).isEqualTo(deadline(start, "workingDays", 5));

        clock.set(MONDAY.plusDays(1));
        JsonNode atStep3 = ok(act("chuyenvien.sxd", code, "handover",
                Map.of("note", "Đủ điều kiện cấp phép", "expectedVersion", revision(code))));
        assertThat(atStep3.get("step").asInt()).isEqualTo(3);
        assertThat(atStep3.get("stepUnitCode").asString()).isEqualTo("SXD.LD");
        assertThat(atStep3.get("statusCode").asInt()).isEqualTo(4);

        clock.set(MONDAY.plusDays(2));
        JsonNode ready = ok(act("lanhdao.sxd", code, "handover", Map.of("note", "Đồng ý, đã ký giấy phép")));
        assertThat(ready.get("statusCode").asInt()).isEqualTo(9);
        assertThat(ready.get("stepUnitCode").asString()).isEqualTo("VP.MC");
        assertThat(ready.get("timeliness").asString()).isEqualTo("EARLY");

        clock.set(MONDAY.plusDays(2).plusHours(2));
        JsonNode returned = ok(act("tiepnhan", code, "return-result", Map.of("method", "DIRECT")));
        assertThat(returned.get("statusCode").asInt()).isEqualTo(10);
        assertThat(returned.has("stepUnitCode")).isFalse();

        JsonNode slip = as("tiepnhan").get("/api/v1/dossiers/" + code + "/history").json();
        assertThat(slip.valueStream().map(h -> h.get("step").asInt() + " " + h.get("fromUnit").asString() + "→"
                + (h.has("toUnit") ? h.get("toUnit").asString() : "-") + " " + h.get("timeliness").asString()))
                // Intake on its due day; appraisal a day before its; approval (4 h from Tuesday 09:00) on Wednesday;
                // the return against the appointment (five working days from Monday), not the desk's step.
                .containsExactly("1 VP.MC→SXD.QLXD ON_TIME", "2 SXD.QLXD→SXD.LD EARLY", "3 SXD.LD→VP.MC LATE",
                        "4 VP.MC→- EARLY");
        assertThat(slip.get(1).get("by").asString()).isEqualTo("chuyenvien.sxd");
        assertThat(slip.get(1).get("note").asString()).isEqualTo("Đủ điều kiện cấp phép");
        assertThat(as("chuyenvien.sxd").get("/api/v1/dossiers/" + code + "/history").status()).isEqualTo(200);
        assertThat(as("chuyenvien").get("/api/v1/dossiers/" + code + "/history").status()).isEqualTo(404);
        assertThat(detail(code).get("history").valueStream().map(h -> h.get("statusCode").asInt()))
                .containsExactly(1, 2, 4, 4, 9, 10);
    }

    @Test
    void only_the_holder_of_the_current_step_acts_and_a_stale_version_is_refused() {
        String code = accepted(RESTART, MONDAY, "Lê Thị Phân Quyền");
        int version = revision(code);
        // Not theirs to see: another unit's specialist is answered as for an unknown code.
        assertThat(act("chuyenvien", code, "handover", Map.of()).status()).isEqualTo(404);
        assertThat(act("chuyenvien", "000.00.01.H27-000101-0001", "handover", Map.of()).status()).isEqualTo(404);
        // They see it but take no part in the process: a monitor, an administrator.
        assertThat(act("giamsat", code, "handover", Map.of()).status()).isEqualTo(403);
        assertThat(act("admin", code, "handover", Map.of()).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).post("/api/v1/dossiers/" + code + "/handover", Map.of()).status()).isEqualTo(401);
        // A part in the process, but not at this step: 409.
        Api.Response early = act("lanhdao.sxd", code, "handover", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains(code).contains("không ở bước");
        assertThat(act("tiepnhan", code, "handover", Map.of()).status()).isEqualTo(409);
        // Someone acted first.
        assertThat(act("chuyenvien.sxd", code, "handover", Map.of("expectedVersion", version - 1)).status())
                .isEqualTo(409);
        ok(act("chuyenvien.sxd", code, "handover", Map.of("expectedVersion", version)));
        Api.Response twice = act("chuyenvien.sxd", code, "handover", Map.of("expectedVersion", version));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(act("lanhdao.sxd", code, "handover", Map.of("expectedVersion", version)).status()).isEqualTo(409);
        ok(act("lanhdao.sxd", code, "handover", Map.of("expectedVersion", version + 1)));
        // Result ready: no more hand-overs; only the desk returns it.
        assertThat(act("lanhdao.sxd", code, "handover", Map.of()).status()).isEqualTo(409);
        assertThat(act("chuyenvien.sxd", code, "return-result", Map.of("method", "DIRECT")).status()).isEqualTo(403);
        assertThat(act("tiepnhan", code, "return-result", Map.of("method", "CARRIER_PIGEON")).status()).isEqualTo(400);
        assertThat(act("tiepnhan", code, "return-result", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void send_back_goes_to_the_previous_step_with_its_reason() {
        String code = accepted(RESTART, MONDAY, "Phạm Văn Trả Lại");
        assertThat(act("chuyenvien.sxd", code, "send-back", Map.of("reason", "Không có bước trước")).status())
                .isEqualTo(409);
        ok(act("chuyenvien.sxd", code, "handover", Map.of()));
        assertThat(act("lanhdao.sxd", code, "send-back", Map.of()).status()).isEqualTo(400);
        clock.set(MONDAY.plusHours(3));
        JsonNode back = ok(act("lanhdao.sxd", code, "send-back", Map.of("reason", "Thiếu ý kiến thẩm định về PCCC")));
        assertThat(back.get("step").asInt()).isEqualTo(2);
        assertThat(back.get("stepUnitCode").asString()).isEqualTo("SXD.QLXD");
        // The step starts again: its due time runs from the send-back.
        assertThat(time(back, "stepDueAt")).isEqualTo(deadline(time(detail(code).get("step"), "startedAt"),
                "workingHours", 28));
        JsonNode line = as("tiepnhan").get("/api/v1/dossiers/" + code + "/history").json().get(2);
        assertThat(line.get("action").asString()).isEqualTo("SEND_BACK");
        assertThat(line.get("fromUnit").asString()).isEqualTo("SXD.LD");
        assertThat(line.get("toUnit").asString()).isEqualTo("SXD.QLXD");
        assertThat(line.get("note").asString()).isEqualTo("Thiếu ý kiến thẩm định về PCCC");
        // The desk may send a ready result back to the last processing step.
        ok(act("chuyenvien.sxd", code, "handover", Map.of()));
        ok(act("lanhdao.sxd", code, "handover", Map.of()));
        JsonNode fromDesk = ok(act("tiepnhan", code, "send-back", Map.of("reason", "Kết quả ghi sai tên người nộp")));
        assertThat(fromDesk.get("statusCode").asInt()).isEqualTo(4);
        assertThat(fromDesk.get("stepUnitCode").asString()).isEqualTo("SXD.LD");
        assertThat(fromDesk.has("timeliness")).isFalse();
    }

    @Test
    void restart_policy_a_supplement_during_processing_runs_the_full_time_limit_again() {
        String code = accepted(RESTART, MONDAY, "Vũ Thị Bổ Sung Lại");
        clock.set(MONDAY.plusDays(1));
        Map<String, Object> request = Map.of("items", List.of(Map.of("description", "Bản vẽ mặt cắt",
                "reason", "Bản vẽ nộp thiếu mặt cắt A-A")));
        assertThat(act("chuyenvien", code, "request-supplement", request).status()).isEqualTo(404);
        JsonNode waiting = ok(act("chuyenvien.sxd", code, "request-supplement", request));
        assertThat(waiting.get("statusCode").asInt()).isEqualTo(5);
        assertThat(act("chuyenvien.sxd", code, "handover", Map.of()).status()).isEqualTo(409);

        clock.set(MONDAY.plusDays(3));
        JsonNode resumed = ok(act("tiepnhan", code, "supplement-received", Map.of("note", "Đã nhận bản vẽ")));
        assertThat(resumed.get("statusCode").asInt()).isEqualTo(4);
        assertThat(resumed.get("step").asInt()).isEqualTo(2);
        OffsetDateTime now = time(detail(code).get("step"), "startedAt");
        assertThat(now.toLocalDateTime()).isEqualTo(MONDAY.plusDays(3));
        assertThat(time(resumed, "dueAt")).isEqualTo(deadline(now, "workingDays", 5));
        assertThat(time(resumed, "stepDueAt")).isEqualTo(deadline(now, "workingHours", 28));
        assertThat(detail(code).get("processingSupplementItems").get(0).get("description").asString())
                .isEqualTo("Bản vẽ mặt cắt");
        // Once only during processing: a deficient dossier goes back to the applicant once, with every reason
        // (Decree 61/2018 as amended by Decree 107/2021; Decree 118/2025 from 1 July 2025).
        Api.Response again = act("chuyenvien.sxd", code, "request-supplement", request);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("một lần");
        assertThat(act("chuyenvien.sxd", code, "request-supplement", Map.of("items", List.of())).status()).isEqualTo(400);
    }

    @Test
    void pause_policy_the_due_times_move_by_the_working_time_spent_waiting() {
        String code = accepted(PAUSE, MONDAY, "Hoàng Văn Tạm Dừng");
        JsonNode before = detail(code);
        OffsetDateTime due = time(before, "dueAt");
        OffsetDateTime stepDue = time(before.get("step"), "dueAt");
        clock.set(MONDAY.plusDays(1)); // Tuesday 09:00
        ok(act("chuyenvien.sxd", code, "request-supplement", Map.of("items", List.of(Map.of("description",
                "Giấy chứng nhận quyền sử dụng đất", "reason", "Bản sao chưa chứng thực")))));
        clock.set(MONDAY.plusDays(3)); // Thursday 09:00: 16 working hours later
        JsonNode resumed = ok(act("tiepnhan", code, "supplement-received", Map.of()));
        assertThat(time(resumed, "dueAt")).isEqualTo(deadline(due, "workingHours", 16));
        assertThat(time(resumed, "stepDueAt")).isEqualTo(deadline(stepDue, "workingHours", 16));
    }

    @Test
    void an_apology_resets_the_due_date_once_before_it_passes_and_timeliness_follows_the_new_date() {
        String code = accepted(RESTART, MONDAY, "Đặng Thị Xin Lỗi");
        OffsetDateTime due = time(detail(code), "dueAt");
        OffsetDateTime later = due.plusDays(3);
        assertThat(act("chuyenvien.sxd", code, "apology", Map.of("reason", "Cần xác minh thực địa", "newDueAt",
                later.toString())).status()).isEqualTo(403);
        assertThat(act("lanhdao.sxd", code, "apology", Map.of("reason", "Cần xác minh", "newDueAt", due.toString()))
                .status()).isEqualTo(422);
        assertThat(act("lanhdao.sxd", code, "apology", Map.of("reason", "Cần xác minh")).status()).isEqualTo(400);
        // Years ahead would judge a late dossier early: no later than the time limit once more from the due time.
        Api.Response tooFar = act("lanhdao.sxd", code, "apology", Map.of("reason", "Cần xác minh", "newDueAt",
                due.plusYears(5).toString()));
        assertThat(tooFar.status()).isEqualTo(422);
        assertThat(tooFar.body()).contains("không được muộn hơn");
        clock.set(due.toLocalDateTime().minusHours(1));
        JsonNode apologized = ok(act("lanhdao.sxd", code, "apology", Map.of("reason",
                "Cần lấy ý kiến cơ quan phòng cháy chữa cháy", "newDueAt", later.toString())));
        assertThat(time(apologized, "dueAt")).isEqualTo(later);
        assertThat(time(detail(code), "originalDueAt")).isEqualTo(due);
        assertThat(act("tiepnhan", code, "apology", Map.of("reason", "Lần hai", "newDueAt", later.plusDays(1).toString()))
                .status()).isEqualTo(409);

        // After the original due time but before the new one: the dossier is on time, not late.
        clock.set(due.toLocalDateTime().plusDays(1));
        ok(act("chuyenvien.sxd", code, "handover", Map.of()));
        JsonNode ready = ok(act("lanhdao.sxd", code, "handover", Map.of()));
        assertThat(ready.get("timeliness").asString()).isEqualTo("EARLY");

        // Past the due time the apology is still owed (motcua.dossier.apology.allow-after-due, default true): it
        // is recorded as late, and the due time it replaced is kept.
        String overdue = accepted(RESTART, MONDAY, "Đặng Văn Quá Hạn");
        OffsetDateTime itsDue = time(detail(overdue), "dueAt");
        clock.set(itsDue.toLocalDateTime().plusMinutes(1));
        assertThat(act("tiepnhan", overdue, "apology", Map.of("reason", "Muộn", "newDueAt",
                itsDue.plusMinutes(1).toString())).status()).as("a new date already past").isEqualTo(422);
        ok(act("tiepnhan", overdue, "apology", Map.of("reason", "Muộn", "newDueAt", itsDue.plusDays(2).toString())));
        JsonNode late = detail(overdue);
        assertThat(late.get("apologyLate").asBoolean()).isTrue();
        assertThat(time(late, "originalDueAt")).isEqualTo(itsDue);
        assertThat(late.get("history").get(late.get("history").size() - 1).get("action").asString())
                .isEqualTo("APOLOGY_LATE");
        assertThat(detail(code).get("apologyLate").asBoolean()).isFalse();
    }

    @Test
    void an_apology_date_without_an_offset_is_vietnam_time_and_one_with_an_offset_is_that_moment() {
        String local = accepted(RESTART, MONDAY, "Lý Thị Giờ Địa Phương");
        JsonNode apologized = ok(act("lanhdao.sxd", local, "apology", Map.of("reason", "Cần xác minh thực địa",
                "newDueAt", "2025-03-14T16:00:00")));
        assertThat(apologized.get("dueAt").asString()).isEqualTo("2025-03-14T16:00:00+07:00");

        String utc = accepted(RESTART, MONDAY, "Lý Văn Giờ Quốc Tế");
        ok(act("lanhdao.sxd", utc, "apology", Map.of("reason", "Cần xác minh thực địa",
                "newDueAt", "2025-03-14T09:00:00Z")));
        assertThat(detail(utc).get("dueAt").asString()).isEqualTo("2025-03-14T16:00:00+07:00");
    }

    @Test
    void an_apology_date_that_is_not_a_date_time_is_a_400_problem_naming_the_field_and_changes_nothing() {
        String code = accepted(RESTART, MONDAY, "Lý Thị Ngày Sai");
        String due = detail(code).get("dueAt").asString();
        for (Object garbage : List.of("thứ năm tuần sau", "2025-02-30T10:00:00", "2025-03-20 16:00", 1742461200)) {
            Api.Response refused = act("lanhdao.sxd", code, "apology", Map.of("reason", "Cần xác minh",
                    "newDueAt", garbage));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("newDueAt");
            assertThat(error.get("message").asString()).startsWith("Thời điểm phải có dạng YYYY-MM-DDTHH:mm:ss");
        }
        assertThat(detail(code).get("dueAt").asString()).isEqualTo(due);
        // The apology is still to be made: the refused attempts did not use up the only one.
        ok(act("lanhdao.sxd", code, "apology", Map.of("reason", "Cần xác minh", "newDueAt", "2025-03-14T16:00")));
    }

    @Test
    void timeliness_on_the_due_day_at_the_due_time_is_on_time_and_a_minute_later_is_late() {
        String onTime = accepted(RESTART, MONDAY, "Ngô Văn Đúng Hạn");
        String late = accepted(RESTART, MONDAY, "Ngô Văn Trễ Hạn");
        OffsetDateTime due = time(detail(onTime), "dueAt");
        assertThat(time(detail(late), "dueAt")).isEqualTo(due);
        for (String code : List.of(onTime, late)) {
            ok(act("chuyenvien.sxd", code, "handover", Map.of()));
        }
        clock.set(due.toLocalDateTime());
        assertThat(ok(act("lanhdao.sxd", onTime, "handover", Map.of())).get("timeliness").asString()).isEqualTo("ON_TIME");
        clock.set(due.toLocalDateTime().plusMinutes(1));
        assertThat(ok(act("lanhdao.sxd", late, "handover", Map.of())).get("timeliness").asString()).isEqualTo("LATE");
        // The leader's step (4 working hours from the hand-over on Monday) was late too.
        JsonNode slip = as("tiepnhan").get("/api/v1/dossiers/" + late + "/history").json();
        assertThat(slip.get(2).get("timeliness").asString()).isEqualTo("LATE");
    }

    @Test
    void a_dossier_is_stopped_or_withdrawn_only_while_no_result_is_ready() {
        String stopped = accepted(RESTART, MONDAY, "Bùi Văn Dừng");
        assertThat(act("chuyenvien.sxd", stopped, "stop", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(act("tiepnhan", stopped, "stop", Map.of()).status()).isEqualTo(400);
        JsonNode s = ok(act("lanhdao.sxd", stopped, "stop", Map.of("reason", "Công trình thuộc diện quy hoạch")));
        assertThat(s.get("statusCode").asInt()).isEqualTo(8);
        assertThat(act("chuyenvien.sxd", stopped, "handover", Map.of()).status()).isEqualTo(409);
        assertThat(act("tiepnhan", stopped, "withdraw", Map.of("reason", "Công dân xin rút")).status()).isEqualTo(409);

        String withdrawn = accepted(RESTART, MONDAY, "Bùi Thị Rút");
        JsonNode w = ok(act("tiepnhan", withdrawn, "withdraw", Map.of("reason", "Công dân có đơn xin rút hồ sơ")));
        assertThat(w.get("statusCode").asInt()).isEqualTo(7);
        assertThat(detail(withdrawn).get("closingReason").asString()).isEqualTo("Công dân có đơn xin rút hồ sơ");

        String ready = accepted(RESTART, MONDAY, "Bùi Văn Đã Xong");
        ok(act("chuyenvien.sxd", ready, "handover", Map.of()));
        ok(act("lanhdao.sxd", ready, "handover", Map.of()));
        assertThat(act("tiepnhan", ready, "withdraw", Map.of("reason", "Muộn rồi")).status()).isEqualTo(409);
        assertThat(act("tiepnhan", ready, "stop", Map.of("reason", "Muộn rồi")).status()).isEqualTo(409);
        assertThat(act("tiepnhan", stopped, "return-result", Map.of("method", "POSTAL")).status()).isEqualTo(409);
    }

    @Test
    void only_the_desks_receiving_officers_decide_on_a_dossier_before_acceptance_and_a_stale_version_is_refused() {
        Api admin = as("admin");
        for (String[] account : new String[][] {{"lanhdao.motcua", "LEADER"}, {"vanthu.motcua", "CLERK"}}) {
            Api.Response opened = admin.post("/api/v1/accounts", Map.of("username", account[0], "fullName",
                    "Lê Thị Một Cửa", "password", "Mot-cua#2026", "unitCode", "VP.MC", "roles", List.of(account[1])));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        }
        clock.set(MONDAY);
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", RESTART);
        body.put("channel", "ONLINE");
        body.put("applicant", Map.of("fullName", "Đỗ Văn Trực Tuyến", "citizenId", "031085001234",
                "address", "5 Lê Lợi, Ngô Quyền, Hải Phòng"));
        body.put("documents", List.of(Map.of("documentId", mandatoryDocument.get(RESTART))));
        String code = as("tiepnhan").post("/api/v1/dossiers", body).json().get("code").asString();
        Map<String, Object> items = Map.of("items", List.of(Map.of("description", "Bản sao sổ đỏ có chứng thực",
                "reason", "Bản đã nộp là bản chụp")));
        int revision = revision(code);
        // A leader of the desk's unit sees the dossier (their agency's) but does not decide at intake, whatever the
        // revision sent.
        Api leader = Api.as(port, "lanhdao.motcua", "Mot-cua#2026");
        Api.Response refused = leader.post("/api/v1/dossiers/" + code + "/request-supplement", items);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("cán bộ tiếp nhận");
        Map<String, Object> staleItems = new HashMap<>(items);
        staleItems.put("expectedVersion", revision - 1);
        assertThat(leader.post("/api/v1/dossiers/" + code + "/request-supplement", staleItems).status()).isEqualTo(403);
        assertThat(leader.post("/api/v1/dossiers/" + code + "/supplement-received", Map.of()).status()).isEqualTo(403);
        assertThat(act("chuyenvien.sxd", code, "request-supplement", items).status()).isEqualTo(403);
        // A clerk of the desk's unit, or another unit's specialist, does not see it: as for an unknown code.
        Api clerk = Api.as(port, "vanthu.motcua", "Mot-cua#2026");
        assertThat(clerk.post("/api/v1/dossiers/" + code + "/request-supplement", items).status()).isEqualTo(404);
        assertThat(clerk.post("/api/v1/dossiers/" + code + "/supplement-received", Map.of()).status()).isEqualTo(404);
        assertThat(act("chuyenvien", code, "supplement-received", Map.of()).status()).isEqualTo(404);
        assertThat(revision(code)).isEqualTo(revision);
        Map<String, Object> stale = new HashMap<>(items);
        stale.put("expectedVersion", revision - 1);
        assertThat(act("tiepnhan", code, "request-supplement", stale).status()).isEqualTo(409);
        assertThat(detail(code).get("statusCode").asInt()).isEqualTo(1);
        Map<String, Object> current = new HashMap<>(items);
        current.put("expectedVersion", revision);
        assertThat(ok(act("tiepnhan", code, "request-supplement", current)).get("statusCode").asInt()).isEqualTo(5);
        assertThat(ok(act("tiepnhan", code, "supplement-received", Map.of())).get("statusCode").asInt()).isEqualTo(1);
    }

    @Test
    void the_work_queue_holds_what_waits_at_the_unit_most_urgent_first() {
        String code = accepted(RESTART, MONDAY, "Lý Văn Hàng Đợi");
        String queue = "/api/v1/work-queue?scope=unit&size=100&due=";
        clock.set(MONDAY.plusDays(3)); // Thursday 09:00: the appraisal is due at 14:30 today
        assertThat(codes(as("chuyenvien.sxd").get(queue + "soon").json())).contains(code);
        assertThat(codes(as("chuyenvien.sxd").get(queue + "overdue").json())).doesNotContain(code);
        assertThat(codes(as("lanhdao.sxd").get(queue + "all").json())).doesNotContain(code);
        assertThat(codes(as("chuyenvien").get(queue + "all").json())).doesNotContain(code);

        clock.set(MONDAY.plusDays(3).plusHours(6)); // 15:00: overdue
        JsonNode overdue = as("chuyenvien.sxd").get(queue + "overdue").json();
        assertThat(codes(overdue)).contains(code);
        JsonNode item = overdue.get("items").valueStream().filter(i -> i.get("code").asString().equals(code))
                .findFirst().orElseThrow();
        assertThat(item.get("overdue").asBoolean()).isTrue();
        assertThat(item.get("stepName").asString()).isEqualTo("Thẩm định");
        assertThat(item.get("applicantName").asString()).isEqualTo("Lý Văn Hàng Đợi");
        assertThat(item.get("revision").asInt()).isEqualTo(revision(code));
        List<OffsetDateTime> urgency = overdue.get("items").valueStream()
                .map(i -> min(time(i, "stepDueAt"), time(i, "dueAt"))).toList();
        assertThat(urgency).isSorted();
        assertThat(codes(as("chuyenvien.sxd").get("/api/v1/work-queue?scope=mine&due=overdue&size=100").json()))
                .contains(code);
        assertThat(codes(as("lanhdao.sxd").get("/api/v1/work-queue?scope=mine&due=all&size=100").json()))
                .doesNotContain(code);

        ok(act("chuyenvien.sxd", code, "handover", Map.of()));
        assertThat(codes(as("chuyenvien.sxd").get(queue + "all").json())).doesNotContain(code);
        assertThat(codes(as("lanhdao.sxd").get(queue + "all").json())).contains(code);

        JsonNode units = as("lanhdao.sxd").get("/api/v1/work-queue/units").json();
        JsonNode leaders = units.valueStream().filter(u -> u.get("unitCode").asString().equals("SXD.LD")).findFirst()
                .orElseThrow();
        assertThat(leaders.get("waiting").asLong()).isPositive();
        assertThat(leaders.get("unitName").asString()).isNotBlank();
        JsonNode appraisal = units.valueStream().filter(u -> u.get("unitCode").asString().equals("SXD.QLXD"))
                .findFirst().orElseThrow();
        assertThat(appraisal.get("handovers").asLong()).isPositive();
        assertThat(appraisal.get("onTimeRate").asDouble()).isBetween(0.0, 100.0);
        assertThat(as("tiepnhan").get("/api/v1/work-queue/units").status()).isEqualTo(403);
        assertThat(as("chuyenvien.sxd").get("/api/v1/work-queue?due=tomorrow").status()).isEqualTo(400);
        assertThat(as("chuyenvien.sxd").get("/api/v1/work-queue?scope=everyone").status()).isEqualTo(400);
        assertThat(as("chuyenvien.sxd").get("/api/v1/work-queue?size=1000").status()).isEqualTo(400);
        assertThat(Api.anonymous(port).get("/api/v1/work-queue").status()).isEqualTo(401);
    }

    static List<String> codes(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("code").asString()).toList();
    }

    static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    @Test
    void the_deadline_watch_reminds_the_unit_once_and_marks_overdue_once() {
        String code = accepted(RESTART, MONDAY, "Mai Văn Nhắc Hạn");
        ok(act("chuyenvien.sxd", code, "handover", Map.of()));
        ok(act("lanhdao.sxd", code, "handover", Map.of())); // result ready at the desk: due back within 4 h
        clock.set(MONDAY.plusHours(1));
        deadlineWatch.run();
        assertThat(flag(code, "reminded_at")).isNotNull();
        assertThat(jdbc.sql("select count(*) from outbox_message where kind = 'UNIT_DUE_SOON' and body like ?")
                .param("%" + code + "%").query(Integer.class).single()).as("e-mails to the desk's staff").isPositive();
        int reminders = jdbc.sql("select count(*) from outbox_message where body like ?").param("%" + code + "%")
                .query(Integer.class).single();
        deadlineWatch.run();
        assertThat(jdbc.sql("select count(*) from outbox_message where body like ?").param("%" + code + "%")
                .query(Integer.class).single()).as("reminded once").isEqualTo(reminders);

        String open = accepted(RESTART, MONDAY, "Mai Thị Quá Hạn");
        assertThat(flag(open, "overdue_noticed_at")).isNull();
        clock.set(MONDAY.plusDays(8)); // the next Tuesday: past the 5-working-day limit
        assertThat(deadlineWatch.run().markedOverdue()).isPositive();
        var marked = flag(open, "overdue_noticed_at");
        assertThat(marked).isNotNull();
        assertThat(flag(code, "overdue_noticed_at")).as("a ready result is not overdue").isNull();
        clock.set(MONDAY.plusDays(9));
        deadlineWatch.run();
        assertThat(flag(open, "overdue_noticed_at")).as("marked once").isEqualTo(marked);
    }

    Object flag(String code, String column) {
        return jdbc.sql("select " + column + " from dossier where code = ?").param(code)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1))).single().orElse(null);
    }
}
