package vn.motcua.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestClock;

@IntegrationTest
class TasksApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskStore store;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long chairman() {
        for (JsonNode assigner : Api.as(port, "giamsat").get("/api/v1/tasks/assigners").json()) {
            if (assigner.get("name").asString().equals("Nguyễn Văn Tùng")) {
                return assigner.get("id").asLong();
            }
        }
        throw new AssertionError("the demo Chairman is missing");
    }

    Map<String, Object> form(String title, String host, String assignedOn, String dueDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Theo chỉ đạo của Chủ tịch UBND thành phố");
        body.put("source", Map.of("documentNumber", "123/TB-UBND", "documentDate", assignedOn, "summary",
                "Thông báo kết luận của Chủ tịch UBND thành phố"));
        body.put("assignedBy", chairman());
        body.put("hostUnitCode", host);
        body.put("coordinatingUnitCodes", List.of("SXD.QLXD"));
        body.put("assignedOn", assignedOn);
        body.put("dueDate", dueDate);
        body.put("priority", "HIGH");
        return body;
    }

    long assign(String title, String host, String assignedOn, String dueDate) {
        Api.Response created = Api.as(port, "giamsat").post("/api/v1/tasks", form(title, host, assignedOn, dueDate));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void the_demos_2019_tasks_read_as_the_offices_report_of_25_september_2019() {
        JsonNode stats = Api.as(port, "lanhdao").get("/api/v1/tasks/statistics?asOf=2019-09-25").json();
        assertThat(stats.get("received").asInt()).isEqualTo(107);
        assertThat(stats.get("completed").asInt()).isEqualTo(77);
        assertThat(stats.get("inProgress").asInt()).isEqualTo(30);
        assertThat(stats.get("completedOnTime").asInt() + stats.get("completedLate").asInt()).isEqualTo(77);
        assertThat(stats.get("inProgressWithinDeadline").asInt() + stats.get("inProgressOverdue").asInt()
                + stats.get("noDeadline").asInt()).isEqualTo(30);

        // a day later the report's in-progress tasks are being completed, and new ones arrive by the year's end
        JsonNode yearEnd = Api.as(port, "lanhdao").get("/api/v1/tasks/statistics?asOf=2019-12-31").json();
        assertThat(yearEnd.get("received").asInt()).isGreaterThan(107);
        assertThat(yearEnd.get("completed").asInt()).isGreaterThan(77);
        // the per-unit breakdown adds up to the whole
        int sum = 0;
        for (JsonNode unit : Api.as(port, "lanhdao").get("/api/v1/tasks/statistics/by-unit?asOf=2019-09-25").json()) {
            sum += unit.get("statistics").get("received").asInt();
        }
        assertThat(sum).isEqualTo(107);
    }

    @Test
    void the_database_and_the_aggregate_derive_the_same_status_of_every_demo_task_on_any_day() {
        List<Long> ids = jdbc.sql("select id from assigned_task where agency_code = '000.00.01.H27' order by id")
                .query(Long.class).list();
        List<AssignedTask> tasks = ids.stream().map(id -> store.find(id).orElseThrow()).toList();
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        for (LocalDate day : List.of(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 9, 9), LocalDate.of(2019, 9, 12),
                LocalDate.of(2019, 9, 25), LocalDate.of(2019, 10, 20), LocalDate.of(2020, 1, 1), today)) {
            Map<TaskStatus, Integer> expected = new HashMap<>();
            int received = 0;
            for (AssignedTask task : tasks) {
                if (!task.assignedOn.isAfter(day)) {
                    received++;
                    expected.merge(task.statusOn(day), 1, Integer::sum);
                }
            }
            JsonNode stats = Api.as(port, "lanhdao").get("/api/v1/tasks/statistics?asOf=" + day).json();
            assertThat(stats.get("received").asInt()).as("received on %s", day).isEqualTo(received);
            assertThat(stats.get("completedOnTime").asInt()).as("on time on %s", day)
                    .isEqualTo(expected.getOrDefault(TaskStatus.COMPLETED_ON_TIME, 0));
            assertThat(stats.get("completedLate").asInt()).as("late on %s", day)
                    .isEqualTo(expected.getOrDefault(TaskStatus.COMPLETED_LATE, 0));
            assertThat(stats.get("inProgressWithinDeadline").asInt()).as("within on %s", day)
                    .isEqualTo(expected.getOrDefault(TaskStatus.IN_PROGRESS_WITHIN_DEADLINE, 0));
            assertThat(stats.get("inProgressOverdue").asInt()).as("overdue on %s", day)
                    .isEqualTo(expected.getOrDefault(TaskStatus.IN_PROGRESS_OVERDUE, 0));
            assertThat(stats.get("noDeadline").asInt()).as("no deadline on %s", day)
                    .isEqualTo(expected.getOrDefault(TaskStatus.NO_DEADLINE, 0));
        }
    }

    @Test
    void the_host_unit_reports_progress_and_completes_on_the_due_date_on_time() {
        clock.set(LocalDateTime.of(2026, 3, 2, 9, 0));
        long id = assign("Rà soát quy trình nội bộ giải quyết thủ tục hành chính", "VP.KSTT", "2026-03-02",
                "2026-03-13");
        Api specialist = Api.as(port, "chuyenvien");
        JsonNode task = specialist.get("/api/v1/tasks/" + id).json();
        assertThat(task.get("status").asString()).isEqualTo("IN_PROGRESS_WITHIN_DEADLINE");
        assertThat(task.get("workingDaysLeft").asInt()).isEqualTo(9);
        assertThat(task.get("permissions").get("reportProgress").asBoolean()).isTrue();

        clock.set(LocalDateTime.of(2026, 3, 6, 15, 0));
        Api.Response progress = specialist.post("/api/v1/tasks/" + id + "/progress",
                Map.of("percent", 60, "note", "Đã có dự thảo"));
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        assertThat(progress.json().get("progressPercent").asInt()).isEqualTo(60);
        assertThat(progress.json().get("progressOn").asString()).isEqualTo("2026-03-06");

        clock.set(LocalDateTime.of(2026, 3, 13, 17, 0));
        Api.Response done = specialist.post("/api/v1/tasks/" + id + "/complete",
                Map.of("resultSummary", "Đã ban hành quy trình", "completedOn", "2026-03-13"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("COMPLETED_ON_TIME");
        assertThat(done.json().get("timeline")).extracting(e -> e.get("kind").asString())
                .containsExactly("ASSIGNED", "PROGRESS", "COMPLETED");

        Api.Response again = specialist.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 100));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void completed_a_day_after_the_due_date_is_late_and_an_open_task_is_overdue_the_day_after() {
        clock.set(LocalDateTime.of(2026, 4, 1, 9, 0));
        long late = assign("Báo cáo kết quả kiểm tra công vụ", "VP.KSTT", "2026-04-01", "2026-04-03");
        long open = assign("Tổng hợp kiến nghị của doanh nghiệp", "VP.KSTT", "2026-04-01", "2026-04-03");
        Api specialist = Api.as(port, "chuyenvien");
        clock.set(LocalDateTime.of(2026, 4, 3, 16, 0));
        assertThat(specialist.get("/api/v1/tasks/" + open).json().get("status").asString())
                .isEqualTo("IN_PROGRESS_WITHIN_DEADLINE");
        clock.set(LocalDateTime.of(2026, 4, 4, 8, 0));
        assertThat(specialist.get("/api/v1/tasks/" + open).json().get("status").asString())
                .isEqualTo("IN_PROGRESS_OVERDUE");
        JsonNode done = specialist.post("/api/v1/tasks/" + late + "/complete",
                Map.of("resultSummary", "Đã báo cáo")).json();
        assertThat(done.get("completedOn").asString()).isEqualTo("2026-04-04");
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED_LATE");

        // the overdue list puts overdue tasks first
        JsonNode overdue = specialist.get("/api/v1/tasks?status=in_progress_overdue&size=100").json();
        assertThat(overdue.get("items")).extracting(t -> t.get("id").asLong()).contains(open);
        assertThat(overdue.get("items")).allMatch(t -> t.get("status").asString().equals("IN_PROGRESS_OVERDUE"));
    }

    @Test
    void an_approved_extension_brings_an_overdue_task_back_within_the_deadline() {
        clock.set(LocalDateTime.of(2026, 5, 4, 9, 0));
        long id = assign("Xây dựng đề án số hóa hồ sơ", "VP.KSTT", "2026-05-04", "2026-05-08");
        Api specialist = Api.as(port, "chuyenvien");
        Api monitor = Api.as(port, "giamsat");
        clock.set(LocalDateTime.of(2026, 5, 11, 9, 0));
        assertThat(specialist.get("/api/v1/tasks/" + id).json().get("status").asString())
                .isEqualTo("IN_PROGRESS_OVERDUE");
        Api.Response asked = specialist.post("/api/v1/tasks/" + id + "/extension-requests",
                Map.of("proposedDueDate", "2026-05-29", "reason", "Chờ ý kiến Sở Tư pháp"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(specialist.post("/api/v1/tasks/" + id + "/extension-requests",
                Map.of("proposedDueDate", "2026-06-05", "reason", "Lần nữa")).status()).isEqualTo(409);
        // the host unit cannot approve its own request
        assertThat(specialist.post("/api/v1/tasks/" + id + "/extension-requests/1/approve", Map.of()).status())
                .isEqualTo(403);
        Api.Response approved = monitor.post("/api/v1/tasks/" + id + "/extension-requests/1/approve",
                Map.of("note", "Đồng ý"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("dueDate").asString()).isEqualTo("2026-05-29");
        assertThat(approved.json().get("originalDueDate").asString()).isEqualTo("2026-05-08");
        assertThat(approved.json().get("status").asString()).isEqualTo("IN_PROGRESS_WITHIN_DEADLINE");
        assertThat(approved.json().get("extensionRequests").get(0).get("state").asString()).isEqualTo("APPROVED");
        assertThat(monitor.post("/api/v1/tasks/" + id + "/extension-requests/1/deny", Map.of()).status())
                .isEqualTo(409);
        assertThat(monitor.post("/api/v1/tasks/" + id + "/extension-requests/7/deny", Map.of()).status())
                .isEqualTo(404);

        // as things stood on 08/05 and 10/05 the original due date applied
        JsonNode stats = monitor.get("/api/v1/tasks/statistics?unitCode=VP.KSTT&asOf=2026-05-10").json();
        JsonNode later = monitor.get("/api/v1/tasks/statistics?unitCode=VP.KSTT&asOf=2026-05-11").json();
        assertThat(later.get("inProgressOverdue").asInt()).isEqualTo(stats.get("inProgressOverdue").asInt() - 1);
        assertThat(later.get("inProgressWithinDeadline").asInt())
                .isGreaterThanOrEqualTo(stats.get("inProgressWithinDeadline").asInt() + 1);
    }

    @Test
    void only_the_host_unit_acts_other_units_are_refused_and_anonymous_callers_must_sign_in() {
        clock.set(LocalDateTime.of(2026, 6, 1, 9, 0));
        long id = assign("Rà soát quy chế phối hợp", "VP.KSTT", "2026-06-01", "2026-06-30");
        Map<String, Object> progress = Map.of("percent", 10, "note", "Bắt đầu");
        // a coordinating unit's specialist sees the task but may not report for the host
        assertThat(Api.as(port, "chuyenvien.sxd").get("/api/v1/tasks/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "chuyenvien.sxd").post("/api/v1/tasks/" + id + "/progress", progress).status())
                .isEqualTo(403);
        // a leader of the Office sees every task of the Office but reports only for a unit of his own
        assertThat(Api.as(port, "lanhdao").get("/api/v1/tasks/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "lanhdao").post("/api/v1/tasks/" + id + "/progress", progress).status())
                .isEqualTo(403);
        // another agency's leader does not see it at all, nor find it in his list
        assertThat(Api.as(port, "lanhdao.sxd").get("/api/v1/tasks/" + id).status()).isEqualTo(403);
        assertThat(Api.as(port, "lanhdao.sxd").get("/api/v1/tasks?size=100").json().get("items"))
                .noneMatch(t -> t.get("id").asLong() == id);
        // the desk neither assigns nor approves
        assertThat(Api.as(port, "tiepnhan").post("/api/v1/tasks", form("X", "VP.KSTT", "2026-06-01", null))
                .status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/tasks").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/v1/tasks/" + id + "/progress", progress).status()).isEqualTo(401);
        assertThat(Api.as(port, "chuyenvien").post("/api/v1/tasks/" + id + "/progress", progress).status())
                .isEqualTo(200);
    }

    @Test
    void bad_input_is_answered_with_a_problem_in_vietnamese() {
        Api monitor = Api.as(port, "giamsat");
        Api.Response empty = monitor.post("/api/v1/tasks", form("  ", "VP.KSTT", "2026-01-05", "2026-01-30"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.json().get("detail").asString()).isEqualTo("Cần nhập tên (nội dung) nhiệm vụ.");

        Api.Response reversed = monitor.post("/api/v1/tasks", form("Nhiệm vụ", "VP.KSTT", "2026-01-05", "2026-01-02"));
        assertThat(reversed.status()).isEqualTo(422);
        assertThat(reversed.json().get("detail").asString()).contains("Hạn hoàn thành không được trước ngày giao");

        Api.Response unknown = monitor.post("/api/v1/tasks", form("Nhiệm vụ", "VP.KHONGCO", "2026-01-05", null));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asString()).contains("VP.KHONGCO");

        Map<String, Object> notLeader = form("Nhiệm vụ", "VP.KSTT", "2026-01-05", null);
        notLeader.put("assignedBy", 999_999);
        assertThat(monitor.post("/api/v1/tasks", notLeader).status()).isEqualTo(422);
        Map<String, Object> badDate = form("Nhiệm vụ", "VP.KSTT", "2026-01-05", null);
        badDate.put("dueDate", "31/01/2026");
        assertThat(monitor.post("/api/v1/tasks", badDate).status()).isEqualTo(400);
        badDate.put("dueDate", "2200-01-31"); // beyond the working calendar: no working days to count
        Api.Response beyond = monitor.post("/api/v1/tasks", badDate);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("detail").asString()).contains("31/12/2100");
        assertThat(monitor.post("/api/v1/tasks", form("Nhiệm vụ", "SXD.QLXD", "2026-01-05", null)).status())
                .isEqualTo(422);
        assertThat(monitor.get("/api/v1/tasks?status=late").status()).isEqualTo(400);
        assertThat(monitor.get("/api/v1/tasks?size=1000").status()).isEqualTo(400);
        assertThat(monitor.get("/api/v1/tasks/statistics?asOf=25/09/2019").status()).isEqualTo(400);
        assertThat(monitor.get("/api/v1/tasks/999999").status()).isEqualTo(404);

        long id = assign("Kiểm tra dữ liệu đầu vào", "VP.KSTT", LocalDate.now().minusDays(1).toString(), null);
        Api specialist = Api.as(port, "chuyenvien").header("Accept-Language", "en");
        Api.Response percent = specialist.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 120));
        assertThat(percent.status()).isEqualTo(400);
        assertThat(percent.json().get("detail").asString()).isEqualTo("Progress must be a whole number from 0 to 100 (%).");
        assertThat(specialist.post("/api/v1/tasks/" + id + "/progress", Map.of("note", "no percent")).status())
                .isEqualTo(400);
        assertThat(specialist.post("/api/v1/tasks/" + id + "/complete", Map.of("resultSummary", "Xong",
                "completedOn", LocalDate.now().plusDays(3).toString())).status()).isEqualTo(422);
    }

    @Test
    void a_repeated_assignment_with_the_same_idempotency_key_creates_one_task() {
        Api monitor = Api.as(port, "giamsat").header("Idempotency-Key", "task-test-0001");
        Map<String, Object> body = form("Nhiệm vụ gửi hai lần", "VP.KSTT", LocalDate.now().minusDays(2).toString(),
                null);
        long first = monitor.post("/api/v1/tasks", body).json().get("id").asLong();
        long second = monitor.post("/api/v1/tasks", body).json().get("id").asLong();
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from assigned_task where title = 'Nhiệm vụ gửi hai lần'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void lists_are_scoped_filtered_and_searched_without_diacritics() {
        JsonNode mine = Api.as(port, "chuyenvien").get("/api/v1/tasks?size=100").json();
        assertThat(mine.get("total").asInt()).isPositive();
        assertThat(mine.get("items")).allMatch(t -> t.get("hostUnit").get("code").asString().equals("VP.KSTT")
                || jdbc.sql("select 'VP.KSTT' = any(coordinating_unit_codes) from assigned_task where id = ?")
                        .param(t.get("id").asLong()).query(Boolean.class).single());
        JsonNode found = Api.as(port, "lanhdao").get("/api/v1/tasks?q=trung%20tam%20phuc%20vu%20hanh%20chinh").json();
        assertThat(found.get("items")).isNotEmpty()
                .allMatch(t -> t.get("title").asString().contains("Trung tâm Phục vụ hành chính"));
        long leader = chairman();
        JsonNode byLeader = Api.as(port, "lanhdao").get("/api/v1/tasks?assignedBy=" + leader + "&size=100").json();
        assertThat(byLeader.get("items")).isNotEmpty().allMatch(t -> t.get("assignedBy").asLong() == leader);
        JsonNode unit = Api.as(port, "lanhdao").get("/api/v1/tasks?unitCode=VP.TH&size=5&page=1").json();
        assertThat(unit.get("items")).allMatch(t -> t.get("hostUnit").get("code").asString().equals("VP.TH"));
        assertThat(unit.get("total").asInt()).isGreaterThan(5);
    }

    @Test
    void the_export_is_a_workbook_of_every_task_as_of_the_day() throws Exception {
        Api.Download file = Api.as(port, "lanhdao").download("/api/v1/tasks/export?format=xlsx&asOf=2019-09-25");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).contains("nhiem-vu-2019-09-25.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("25/09/2019");
            assertThat(sheet.getRow(3).getCell(7).getStringCellValue()).isEqualTo("Tình trạng");
            List<String> statuses = new ArrayList<>();
            for (int i = 4; i <= sheet.getLastRowNum(); i++) {
                statuses.add(sheet.getRow(i).getCell(7).getStringCellValue());
            }
            assertThat(statuses).hasSize(107);
            assertThat(statuses.stream().filter(s -> s.startsWith("Hoàn thành")).count()).isEqualTo(77);
        }
    }

    @Test
    void the_export_numbers_its_lines_and_shows_a_completed_task_done_in_full_whatever_its_last_report_said()
            throws Exception {
        clock.set(LocalDateTime.of(2026, 5, 4, 9, 0));
        long id = assign("Nhiệm vụ báo cáo 40% rồi hoàn thành", "VP.KSTT", "2026-05-04", null);
        Api specialist = Api.as(port, "chuyenvien");
        assertThat(specialist.post("/api/v1/tasks/" + id + "/progress", Map.of("percent", 40, "note", "Đang dự thảo"))
                .status()).isEqualTo(200);
        assertThat(specialist.post("/api/v1/tasks/" + id + "/complete", Map.of("resultSummary", "Đã ban hành",
                "completedOn", "2026-05-04")).status()).isEqualTo(200);
        Api.Download file = Api.as(port, "lanhdao").download("/api/v1/tasks/export?format=xlsx&asOf=2026-05-04");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(4).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(4).getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(5).getCell(0).getNumericCellValue()).isEqualTo(2.0);
            Row line = null;
            for (int i = 4; i <= sheet.getLastRowNum(); i++) {
                if (sheet.getRow(i).getCell(1).getStringCellValue().equals("Nhiệm vụ báo cáo 40% rồi hoàn thành")) {
                    line = sheet.getRow(i);
                }
            }
            assertThat(line).isNotNull();
            assertThat(line.getCell(7).getStringCellValue()).startsWith("Hoàn thành");
            assertThat(line.getCell(8).getStringCellValue()).isEqualTo("100%");
        }
        assertThat(Api.as(port, "lanhdao").get("/api/v1/tasks/export?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void files_are_attached_by_those_who_act_checked_by_content_and_read_by_those_who_see_the_task() {
        long id = assign("Nhiệm vụ có tệp đính kèm", "VP.KSTT", LocalDate.now().minusDays(1).toString(), null);
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Api.Response document = Api.as(port, "giamsat").upload("/api/v1/tasks/" + id + "/attachments",
                "../../Thông báo 123.pdf", pdf, Map.of());
        assertThat(document.status()).as(document.toString()).isEqualTo(201);
        assertThat(document.json().get("purpose").asString()).isEqualTo("ASSIGNMENT");
        assertThat(document.json().get("name").asString()).isEqualTo("Thông báo 123.pdf");
        Api.Response report = Api.as(port, "chuyenvien").upload("/api/v1/tasks/" + id + "/attachments",
                "bao-cao.pdf", pdf, Map.of());
        assertThat(report.json().get("purpose").asString()).isEqualTo("PROGRESS");

        // not the host unit: no progress files; not the office: no assignment files; never an executable
        assertThat(Api.as(port, "chuyenvien.sxd").upload("/api/v1/tasks/" + id + "/attachments", "x.pdf", pdf,
                Map.of("purpose", "PROGRESS")).status()).isEqualTo(403);
        assertThat(Api.as(port, "chuyenvien").upload("/api/v1/tasks/" + id + "/attachments", "x.pdf", pdf,
                Map.of("purpose", "ASSIGNMENT")).status()).isEqualTo(403);
        assertThat(Api.as(port, "chuyenvien").upload("/api/v1/tasks/" + id + "/attachments", "x.pdf",
                "MZ this is an executable".getBytes(StandardCharsets.US_ASCII), Map.of()).status()).isEqualTo(415);

        JsonNode task = Api.as(port, "lanhdao").get("/api/v1/tasks/" + id).json();
        assertThat(task.get("attachments")).extracting(a -> a.get("purpose").asString())
                .containsExactly("ASSIGNMENT", "PROGRESS");
        String path = "/api/v1/tasks/" + id + "/attachments/" + document.json().get("id").asLong();
        Api.Download file = Api.as(port, "chuyenvien.sxd").download(path); // a coordinating unit sees the task
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(Api.as(port, "lanhdao.sxd").download(path).status()).isEqualTo(403);
        assertThat(Api.as(port, "lanhdao").download("/api/v1/tasks/" + id + "/attachments/999999").status())
                .isEqualTo(404);
    }

    @Test
    void a_change_based_on_a_stale_copy_is_refused_and_nothing_is_lost() {
        long id = assign("Nhiệm vụ sửa đồng thời", "VP.KSTT", LocalDate.now().minusDays(1).toString(), null);
        AssignedTask first = store.find(id).orElseThrow();
        AssignedTask second = store.find(id).orElseThrow();
        AssignedTask.Actor actor = new AssignedTask.Actor("chuyenvien", "Lê Minh Tuấn");
        first.reportProgress(30, "Lần một", LocalDate.now(), actor);
        store.save(first, java.time.Instant.now(), "chuyenvien", null);
        second.reportProgress(40, "Lần hai", LocalDate.now(), actor);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> store.save(second, java.time.Instant.now(), "chuyenvien", null))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(store.find(id).orElseThrow().progressPercent).isEqualTo(30);
    }

    @Autowired
    Tasks tasks;

    @Autowired
    vn.motcua.identity.Identity identity;

    @Test
    void the_dashboard_overview_in_one_pass_equals_the_separate_statistics_of_the_demo_tasks() {
        var leader = identity.user("lanhdao").orElseThrow();
        for (LocalDate day : List.of(LocalDate.of(2019, 9, 25), LocalDate.now(VietnamTime.ZONE))) {
            TaskViews.Overview overview = tasks.overview(day, leader);
            assertThat(overview.total()).isEqualTo(tasks.statistics(day, null, leader));
            assertThat(overview.byUnit()).containsExactlyInAnyOrderElementsOf(tasks.byUnit(day, leader));
            assertThat(overview.byLeader()).containsExactlyInAnyOrderElementsOf(tasks.byLeader(day, leader));
        }
        assertThat(tasks.overview(LocalDate.of(2019, 9, 25), leader).total().received()).isEqualTo(107);
    }
}
