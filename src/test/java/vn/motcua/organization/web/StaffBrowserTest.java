package vn.motcua.organization.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.VietnameseText;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;

class StaffBrowserTest extends BrowserTest {

    @Test
    void searchingTheDemoStaffForNguyenVanWithoutDiacriticsFindsNguyenVanHaiAsYouType() {
        Page page = browser.signIn(port, "chuyenvien");
        page.navigate("/organization/staff");
        assertThat(page.locator("#staff-count")).containsText("trong tổng số");

        page.getByLabel("Tìm theo họ tên").fill("nguyen van");

        assertThat(page.locator("#staff-table")).containsText("Nguyễn Văn Hải");
        page.waitForURL(url -> url.contains("q=nguyen+van") || url.contains("q=nguyen%20van"));
        for (String name : page.locator("#staff-table .staff-name").allInnerTexts()) {
            assertThat(VietnameseText.fold(name)).contains("nguyen van");
        }
    }

    @Test
    void theUnitFilterNarrowsTheDemoStaffToOneUnit() {
        Page page = browser.signIn(port, "chuyenvien");
        page.navigate("/organization/staff");

        page.locator("#staff-unit").selectOption("VP.MC");

        assertThat(page.locator("#staff-table")).containsText("Trần Thị Thu Hà");
        assertThat(page.locator("#staff-table tbody tr")).hasCount(3);
    }
}
