package vn.motcua.portal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.identity.Citizens;
import vn.motcua.notification.Notices;
import vn.motcua.portal.SignUpFixtures;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Api;
import vn.motcua.support.BrowserTest;

/**
 * "Tài khoản" in Chromium: a citizen corrects the profile, moves the account to a new phone number with the code
 * texted to it, and changes the password without being signed out; each mistake told next to its field.
 */
class AccountBrowserTest extends BrowserTest {

    @Autowired
    Citizens citizens;

    @Autowired
    Notices notices;

    @Autowired
    ApplicationContext context;

    private Page signedIn(String phone) {
        Citizens.CitizenUser citizen = citizens.register(new Citizens.Registration("Vũ Thị Hằng", "031190004218",
                null, phone, null, "Số 3 Cầu Đất, Hải Phòng", null, null), Api.DEMO_PASSWORD);
        citizens.activate(citizen.id());
        Page page = browser.signInAsCitizen(port, phone);
        // The portal's limits count per client address: this page is a client of its own.
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", SignUpFixtures.clientAddress()));
        return page;
    }

    @Test
    void a_citizen_corrects_the_profile_and_moves_the_account_to_a_new_phone_with_the_texted_code() {
        String oldPhone = SignUpFixtures.phone();
        String newPhone = SignUpFixtures.phone();
        Page page = signedIn(oldPhone);
        page.locator("#nav-account").click();
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/tai-khoan$"));
        assertThat(page.locator("#account-phone")).hasText(oldPhone);
        assertThat(page.locator("#address")).hasValue("Số 3 Cầu Đất, Hải Phòng");
        Accessibility.check(page);

        page.locator("#date-of-birth").fill("30/02/1991");
        page.locator("#tax-code").fill("12-34");
        page.locator("#profile-submit").click();
        assertThat(page.locator("#date-of-birth-error")).hasText("Ngày sinh viết theo dạng ngày/tháng/năm, ví dụ 14/05/1990.");
        assertThat(page.locator("#tax-code")).hasValue("12-34");
        Accessibility.check(page);
        page.locator("#date-of-birth").fill("28/02/1991");
        page.locator("#tax-code").fill("0201234567");
        page.locator("#profile-submit").click();
        assertThat(page.locator("#flash")).hasText("Đã lưu thông tin tài khoản.");
        assertThat(page.locator("#date-of-birth")).hasValue("28/02/1991");

        page.locator("#new-phone").fill(newPhone);
        page.locator("#contact-password").fill("Sai-mat-khau#1");
        page.locator("#contact-submit").click();
        assertThat(page.locator("#contact-password-error")).hasText("Mật khẩu hiện tại không đúng.");
        assertThat(page.locator("#new-phone")).hasValue(newPhone);
        page.locator("#contact-password").fill(Api.DEMO_PASSWORD);
        page.locator("#contact-submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/tai-khoan/lien-he$"));
        assertThat(page.locator("#contact-code-sent")).containsText("Đã gửi mã xác thực qua tin nhắn SMS");
        Accessibility.check(page);

        notices.deliverPending();
        String code = SignUpFixtures.textedCode(context, newPhone);
        page.locator("#code").fill(SignUpFixtures.wrong(code));
        page.locator("#contact-code-submit").click();
        assertThat(page.locator("#code-error")).hasText("Mã xác thực không đúng. Mã bị hủy sau 5 lần nhập sai.");
        page.locator("#code").fill(code);
        page.locator("#contact-code-submit").click();

        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/tai-khoan$"));
        assertThat(page.locator("#flash")).hasText("Đã đổi thông tin liên hệ. Từ nay bạn đăng nhập bằng thông tin mới.");
        assertThat(page.locator("#account-phone")).hasText(newPhone);
        assertThat(browser.signInAsCitizen(port, newPhone).locator("#citizen-name")).hasText("Vũ Thị Hằng");
    }

    @Test
    void a_citizen_changes_the_password_on_the_page_and_stays_signed_in_with_it() {
        String phone = SignUpFixtures.phone();
        Page page = signedIn(phone);
        page.navigate("/cong-dan/tai-khoan");
        page.locator("#current-password").fill(Api.DEMO_PASSWORD);
        page.locator("#new-password").fill("Mat-khau-moi#2026");
        page.locator("#password-confirm").fill("Mat-khau-khac#2026");
        page.locator("#password-submit").click();
        assertThat(page.locator("#password-confirm-error")).hasText("Mật khẩu nhập lại không khớp.");
        assertThat(page.locator("#new-password")).hasValue("");
        Accessibility.check(page);

        page.locator("#current-password").fill(Api.DEMO_PASSWORD);
        page.locator("#new-password").fill("Mat-khau-moi#2026");
        page.locator("#password-confirm").fill("Mat-khau-moi#2026");
        page.locator("#password-submit").click();
        assertThat(page.locator("#flash")).hasText("Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.");
        page.navigate("/cong-dan/ho-so");
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/ho-so$"));
        assertThat(page.locator("#citizen-name")).hasText("Vũ Thị Hằng");
        org.assertj.core.api.Assertions.assertThat(
                Api.as(port, phone, "Mat-khau-moi#2026").get("/api/citizen/v1/me").status()).isEqualTo(200);
    }

    @Test
    void the_account_pages_fit_a_phone() {
        Page page = Accessibility.onPhone(signedIn(SignUpFixtures.phone()));
        page.navigate("/cong-dan/tai-khoan");
        Accessibility.fitsWidth(page);
        Accessibility.check(page);
        page.navigate("/cong-dan/tai-khoan/lien-he");
        Accessibility.fitsWidth(page);
        Accessibility.check(page);
    }
}
