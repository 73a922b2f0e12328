package vn.motcua.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;

class HomeBrowserTest extends BrowserTest {

    @Test
    void theHomePageGreetsTheUserAndShowsTodayTheNextHolidaysAndTheDemoOfficesStaffing() {
        Page page = browser.signIn(port, "tiepnhan");

        assertThat(page).hasTitle("Trang chủ · motcua");
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.locator("#greeting")).hasText("Xin chào, Trần Thị Thu Hà");
        assertThat(page.locator("main")).containsText("Bộ phận Một cửa");
        assertThat(page.locator("main")).containsText("Cán bộ Một cửa");
        assertThat(page.locator("#today-card")).containsText(Pattern.compile("\\d{2}/\\d{2}/\\d{4}"));
        assertThat(page.locator("#today-lunar")).containsText("(âm lịch)");
        assertThat(page.locator("#holidays-card li").first()).isVisible();
        assertThat(page.locator("#staffing-card")).containsText(Pattern.compile("\\d+/75 biên chế"));
        assertThat(page.locator(".navbar")).containsText("Văn phòng Ủy ban nhân dân thành phố Hải Phòng");
        Browser.screenshot(page, "/tmp/ui-home.png");
    }

    @Test
    void theLanguageLinkSwitchesToEnglishAndBack() {
        Page page = browser.signIn(port, "giamsat");

        page.getByText("English").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#greeting")).hasText("Hello, Vũ Thanh Hương");
        Accessibility.check(page);

        page.navigate("/calendar?year=2031");
        assertThat(page.locator("h1")).hasText("Working calendar 2031");

        page.getByText("Tiếng Việt").click();
        assertThat(page.locator("html")).hasAttribute("lang", "vi");
        assertThat(page.locator("h1")).hasText("Lịch làm việc năm 2031");
        assertThat(page).hasURL(Pattern.compile(".*/calendar\\?year=2031&lang=vi$"));
    }
}
