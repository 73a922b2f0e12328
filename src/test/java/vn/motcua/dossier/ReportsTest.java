package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.report.DossierReports;
import vn.motcua.dossier.report.DossierReports.GroupBy;
import vn.motcua.dossier.report.ReportSettings.Closed;
import vn.motcua.dossier.report.ReportSettings.Lateness;
import vn.motcua.dossier.report.ReportSettings.Rescheduled;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestClock;

/**
 * The records (statutory statistics and the tracking book, Form 07) through the API, on dossiers of our own in the reporting period 15 June – 14 July 2024
 * (no holiday in it; no other test uses 2024). Field "xây dựng" goes VP.MC → SXD.QLXD (chuyenvien.sxd) →
 * SXD.LD (lanhdao.sxd) → VP.MC; field "hành chính" VP.MC → VP.KSTT (chuyenvien) → VP.LD (lanhdao) → VP.MC.
 * Every dossier is received at the Office's desk (VP.MC), so its receiving agency is the Office.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {

    static final String CONSTRUCTION = "1.965001.000.00.00.H27";
    static final String ADMINISTRATION = "1.965002.000.00.00.H27";
    static final String FIELD_A = "Báo cáo thử nghiệm xây dựng";
    static final String FIELD_B = "Báo cáo thử nghiệm hành chính";
    static final String OFFICE = "000.00.01.H27";
    static final String CONSTRUCTION_DEPARTMENT = "000.00.07.H27";
    static final String PERIOD = "from=2024-06-15&to=2024-07-14";
    static final String STATISTICS = "/api/v1/reports/dossiers?";
    static final String BOOK = "/api/v1/reports/tracking-book?";
    static final List<String> FIGURES = List.of("received", "receivedOnline", "receivedDirect", "carriedOver",
            "resolved", "resolvedEarly", "resolvedOnTime", "resolvedLate", "inProgress", "inProgressWithinLimit",
            "inProgressOverdue");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DossierReports reports;

    final Map<String, Long> mandatoryDocument = new HashMap<>();
    final Map<String, String> d = new HashMap<>();

    static LocalDateTime at(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2024, month, day, hour, minute);
    }

    @BeforeAll
    void dossiersOfTheReportingPeriod() {
        try {
            publish(CONSTRUCTION, FIELD_A, "SXD.QLXD", "SXD.LD");
            publish(ADMINISTRATION, FIELD_B, "VP.KSTT", "VP.LD");
            // Before the period. D1 still open (carried over, overdue); D2 resolved before it (not counted);
            // D3 resolved early inside it (carried over); E1 still open (carried over, overdue).
            d.put("D1", intake(CONSTRUCTION, "DIRECT", at(6, 10, 9, 0), "Nguyễn Văn Tồn Một"));
            d.put("D2", intake(CONSTRUCTION, "DIRECT", at(6, 3, 9, 0), "Nguyễn Văn Xong Sớm"));
            resolve(d.get("D2"), at(6, 5, 9, 0));
            d.put("D3", intake(CONSTRUCTION, "DIRECT", at(6, 12, 9, 0), "Nguyễn Thị Tồn Hai"));
            resolve(d.get("D3"), at(6, 18, 9, 0));
            d.put("E1", intake(ADMINISTRATION, "DIRECT", at(6, 14, 9, 0), "Trần Văn Tồn Ba"));
            // In the period.
            d.put("D4", online(CONSTRUCTION, at(6, 14, 15, 0), at(6, 17, 9, 0), "Lê Văn Trực Tuyến"));
            resolve(d.get("D4"), due(d.get("D4")));
            d.put("D5", intake(CONSTRUCTION, "DIRECT", at(6, 17, 10, 0), "Lê Thị Trễ Hạn"));
            resolve(d.get("D5"), due(d.get("D5")).plusDays(1));
            d.put("D6", intake(CONSTRUCTION, "DIRECT", at(6, 18, 9, 0), "Phạm Văn Dừng"));
            clock.set(at(6, 19, 10, 0));
            ok(act("lanhdao.sxd", d.get("D6"), "stop", Map.of("reason", "Thuộc diện quy hoạch")));
            d.put("D7", intake(CONSTRUCTION, "POSTAL", at(6, 18, 10, 0), "Phạm Thị Rút"));
            clock.set(at(6, 19, 11, 0));
            ok(act("tiepnhan", d.get("D7"), "withdraw", Map.of("reason", "Công dân có đơn xin rút")));
            d.put("D8", intake(CONSTRUCTION, "DIRECT", at(6, 19, 9, 0), "Hoàng Văn Đã Trả"));
            resolve(d.get("D8"), at(6, 20, 9, 0));
            clock.set(at(6, 21, 9, 0));
            ok(act("tiepnhan", d.get("D8"), "return-result", Map.of("method", "POSTAL")));
            d.put("E2", intake(ADMINISTRATION, "DIRECT", at(6, 20, 9, 0), "Vũ Thị Hành Chính"));
            resolve(d.get("E2"), at(6, 21, 9, 0));
            d.put("D9", intake(CONSTRUCTION, "DIRECT", at(7, 1, 9, 0), "Đỗ Văn Quá Hạn"));
            d.put("D14", intake(CONSTRUCTION, "DIRECT", at(7, 3, 9, 0), "Đỗ Thị Xong Sau Kỳ"));
            resolve(d.get("D14"), at(7, 16, 9, 0));
            d.put("E3", online(ADMINISTRATION, at(7, 11, 9, 0), at(7, 11, 10, 0), "Bùi Văn Trong Hạn"));
            d.put("D10", online(CONSTRUCTION, at(7, 12, 8, 30), at(7, 12, 9, 0), "Bùi Thị Trong Hạn"));
            // Never counted: refused, online and never accepted, accepted after the period.
            clock.set(at(6, 20, 10, 0));
            Map<String, Object> refused = body(CONSTRUCTION, "DIRECT", "Ngô Văn Từ Chối");
            refused.put("decision", "REFUSE");
            refused.put("refusalReason", "Không thuộc thẩm quyền");
            Api.Response r = as("tiepnhan").post("/api/v1/dossiers", refused);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            d.put("D11", r.json().get("code").asString());
            clock.set(at(6, 21, 10, 0));
            Api.Response fresh = as("tiepnhan").post("/api/v1/dossiers", body(CONSTRUCTION, "ONLINE", "Ngô Thị Chưa Nhận"));
            assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);
            d.put("D12", fresh.json().get("code").asString());
            d.put("D13", intake(CONSTRUCTION, "DIRECT", at(7, 15, 9, 0), "Ngô Văn Kỳ Sau"));
            // August, for the lateness rules. L1 (due Monday 12 August 09:00) is rescheduled to Friday the 16th by an
            // apology and resolved on the 14th: late against its first due date, early against the new one.
            // L2 (due the same Monday) is stopped on the 14th, after its due time.
            d.put("L1", intake(CONSTRUCTION, "DIRECT", at(8, 5, 9, 0), "Lương Văn Hẹn Lại"));
            clock.set(at(8, 8, 9, 0));
            ok(act("lanhdao.sxd", d.get("L1"), "apology", Map.of("reason", "Cần xác minh thực địa",
                    "newDueAt", "2024-08-16T17:00:00+07:00")));
            resolve(d.get("L1"), at(8, 14, 9, 0));
            d.put("L2", intake(CONSTRUCTION, "DIRECT", at(8, 5, 10, 0), "Lương Thị Dừng Muộn"));
            clock.set(at(8, 14, 10, 0));
            ok(act("lanhdao.sxd", d.get("L2"), "stop", Map.of("reason", "Thuộc diện quy hoạch")));
        } finally {
            clock.reset();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void publish(String code, String field, String specialistUnit, String leaderUnit) {
        Api admin = as("admin");
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", code, "name", "Thủ tục thử nghiệm báo cáo " + field, "field", field,
                "agencyName", "Ủy ban nhân dân thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", "PARTIAL",
                "clockPolicy", "RESTART",
                "documents", List.of(Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true)),
                "steps", List.of(Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                        Map.of("order", 2, "name", "Thẩm định", "unitCode", specialistUnit, "role", "SPECIALIST", "durationHours", 28),
                        Map.of("order", 3, "name", "Phê duyệt", "unitCode", leaderUnit, "role", "LEADER", "durationHours", 4),
                        Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4))));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + code + "/publish", Map.of("decisionNumber",
                "95/QĐ-UBND", "decisionDate", "2024-01-02", "effectiveFrom", "2024-01-02"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        mandatoryDocument.put(code, Api.anonymous(port).get("/api/public/procedures/" + code).json()
                .get("documents").get(0).get("id").asLong());
    }

    Map<String, Object> body(String procedure, String channel, String applicant) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", procedure);
        body.put("channel", channel);
        body.put("applicant", Map.of("fullName", applicant, "citizenId", "031085001234", "phone", "0912345678",
                "address", "5 Lê Lợi, Ngô Quyền, Hải Phòng"));
        body.put("documents", List.of(Map.of("documentId", mandatoryDocument.get(procedure))));
        return body;
    }

    /** Received and accepted at the desk at {@code at} (DIRECT or POSTAL). */
    String intake(String procedure, String channel, LocalDateTime at, String applicant) {
        clock.set(at);
        Api.Response response = as("tiepnhan").post("/api/v1/dossiers", body(procedure, channel, applicant));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("statusCode").asInt()).isEqualTo(4);
        return response.json().get("code").asString();
    }

    /** Filed online at {@code filed}, accepted by the desk at {@code accepted}. */
    String online(String procedure, LocalDateTime filed, LocalDateTime accepted, String applicant) {
        clock.set(filed);
        Api.Response response = as("tiepnhan").post("/api/v1/dossiers", body(procedure, "ONLINE", applicant));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String code = response.json().get("code").asString();
        clock.set(accepted);
        ok(as("tiepnhan").post("/api/v1/dossiers/" + code + "/accept", Map.of()));
        return code;
    }

    /** Both processing steps handed over at {@code at}: the result is ready. */
    void resolve(String code, LocalDateTime at) {
        boolean construction = detail(code).get("procedureCode").asString().equals(CONSTRUCTION);
        clock.set(at);
        ok(act(construction ? "chuyenvien.sxd" : "chuyenvien", code, "handover", Map.of()));
        JsonNode ready = ok(act(construction ? "lanhdao.sxd" : "lanhdao", code, "handover", Map.of()));
        assertThat(ready.get("statusCode").asInt()).isEqualTo(9);
    }

    LocalDateTime due(String code) {
        return OffsetDateTime.parse(detail(code).get("dueAt").asString()).toLocalDateTime();
    }

    JsonNode detail(String code) {
        return as("tiepnhan").get("/api/v1/dossiers/" + code).json();
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    Api.Response act(String user, String code, String action, Map<String, ?> body) {
        return as(user).post("/api/v1/dossiers/" + code + "/" + action, body);
    }

    static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The eleven figures of a row, in the order of columns (3) to (13). */
    static List<Long> figures(JsonNode row) {
        return FIGURES.stream().map(f -> row.get(f).asLong()).toList();
    }

    static List<Long> of(long... values) {
        List<Long> list = new ArrayList<>();
        for (long v : values) {
            list.add(v);
        }
        return list;
    }

    static void invariants(JsonNode row) {
        long received = row.get("received").asLong();
        assertThat(row.get("receivedOnline").asLong() + row.get("receivedDirect").asLong()
                + row.get("carriedOver").asLong()).as("(3) = (4) + (5) + (6) in " + row).isEqualTo(received);
        assertThat(row.get("resolved").asLong() + row.get("inProgress").asLong()).as("(3) = (7) + (11) in " + row)
                .isEqualTo(received);
        assertThat(row.get("resolvedEarly").asLong() + row.get("resolvedOnTime").asLong()
                + row.get("resolvedLate").asLong()).as("(7) = (8) + (9) + (10) in " + row)
                .isEqualTo(row.get("resolved").asLong());
        assertThat(row.get("inProgressWithinLimit").asLong() + row.get("inProgressOverdue").asLong())
                .as("(11) = (12) + (13) in " + row).isEqualTo(row.get("inProgress").asLong());
    }

    static JsonNode row(JsonNode report, String key) {
        return report.get("rows").valueStream().filter(r -> r.get("key").asString().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + report));
    }

    // received, online, direct, carried, resolved, early, on time, late, in progress, within, overdue
    static final List<Long> A = of(10, 2, 6, 2, 6, 2, 3, 1, 4, 1, 3);
    static final List<Long> B = of(3, 1, 1, 1, 1, 1, 0, 0, 2, 1, 1);
    static final List<Long> TOTAL = of(13, 3, 7, 3, 7, 3, 3, 1, 6, 2, 4);

    @Test
    void statistics_per_field_count_each_dossier_of_the_period_once_with_the_invariants_on_every_row() {
        JsonNode report = ok(as("admin").get(STATISTICS + PERIOD + "&groupBy=field"));
        assertThat(report.get("from").asString()).isEqualTo("2024-06-15");
        assertThat(report.get("to").asString()).isEqualTo("2024-07-14");
        assertThat(report.get("groupBy").asString()).isEqualTo("field");
        assertThat(report.get("rows").valueStream().map(r -> r.get("key").asString())).containsExactly(FIELD_B, FIELD_A);
        assertThat(figures(row(report, FIELD_A))).isEqualTo(A);
        assertThat(figures(row(report, FIELD_B))).isEqualTo(B);
        assertThat(row(report, FIELD_A).get("name").asString()).isEqualTo(FIELD_A);
        assertThat(figures(report.get("total"))).isEqualTo(TOTAL);
        report.get("rows").forEach(ReportsTest::invariants);
        invariants(report.get("total"));
        assertThat(report.get("legend").valueStream().map(JsonNode::asString))
                .anyMatch(l -> l.contains("dừng") && l.contains("rút") && l.contains("đúng hạn"))
                .anyMatch(l -> l.contains("ngày 15") && l.contains("ngày 14"));
        // json is the default format and field the default grouping.
        assertThat(figures(ok(as("admin").get(STATISTICS + PERIOD)).get("total"))).isEqualTo(TOTAL);
        JsonNode english = ok(as("admin").header("Accept-Language", "en").get(STATISTICS + PERIOD));
        assertThat(english.get("legend").valueStream().map(JsonNode::asString))
                .anyMatch(l -> l.contains("stopped or withdrawn") && l.contains("on time"));
        assertThat(english.get("total").get("name").asString()).isEqualTo("Total");
    }

    @Test
    void a_shorter_period_carries_over_what_was_open_at_its_start_and_keeps_open_what_was_resolved_after_its_end() {
        // 18–19 June: D1, D3, D4, D5 accepted before; D6 stopped, D7 withdrawn; D8 resolved on the 20th.
        JsonNode report = ok(as("admin").get(STATISTICS + "from=2024-06-18&to=2024-06-19"));
        assertThat(figures(row(report, FIELD_A))).isEqualTo(of(7, 0, 3, 4, 3, 1, 2, 0, 4, 3, 1));
        // E1 carried over (due 21 June, within the limit at the end of the 19th).
        assertThat(figures(row(report, FIELD_B))).isEqualTo(of(1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0));
        report.get("rows").forEach(ReportsTest::invariants);
        // A single day that nobody touched still carries over the open dossiers.
        JsonNode sunday = ok(as("admin").get(STATISTICS + "from=2024-06-16&to=2024-06-16"));
        assertThat(figures(row(sunday, FIELD_A))).isEqualTo(of(2, 0, 0, 2, 0, 0, 0, 0, 2, 2, 0));
    }

    @Test
    void statistics_per_agency_count_a_dossier_under_the_agency_of_its_deciding_step_and_once_only() {
        // Field A is approved by the department's leader (SXD.LD), field B by the Office's (VP.LD); the Office's
        // desk received them all.
        JsonNode report = ok(as("admin").get(STATISTICS + PERIOD + "&groupBy=agency"));
        assertThat(report.get("groupBy").asString()).isEqualTo("agency");
        assertThat(report.get("rows").valueStream().map(r -> r.get("key").asString()))
                .containsExactly(OFFICE, CONSTRUCTION_DEPARTMENT);
        assertThat(row(report, CONSTRUCTION_DEPARTMENT).get("name").asString())
                .isEqualTo("Sở Xây dựng thành phố Hải Phòng");
        assertThat(figures(row(report, CONSTRUCTION_DEPARTMENT))).isEqualTo(A);
        assertThat(figures(row(report, OFFICE))).isEqualTo(B);
        assertThat(figures(report.get("total"))).isEqualTo(TOTAL);

        JsonNode received = ok(as("admin").get(STATISTICS + PERIOD + "&groupBy=receivingAgency"));
        assertThat(received.get("groupBy").asString()).isEqualTo("receivingAgency");
        assertThat(received.get("rows").valueStream().map(r -> r.get("key").asString())).containsExactly(OFFICE);
        assertThat(row(received, OFFICE).get("name").asString())
                .isEqualTo("Văn phòng Ủy ban nhân dân thành phố Hải Phòng");
        assertThat(figures(row(received, OFFICE))).isEqualTo(TOTAL);

        // The Department of Construction's leader reports what the department resolves: its own row only.
        JsonNode department = ok(as("lanhdao.sxd").get(STATISTICS + PERIOD + "&groupBy=agency"));
        assertThat(department.get("rows").valueStream().map(r -> r.get("key").asString()))
                .containsExactly(CONSTRUCTION_DEPARTMENT);
        assertThat(department.get("reportingUnit").asString()).isEqualTo("Sở Xây dựng thành phố Hải Phòng");
        assertThat(figures(department.get("total"))).isEqualTo(A);
        JsonNode perField = ok(as("lanhdao.sxd").get(STATISTICS + PERIOD + "&groupBy=field"));
        assertThat(perField.get("rows").valueStream().map(r -> r.get("key").asString())).containsExactly(FIELD_A);
        // Its desk received none of them.
        assertThat(ok(as("lanhdao.sxd").get(STATISTICS + PERIOD + "&groupBy=receivingAgency")).get("rows")).isEmpty();
    }

    @Test
    void leaders_monitors_and_administrators_may_read_the_statistics_and_nobody_else() {
        // The Office's leader and monitor: the dossiers the Office resolves (field B); by receiving agency, all
        // that its desk received.
        assertThat(figures(ok(as("giamsat").get(STATISTICS + PERIOD)).get("total"))).isEqualTo(B);
        assertThat(figures(ok(as("lanhdao").get(STATISTICS + PERIOD)).get("total"))).isEqualTo(B);
        assertThat(figures(ok(as("lanhdao").get(STATISTICS + PERIOD + "&groupBy=receivingAgency")).get("total")))
                .isEqualTo(TOTAL);
        assertThat(as("tiepnhan").get(STATISTICS + PERIOD).status()).isEqualTo(403);
        assertThat(as("chuyenvien.sxd").get(STATISTICS + PERIOD).status()).isEqualTo(403);
        assertThat(as("vanthu").get(STATISTICS + PERIOD).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get(STATISTICS + PERIOD).status()).isEqualTo(401);
        assertThat(as("chuyenvien.sxd").get(BOOK + PERIOD).status()).isEqualTo(403);
        assertThat(as("vanthu").get(BOOK + PERIOD).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get(BOOK + PERIOD).status()).isEqualTo(401);
    }

    @Test
    void bad_periods_and_choices_are_400_problems_naming_the_parameter() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("to=2024-07-14", "from"),
                Map.entry("from=2024-06-15", "to"),
                Map.entry("from=2024-06-31&to=2024-07-14", "from"),
                Map.entry("from=15/06/2024&to=2024-07-14", "from"),
                Map.entry("from=2024-07-15&to=2024-07-14", "to"),
                Map.entry("from=2000-01-01&to=2024-07-14", "to"),
                Map.entry(PERIOD + "&groupBy=unit", "groupBy"),
                Map.entry(PERIOD + "&format=pdf", "format"),
                // At the ends of the date range the period's arithmetic overflowed (a 500 before).
                Map.entry("from=%2B999999999-01-01&to=%2B999999999-12-31", "from"),
                Map.entry("from=2024-06-15&to=%2B10000-01-01", "to"));
        cases.forEach((query, field) -> {
            Api.Response response = as("admin").get(STATISTICS + query);
            assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
            assertThat(response.contentType()).contains("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asString()).as(query).isEqualTo(field);
        });
        assertThat(as("admin").get(BOOK + PERIOD + "&format=csv").status()).isEqualTo(400);
        assertThat(as("admin").get(BOOK + "from=2024-06-15").status()).isEqualTo(400);
        assertThat(as("admin").get(BOOK + "from=%2B999999999-01-01&to=%2B999999999-12-31").status()).isEqualTo(400);
        assertThat(as("admin").get(BOOK + PERIOD + "&field=" + "x".repeat(151)).status()).isEqualTo(400);
        Api.Response reversed = as("admin").header("Accept-Language", "en").get(STATISTICS
                + "from=2024-07-15&to=2024-07-14");
        assertThat(reversed.json().get("detail").asString()).contains("first day");
    }

    @Test
    void the_statistics_workbook_looks_like_the_official_form() throws IOException {
        clock.set(at(7, 15, 8, 0));
        Api.Download file = as("admin").download(STATISTICS + PERIOD + "&groupBy=field&format=xlsx");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.header("Content-Disposition")).startsWith("attachment")
                .contains("2024-06-15").contains("2024-07-14").endsWith(".xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> cells = text(sheet);
            String all = cells.toString();
            assertThat(all).contains("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP"
                            + " GIẢI QUYẾT")
                    .contains("Biểu số 06/VPCP/KSTT").contains("Đơn vị báo cáo: ")
                    .contains("Đơn vị nhận báo cáo: Văn phòng Ủy ban nhân dân thành phố Hải Phòng")
                    .contains("Đơn vị tính: Số hồ sơ TTHC")
                    .contains("Kỳ báo cáo: từ ngày 15/06/2024 đến ngày 14/07/2024")
                    .contains("Số hồ sơ nhận giải quyết").contains("Số hồ sơ đã giải quyết")
                    .contains("Số hồ sơ đang giải quyết").contains("Trong đó").doesNotContain("Trong kỳ")
                    .contains("Mới tiếp nhận trực tuyến").contains("Mới tiếp nhận trực tiếp, qua bưu chính")
                    .contains("Từ kỳ trước chuyển sang").contains("Trước hạn")
                    .contains("Đúng hạn").contains("Quá hạn").contains("Trong hạn").contains("Lĩnh vực")
                    .contains("STT")
                    // Drawn up on 15 July 2024: no leading zero for July (Decree 30/2020 Appendix I).
                    .contains("Hải Phòng, ngày 15 tháng 7 năm 2024").contains("NGƯỜI LẬP BIỂU")
                    .contains("THỦ TRƯỞNG ĐƠN VỊ");
            List<String> numbers = cells.stream().filter(r -> !r.isEmpty() && r.get(0).equals("(1)")).findFirst()
                    .orElseThrow();
            assertThat(numbers).containsExactly("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)",
                    "(11)", "(12)", "(13)");
            assertThat(numbersOf(cells, FIELD_A)).isEqualTo(A);
            assertThat(numbersOf(cells, FIELD_B)).isEqualTo(B);
            assertThat(numbersOf(cells, "Tổng cộng")).isEqualTo(TOTAL);
            assertThat(cells.stream().filter(r -> r.size() > 1 && r.get(1).equals(FIELD_B)).findFirst().orElseThrow()
                    .get(0)).isEqualTo("1");
            // The lateness rule in force, printed with the notes.
            assertThat(all).contains("Ghi chú").contains("ngày 15").contains("ngày 14")
                    .contains("so với hạn trả kết quả đã hẹn lần đầu")
                    .contains("dừng giải quyết hoặc công dân rút hồ sơ được tính là đã giải quyết vào lúc dừng, rút");
            // Merged headings (STT and the field over three rows, the three groups, "Trong kỳ") and borders.
            assertThat(sheet.getMergedRegions()).hasSizeGreaterThan(10);
            int headingRow = cells.indexOf(numbers) - 3;
            assertThat(sheet.getRow(headingRow).getCell(0).getStringCellValue()).isEqualTo("STT");
            assertThat(sheet.getMergedRegions()).anyMatch(m -> m.getFirstRow() == headingRow
                    && m.getLastRow() == headingRow + 2 && m.getFirstColumn() == 0 && m.getLastColumn() == 0);
            assertThat(sheet.getMergedRegions()).anyMatch(m -> m.getFirstRow() == headingRow
                    && m.getFirstColumn() == 2 && m.getLastColumn() == 5);
            // "Trong đó" over the parts of each total: (4) to (6), (8) to (10), (12) and (13).
            assertThat(sheet.getRow(headingRow + 1).getCell(3).getStringCellValue()).isEqualTo("Trong đó");
            assertThat(sheet.getMergedRegions()).anyMatch(m -> m.getFirstRow() == headingRow + 1
                    && m.getLastRow() == headingRow + 1 && m.getFirstColumn() == 3 && m.getLastColumn() == 5);
            assertThat(sheet.getMergedRegions()).anyMatch(m -> m.getFirstRow() == headingRow + 1
                    && m.getFirstColumn() == 11 && m.getLastColumn() == 12);
            assertThat(sheet.getRow(headingRow).getCell(2).getCellStyle().getBorderTop().getCode()).isPositive();
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(0) * 3);
        }
        Api.Download perAgency = as("admin").download(STATISTICS + PERIOD + "&groupBy=agency&format=xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(perAgency.body()))) {
            List<List<String>> cells = text(workbook.getSheetAt(0));
            assertThat(cells.toString()).contains("Cơ quan trực tiếp giải quyết")
                    .contains("(Thống kê theo cơ quan trực tiếp giải quyết)");
            assertThat(numbersOf(cells, "Văn phòng Ủy ban nhân dân thành phố Hải Phòng")).isEqualTo(B);
            assertThat(numbersOf(cells, "Sở Xây dựng thành phố Hải Phòng")).isEqualTo(A);
        }
        Api.Download perReceivingAgency = as("admin").download(STATISTICS + PERIOD
                + "&groupBy=receivingAgency&format=xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(perReceivingAgency.body()))) {
            List<List<String>> cells = text(workbook.getSheetAt(0));
            assertThat(cells.toString()).contains("Cơ quan tiếp nhận").contains("tại cơ quan tiếp nhận hồ sơ")
                    .doesNotContain("TRỰC TIẾP GIẢI QUYẾT");
            assertThat(numbersOf(cells, "Văn phòng Ủy ban nhân dân thành phố Hải Phòng")).isEqualTo(TOTAL);
        }
    }

    @Test
    void the_tracking_book_lists_the_dossiers_accepted_in_the_period_in_order_of_acceptance() {
        JsonNode book = ok(as("tiepnhan").get(BOOK + PERIOD));
        assertThat(book.get("from").asString()).isEqualTo("2024-06-15");
        assertThat(book.get("to").asString()).isEqualTo("2024-07-14");
        assertThat(book.has("field")).isTrue();
        assertThat(book.get("field").isNull()).isTrue();
        assertThat(codes(book)).containsExactly(d.get("D4"), d.get("D5"), d.get("D6"), d.get("D7"), d.get("D8"),
                d.get("E2"), d.get("D9"), d.get("D14"), d.get("E3"), d.get("D10"));
        // Each dossier's line in the book of its field and year (as on its receipt), counted from 1 January: D2, D1
        // and D3 took lines 1–3 of the construction book and E1 line 1 of the other before the period.
        assertThat(book.get("items").valueStream().map(i -> i.get("no").asInt())).containsExactly(4, 5, 6, 7, 8, 2, 9,
                10, 3, 11);
        assertThat(book.get("items").valueStream().map(i -> i.get("book").asInt())).containsOnly(2024);
        JsonNode returned = item(book, d.get("D8"));
        assertThat(returned.get("procedureName").asString()).isEqualTo("Thủ tục thử nghiệm báo cáo " + FIELD_A);
        assertThat(returned.get("applicant").asString()).isEqualTo("Hoàng Văn Đã Trả");
        assertThat(returned.get("address").asString()).isEqualTo("5 Lê Lợi, Ngô Quyền, Hải Phòng");
        assertThat(returned.get("phone").asString()).isEqualTo("0912345678");
        assertThat(returned.get("leadUnit").asString()).isEqualTo("SXD.QLXD");
        assertThat(returned.get("leadUnitName").asString()).isEqualTo("Phòng Quản lý hoạt động xây dựng");
        assertThat(local(returned, "receivedAt")).isEqualTo(at(6, 19, 9, 0));
        assertThat(local(returned, "dueAt")).isEqualTo(due(d.get("D8")));
        assertThat(local(returned, "returnedAt")).isEqualTo(at(6, 21, 9, 0));
        assertThat(returned.get("returnMethod").asString()).isEqualTo("POSTAL");
        assertThat(returned.get("statusCode").asInt()).isEqualTo(10);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        // Filed online before the period, accepted in it: the book has the acceptance.
        assertThat(local(item(book, d.get("D4")), "receivedAt")).isEqualTo(at(6, 17, 9, 0));
        assertThat(item(book, d.get("D9")).has("returnedAt")).isFalse();
        assertThat(item(book, d.get("E2")).get("leadUnit").asString()).isEqualTo("VP.KSTT");
        assertThat(item(book, d.get("D6")).get("statusCode").asInt()).isEqualTo(8);
        assertThat(item(book, d.get("D6")).get("note").asString()).isEqualTo("Dừng xử lý: Thuộc diện quy hoạch");
        assertThat(returned.get("sets").asInt()).isEqualTo(1);
        assertThat(returned.has("note")).isFalse();

        // One field, typed without diacritics or case.
        JsonNode construction = ok(as("tiepnhan").get(BOOK + PERIOD + "&field=bao%20cao%20thu%20nghiem%20XAY%20DUNG"));
        assertThat(construction.get("field").asString()).isEqualTo(FIELD_A);
        assertThat(codes(construction)).containsExactly(d.get("D4"), d.get("D5"), d.get("D6"), d.get("D7"),
                d.get("D8"), d.get("D9"), d.get("D14"), d.get("D10"));
        assertThat(codes(ok(as("tiepnhan").get(BOOK + PERIOD + "&field=Kh%C3%B4ng%20c%C3%B3")))).isEmpty();

        // The department's leader sees the dossiers routed through the department; the Office's monitor all.
        assertThat(codes(ok(as("lanhdao.sxd").get(BOOK + PERIOD)))).isEqualTo(codes(construction));
        assertThat(codes(ok(as("giamsat").get(BOOK + PERIOD)))).isEqualTo(codes(book));
        assertThat(codes(ok(as("admin").get(BOOK + "from=2024-07-15&to=2024-07-15")))).contains(d.get("D13"))
                .doesNotContain(d.get("D12"), d.get("D11"));
    }

    @Test
    void the_tracking_book_workbook_has_the_form_headings_and_one_line_per_dossier() throws IOException {
        Api.Download file = as("tiepnhan").download(BOOK + PERIOD + "&format=xlsx");
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).startsWith("attachment").contains("2024-06-15")
                .contains("2024-07-14");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            List<List<String>> cells = text(workbook.getSheetAt(0));
            String all = cells.toString();
            assertThat(all).contains("SỔ THEO DÕI HỒ SƠ").contains("Mẫu số 07").contains("Bộ phận Một cửa")
                    .contains("Từ ngày 15/06/2024 đến ngày 14/07/2024").contains("Tất cả các lĩnh vực");
            List<String> heading = cells.stream().filter(r -> !r.isEmpty() && r.get(0).equals("STT")).findFirst()
                    .orElseThrow();
            assertThat(heading).containsExactly("STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số lượng hồ sơ (bộ)",
                    "Tên tổ chức, cá nhân", "Địa chỉ, số điện thoại", "Cơ quan, đơn vị chủ trì giải quyết",
                    "Ngày, giờ nhận hồ sơ", "Ngày, giờ hẹn trả kết quả", "Ngày, giờ trả kết quả",
                    "Hình thức trả kết quả", "Ký nhận", "Trạng thái", "Ghi chú");
            List<List<String>> lines = cells.subList(cells.indexOf(heading) + 2, cells.size());
            assertThat(lines).hasSize(10);
            assertThat(lines.stream().map(l -> l.get(1))).containsExactly(d.get("D4"), d.get("D5"), d.get("D6"),
                    d.get("D7"), d.get("D8"), d.get("E2"), d.get("D9"), d.get("D14"), d.get("E3"), d.get("D10"));
            List<String> returned = lines.get(4);
            assertThat(returned.get(0)).isEqualTo("8");
            assertThat(returned.get(3)).isEqualTo("1");
            assertThat(returned.get(4)).isEqualTo("Hoàng Văn Đã Trả");
            assertThat(returned.get(5)).isEqualTo("5 Lê Lợi, Ngô Quyền, Hải Phòng; 0912345678");
            assertThat(returned.get(6)).isEqualTo("Phòng Quản lý hoạt động xây dựng");
            assertThat(returned.get(7)).isEqualTo("19/06/2024 09:00");
            assertThat(returned.get(9)).isEqualTo("21/06/2024 09:00");
            assertThat(returned.get(10)).isEqualTo("Qua bưu chính");
            assertThat(returned.get(11)).isEmpty();
            assertThat(returned.get(12)).isEqualTo("Đã trả kết quả");
            assertThat(lines.get(2).get(13)).isEqualTo("Dừng xử lý: Thuộc diện quy hoạch");
        }
        // The book keeps the appointment of the receipt; the apology's new date is in the notes.
        Api.Download august = as("tiepnhan").download(BOOK + "from=2024-08-01&to=2024-08-31&format=xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(august.body()))) {
            List<List<String>> cells = text(workbook.getSheetAt(0));
            List<String> rescheduled = cells.stream().filter(r -> r.size() > 1 && r.get(1).equals(d.get("L1")))
                    .findFirst().orElseThrow();
            assertThat(rescheduled.get(8)).isEqualTo("12/08/2024 09:00");
            assertThat(rescheduled.get(13)).isEqualTo("Hẹn lại trả kết quả lúc 17:00 16/08/2024 (văn bản xin lỗi)");
        }
    }

    @Test
    void by_default_a_rescheduled_dossier_is_judged_against_its_first_due_date_and_a_late_stop_is_late() {
        JsonNode august = ok(as("admin").get(STATISTICS + "from=2024-08-01&to=2024-08-31"));
        // L1 resolved after its first due date, L2 stopped after its due time: both late (with four dossiers of
        // July still open, carried over and overdue).
        assertThat(figures(row(august, FIELD_A))).isEqualTo(of(6, 0, 2, 4, 2, 0, 0, 2, 4, 0, 4));
        JsonNode lateness = august.get("lateness");
        assertThat(lateness.get("rescheduled").asString()).isEqualTo("ORIGINAL");
        assertThat(lateness.get("closed").asString()).isEqualTo("JUDGED");
        assertThat(lateness.get("rule").asString()).contains("hẹn lần đầu").contains("quá hạn nếu sau hạn");
        assertThat(august.get("legend").valueStream().map(JsonNode::asString)).contains(lateness.get("rule").asString());
        // Still open at the end of the 13th, both past their first due time: overdue.
        JsonNode thirteenth = ok(as("admin").get(STATISTICS + "from=2024-08-01&to=2024-08-13"));
        assertThat(figures(row(thirteenth, FIELD_A))).isEqualTo(of(6, 0, 2, 4, 0, 0, 0, 0, 6, 0, 6));
        assertThat(ok(as("admin").header("Accept-Language", "en").get(STATISTICS + "from=2024-08-01&to=2024-08-31"))
                .get("lateness").get("rule").asString()).contains("first given").contains("late after it");
    }

    @Test
    void judged_by_the_new_date_with_closed_dossiers_on_time_or_left_out_the_same_dossiers_count_otherwise() {
        StaffUser admin = new StaffUser("admin", "Quản trị", Set.of(Role.ADMIN), null, null);
        LocalDate first = LocalDate.of(2024, 8, 1);
        Lateness lenient = new Lateness(Rescheduled.NEW, Closed.ON_TIME);
        DossierReports.Statistics month = reports.statistics(first, LocalDate.of(2024, 8, 31), GroupBy.FIELD, admin,
                DossierReports.VIETNAMESE, lenient);
        // L1 early against the 16th (resolved on a working day before it), L2 on time whenever stopped.
        assertThat(figures(month, FIELD_A)).isEqualTo(of(6, 0, 2, 4, 2, 1, 1, 0, 4, 0, 4));
        assertThat(month.lateness().rule()).contains("kể cả ngày hẹn lại").contains("đã giải quyết đúng hạn");
        DossierReports.Statistics thirteenth = reports.statistics(first, LocalDate.of(2024, 8, 13), GroupBy.FIELD,
                admin, DossierReports.VIETNAMESE, lenient);
        // L1 within its new date at the end of the 13th.
        assertThat(figures(thirteenth, FIELD_A)).isEqualTo(of(6, 0, 2, 4, 0, 0, 0, 0, 6, 1, 5));
        DossierReports.Statistics excluded = reports.statistics(first, LocalDate.of(2024, 8, 31), GroupBy.FIELD,
                admin, DossierReports.VIETNAMESE, new Lateness(Rescheduled.ORIGINAL, Closed.EXCLUDED));
        assertThat(figures(excluded, FIELD_A)).isEqualTo(of(5, 0, 1, 4, 1, 0, 0, 1, 4, 0, 4));
        assertThat(excluded.lateness().rule()).contains("không được tính trong biểu");
    }

    static List<Long> figures(DossierReports.Statistics report, String key) {
        DossierReports.Row r = report.rows().stream().filter(row -> row.key().equals(key)).findFirst().orElseThrow();
        return of(r.received(), r.receivedOnline(), r.receivedDirect(), r.carriedOver(), r.resolved(),
                r.resolvedEarly(), r.resolvedOnTime(), r.resolvedLate(), r.inProgress(), r.inProgressWithinLimit(),
                r.inProgressOverdue());
    }

    static List<String> codes(JsonNode book) {
        return book.get("items").valueStream().map(i -> i.get("code").asString()).toList();
    }

    static JsonNode item(JsonNode book, String code) {
        return book.get("items").valueStream().filter(i -> i.get("code").asString().equals(code)).findFirst()
                .orElseThrow();
    }

    static LocalDateTime local(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asString()).toLocalDateTime();
    }

    /** The sheet as text, as a reader sees it (numbers and dates formatted); trailing blank cells dropped. */
    static List<List<String>> text(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> line = new ArrayList<>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    line.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
            }
            while (!line.isEmpty() && line.get(line.size() - 1).isEmpty()) {
                line.remove(line.size() - 1);
            }
            rows.add(line);
        }
        return rows;
    }

    /** Columns (3) to (13) of the row whose second column is {@code label}. */
    static List<Long> numbersOf(List<List<String>> cells, String label) {
        List<String> row = cells.stream().filter(r -> r.size() > 1 && r.get(1).equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
        return row.subList(2, 13).stream().map(v -> Long.parseLong(v.replace(",", "").replace(".", ""))).toList();
    }
}
