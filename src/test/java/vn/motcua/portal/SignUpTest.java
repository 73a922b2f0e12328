package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.portal.SignUpFixtures.PASSWORD;
import static vn.motcua.portal.SignUpFixtures.clientAddress;
import static vn.motcua.portal.SignUpFixtures.email;
import static vn.motcua.portal.SignUpFixtures.emailedCode;
import static vn.motcua.portal.SignUpFixtures.person;
import static vn.motcua.portal.SignUpFixtures.phone;
import static vn.motcua.portal.SignUpFixtures.textedCode;
import static vn.motcua.portal.SignUpFixtures.wrong;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.notification.Notices;
import vn.motcua.notification.SmsInbox;
import vn.motcua.platform.RateLimit;
import vn.motcua.platform.RateLimits;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.MailServer;
import vn.motcua.support.TestClock;

/**
 * Sign-up with a one-time code over the API: the code goes out by e-mail (a real SMTP server) and SMS, activates the
 * account once, expires, is void after five wrong tries, and the limits per client address and per login hold. Each
 * test plays its citizen from a client address of its own ({@code X-Forwarded-For}, as behind a reverse proxy).
 */
@IntegrationTest
class SignUpTest {

    @LocalServerPort
    int port;

    @Autowired
    Notices notices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationContext context;

    @Autowired
    RateLimits limits;

    @Value("${motcua.portal.rate-limit.sign-in-per-address}")
    RateLimit signInLimit;

