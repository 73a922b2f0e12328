package vn.motcua.portal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.notification.Notices;
import vn.motcua.portal.SignUpFixtures;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.MailServer;

/**
 * The whole way in, in Chromium: sign up (the form's mistakes told in Vietnamese next to their fields), read the code
 * in the e-mail, activate, sign in, and land on "Hồ sơ của tôi"; and a forgotten password set anew with a code.
 */
class SignUpBrowserTest extends BrowserTest {

    @Autowired
    Notices notices;

    @RegisterExtension
    final MailServer smtp = new MailServer();

    @Test
    void a_citizen_signs_up_activates_with_the_emailed_code_signs_in_and_sees_their_dossiers_page() throws Exception {
        String phone = SignUpFixtures.phone();
        String email = SignUpFixtures.email();
        Page page = citizenPage();
        page.navigate("/cong-dan/dang-nhap");
        page.locator("#sign-in-register").click();
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/dang-ky$"));

        page.locator("#full-name").fill("Trịnh Văn Hải");
        page.locator("#date-of-birth").fill("31/02/1990");
        page.locator("#phone").fill(phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7));
        page.locator("#email").fill(email);
        page.locator("#password").fill(SignUpFixtures.PASSWORD);
        page.locator("#password-confirm").fill("Khac-mat-khau#1");
        page.locator("#sign-up-submit").click();
        assertThat(page.locator("#date-of-birth-error")).hasText("Ngày sinh viết theo dạng ngày/tháng/năm, ví dụ 14/05/1990.");
        assertThat(page.locator("#password-confirm-error")).hasText("Mật khẩu nhập lại không khớp.");
        assertThat(page.locator("#declaration-error")).hasText("Bạn cần đánh dấu vào lời cam đoan để đăng ký.");
        assertThat(page.locator("#full-name")).hasValue("Trịnh Văn Hải");

        page.locator("#date-of-birth").fill("28/02/1990");
        page.locator("#password").fill(SignUpFixtures.PASSWORD);
        page.locator("#password-confirm").fill(SignUpFixtures.PASSWORD);
        page.locator("#declaration").check();
        page.locator("#sign-up-submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/kich-hoat\\?login=" + phone + "$"));
        assertThat(page.locator("#code-sent")).containsText("Đã gửi mã xác thực qua thư điện tử và tin nhắn SMS");
        assertThat(page.locator("#login")).hasValue(phone);

        notices.deliverPending();
        String code = SignUpFixtures.emailedCode(smtp, email);
        page.locator("#code").fill(SignUpFixtures.wrong(code));
        page.locator("#activation-submit").click();
        assertThat(page.locator("#code-error")).hasText("Mã xác thực không đúng. Mã bị hủy sau 5 lần nhập sai.");
        page.locator("#code").fill(code);
        page.locator("#activation-submit").click();

        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/dang-nhap\\?activated&login=" + phone + "$"));
        assertThat(page.locator("#login-activated")).hasText("Tài khoản đã được kích hoạt. Mời bạn đăng nhập.");
        assertThat(page.locator("#login")).hasValue(phone);
        page.locator("#password").fill(SignUpFixtures.PASSWORD);
        page.locator("#citizen-login-form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/ho-so$"));
        assertThat(page.locator("h1")).hasText("Hồ sơ của tôi");
        assertThat(page.locator("#citizen-name")).hasText("Trịnh Văn Hải");
    }

    @Test
    void a_citizen_who_forgot_the_password_sets_a_new_one_with_the_emailed_code_and_signs_in_with_it()
            throws Exception {
        String email = SignUpFixtures.email();
        Page page = citizenPage();
        page.navigate("/cong-dan/dang-ky");
        page.locator("#full-name").fill("Mai Thị Thanh");
        page.locator("#email").fill(email);
        page.locator("#password").fill(SignUpFixtures.PASSWORD);
        page.locator("#password-confirm").fill(SignUpFixtures.PASSWORD);
        page.locator("#declaration").check();
        page.locator("#sign-up-submit").click();
        assertThat(page.locator("#code-sent")).containsText("qua thư điện tử.");
        notices.deliverPending();
        page.locator("#code").fill(SignUpFixtures.emailedCode(smtp, email));
        page.locator("#activation-submit").click();
        assertThat(page.locator("#login-activated")).isVisible();

        page.locator("#sign-in-forgot").click();
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/quen-mat-khau$"));
        page.locator("#login").fill(email);
        page.locator("#reset-request-submit").click();
        assertThat(page.locator("#reset-code-sent")).containsText("Nếu số điện thoại hoặc thư điện tử này có tài khoản");
        notices.deliverPending();
        page.locator("#code").fill(SignUpFixtures.emailedCode(smtp, email));
        page.locator("#new-password").fill("ngan");
        page.locator("#password-confirm").fill("ngan");
        page.locator("#reset-confirm-submit").click();
        assertThat(page.locator("#new-password-error")).containsText("Mật khẩu phải có ít nhất 10 ký tự.");
        page.locator("#new-password").fill("Mat-khau-moi#2026");
        page.locator("#password-confirm").fill("Mat-khau-moi#2026");
        page.locator("#reset-confirm-submit").click();

        assertThat(page.locator("#login-reset")).hasText("Mật khẩu mới đã được đặt. Mời bạn đăng nhập bằng mật khẩu mới.");
        page.locator("#password").fill("Mat-khau-moi#2026");
        page.locator("#citizen-login-form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/ho-so$"));
    }

    /** A new page from a client address of its own (the portal's limits count per address). */
    private Page citizenPage() {
        Page page = browser.newPage(port);
        page.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", SignUpFixtures.clientAddress()));
        return page;
    }
}
