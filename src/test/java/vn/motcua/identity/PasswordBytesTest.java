package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * BCrypt takes at most 72 bytes, and a Vietnamese letter with diacritics takes two or three of them in UTF-8: a new
 * password short in characters but past 72 bytes is a 400 naming the field wherever a password is set (it was a 500),
 * and one typed at sign-in is a wrong password.
 */
@IntegrationTest
class PasswordBytesTest {

    /** 63 characters, 87 bytes. */
    private static final String LONG = "Mật-khẩu-Đường-Lạch-Tray#2026-Hồ-Sơ-Ổn-Định-Ngô-Quyền-Hải-Phòng";
    private static final String PASSWORD = "Ngan-gon#2026";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    @Test
    void an_administrator_opening_an_account_with_it_gets_a_400_naming_the_password() {
        Api.Response opened = Api.as(port, "admin").post("/api/v1/accounts", Map.of("username", "qua.dai",
                "fullName", "Người Mật Khẩu Dài", "password", LONG, "unitCode", "VP.TH", "roles", List.of("CLERK")));
        assertTooLong(opened, "password");
        assertThat(Api.as(port, "admin").get("/api/v1/accounts").body()).doesNotContain("qua.dai");
    }

    @Test
    void a_citizen_signing_up_resetting_or_changing_to_it_gets_a_400_naming_the_field() {
        Map<String, Object> signUp = Map.of("fullName", "Người Mật Khẩu Dài", "email", "cd.qua.dai.moi@congdan.example",
                "password", LONG);
        Api anonymous = Api.anonymous(port).header("X-Forwarded-For", "192.0.2.251");
        assertTooLong(anonymous.post("/api/public/citizens", signUp), "password");
        assertTooLong(anonymous.post("/api/public/citizens/password-reset/confirm",
                Map.of("login", "cd.qua.dai.moi@congdan.example", "code", "123456", "newPassword", LONG)), "newPassword");

        Citizens.CitizenUser citizen = citizens.open("cd.qua.dai", new Citizens.Registration("Người Mật Khẩu Dài",
                "031089118404", LocalDate.of(1989, 5, 6), null, "cd.qua.dai@congdan.example", null, null, null),
                PASSWORD, 1);
        assertTooLong(Api.as(port, citizen.username(), PASSWORD).post("/api/citizen/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", LONG)), "newPassword");
        assertThat(Api.as(port, citizen.username(), PASSWORD).get("/api/citizen/v1/me").status())
                .as("the password unchanged").isEqualTo(200);
    }

    @Test
    void typed_at_sign_in_it_is_a_wrong_password() {
        assertThat(Api.as(port, "khong.co.ai.dai", LONG).header("X-Forwarded-For", "192.0.2.252").get("/api/v1/me")
                .status()).isEqualTo(401);
    }

    private static void assertTooLong(Api.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream()
                .filter(e -> e.get("field").asString().equals(field)).map(e -> e.get("message").asString()))
                .anyMatch(message -> message.contains("72 byte"));
    }
}