    @RegisterExtension
    final MailServer smtp = new MailServer();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_sign_up_sends_one_code_by_e_mail_and_sms_which_activates_the_account_once() throws Exception {
        String phone = phone();
        String email = email();
        Api citizen = from(clientAddress());
        Api.Response signedUp = citizen.post("/api/public/citizens", person("0" + phone.substring(1, 4) + " "
                + phone.substring(4, 7) + " " + phone.substring(7), email.toUpperCase()));
        assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(202);
        JsonNode sent = signedUp.json();
        assertThat(sent.get("login").asString()).isEqualTo(phone);
        assertThat(sent.get("channels").toString()).isEqualTo("[\"EMAIL\",\"SMS\"]");
        OffsetDateTime expiresAt = OffsetDateTime.parse(sent.get("expiresAt").asString());
        assertThat(expiresAt.getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(Duration.between(OffsetDateTime.now(), expiresAt)).isBetween(Duration.ofMinutes(9),
                Duration.ofMinutes(10));

        notices.deliverPending();
        String mailed = emailedCode(smtp, email);
        assertThat(textedCode(context, phone)).isEqualTo(mailed);
        String mail = MailServer.text(smtp.receivedBy(email).get(0));
        assertThat(mail).contains("Kính gửi ông/bà Phạm Thị Lan", "là " + mailed, "có hiệu lực trong 10 phút",
                "/cong-dan/kich-hoat?login=" + phone, "Không cung cấp mã này cho bất kỳ ai");
        assertThat(smtp.receivedBy(email).get(0).getSubject()).isEqualTo("Mã xác thực đăng ký tài khoản dịch vụ công");
        assertThat(SmsInbox.textsTo(context, phone).get(0)).startsWith("Mã kích hoạt tài khoản dịch vụ công: " + mailed);
        // Only a hash of the code is kept.
        String stored = jdbc.sql("select k.code_hash from citizen_code k join citizen_account a on a.id = k.citizen"
                + " where a.phone = ?").param(phone).query(String.class).single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain(mailed);

        assertThat(Api.as(port, phone, PASSWORD).get("/api/citizen/v1/me").status()).isEqualTo(401);
        assertThat(citizen.post("/api/public/citizens/verify", Map.of("login", email, "code", mailed)).status())
                .isEqualTo(204);
        JsonNode me = Api.as(port, phone, PASSWORD).get("/api/citizen/v1/me").json();
        assertThat(me.get("fullName").asString()).isEqualTo("Phạm Thị Lan");
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("assuranceLevel").asInt()).isEqualTo(1);
        // Spent: the same code again is a wrong code.
        Api.Response again = citizen.post("/api/public/citizens/verify", Map.of("login", phone, "code", mailed));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().at("/errors/0/field").asString()).isEqualTo("code");
    }

    @Test
    void what_is_mistyped_is_a_400_naming_each_field_in_vietnamese_or_english_and_costs_no_try() {
        String address = clientAddress();
        Map<String, Object> wrong = new HashMap<>(person("012345", "khong-phai-thu"));
        wrong.put("fullName", " ");
        wrong.put("password", "ngan");
        wrong.put("taxCode", "12345");
        Api.Response refused = null;
        for (int i = 0; i < 6; i++) {
            refused = from(address).post("/api/public/citizens", wrong);
            assertThat(refused.status()).isEqualTo(400);
        }
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).contains("fullName", "phone", "email", "taxCode");
        assertThat(refused.json().get("detail").asString()).startsWith("Dữ liệu gửi lên không hợp lệ");
        assertThat(refused.body()).contains("Số điện thoại không đúng định dạng Việt Nam");
        Api.Response english = from(address).header("Accept-Language", "en").post("/api/public/citizens", wrong);
        assertThat(english.body()).contains("The phone number is not a Vietnamese number");
        Map<String, Object> weak = new HashMap<>(person(phone(), email()));
        weak.put("password", "ngan");
        Api.Response weakPassword = from(address).post("/api/public/citizens", weak);
        assertThat(weakPassword.json().at("/errors/0/field").asString()).isEqualTo("password");
        assertThat(weakPassword.json().at("/errors/0/message").asString()).isEqualTo("Mật khẩu phải có ít nhất 10 ký tự.");
        assertThat(from(address).post("/api/public/citizens", "{").status()).isEqualTo(400);
        // Nine refusals from this address, and its five sign-ups an hour are all still there.
        for (int i = 0; i < 5; i++) {
            assertThat(from(address).post("/api/public/citizens", person(phone(), email())).status()).isEqualTo(202);
        }
    }

    @Test
    void a_code_expires_after_ten_minutes_and_a_new_one_replaces_it() throws Exception {
        clock.set(LocalDateTime.of(2026, 3, 10, 9, 0));
        String email = email();
        Api citizen = from(clientAddress());
        assertThat(citizen.post("/api/public/citizens", person(phone(), email)).json().get("expiresAt").asString())
                .isEqualTo("2026-03-10T09:10:00+07:00");
        notices.deliverPending();
        String first = emailedCode(smtp, email);
        clock.advance(Duration.ofMinutes(10));
        Api.Response late = citizen.post("/api/public/citizens/verify", Map.of("login", email, "code", first));
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.json().get("title").asString()).isEqualTo("Không còn hiệu lực");
        assertThat(late.json().get("detail").asString())
                .isEqualTo("Mã xác thực đã hết hiệu lực. Hãy yêu cầu gửi mã mới.");

        Api.Response resent = citizen.post("/api/public/citizens/resend", Map.of("login", email));
        assertThat(resent.status()).isEqualTo(202);
        assertThat(resent.json().get("expiresAt").asString()).isEqualTo("2026-03-10T09:20:00+07:00");
        notices.deliverPending();
        String second = emailedCode(smtp, email);
        clock.advance(Duration.ofMinutes(9).plusSeconds(59));
        if (!second.equals(first)) {
            assertThat(citizen.post("/api/public/citizens/verify", Map.of("login", email, "code", first)).status())
                    .as("the first code no longer works").isEqualTo(400);
        }
        assertThat(citizen.post("/api/public/citizens/verify", Map.of("login", email, "code", second)).status())
                .isEqualTo(204);
    }

    @Test
    void five_wrong_codes_void_the_code_the_right_one_included() throws Exception {
        String email = email();
        Api citizen = from(clientAddress());
        citizen.post("/api/public/citizens", person(phone(), email));
        notices.deliverPending();
        String code = emailedCode(smtp, email);
        for (int i = 1; i <= 4; i++) {
            Api.Response wrongCode = citizen.post("/api/public/citizens/verify", Map.of("login", email, "code", wrong(code)));
            assertThat(wrongCode.status()).isEqualTo(400);
            assertThat(wrongCode.json().at("/errors/0/message").asString())
                    .isEqualTo("Mã xác thực không đúng. Mã bị hủy sau 5 lần nhập sai.");
        }
        Api.Response fifth = citizen.post("/api/public/citizens/verify", Map.of("login", email, "code", wrong(code)));
        assertThat(fifth.status()).isEqualTo(410);
        assertThat(fifth.json().get("detail").asString()).contains("nhập sai 5 lần", "gửi mã mới");
        assertThat(citizen.post("/api/public/citizens/verify", Map.of("login", email, "code", code)).status())
                .isEqualTo(410);
        assertThat(Api.as(port, email, PASSWORD).get("/api/citizen/v1/me").status()).isEqualTo(401);

        from(clientAddress()).post("/api/public/citizens/resend", Map.of("login", email));
        notices.deliverPending();
        assertThat(citizen.post("/api/public/citizens/verify", Map.of("login", email,
                "code", emailedCode(smtp, email))).status()).isEqualTo(204);
    }

    @Test
    void an_active_accounts_number_is_refused_at_sign_up_and_nothing_else_tells_whether_a_login_has_an_account()
            throws Exception {
        // The demo citizen's number, written another way: 409, as Citizens.register answers.
        Api.Response taken = from(clientAddress()).post("/api/public/citizens", person("+84 912 468 135", email()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).contains("hãy đăng nhập hoặc lấy lại mật khẩu");

        String unknown = phone();
        for (String path : List.of("/api/public/citizens/resend", "/api/public/citizens/password-reset")) {
            Api.Response forActive = from(clientAddress()).post(path, Map.of("login", "0912.468.135"));
            Api.Response forNobody = from(clientAddress()).post(path, Map.of("login", unknown));
            assertThat(forActive.status()).as(path).isEqualTo(202);
            assertThat(forNobody.status()).as(path).isEqualTo(202);
            assertThat(forActive.json().propertyNames()).as(path).containsExactly("login", "expiresAt");
            assertThat(forNobody.json().propertyNames()).as(path).containsExactly("login", "expiresAt");
            assertThat(forNobody.json().get("login").asString()).isEqualTo(unknown);
        }
        Api.Response wrongForActive = from(clientAddress()).post("/api/public/citizens/verify",
                Map.of("login", "0912468135", "code", "123456"));
        Api.Response wrongForNobody = from(clientAddress()).post("/api/public/citizens/verify",
                Map.of("login", unknown, "code", "123456"));
        assertThat(wrongForNobody.status()).isEqualTo(wrongForActive.status()).isEqualTo(400);
        assertThat(wrongForNobody.json().get("errors")).isEqualTo(wrongForActive.json().get("errors"));
        Api.Response noLogin = from(clientAddress()).post("/api/public/citizens/resend", Map.of("login", " "));
        assertThat(noLogin.status()).isEqualTo(400);
        assertThat(noLogin.json().at("/errors/0/field").asString()).isEqualTo("login");
        notices.deliverPending();
        // The active account got its password-reset code (it may be theirs who asked); nobody else got anything.
        List<String> toTheDemoCitizen = SmsInbox.textsTo(context, "0912468135");
        assertThat(toTheDemoCitizen.get(toTheDemoCitizen.size() - 1)).startsWith("Mã đặt lại mật khẩu");
        assertThat(SmsInbox.textsTo(context, unknown)).isEmpty();
    }

    @Test
    void five_sign_ups_an_hour_from_one_address_then_429_with_retry_after() {
        String address = clientAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(from(address).post("/api/public/citizens", person(phone(), email())).status()).isEqualTo(202);
        }
        Api.Response sixth = from(address).post("/api/public/citizens", person(phone(), email()));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.contentType()).startsWith("application/problem+json");
        assertThat(sixth.json().get("title").asString()).isEqualTo("Quá nhiều yêu cầu");
        assertThat(sixth.json().get("detail").asString()).startsWith("Đã gửi quá nhiều mã xác thực. Vui lòng thử lại sau");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 3600L);
        // A resend and a forgotten password from there count too; another address is not concerned.
        assertThat(from(address).post("/api/public/citizens/password-reset", Map.of("login", phone())).status())
                .isEqualTo(429);
        assertThat(from(clientAddress()).post("/api/public/citizens", person(phone(), email())).status()).isEqualTo(202);
    }

    @Test
    void three_codes_a_quarter_hour_for_one_login_whoever_asks() {
        String email = email();
        assertThat(from(clientAddress()).post("/api/public/citizens", person(phone(), email)).status()).isEqualTo(202);
        for (int i = 0; i < 2; i++) {
            assertThat(from(clientAddress()).post("/api/public/citizens/resend", Map.of("login", email)).status())
                    .isEqualTo(202);
        }
        Api.Response fourth = from(clientAddress()).post("/api/public/citizens/resend",
                Map.of("login", email.toUpperCase()));
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.header("Retry-After")).isNotNull();
    }

    @Test
    void ten_codes_tried_a_quarter_hour_for_one_login_whoever_tries() throws Exception {
        String email = email();
        from(clientAddress()).post("/api/public/citizens", person(phone(), email));
        notices.deliverPending();
        String code = emailedCode(smtp, email);
        for (int i = 0; i < 10; i++) {
            assertThat(from(clientAddress()).post("/api/public/citizens/verify", Map.of("login", email,
                    "code", wrong(code))).status()).isIn(400, 410);
        }
        Api.Response eleventh = from(clientAddress()).post("/api/public/citizens/verify",
                Map.of("login", email, "code", code));
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(eleventh.json().get("detail").asString()).startsWith("Đã nhập mã xác thực quá nhiều lần");
    }

    @Test
    void failed_sign_ins_from_one_address_up_to_the_limit_refuse_it_even_the_right_password_on_form_and_basic() {
        String address = clientAddress();
        // The failures before the last one, as other sign-ins from this address would have left them.
        for (int i = 1; i < signInLimit.max(); i++) {
            limits.hit("sign-in-failures", signInLimit, address);
        }
        assertThat(Api.as(port, "congdan").header("X-Forwarded-For", address).get("/api/citizen/v1/me").status())
                .as("a success does not count").isEqualTo(200);
        assertThat(Api.as(port, "khong.co.ai@example.vn", "Sai-mat-khau#1").header("X-Forwarded-For", address)
                .get("/api/citizen/v1/me").status()).isEqualTo(401);
        Api.Response refused = Api.as(port, "congdan").header("X-Forwarded-For", address).get("/api/citizen/v1/me");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString())
                .startsWith("Có quá nhiều lần đăng nhập sai từ địa chỉ mạng của bạn");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, signInLimit.window().toSeconds());
        // The staff API checks citizens' passwords too: refused there as well.
        assertThat(Api.as(port, "tiepnhan").header("X-Forwarded-For", address).get("/api/v1/me").status())
                .isEqualTo(429);
        vn.motcua.support.WebSession form = vn.motcua.support.WebSession.anonymous(port).header("X-Forwarded-For", address);
        form.get("/cong-dan/dang-nhap");
        Api.Response signIn = form.post("/cong-dan/dang-nhap", Map.of("login", "congdan", "password", Api.DEMO_PASSWORD));
        assertThat(signIn.header("Location")).endsWith("/cong-dan/dang-nhap?limited");
        assertThat(form.get("/cong-dan/dang-nhap?limited").body())
                .contains("Có quá nhiều lần đăng nhập sai từ địa chỉ mạng của bạn");
        // A bearer token is no sign-in, and another address is not concerned.
        String token = Api.as(port, "congdan").post("/api/citizen/v1/me/tokens", Map.of("name", "máy tính bảng"))
                .json().get("token").asString();
        assertThat(Api.anonymous(port).header("Authorization", "Bearer " + token).header("X-Forwarded-For", address)
                .get("/api/citizen/v1/me").status()).isEqualTo(200);
        assertThat(Api.as(port, "congdan").header("X-Forwarded-For", clientAddress()).get("/api/citizen/v1/me")
                .status()).isEqualTo(200);
    }

    private Api from(String address) {
        return Api.anonymous(port).header("X-Forwarded-For", address);
    }
}
