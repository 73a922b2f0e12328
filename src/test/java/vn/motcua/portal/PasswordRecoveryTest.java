package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.portal.SignUpFixtures.clientAddress;
import static vn.motcua.portal.SignUpFixtures.email;
import static vn.motcua.portal.SignUpFixtures.emailedCode;
import static vn.motcua.portal.SignUpFixtures.phone;
import static vn.motcua.portal.SignUpFixtures.wrong;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import vn.motcua.identity.Citizens;
import vn.motcua.notification.Notices;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.MailServer;
import vn.motcua.support.TestClock;
import vn.motcua.support.WebSession;

/** A forgotten password: a code for the login, then a new password under the same policy; the old ways in end. */
@IntegrationTest
class PasswordRecoveryTest {

    private static final String OLD = "Mat-khau-cu#2026";
    private static final String NEW = "Mat-khau-moi#2026";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    @Autowired
    Notices notices;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationContext context;

    @RegisterExtension
    final MailServer smtp = new MailServer();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_code_by_e_mail_sets_a_new_password_and_the_old_password_tokens_and_sessions_stop_working() throws Exception {
        String email = email();
        Citizens.CitizenUser citizen = citizens.register(new Citizens.Registration("Vũ Minh Quang", null, null, null,
                email, null, null, null), OLD);
        citizens.activate(citizen.id());
        String token = Api.as(port, email, OLD).post("/api/citizen/v1/me/tokens", Map.of("name", "điện thoại"))
                .json().get("token").asString();
        WebSession browser = WebSession.anonymous(port);
        browser.get("/cong-dan/dang-nhap");
        assertThat(browser.post("/cong-dan/dang-nhap", Map.of("login", email, "password", OLD)).header("Location"))
                .endsWith("/cong-dan/ho-so");
        assertThat(browser.get("/cong-dan/ho-so").status()).isEqualTo(200);
        Api anonymous = Api.anonymous(port).header("X-Forwarded-For", clientAddress());

        Api.Response requested = anonymous.post("/api/public/citizens/password-reset", Map.of("login", email.toUpperCase()));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.json().get("login").asString()).isEqualTo(email);
        notices.deliverPending();
        assertThat(smtp.receivedBy(email).get(0).getSubject()).isEqualTo("Mã xác thực đặt lại mật khẩu dịch vụ công");
        assertThat(MailServer.text(smtp.receivedBy(email).get(0)))
                .contains("Kính gửi ông/bà Vũ Minh Quang", "/cong-dan/quen-mat-khau?login=", "mật khẩu không thay đổi");
        String code = emailedCode(smtp, email);

        // A password the policy refuses is refused before the code is tried: 400 naming newPassword, no try spent.
        for (int i = 0; i < 6; i++) {
            Api.Response weak = anonymous.post("/api/public/citizens/password-reset/confirm",
                    Map.of("login", email, "code", code, "newPassword", "matkhau"));
            assertThat(weak.status()).isEqualTo(400);
            assertThat(weak.json().at("/errors/0/field").asString()).isEqualTo("newPassword");
        }
        Api.Response wrongCode = anonymous.post("/api/public/citizens/password-reset/confirm",
                Map.of("login", email, "code", wrong(code), "newPassword", NEW));
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(wrongCode.json().at("/errors/0/field").asString()).isEqualTo("code");
        assertThat(anonymous.post("/api/public/citizens/password-reset/confirm",
                Map.of("login", email, "code", code, "newPassword", NEW)).status()).isEqualTo(204);

        assertThat(Api.as(port, email, OLD).get("/api/citizen/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, email, NEW).get("/api/citizen/v1/me").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).header("Authorization", "Bearer " + token).get("/api/citizen/v1/me").status())
                .isEqualTo(401);
        assertThat(browser.get("/cong-dan/ho-so").header("Location")).as("the session has ended")
                .contains("/cong-dan/dang-nhap");
        assertThat(anonymous.post("/api/public/citizens/password-reset/confirm",
                Map.of("login", email, "code", code, "newPassword", "Lan-nua#2026")).status())
                .as("the code is spent").isEqualTo(400);
    }

    @Test
    void a_reset_code_expires_and_a_login_without_an_account_gets_nothing_but_the_same_answer() throws Exception {
        clock.set(LocalDateTime.of(2026, 4, 2, 15, 0));
        String phone = phone();
        Citizens.CitizenUser citizen = citizens.register(new Citizens.Registration("Đỗ Thị Hằng", null, null, phone,
                null, null, null, null), OLD);
        citizens.activate(citizen.id());
        Api anonymous = Api.anonymous(port).header("X-Forwarded-For", clientAddress());
        Api.Response known = anonymous.post("/api/public/citizens/password-reset", Map.of("login", phone));
        Api.Response unknown = anonymous.post("/api/public/citizens/password-reset", Map.of("login", phone()));
        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(202);
        assertThat(known.json().get("expiresAt")).isEqualTo(unknown.json().get("expiresAt"));
        notices.deliverPending();
        String code = SignUpFixtures.textedCode(context, phone);
        clock.advance(Duration.ofMinutes(11));
        Api.Response late = anonymous.post("/api/public/citizens/password-reset/confirm",
                Map.of("login", phone, "code", code, "newPassword", NEW));
        assertThat(late.status()).isEqualTo(410);
        assertThat(Api.as(port, phone, OLD).get("/api/citizen/v1/me").status()).isEqualTo(200);
    }
}
