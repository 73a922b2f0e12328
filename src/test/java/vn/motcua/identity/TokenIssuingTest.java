package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/** Tokens are issued to the password only: a token, even a short one, cannot issue another. */
@IntegrationTest
class TokenIssuingTest {

    private static final String PASSWORD = "Cap-ma#2026";

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    Citizens citizens;

    @Test
    void a_staff_token_cannot_issue_tokens_and_the_password_can() {
        identity.open("cap.ma.token", "Hệ Thống Cấp Mã", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        Api basic = Api.as(port, "cap.ma.token", PASSWORD);
        Api twoDays = bearer(basic.post("/api/v1/me/tokens", Map.of("name", "Hai ngày", "days", 2)));

        Api.Response minted = twoDays.post("/api/v1/me/tokens", Map.of("name", "Một năm", "days", 365));

        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.contentType()).startsWith("application/problem+json");
        assertThat(minted.json().get("detail").asString())
                .isEqualTo("Không thể dùng mã truy cập để cấp mã truy cập mới: hãy xác thực bằng mật khẩu (HTTP Basic).");
        assertThat(twoDays.get("/api/v1/me/tokens").json().size()).as("listed with the token, none added").isEqualTo(1);
        assertThat(basic.post("/api/v1/me/tokens", Map.of("name", "Một năm", "days", 365)).status()).isEqualTo(201);
    }

    @Test
    void a_citizens_token_cannot_issue_tokens_either() {
        Citizens.CitizenUser citizen = citizens.open("cd.cap.ma", new Citizens.Registration("Người Cấp Mã",
                "031089118403", LocalDate.of(1989, 5, 6), null, "cd.cap.ma@congdan.example", null, null, null),
                PASSWORD, 1);
        Api basic = Api.as(port, citizen.username(), PASSWORD);
        Api token = bearer(basic.post("/api/citizen/v1/me/tokens", Map.of("name", "Ứng dụng", "days", 2)));

        Api.Response minted = token.header("Accept-Language", "en")
                .post("/api/citizen/v1/me/tokens", Map.of("name", "Một năm", "days", 365));

        assertThat(minted.status()).isEqualTo(403);
        assertThat(minted.json().get("detail").asString()).startsWith("A bearer token cannot issue tokens");
        assertThat(basic.get("/api/citizen/v1/me/tokens").json().size()).isEqualTo(1);
    }

    private Api bearer(Api.Response issued) {
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());
    }
}
