package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The accessibility checks themselves, on small pages written here: each fails where it should, and only there. */
class AccessibilityTest {

    static Browser browser;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    static Page page(String body) {
        Page page = browser.newPage(0);
        page.setContent("<!DOCTYPE html><html lang=\"vi\"><head><title>Thử</title></head><body><main>" + body
                + "</main></body></html>");
        return page;
    }

    @Test
    void checkFailsOnFaintTextNamingTheRuleItsImpactAndTheElement() {
        Page page = page("<h1>Tra cứu hồ sơ</h1><p id=\"faint\" style=\"color: #aaaaaa\">Nhập mã hồ sơ</p>");

        assertThatThrownBy(() -> Accessibility.check(page))
                .hasMessageContaining("color-contrast (serious, 1 element)")
                .hasMessageContaining("#faint")
                .hasMessageContaining("contrast of 2.32");
    }

    @Test
    void checkFailsOnAButtonWithoutANameAsCritical() {
        Page page = page("<h1>Tra cứu hồ sơ</h1><button id=\"search\"><svg width=\"16\" height=\"16\"></svg></button>");

        assertThatThrownBy(() -> Accessibility.check(page))
                .hasMessageContaining("button-name (critical")
                .hasMessageContaining("#search");
    }

    @Test
    void checkLeavesAModerateFindingToReview() {
        // No h1 is axe's "page-has-heading-one", of impact moderate.
        Page page = page("<p>Nhập mã hồ sơ</p>");

        assertThatCode(() -> Accessibility.check(page)).doesNotThrowAnyException();
    }

    @Test
    void fitsWidthFailsOnAPhoneWhenAnElementIsWiderThanTheScreenAndNamesIt() {
        Page page = Accessibility.onPhone(page("<h1>Hồ sơ</h1><div id=\"wide\" style=\"width: 600px\">Bảng</div>"));

        assertThatThrownBy(() -> Accessibility.fitsWidth(page))
                .hasMessageContaining("px wide on a 390 px screen")
                .hasMessageContaining("div#wide");
        page.locator("#wide").evaluate("e => e.style.width = '100%'");
        assertThatCode(() -> Accessibility.fitsWidth(page)).doesNotThrowAnyException();
    }

    @Test
    void tabToFailsWhenTheFocusDoesNotShowOrTheElementIsOutOfTheTabOrder() {
        Page page = page("<h1>Hồ sơ</h1><button id=\"plain\">Tìm</button>"
                + "<button id=\"hidden-focus\" style=\"outline: none; box-shadow: none\">Gửi</button>"
                + "<a id=\"unreachable\" href=\"#\" tabindex=\"-1\">Bỏ qua</a>");

        Accessibility.tabTo(page, page.locator("#plain"));
        assertThatThrownBy(() -> Accessibility.tabTo(page, page.locator("#hidden-focus")))
                .hasMessageContaining("focus visible");
        assertThatThrownBy(() -> Accessibility.tabTo(page, page.locator("#unreachable")))
                .hasMessageContaining("is not reached with 60 presses of Tab");
    }

    @Test
    void referencesResolveFailsOnADescriptionOrALabelNamingAnIdNotOnThePageAndNamesIt() {
        Page page = page("<h1>Đăng ký</h1><label for=\"phone\">Số điện thoại</label>"
                + "<input id=\"phone\" aria-describedby=\"phone-help phone-error\"><p id=\"phone-help\">10 chữ số</p>"
                + "<label for=\"email\">Thư điện tử</label>");

        assertThatThrownBy(() -> Accessibility.referencesResolve(page))
                .hasMessageContaining("input#phone aria-describedby=phone-error")
                .hasMessageContaining("label for=email")
                .hasMessageNotContaining("phone-help");
        page.locator("#phone").evaluate("e => e.setAttribute('aria-describedby', 'phone-help')");
        page.locator("label[for=email]").evaluate("e => e.htmlFor = 'phone'");
        assertThatCode(() -> Accessibility.referencesResolve(page)).doesNotThrowAnyException();
    }
}
