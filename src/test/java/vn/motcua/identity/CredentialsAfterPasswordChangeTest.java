package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WebSession;

/**
 * Which credentials of an account still work once its password changes: the owner's change keeps the session or the
 * token that made it and shuts out every other one; an administrator's reset shuts out all. The accounts are this
 * test's own.
 */
@IntegrationTest
class CredentialsAfterPasswordChangeTest {

    private static final String PASSWORD = "Mat-khau-cu#2026";
    private static final String NEW_PASSWORD = "Mat-khau-moi#2027";

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    Citizens citizens;

    @Test
    void a_password_changed_on_the_page_keeps_that_session_and_ends_the_others_and_the_tokens() {
        identity.open("doi.tren.trang", "Người Đổi Trên Trang", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        Api token = bearer("doi.tren.trang");
        WebSession other = WebSession.signIn(port, "doi.tren.trang", PASSWORD);
        WebSession self = WebSession.signIn(port, "doi.tren.trang", PASSWORD);
        self.get("/mat-khau");

        Api.Response changed = self.post("/mat-khau", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD,
                "confirmPassword", NEW_PASSWORD));

        assertThat(changed.header("Location")).endsWith("/mat-khau?changed");
        assertThat(self.get("/mat-khau?changed").body()).contains("Đã đổi mật khẩu. Các phiên đăng nhập khác");
        assertThat(self.get("/tasks").status()).as("this session goes on").isEqualTo(200);
        assertThat(other.get("/tasks").header("Location")).as("the other one ends").endsWith("/login");
        assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void a_password_changed_with_a_token_keeps_that_token_and_revokes_the_others() {
        identity.open("doi.bang.token", "Hệ Thống Tích Hợp", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        Api calling = bearer("doi.bang.token");
        Api other = bearer("doi.bang.token");

        assertThat(calling.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                .status()).isEqualTo(204);

        assertThat(calling.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
        JsonNode tokens = Api.as(port, "doi.bang.token", NEW_PASSWORD).get("/api/v1/me/tokens").json();
        assertThat(tokens.valueStream().filter(t -> !t.hasNonNull("revokedAt"))).hasSize(1);
    }

    @Test
    void a_citizens_password_changed_with_a_token_keeps_that_token_and_revokes_the_others() {
        Citizens.CitizenUser citizen = citizens.open("cd.doi.token", new Citizens.Registration("Người Đổi Mật Khẩu",
                "031089118402", LocalDate.of(1989, 5, 6), null, "cd.doi.token@congdan.example", null, null, null),
                PASSWORD, 1);
        Api calling = citizenBearer(citizen.username());
        Api other = citizenBearer(citizen.username());

        assertThat(calling.post("/api/citizen/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).status()).isEqualTo(204);

        assertThat(calling.get("/api/citizen/v1/me").status()).isEqualTo(200);
        assertThat(other.get("/api/citizen/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, citizen.username(), PASSWORD).get("/api/citizen/v1/me").status()).isEqualTo(401);
    }

    @Test
    void an_administrators_reset_revokes_every_token_and_ends_every_session() {
        identity.open("dat.lai.het", "Người Được Đặt Lại", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        Api token = bearer("dat.lai.het");
        WebSession session = WebSession.signIn(port, "dat.lai.het", PASSWORD);
        assertThat(session.get("/tasks").status()).isEqualTo(200);

        assertThat(Api.as(port, "admin").post("/api/v1/accounts/dat.lai.het/password-reset", null).status())
                .isEqualTo(200);

        assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(session.get("/tasks").header("Location")).endsWith("/login");
    }

    private Api bearer(String username) {
        Api.Response issued = Api.as(port, username, PASSWORD).post("/api/v1/me/tokens", Map.of("name", "Thử", "days", 5));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());
    }

    private Api citizenBearer(String login) {
        Api.Response issued = Api.as(port, login, PASSWORD).post("/api/citizen/v1/me/tokens",
                Map.of("name", "Thử", "days", 5));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());
    }
}
