package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.portal.SignUpFixtures.clientAddress;
import static vn.motcua.portal.SignUpFixtures.email;
import static vn.motcua.portal.SignUpFixtures.phone;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.identity.Citizens;
import vn.motcua.notification.Notices;
import vn.motcua.notification.SmsInbox;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * A citizen moves the account to a new phone number or e-mail address: proven by the password and by a code sent to
 * the new one alone; the old one is told; nobody can take a number another account holds.
 */
@IntegrationTest
class ContactChangeTest {

    private static final String PASSWORD = "Doi-lien-he#2026";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    @Autowired
    Notices notices;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private String activeAccount(String phone, String email) {
        Citizens.CitizenUser citizen = citizens.register(new Citizens.Registration("Đoàn Văn Liên", null, null, phone,
                email, null, null, null), PASSWORD);
        citizens.activate(citizen.id());
        return phone != null ? phone : email;
    }

    private Api as(String login, String password) {
        return Api.as(port, login, password).header("X-Forwarded-For", clientAddress());
    }

    @Test
    void a_citizen_moves_to_a_new_phone_proven_by_a_code_sent_to_it_alone_and_the_old_phone_is_told() {
        String oldPhone = phone();
        String newPhone = phone();
        String login = activeAccount(oldPhone, null);

        Api.Response sent = as(login, PASSWORD).post("/api/citizen/v1/me/contact",
                Map.of("phone", newPhone.substring(0, 4) + " " + newPhone.substring(4), "currentPassword", PASSWORD));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().get("channels").toString()).isEqualTo("[\"SMS\"]");
        notices.deliverPending();
        List<String> toOld = SmsInbox.textsTo(context, oldPhone);
        assertThat(toOld).as("the code goes to the new phone alone").isEmpty();
        String code = SignUpFixtures.textedCode(context, newPhone);

        Api.Response wrong = as(login, PASSWORD).post("/api/citizen/v1/me/contact/verify",
                Map.of("code", SignUpFixtures.wrong(code)));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(citizens.byLogin(oldPhone)).as("nothing changes on a wrong code").isPresent();

        Api.Response changed = as(login, PASSWORD).post("/api/citizen/v1/me/contact/verify", Map.of("code", code));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("phone").asString()).isEqualTo(newPhone);
        assertThat(as(newPhone, PASSWORD).get("/api/citizen/v1/me").status()).as("signs in with the new one")
                .isEqualTo(200);
        assertThat(as(oldPhone, PASSWORD).get("/api/citizen/v1/me").status()).isEqualTo(401);
        assertThat(as(newPhone, PASSWORD).post("/api/citizen/v1/me/contact/verify", Map.of("code", code)).status())
                .as("a code is spent once").isIn(400, 410);

        notices.deliverPending();
        assertThat(SmsInbox.textsTo(context, oldPhone)).singleElement().asString()
                .startsWith("Số điện thoại của tài khoản dịch vụ công trực tuyến đã được đổi thành *******"
                        + newPhone.substring(7) + " lúc ");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'CITIZEN_CONTACT_CHANGED' and details = 'phone'"
                + " and actor = (select 'citizen:' || id from citizen_account where phone = ?)").param(newPhone)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_citizen_without_an_email_address_adds_one_the_same_way() {
        String phone = phone();
        String email = email();
        String login = activeAccount(phone, null);

        assertThat(as(login, PASSWORD).post("/api/citizen/v1/me/contact",
                Map.of("email", email.toUpperCase(), "currentPassword", PASSWORD)).status()).isEqualTo(202);

        List<String> mails = jdbc.sql("select body from outbox_message where channel = 'EMAIL' and recipient = ?"
                + " and kind = 'CITIZEN_CONTACT_CHANGE_CODE'").param(email).query(String.class).list();
        assertThat(mails).singleElement().asString().contains("Đoàn Văn Liên").contains("/cong-dan/tai-khoan/lien-he");
        Api.Response changed = as(login, PASSWORD).post("/api/citizen/v1/me/contact/verify",
                Map.of("code", SignUpFixtures.code(mails.get(0))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("email").asString()).isEqualTo(email);
        assertThat(changed.json().get("phone").asString()).isEqualTo(phone);
        assertThat(as(email, PASSWORD).get("/api/citizen/v1/me").status()).isEqualTo(200);
    }

    @Test
    void the_password_proves_the_owner_and_what_cannot_be_the_new_contact_is_refused_before_any_code_is_sent() {
        String phone = phone();
        String taken = phone();
        activeAccount(taken, null);
        String login = activeAccount(phone, null);

        Api.Response noPassword = as(login, PASSWORD).post("/api/citizen/v1/me/contact",
                Map.of("phone", phone(), "currentPassword", "Sai-mat-khau#1"));
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.json().at("/errors/0/field").asString()).isEqualTo("currentPassword");
        Api.Response both = as(login, PASSWORD).post("/api/citizen/v1/me/contact",
                Map.of("phone", phone(), "email", email(), "currentPassword", PASSWORD));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().at("/errors/0/message").asString())
                .isEqualTo("Hãy nhập một trong hai: số điện thoại mới hoặc địa chỉ thư điện tử mới.");
        assertThat(as(login, PASSWORD).post("/api/citizen/v1/me/contact",
                Map.of("phone", "12345", "currentPassword", PASSWORD)).status()).isEqualTo(400);
        assertThat(as(login, PASSWORD).post("/api/citizen/v1/me/contact",
                Map.of("phone", phone, "currentPassword", PASSWORD)).json().at("/errors/0/message").asString())
                .isEqualTo("Đây đã là thông tin liên hệ của tài khoản.");
        assertThat(as(login, PASSWORD).post("/api/citizen/v1/me/contact",
                Map.of("phone", taken, "currentPassword", PASSWORD)).status()).as("another account's").isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from citizen_code c join citizen_account a on a.id = c.citizen"
                + " where a.phone = ? and c.purpose = 'CONTACT_CHANGE'").param(phone).query(Integer.class).single())
                .isZero();
    }

    @Test
    void staff_and_strangers_are_refused() {
        assertThat(Api.as(port, "tiepnhan").post("/api/citizen/v1/me/contact", Map.of("phone", phone())).status())
                .isEqualTo(403);
        assertThat(Api.anonymous(port).post("/api/citizen/v1/me/contact/verify", Map.of("code", "123456")).status())
                .isEqualTo(401);
    }
}
