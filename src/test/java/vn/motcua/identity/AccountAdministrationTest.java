package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/** Administrators offboard, re-role and reset accounts through the API, audited, without SQL. */
@IntegrationTest
class AccountAdministrationTest {

    static final String PASSWORD = "Mat-khau#2026";

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    private Api as(String username, String password) {
        return Api.as(port, username, password);
    }

    @Test
    void a_deactivated_account_stops_at_once_with_its_tokens_and_comes_back_when_reactivated() {
        identity.open("tam.nghi.qt", "Người Nghỉ Việc", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        String token = as("tam.nghi.qt", PASSWORD).post("/api/v1/me/tokens", Map.of("name", "máy trạm")).json()
                .get("token").asString();
        assertThat(Api.as(port, "admin").post("/api/v1/accounts/tam.nghi.qt/disable", null).status()).isEqualTo(200);

        assertThat(as("tam.nghi.qt", PASSWORD).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).header("Authorization", "Bearer " + token).get("/api/v1/me").status())
                .isEqualTo(401);

        assertThat(Api.as(port, "admin").post("/api/v1/accounts/tam.nghi.qt/enable", null).status()).isEqualTo(200);
        assertThat(as("tam.nghi.qt", PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void roles_are_replaced_and_count_at_the_next_request() {
        identity.open("doi.vai.qt", "Người Đổi Vai Trò", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        Api.Response changed = Api.as(port, "admin").put("/api/v1/accounts/doi.vai.qt/roles", List.of("LEADER", "MONITOR"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(as("doi.vai.qt", PASSWORD).get("/api/v1/me").json().get("roles").valueStream()
                .map(r -> r.asString()).toList()).containsExactlyInAnyOrder("LEADER", "MONITOR");
        assertThat(Api.as(port, "admin").put("/api/v1/accounts/doi.vai.qt/roles", List.of()).status()).isEqualTo(400);
    }

    @Test
    void a_reset_gives_a_one_time_password_that_only_lets_its_owner_choose_a_new_one() {
        identity.open("quen.mat.khau", "Người Quên Mật Khẩu", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        String token = as("quen.mat.khau", PASSWORD).post("/api/v1/me/tokens", Map.of("name", "cũ")).json()
                .get("token").asString();

        String oneTime = Api.as(port, "admin").post("/api/v1/accounts/quen.mat.khau/password-reset", null).json()
                .get("oneTimePassword").asString();

        assertThat(as("quen.mat.khau", PASSWORD).get("/api/v1/me").status()).as("old password").isEqualTo(401);
        assertThat(Api.anonymous(port).header("Authorization", "Bearer " + token).get("/api/v1/me").status())
                .as("tokens revoked").isEqualTo(401);
        assertThat(as("quen.mat.khau", oneTime).get("/api/v1/me").status()).isEqualTo(200);
        Api.Response refused = as("quen.mat.khau", oneTime).get("/api/v1/tasks");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).startsWith("Mật khẩu này do người khác đặt cho bạn");
        assertThat(as("quen.mat.khau", oneTime).post("/api/v1/me/tokens", Map.of("name", "mới")).status())
                .isEqualTo(403);

        assertThat(as("quen.mat.khau", oneTime).post("/api/v1/me/password",
                Map.of("currentPassword", oneTime, "newPassword", "Mat-khau-moi#2027")).status()).isEqualTo(204);
        assertThat(as("quen.mat.khau", "Mat-khau-moi#2027").get("/api/v1/tasks").status()).isEqualTo(200);
    }

    @Test
    void an_administrator_revokes_every_token_of_an_account() {
        identity.open("may.cu", "Máy Cũ", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        String token = as("may.cu", PASSWORD).post("/api/v1/me/tokens", Map.of("name", "tích hợp")).json()
                .get("token").asString();
        assertThat(Api.as(port, "admin").delete("/api/v1/accounts/may.cu/tokens").status()).isEqualTo(204);
        assertThat(Api.anonymous(port).header("Authorization", "Bearer " + token).get("/api/v1/me").status())
                .isEqualTo(401);
        assertThat(as("may.cu", PASSWORD).get("/api/v1/me").status()).as("the password still works").isEqualTo(200);
    }

    @Test
    void only_administrators_administer_accounts_and_every_act_is_audited() {
        identity.open("khong.quyen", "Không Quyền", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        for (String user : List.of("lanhdao", "tiepnhan", "giamsat")) {
            assertThat(Api.as(port, user).post("/api/v1/accounts/khong.quyen/disable", null).status()).as(user)
                    .isEqualTo(403);
            assertThat(Api.as(port, user).post("/api/v1/accounts/khong.quyen/password-reset", null).status()).as(user)
                    .isEqualTo(403);
            assertThat(Api.as(port, user).delete("/api/v1/accounts/khong.quyen/tokens").status()).as(user)
                    .isEqualTo(403);
        }
        Api.as(port, "admin").post("/api/v1/accounts/khong.quyen/password-reset", null);
        assertThat(Api.as(port, "admin").get("/api/v1/audit?size=20").json().get("items").valueStream()
                .filter(e -> e.get("target").asString().equals("account/khong.quyen"))
                .map(e -> e.get("action").asString())).contains("PASSWORD_RESET");
        assertThat(Api.as(port, "admin").post("/api/v1/accounts/khong-co-ai/password-reset", null).status())
                .isEqualTo(404);
    }

    @Test
    void a_page_session_on_a_one_time_password_goes_to_the_password_page_until_a_new_one_is_chosen() {
        identity.open("trang.mat.khau", "Người Đổi Trên Trang", PASSWORD, "VP.TH", EnumSet.of(Role.SPECIALIST));
        String oneTime = identity.resetPassword("trang.mat.khau", "admin");
        vn.motcua.support.WebSession session = vn.motcua.support.WebSession.signIn(port, "trang.mat.khau", oneTime);

        Api.Response home = session.get("/tasks");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.header("Location")).endsWith("/mat-khau");
        assertThat(session.get("/mat-khau").body()).contains("Mật khẩu bạn vừa dùng do quản trị viên đặt");
        Api.Response mismatch = session.post("/mat-khau", Map.of("currentPassword", oneTime,
                "newPassword", "Trang-moi#2026", "confirmPassword", "Trang-khac#2026"));
        assertThat(mismatch.body()).contains("Hai lần nhập mật khẩu mới không khớp.");

        Api.Response changed = session.post("/mat-khau", Map.of("currentPassword", oneTime,
                "newPassword", "Trang-moi#2026", "confirmPassword", "Trang-moi#2026"));
        assertThat(changed.header("Location")).endsWith("/mat-khau?changed");
        assertThat(session.get("/tasks").status()).as("the same session, at once").isEqualTo(200);
        assertThat(vn.motcua.support.WebSession.signIn(port, "trang.mat.khau", "Trang-moi#2026").get("/tasks").status())
                .isEqualTo(200);
    }
}
