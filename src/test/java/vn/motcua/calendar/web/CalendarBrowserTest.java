package vn.motcua.calendar.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;

/** The calendar page in a real browser: htmx, Bootstrap and the Content-Security-Policy together. */
class CalendarBrowserTest extends BrowserTest {

    @Test
    void anAdministratorMarksASaturdayAsASwappedWorkingDaySeesItOnTheGridRemovesItAndSignsOut() {
        Page page = browser.newPage(port);
        page.navigate("/login");
        page.getByLabel("Tên đăng nhập").fill("admin");
        page.getByLabel("Mật khẩu").fill("Demo@12345");
        page.locator("#login-form button[type=submit]").click();
        assertThat(page.locator("#greeting")).hasText("Xin chào, Phạm Đức Anh");

        page.navigate("/calendar?year=2031");
        Locator saturday = page.locator("td[data-date='2031-05-10']");
        assertThat(saturday).hasAttribute("data-kind", "WEEKEND");

        saturday.locator("a.day").click();
        assertThat(page.locator("#day-panel")).isVisible();
        assertThat(page.locator("#day-panel-content")).hasAttribute("data-date", "2031-05-10");
        page.locator("#day-kind").selectOption("SWAPPED_WORKDAY");
        page.locator("#day-name").fill("Làm bù cho ngày nghỉ 2/5/2031");
        page.locator("#day-reference").fill("Thông báo số 99/TB-UBND (thử nghiệm)");
        page.locator("#day-save").click();

        page.waitForURL(url -> url.endsWith("/calendar?year=2031#m5"));
        assertThat(page.locator("#flash")).containsText("Đã lưu ngày 10/05/2031: Làm bù");
        assertThat(saturday).hasAttribute("data-kind", "SWAPPED_WORKDAY");
        assertThat(saturday).hasAttribute("data-overridden", "true");
        assertThat(saturday.locator(".override-mark")).hasCount(1);
        Locator listed = page.locator("#occasions tr[data-from='2031-05-10']");
        assertThat(listed).containsText("Làm bù cho ngày nghỉ 2/5/2031");
        assertThat(listed).containsText("Thông báo số 99/TB-UBND (thử nghiệm)");
        assertThat(listed).hasAttribute("data-kind", "SWAPPED_WORKDAY");
        Browser.screenshot(page, "/tmp/ui-calendar.png");

        saturday.locator("a.day").click();
        assertThat(page.locator("#day-name")).hasValue("Làm bù cho ngày nghỉ 2/5/2031");
        page.locator("#day-remove").click();
        assertThat(page.locator("#flash")).containsText("Đã xóa điều chỉnh ngày 10/05/2031");
        assertThat(saturday).hasAttribute("data-kind", "WEEKEND");
        assertThat(page.locator("#occasions tr[data-from='2031-05-10']")).hasCount(0);
        page.waitForLoadState(LoadState.LOAD);

        page.locator("#user-menu").click();
        page.locator("#logout").click();
        page.waitForURL(url -> url.endsWith("/login?logout"));
        assertThat(page.locator("#login-logout")).containsText("Bạn đã đăng xuất.");
        assertThat(page.locator("#login-form")).isVisible();
    }

    @Test
    void reunificationDayAndLabourDayAreHolidaysAndOthersSeeTheCalendarReadOnly() {
        Page page = browser.signIn(port, "lanhdao");
        page.navigate("/calendar?year=2031");

        assertThat(page.locator("td[data-date='2031-04-30']")).hasAttribute("data-kind", "HOLIDAY");
        assertThat(page.locator("td[data-date='2031-05-01']")).hasAttribute("data-kind", "HOLIDAY");
        assertThat(page.locator("#occasions tr[data-from='2031-04-30']")).containsText("Ngày Chiến thắng (30/4)");
        assertThat(page.locator("#occasions tr[data-from='2031-05-01']")).containsText("Ngày Quốc tế Lao động (1/5)");
        assertThat(page.locator("#year-grid td[data-date] a.day")).hasCount(0);
        assertThat(page.locator("#day-panel")).hasCount(0);
    }

    @Test
    void theDeskToolsConvertDatesAndComputeADeadline() {
        Page page = browser.signIn(port, "tiepnhan");
        page.navigate("/calendar?year=2026");

        page.locator("#lunar-date").fill("26/04/2026");
        page.locator("#lunar-form button[type=submit]").click();
        assertThat(page.locator("#lunar-result")).containsText("Ngày 10/3 năm Bính Ngọ (âm lịch)");

        page.locator("#lunar-day").fill("1");
        page.locator("#lunar-month").fill("1");
        page.locator("#lunar-year").fill("2027");
        page.locator("#solar-form button[type=submit]").click();
        assertThat(page.locator("#solar-result")).containsText("06/02/2027");

        page.locator("#deadline-date").fill("29/04/2026");
        page.locator("#deadline-time").fill("10:00");
        page.locator("#deadline-amount").fill("3");
        page.locator("#deadline-unit").selectOption("DAYS");
        page.locator("#deadline-form button[type=submit]").click();
        // 30/4 and 1/5 are holidays and 2–3/5 a weekend: three working days end on Wednesday 6/5 at 10:00.
        assertThat(page.locator("#deadline-result")).containsText("10:00, Thứ Tư ngày 06/05/2026");
        Accessibility.check(page);
    }
}
