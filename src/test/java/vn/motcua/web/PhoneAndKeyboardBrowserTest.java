package vn.motcua.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Api;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Intakes;

/**
 * The pages on a 390 px wide phone and with the keyboard alone: citizens find a procedure and look up their dossier,
 * and staff sign in and reach their work, without a mouse and without scrolling sideways. The dossier looked up is
 * this test's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneAndKeyboardBrowserTest extends BrowserTest {

    static final String BUILDING_PERMIT = "1.009794.000.00.00.H27";

    String code;
    String pin;

    @BeforeAll
    void receiveADossier() {
        Api.Response created = Api.as(port, "tiepnhan").post("/api/v1/dossiers",
                Intakes.accepted(port, BUILDING_PERMIT, "Lê Thị Bàn Phím"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode dossier = created.json();
        code = dossier.get("code").asString();
        pin = dossier.get("lookupPin").asString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/procedures", "/procedures?q=giay+phep+xay+dung", "/procedures/" + BUILDING_PERMIT,
        "/tra-cuu", "/tra-cuu?ma=000.00.01.H27-260101-0001", "/login"})
    void thePublicPageFitsAPhoneScreenWithoutSeriousAccessibilityViolations(String path) {
        Page page = Accessibility.onPhone(browser.newPage(port));
        page.navigate(path);

        Accessibility.fitsWidth(page);
        Accessibility.check(page);
    }

    @Test
    void theLookedUpDossierFitsAPhoneScreenWithoutSeriousAccessibilityViolations() {
        Page page = Accessibility.onPhone(browser.newPage(port));
        page.navigate("/tra-cuu?ma=" + code + "&pin=" + pin);
        assertThat(page.locator("#lookup-history")).containsText("Được tiếp nhận");

        Accessibility.fitsWidth(page);
        Accessibility.check(page);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/desk", "/desk/new?procedure=" + BUILDING_PERMIT, "/work", "/tasks", "/calendar",
        "/organization", "/organization/staff"})
    void theDeskOfficersPageFitsAPhoneScreenWithoutSeriousAccessibilityViolations(String path) {
        Page page = Accessibility.onPhone(browser.signIn(port, "tiepnhan"));
        page.navigate(path);

        Accessibility.fitsWidth(page);
        Accessibility.check(page);
    }

    @Test
    void aCitizenSkipsToTheSearchFindsAProcedureAndOpensItWithTheKeyboardAloneOnAPhone() {
        Page page = Accessibility.onPhone(browser.newPage(port));
        page.navigate("/procedures");

        Accessibility.tabTo(page, page.locator(".skip-link"));
        assertThat(page.locator(".skip-link")).isVisible();
        page.keyboard().press("Enter");
        assertThat(page.locator("main")).isFocused();
        Accessibility.tabTo(page, page.locator("#procedure-q"));
        page.keyboard().type("giay phep xay dung");
        Locator first = page.locator("#procedure-list .procedure-name a").first();
        assertThat(first).containsText("giấy phép xây dựng");
        Accessibility.tabTo(page, first);
        page.keyboard().press("Enter");

        page.waitForURL(Pattern.compile(".*/procedures/.+"));
        assertThat(page.locator("#procedure-name")).containsText("giấy phép xây dựng");
        Accessibility.tabTo(page, page.locator("#print-button"));
        Accessibility.fitsWidth(page);
    }

    @Test
    void aCitizenLooksUpTheirDossierWithTheKeyboardAloneOnAPhone() {
        Page page = Accessibility.onPhone(browser.newPage(port));
        page.navigate("/tra-cuu");

        Accessibility.tabTo(page, page.locator("#lookup-code"));
        page.keyboard().type(code);
        Accessibility.tabTo(page, page.locator("#lookup-pin"));
        page.keyboard().type(pin);
        Accessibility.tabTo(page, page.locator("#lookup-submit"));
        page.keyboard().press("Enter");

        assertThat(page.locator("#lookup-status")).hasText("Đang xử lý");
        assertThat(page.locator("#lookup-applicant")).hasText("Lê T*** B*** P***");
        Browser.screenshot(page, "/tmp/a11y-lookup-phone.png");
    }

    @Test
    void aDeskOfficerSignsInOpensTheWorkQueueFromTheMenuAndScrollsTheDemoDossiersWithTheKeyboardAloneOnAPhone() {
        Page page = Accessibility.onPhone(browser.newPage(port));
        page.navigate("/login");

        assertThat(page.locator("#username")).isFocused();
        page.keyboard().type("tiepnhan");
        Accessibility.tabTo(page, page.locator("#password"));
        page.keyboard().type(Api.DEMO_PASSWORD);
        Accessibility.tabTo(page, page.locator("#login-form button[type=submit]"));
        page.keyboard().press("Enter");
        page.waitForURL(url -> !url.contains("/login"));

        Accessibility.tabTo(page, page.locator(".navbar-toggler"));
        page.keyboard().press("Enter");
        assertThat(page.locator("#main-nav")).isVisible();
        Accessibility.check(page);
        Accessibility.tabTo(page, page.locator("#nav-work"));
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/work$"));
        assertThat(page.locator("main h1")).isVisible();
        Accessibility.fitsWidth(page);
        // The table of dossiers is wider than the phone: it scrolls in its box, which the keyboard reaches.
        Locator table = page.locator("#work-results .table-responsive");
        Accessibility.tabTo(page, table);
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        page.waitForCondition(() -> ((Number) table.evaluate("box => box.scrollLeft")).intValue() > 0);
        Browser.screenshot(page, "/tmp/a11y-work-phone.png");
    }
}
