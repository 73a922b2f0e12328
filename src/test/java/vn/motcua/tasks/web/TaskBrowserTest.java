package vn.motcua.tasks.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Api;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;

/**
 * A specialist of the Office's control unit (VP.KSTT) finds an in-progress task of the unit on the dashboard
 * and reports its progress, in Chromium. The task is this test's own, so that no other test changes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskBrowserTest extends BrowserTest {

    final String code = UUID.randomUUID().toString().substring(0, 6);
    final String title = "Rà soát quy trình nội bộ giải quyết thủ tục hành chính " + code;
    long task;

    @BeforeAll
    void assignATask() {
        long chairman = -1;
        for (JsonNode assigner : Api.as(port, "giamsat").get("/api/v1/tasks/assigners").json()) {
            if (assigner.get("name").asString().equals("Nguyễn Văn Tùng")) {
                chairman = assigner.get("id").asLong();
            }
        }
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("source", Map.of("documentNumber", "215/TB-UBND", "documentDate", today.toString(), "summary",
                "Kết luận của Chủ tịch UBND thành phố về cải cách hành chính"));
        body.put("assignedBy", chairman);
        body.put("hostUnitCode", "VP.KSTT");
        body.put("coordinatingUnitCodes", List.of("VP.TH"));
        body.put("assignedOn", today.toString());
        body.put("dueDate", today.plusDays(45).toString());
        body.put("priority", "HIGH");
        Api.Response created = Api.as(port, "giamsat").post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        task = created.json().get("id").asLong();
    }

    @Test
    void theSpecialistReportsProgressOfATaskFoundOnTheDashboard() {
        Page page = browser.signIn(port, "chuyenvien");
        page.locator("#nav-tasks").click();
        page.waitForURL(Pattern.compile(".*/tasks$"));
        assertThat(page.locator("h1")).hasText("Nhiệm vụ được giao");
        // The overdue tasks come before the list, and stand out in red.
        assertThat(page.locator("#overdue-section")).isVisible();
        Object overdueFirst = page.evaluate("() => !!(document.querySelector('#overdue-section')"
                + ".compareDocumentPosition(document.querySelector('#task-list')) & Node.DOCUMENT_POSITION_FOLLOWING)");
        assertThat(overdueFirst).isEqualTo(true);
        assertThat(page.locator("#unit-chart")).isVisible();
        Browser.screenshot(page, "/tmp/tasks-dashboard.png");

        // Filter the list: the unit's tasks in progress within the deadline, searched without diacritics.
        page.locator("#filter-status").selectOption("in_progress_within_deadline");
        page.locator("#filter-unit").selectOption("VP.KSTT");
        page.locator("#filter-q").fill("ra soat quy trinh noi bo " + code);
        page.locator("#filter-submit").click();
        page.waitForURL(Pattern.compile(".*/tasks\\?.*q=.*"));
        Locator rows = page.locator("#task-table tbody tr");
        assertThat(rows).hasCount(1);
        Locator row = rows.first();
        assertThat(row).hasAttribute("data-unit", "VP.KSTT");
        assertThat(row).hasAttribute("data-status", "IN_PROGRESS_WITHIN_DEADLINE");
        row.locator("a.task-link").click();
        page.waitForURL(Pattern.compile(".*/tasks/" + task + "$"));

        assertThat(page.locator("#task-title")).hasText(title);
        assertThat(page.locator("#task-status")).hasText("Đang thực hiện trong hạn");
        assertThat(page.locator("#task-source")).containsText("215/TB-UBND");
        assertThat(page.locator("#task-progress")).hasAttribute("aria-valuenow", "0");
        int entries = page.locator("#timeline li").count();
        assertThat(entries).isPositive();

        page.locator("#progress-percent").fill("75");
        page.locator("#progress-note").fill("Đã rà soát xong 3/4 quy trình, đang lấy ý kiến các phòng");
        page.locator("#progress-submit").click();
        page.waitForURL(Pattern.compile(".*/tasks/" + task + "$"));

        assertThat(page.locator("#flash")).containsText("Đã cập nhật tiến độ nhiệm vụ");
        assertThat(page.locator("#action-error")).hasCount(0);
        assertThat(page.locator("#task-progress")).hasAttribute("aria-valuenow", "75");
        assertThat(page.locator("#task-progress .progress-bar")).hasText("75 %");
        assertThat(page.locator("#task-progress .progress-bar"))
                .hasAttribute("style", Pattern.compile("width: ?75%"));
        Locator timeline = page.locator("#timeline li");
        assertThat(timeline).hasCount(entries + 1);
        Locator last = timeline.last();
        assertThat(last).hasAttribute("data-kind", "PROGRESS");
        assertThat(last).containsText("Báo cáo tiến độ");
        assertThat(last).containsText("75 %");
        assertThat(last).containsText("Đã rà soát xong 3/4 quy trình, đang lấy ý kiến các phòng");
        assertThat(last).containsText(todayShown());
        Browser.screenshot(page, "/tmp/tasks-task.png");
        Accessibility.check(page);
    }

    static String todayShown() {
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        return String.format("%02d/%02d/%d", today.getDayOfMonth(), today.getMonthValue(), today.getYear());
    }
}
