package vn.motcua.portal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import vn.motcua.support.BrowserTest;

/** A citizen signs in on the portal's own form; the citizen's session and a member of staff's never mix. */
class CitizenSignInBrowserTest extends BrowserTest {

    @Test
    void a_citizen_signs_in_with_the_phone_number_and_sees_their_name_but_not_the_staff_pages() {
        Page page = browser.signInAsCitizen(port, "0912 468 135");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/cong-dan/ho-so$"));
        assertThat(page.locator("#citizen-name")).hasText("Nguyễn Thị Minh Thư");
        assertThat(page.locator("#profile")).containsText("031190004217");
        page.navigate("/");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        page.navigate("/cong-dan/ho-so");
        page.locator("#citizen-logout").click();
        assertThat(page.locator("#login-logout")).isVisible();
        page.navigate("/cong-dan/ho-so");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/cong-dan/dang-nhap$"));
    }

    @Test
    void a_member_of_staff_signed_in_is_still_a_stranger_on_the_citizens_pages() {
        Page page = browser.signIn(port, "tiepnhan");
        page.navigate("/cong-dan/ho-so");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/cong-dan/dang-nhap$"));
    }

    @Test
    void without_an_identity_provider_configured_the_sign_in_page_offers_none() {
        Page page = browser.newPage(port);
        page.navigate("/cong-dan/dang-nhap");
        assertThat(page.locator("#citizen-login-form")).isVisible();
        assertThat(page.locator("#provider-sign-in")).hasCount(0);
        assertThat(page.locator(".provider-sign-in")).hasCount(0);
    }

    @Test
    void a_wrong_password_is_told_in_vietnamese() {
        Page page = browser.newPage(port);
        page.navigate("/cong-dan/dang-nhap");
        page.locator("#login").fill("congdan@motcua.example");
        page.locator("#password").fill("Sai@matkhau1");
        page.locator("#citizen-login-form button[type=submit]").click();
        assertThat(page.locator("#login-error")).containsText(
                "Số điện thoại, thư điện tử hoặc mật khẩu không đúng. Sau 5 lần sai liên tiếp, tài khoản bị tạm khóa 15 phút.");
    }
}
