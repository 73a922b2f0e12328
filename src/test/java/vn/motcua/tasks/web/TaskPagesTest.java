package vn.motcua.tasks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WebSession;

/**
 * The tasks' dashboard and task page over plain HTTP. The database is shared with other tests: the figures
 * of today are never assumed, only those of 2019 (no test assigns a task in 2019); the tasks changed here are
 * assigned by this test.
 */
@IntegrationTest
class TaskPagesTest {

    static final Pattern ROW = Pattern.compile("<tr[^>]*data-task=\"(\\d+)\"[^>]*data-unit=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    static LocalDate today() {
        return LocalDate.now(VietnamTime.ZONE);
    }

    long chairman() {
        for (JsonNode assigner : Api.as(port, "giamsat").get("/api/v1/tasks/assigners").json()) {
            if (assigner.get("name").asString().equals("Nguyễn Văn Tùng")) {
                return assigner.get("id").asLong();
            }
        }
        throw new AssertionError("the demo Chairman is missing");
    }

    /** A task of this test's own, assigned today by the monitor, due in a month. */
    long assign(String title, String host, List<String> coordinating) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("source", Map.of("documentNumber", "77/TB-UBND", "documentDate", today().toString(), "summary",
                "Thông báo kết luận của Chủ tịch UBND thành phố"));
        body.put("assignedBy", chairman());
        body.put("hostUnitCode", host);
        body.put("coordinatingUnitCodes", coordinating);
        body.put("assignedOn", today().toString());
        body.put("dueDate", today().plusDays(30).toString());
        body.put("priority", "NORMAL");
        Api.Response created = Api.as(port, "giamsat").post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Every page of a list, one after the other. */
    static String allPages(WebSession session, String path) {
        StringBuilder pages = new StringBuilder();
        String next = path;
        for (int n = 0; next != null && n < 100; n++) {
            Api.Response response = session.get(next);
            assertThat(response.status()).as(next).isEqualTo(200);
            pages.append(response.body());
            Matcher link = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(response.body());
            next = link.find() ? link.group(1).replace("&amp;", "&") : null;
        }
        return pages.toString();
    }

    /** The list's rows (not the overdue section's): task id → host unit code. */
    static Map<Long, String> rows(String pages) {
        Map<Long, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(pages);
        while (row.find()) {
            rows.put(Long.valueOf(row.group(1)), row.group(2));
        }
        return rows;
    }

    @Test
    void theLeaderSeesTheDemoDashboardWithTheOverdueTasksFirstAndFiguresThatDrillDown() {
        Api.Response page = WebSession.signIn(port, "lanhdao").get("/tasks");

        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("Nhiệm vụ được giao").contains("id=\"nav-tasks\"").doesNotContain("??")
                .contains("Nhiệm vụ quá hạn").contains("id=\"overdue-table\"")
                .contains("Đang thực hiện quá hạn").contains("Hoàn thành đúng hạn")
                .contains("id=\"unit-chart\"").contains("id=\"leader-chart\"").contains("id=\"unit-chart-table\"")
                .contains("<title id=\"unit-chart-title\">Nhiệm vụ theo đơn vị chủ trì</title>");
        // The overdue section (red rows) comes before the list, and the chart of units has a row for VP.KSTT.
        assertThat(body.indexOf("id=\"overdue-section\"")).isNotNegative().isLessThan(body.indexOf("id=\"task-list\""));
        assertThat(body).containsPattern("<tr class=\"table-danger\" data-task=\"\\d+\">");
        assertThat(body).containsPattern("<g class=\"chart-row\" data-key=\"VP.KSTT\">");
        assertThat(body).containsPattern("<rect class=\"seg-in_progress_overdue\" x=\"[\\d.]+\"");
        // Each figure drills down to its list.
        assertThat(body).contains("href=\"/tasks?status=in_progress_overdue\" id=\"stat-in_progress_overdue\"")
                .contains("href=\"/tasks?unitCode=VP.KSTT\"");

        // The drill-down: only overdue tasks, dates as dd/MM/yyyy.
        String overdue = WebSession.signIn(port, "lanhdao").get("/tasks?status=in_progress_overdue").body();
        assertThat(overdue).contains("data-status=\"IN_PROGRESS_OVERDUE\"")
                .doesNotContain("data-status=\"IN_PROGRESS_WITHIN_DEADLINE\"")
                .doesNotContain("data-status=\"COMPLETED_ON_TIME\"")
                .containsPattern(">\\d{2}/\\d{2}/\\d{4}<");
    }

