package vn.motcua.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.support.Accessibility;
import vn.motcua.support.BrowserTest;

/**
 * Every page a person opens, checked with axe-core ({@link Accessibility#check}) as the person who uses it sees
 * it: the public pages without signing in, the citizens' own pages as the demo citizen, the staff pages as the demo
 * account of each role. A page reached through a link (a dossier, a task, a member of staff) is the first such link
 * of the list named. The states a page reaches by acting on it (an htmx result, an opened form, a dossier at each
 * step, the citizen's rating) are checked by the browser tests that walk through them (a citizen's whole way, on a
 * phone and on a desktop screen: {@code portal.web.CitizenFullPathBrowserTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest extends BrowserTest {

    /** One page per account, signed in once: the demo accounts' pages are read, never changed, here. */
    private final Map<String, Page> pages = new HashMap<>();

    private Page as(String user) {
        return pages.computeIfAbsent(user, u -> switch (u) {
            case "anonymous" -> browser.newPage(port);
            case "congdan" -> browser.signInAsCitizen(port, u);
            default -> browser.signIn(port, u);
        });
    }

    @ParameterizedTest(name = "{1} as {0}; link followed: {2}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            anonymous  | /procedures                                        |
            anonymous  | /procedures?q=giay+phep+xay+dung                   |
            anonymous  | /procedures?q=khong+co+thu+tuc+nao+nhu+vay         |
            anonymous  | /procedures/1.009794.000.00.00.H27                 |
            anonymous  | /tra-cuu                                           |
            anonymous  | /tra-cuu?ma=000.00.01.H27-260101-0001              |
            anonymous  | /login                                             |
            anonymous  | /login?error                                       |
            anonymous  | /xac-thuc                                          |
            anonymous  | /cong-dan/dang-nhap                                |
            anonymous  | /cong-dan/dang-ky                                  |
            anonymous  | /cong-dan/kich-hoat                                |
            anonymous  | /cong-dan/quen-mat-khau                            |
            congdan    | /cong-dan/ho-so                                    |
            congdan    | /cong-dan/ho-so                                    | #dossier-table a.dossier-code
            congdan    | /cong-dan/thong-bao                                |
            congdan    | /cong-dan/nop/1.009794.000.00.00.H27               |
            tiepnhan   | /                                                  |
            tiepnhan   | /desk                                              |
            tiepnhan   | /desk/new                                          |
            tiepnhan   | /desk/new?procedure=1.009794.000.00.00.H27         |
            tiepnhan   | /work                                              |
            tiepnhan   | /work                                              | #work-table a
            tiepnhan   | /work?scope=mine                                   |
            tiepnhan   | /organization/staff                                |
            tiepnhan   | /desk/payments/unmatched                           |
            chuyenvien | /work                                              |
            chuyenvien | /tasks?status=IN_PROGRESS_WITHIN_DEADLINE          | a.task-link
            lanhdao    | /work/units                                        |
            giamsat    | /desk                                              | #desk-table a
            giamsat    | /work/units                                        |
            giamsat    | /tasks                                             |
            giamsat    | /tasks?status=COMPLETED_LATE                       |
            giamsat    | /tasks?status=IN_PROGRESS_OVERDUE                  | a.task-link
            giamsat    | /tasks?asOf=2019-09-25                             |
            giamsat    | /tasks?asOf=2999-01-01                             |
            admin      | /calendar?year=2031                                |
            admin      | /calendar/days/2031-05-05                          |
            admin      | /organization                                      |
            admin      | /organization/units/new                            |
            admin      | /organization/units/VP.MC                          |
            admin      | /organization/staff/new                            |
            admin      | /organization/staff?unit=VP.MC                     | a[href^='/organization/staff/']
            admin      | /admin/procedures                                  |
            admin      | /admin/procedures/new                              |
            admin      | /admin/procedures/1.009794.000.00.00.H27           |
            admin      | /admin/procedures/1.009794.000.00.00.H27/edit      |
            admin      | /admin/procedures/1.009794.000.00.00.H27/abolish   |
            admin      | /admin/procedures/import                           |
            """)
    void thePageHasNoSeriousOrCriticalAccessibilityViolation(String user, String path, String firstLinkOf) {
        Page page = as(user);
        page.navigate(path);
        if (firstLinkOf != null) {
            Locator link = page.locator(firstLinkOf).first();
            assertThat(link).isVisible();
            page.navigate(link.getAttribute("href"));
        }
        assertThat(page.locator("main h1").first()).isVisible();

        Accessibility.check(page);
    }

    @Test
    void theOpenedUserMenuHasNoSeriousOrCriticalAccessibilityViolation() {
        Page page = as("lanhdao");
        page.navigate("/");
        page.locator("#user-menu").click();
        assertThat(page.locator("#logout")).isVisible();

        Accessibility.check(page);
        page.keyboard().press("Escape");
        assertThat(page.locator("#logout")).isHidden();
    }

    @Test
    void aRefusedFormWithItsErrorsHasNoSeriousOrCriticalAccessibilityViolation() {
        Page page = as("admin");
        page.navigate("/organization/staff/new");
        // The server's refusal, not the browser's: the fields' own checks are turned off.
        page.locator("form:has(#staff-save)").evaluate("form => form.noValidate = true");
        page.locator("#staff-save").click();
        assertThat(page.locator("#staff-name-error")).isVisible();
        assertThat(page.locator("#staff-name")).hasClass(Pattern.compile(".*is-invalid.*"));

        Accessibility.check(page);
    }

    @Test
    void theErrorPageOfAMissingDossierHasNoSeriousOrCriticalAccessibilityViolation() {
        Page page = as("tiepnhan");
        page.navigate("/desk/dossiers/000.00.01.H27-000101-9999");
        assertThat(page.locator("main")).containsText("404");

        Accessibility.check(page);
        // The browser logs the page's own 404 as a console error: expected here, and the only one.
        assertThat(browser.problems()).allSatisfy(problem -> assertThat(problem).contains("404"));
        browser.clearProblems();
    }
}