    @Test
    void theDemos2019TasksReadAsTheOfficesReportOn25September2019() {
        String body = WebSession.signIn(port, "lanhdao").get("/tasks?asOf=2019-09-25").body();

        assertThat(body).contains("Số liệu tính đến hết ngày 25/09/2019");
        assertThat(body).containsPattern("id=\"stat-received\">107<")
                .containsPattern("id=\"stat-completed\">77<")
                .containsPattern("id=\"stat-in-progress\">30<");
        // The drill-down keeps the day: the list as it stood then.
        assertThat(body).contains("href=\"/tasks?status=completed_late&amp;asOf=2019-09-25\"");
        String late = WebSession.signIn(port, "lanhdao").get("/tasks?status=completed_late&asOf=2019-09-25").body();
        Matcher count = Pattern.compile("id=\"stat-completed_late\">(\\d+)<").matcher(late);
        assertThat(count.find()).isTrue();
        assertThat(rows(late)).hasSize(Integer.parseInt(count.group(1)));
        // A wrong day falls back to today, with a word of warning.
        assertThat(WebSession.signIn(port, "lanhdao").get("/tasks?asOf=25-09-2019").body())
                .contains("id=\"as-of-error\"").contains("Số liệu tính đến hôm nay");
    }

    @Test
    void theSpecialistSeesOnlyTasksHostedOrCoordinatedByTheirUnit() {
        String marker = "Kiểm tra phạm vi " + UUID.randomUUID().toString().substring(0, 8);
        long hosted = assign(marker + " chủ trì", "VP.KSTT", List.of());
        long coordinated = assign(marker + " phối hợp", "VP.TH", List.of("VP.KSTT"));
        long other = assign(marker + " đơn vị khác", "VP.TH", List.of("SXD.QLXD"));
        WebSession specialist = WebSession.signIn(port, "chuyenvien");

        // The search ignores diacritics.
        String found = specialist.get("/tasks?q=" + java.net.URLEncoder.encode(
                java.text.Normalizer.normalize(marker, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                        .replace('đ', 'd'), java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(rows(found)).containsOnlyKeys(hosted, coordinated);
        assertThat(WebSession.signIn(port, "lanhdao").get("/tasks?q=" + marker.split(" ")[4]).body())
                .contains("data-task=\"" + other + "\"");

        Map<Long, String> all = rows(allPages(specialist, "/tasks"));
        assertThat(all).containsKeys(hosted, coordinated).doesNotContainKey(other);
        List<Long> elsewhere = new ArrayList<>();
        all.forEach((id, unit) -> {
            if (!unit.equals("VP.KSTT")) {
                elsewhere.add(id);
            }
        });
        assertThat(elsewhere).contains(coordinated);
        Api api = Api.as(port, "chuyenvien");
        for (long id : elsewhere) {
            JsonNode task = api.get("/api/v1/tasks/" + id).json();
            List<String> coordinating = new ArrayList<>();
            task.get("coordinatingUnits").forEach(u -> coordinating.add(u.get("code").asString()));
            assertThat(coordinating).as("task %d", id).contains("VP.KSTT");
        }
        assertThat(specialist.get("/tasks/" + other).status()).isEqualTo(403);
        // The coordinating unit sees the task but has no form to report on it.
        String coordinatedPage = specialist.get("/tasks/" + coordinated).body();
        assertThat(coordinatedPage).contains(marker + " phối hợp").doesNotContain("id=\"progress-form\"");
        assertThat(specialist.get("/tasks/" + hosted).body()).contains("id=\"progress-form\"")
                .contains("id=\"complete-form\"").contains("id=\"extension-form\"");
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        Api.Response dashboard = WebSession.anonymous(port).get("/tasks");
        assertThat(dashboard.status()).isEqualTo(302);
        assertThat(dashboard.header("Location")).endsWith("/login");
        Api.Response task = WebSession.anonymous(port).get("/tasks/1");
        assertThat(task.status()).isEqualTo(302);
        assertThat(task.header("Location")).endsWith("/login");
    }

    @Test
    void staffOfAnotherAgencyGetTheForbiddenPage() {
        long task = assign("Nhiệm vụ của Văn phòng " + UUID.randomUUID(), "VP.KSTT", List.of());
        WebSession other = WebSession.signIn(port, "chuyenvien.sxd");

        Api.Response page = other.get("/tasks/" + task);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("<main id=\"main\"");
        assertThat(other.get("/tasks").body()).doesNotContain("data-task=\"" + task + "\"");
        Api.Response post = other.post("/tasks/" + task + "/progress", Map.of("percent", "50", "note", "Thử"));
        assertThat(post.status()).isEqualTo(403);
        assertThat(Api.as(port, "giamsat").get("/api/v1/tasks/" + task).json().get("progressPercent").asInt())
                .isZero();
    }

    @Test
    void aRefusedProgressReportShowsWhatWasTypedAgainAndASuccessfulOneStartsAfresh() {
        long task = assign("Báo cáo tiến độ giữ giá trị " + UUID.randomUUID(), "VP.KSTT", List.of());
        WebSession specialist = WebSession.signIn(port, "chuyenvien");

        specialist.post("/tasks/" + task + "/progress", Map.of("percent", "150", "note", "Ghi chú đã gõ trước khi bị từ chối"));
        String refused = HtmlUtils.htmlUnescape(specialist.get("/tasks/" + task).body());

        assertThat(refused).contains("id=\"action-error\"");
        assertThat(refused).containsPattern("id=\"progress-percent\"[^>]*value=\"150\"");
        assertThat(refused).contains(">Ghi chú đã gõ trước khi bị từ chối</textarea>");

        String again = HtmlUtils.htmlUnescape(specialist.get("/tasks/" + task).body());
        assertThat(again).as("kept for the next page only").doesNotContain("Ghi chú đã gõ trước khi bị từ chối")
                .containsPattern("id=\"progress-percent\"[^>]*value=\"0\"");
    }

    @Test
    void aProgressOf150IsRefusedInWordsAndChangesNothing() {
        long task = assign("Báo cáo tiến độ sai " + UUID.randomUUID(), "VP.KSTT", List.of());
        WebSession specialist = WebSession.signIn(port, "chuyenvien");
        assertThat(specialist.get("/tasks/" + task).body()).contains("id=\"progress-form\"");
        int events = Api.as(port, "chuyenvien").get("/api/v1/tasks/" + task).json().get("timeline").size();

        Api.Response refused = specialist.post("/tasks/" + task + "/progress", Map.of("percent", "150",
                "note", "Đã hoàn thành vượt mức"));

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/tasks/" + task);
        String page = specialist.get("/tasks/" + task).body();
        assertThat(page).contains("id=\"action-error\"").contains("Tiến độ phải là số nguyên từ 0 đến 100 (%).")
                .doesNotContain("id=\"flash\"");
        JsonNode after = Api.as(port, "chuyenvien").get("/api/v1/tasks/" + task).json();
        assertThat(after.get("progressPercent").asInt()).isZero();
        assertThat(after.get("timeline").size()).isEqualTo(events);
        // Not a number at all: the same words.
        specialist.post("/tasks/" + task + "/progress", Map.of("percent", "nhiều", "note", ""));
        assertThat(specialist.get("/tasks/" + task).body()).contains("Tiến độ phải là số nguyên từ 0 đến 100 (%).");

        // A right one is recorded and said so.
        Api.Response done = specialist.post("/tasks/" + task + "/progress", Map.of("percent", "40",
                "note", "Đã xây dựng dự thảo kế hoạch"));
        assertThat(done.status()).isEqualTo(302);
        String shown = specialist.get("/tasks/" + task).body();
        assertThat(shown).contains("id=\"flash\"").contains("Đã cập nhật tiến độ nhiệm vụ")
                .contains("aria-valuenow=\"40\"").contains("Đã xây dựng dự thảo kế hoạch")
                .doesNotContain("id=\"action-error\"");
        assertThat(Api.as(port, "chuyenvien").get("/api/v1/tasks/" + task).json().get("progressPercent").asInt())
                .isEqualTo(40);
    }

    @Test
    void theMonitorApprovesAnExtensionTheSpecialistAskedForOnThePage() {
        long task = assign("Gia hạn qua trang " + UUID.randomUUID(), "VP.KSTT", List.of());
        WebSession specialist = WebSession.signIn(port, "chuyenvien");
        specialist.get("/tasks/" + task);
        LocalDate proposed = today().plusDays(60);
        specialist.post("/tasks/" + task + "/extension-requests", Map.of("proposedDueDate", proposed.toString(),
                "reason", "Chờ ý kiến của các sở, ngành"));
        String asked = specialist.get("/tasks/" + task).body();
        assertThat(asked).contains("Đã gửi đề nghị gia hạn").contains("data-state=\"PENDING\"")
                .doesNotContain("id=\"extension-form\"").doesNotContain("id=\"approve-form\"");

        WebSession monitor = WebSession.signIn(port, "giamsat");
        String toDecide = monitor.get("/tasks/" + task).body();
        assertThat(toDecide).contains("id=\"approve-form\"").doesNotContain("id=\"progress-form\"");
        Api.Response approved = monitor.post("/tasks/" + task + "/extension-requests/1/approve",
                Map.of("note", "Đồng ý"));
        assertThat(approved.status()).isEqualTo(302);
        String after = monitor.get("/tasks/" + task).body();
        String due = String.format("%02d/%02d/%d", proposed.getDayOfMonth(), proposed.getMonthValue(), proposed.getYear());
        assertThat(after).contains("Đã đồng ý gia hạn nhiệm vụ").contains("data-state=\"APPROVED\"")
                .containsPattern("id=\"task-due\"[^>]*>" + due + "<")
                .contains("data-kind=\"EXTENSION_APPROVED\"");
        // Decided already: the second decision is refused in words.
        monitor.post("/tasks/" + task + "/extension-requests/1/deny", Map.of("note", ""));
        assertThat(monitor.get("/tasks/" + task).body()).contains("id=\"action-error\"");
    }

    @Test
    void theHostUnitAttachesAReportOnThePageAndOnlyAcceptedFilesAreKept() {
        long task = assign("Nhiệm vụ có báo cáo đính kèm " + UUID.randomUUID(), "VP.KSTT", List.of());
        WebSession specialist = WebSession.signIn(port, "chuyenvien");
        assertThat(specialist.get("/tasks/" + task).body()).contains("id=\"attach-form\"")
                .contains("Chưa có tệp đính kèm.");
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        Api.Response uploaded = specialist.postFile("/tasks/" + task + "/attachments", Map.of("purpose", "RESULT"),
                "file", "Báo cáo kết quả.pdf", "application/pdf", pdf);
        assertThat(uploaded.status()).isEqualTo(302);
        String page = specialist.get("/tasks/" + task).body();
        assertThat(page).contains("Đã đính kèm tệp &quot;Báo cáo kết quả.pdf&quot;.").contains("Kết quả thực hiện");
        Matcher link = Pattern.compile("href=\"(/tasks/" + task + "/attachments/\\d+)\"").matcher(page);
        assertThat(link.find()).isTrue();
        assertThat(specialist.download(link.group(1)).body()).isEqualTo(pdf);

        // an executable renamed .pdf is refused in words and not listed
        specialist.postFile("/tasks/" + task + "/attachments", Map.of(), "file", "virus.pdf", "application/pdf",
                "MZ this is an executable".getBytes(StandardCharsets.US_ASCII));
        String after = specialist.get("/tasks/" + task).body();
        assertThat(after).contains("Chỉ nhận tệp PDF, JPEG hoặc PNG").doesNotContain("virus.pdf");
        // another agency's staff may not read it
        assertThat(WebSession.signIn(port, "lanhdao.sxd").get(link.group(1)).status()).isEqualTo(403);
    }
}
