package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class IdentityApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void me_tells_the_caller_who_they_are() {
        JsonNode me = Api.as(port, "tiepnhan").get("/api/v1/me").json();
        assertThat(me.get("username").asString()).isEqualTo("tiepnhan");
        assertThat(me.get("fullName").asString()).isEqualTo("Trần Thị Thu Hà");
        assertThat(me.get("roles").get(0).asString()).isEqualTo("RECEPTION");
        assertThat(me.get("unitCode").asString()).isEqualTo("VP.MC");
        assertThat(me.get("agencyCode").asString()).isEqualTo("000.00.01.H27");
    }

    @Test
    void every_demo_account_signs_in_with_its_role() {
        Map<String, String> roles = Map.of("admin", "ADMIN", "tiepnhan", "RECEPTION", "chuyenvien", "SPECIALIST",
                "lanhdao", "LEADER", "vanthu", "CLERK", "giamsat", "MONITOR");
        roles.forEach((user, role) -> assertThat(Api.as(port, user).get("/api/v1/me").json().get("roles").get(0)
                .asString()).as(user).isEqualTo(role));
    }

    @Test
    void calls_without_or_with_wrong_credentials_are_refused_with_401() {
        Api.Response anonymous = Api.anonymous(port).get("/api/v1/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.json().get("detail").asString()).isEqualTo("Bạn cần đăng nhập để thực hiện thao tác này.");
        Api.Response wrong = Api.as(port, "admin", "sai-mat-khau").get("/api/v1/me");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).isEqualTo(
                "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa do đăng nhập sai nhiều lần liên tiếp.");
    }

    @Test
    void five_failed_logins_lock_the_account_and_then_even_the_right_password_is_refused() {
        identity.open("khoa.thu", "Người Thử Khóa", "Mat-khau#2026", "VP.TH", EnumSet.of(Role.SPECIALIST));
        assertThat(Api.as(port, "khoa.thu", "Mat-khau#2026").get("/api/v1/me").status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(Api.as(port, "khoa.thu", "wrong" + i).get("/api/v1/me").status()).isEqualTo(401);
        }
        // Four failures: not yet locked, and a success resets the count.
        assertThat(Api.as(port, "khoa.thu", "Mat-khau#2026").get("/api/v1/me").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Api.as(port, "khoa.thu", "wrong" + i).get("/api/v1/me");
        }
        Api.Response locked = Api.as(port, "khoa.thu", "Mat-khau#2026").get("/api/v1/me");
        assertThat(locked.status()).isEqualTo(401);
        // The same answer as a wrong password: "locked" would tell a stranger that the account exists.
        Api.Response wrongPassword = Api.as(port, "khong-co-tai-khoan", "Mat-khau#2026").get("/api/v1/me");
        assertThat(locked.json().get("detail").asString()).isEqualTo(wrongPassword.json().get("detail").asString());

        JsonNode entries = Api.as(port, "admin").get("/api/v1/audit?size=40").json().get("items");
        assertThat(entries.valueStream().filter(e -> e.get("target").asString().equals("account/khoa.thu"))
                .map(e -> e.get("action").asString()))
                .contains("LOGIN_FAILED", "ACCOUNT_LOCKED", "LOGIN_REFUSED_LOCKED");

        // The lock lapses after the configured duration (15 minutes): simulate its end.
        jdbc.sql("update account set locked_until = now() - interval '1 second' where username = 'khoa.thu'").update();
        assertThat(Api.as(port, "khoa.thu", "Mat-khau#2026").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void only_administrators_read_the_audit_log() {
        assertThat(Api.anonymous(port).get("/api/v1/audit").status()).isEqualTo(401);
        assertThat(Api.as(port, "giamsat").get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(Api.as(port, "lanhdao").get("/api/v1/audit/verify").status()).isEqualTo(403);
        JsonNode page = Api.as(port, "admin").get("/api/v1/audit?page=0&size=5").json();
        assertThat(page.get("items").size()).isLessThanOrEqualTo(5);
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(Api.as(port, "admin").get("/api/v1/audit?size=100000").status()).isEqualTo(400);
    }

    @Test
    void a_tampered_audit_entry_breaks_the_chain() {
        Api.as(port, "admin", "sai").get("/api/v1/me"); // make sure there is at least one entry
        JsonNode valid = Api.as(port, "admin").get("/api/v1/audit/verify").json();
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("entries").asLong()).isPositive();

        long id = jdbc.sql("select min(id) from audit_entry").query(Long.class).single();
        String original = jdbc.sql("select details from audit_entry where id = ?").param(id).query(String.class)
                .optional().orElse(null);
        // The table refuses edits; only someone who switches the trigger off can tamper.
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                jdbc.sql("update audit_entry set details = 'xóa dấu vết' where id = ?").param(id).update()))
                .isNotNull();
        try {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
            jdbc.sql("update audit_entry set details = 'xóa dấu vết' where id = ?").param(id).update();
            JsonNode broken = Api.as(port, "admin").get("/api/v1/audit/verify").json();
            assertThat(broken.get("valid").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenId").asLong()).isEqualTo(id);
        } finally {
            jdbc.sql("update audit_entry set details = ? where id = ?").params(original, id).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
        }
        assertThat(Api.as(port, "admin").get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void a_new_password_must_follow_the_policy() {
        identity.open("doi.matkhau", "Người Đổi Mật Khẩu", "Ban-dau#2026", "VP.TH", EnumSet.of(Role.SPECIALIST));
        Api user = Api.as(port, "doi.matkhau", "Ban-dau#2026");
        Api.Response weak = user.post("/api/v1/me/password",
                Map.of("currentPassword", "Ban-dau#2026", "newPassword", "abc"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").size()).isGreaterThanOrEqualTo(3);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        // 63 characters but 87 bytes in UTF-8: more than BCrypt takes (a 500 before).
        Api.Response tooLong = user.post("/api/v1/me/password", Map.of("currentPassword", "Ban-dau#2026",
                "newPassword", "Mật-khẩu-Đường-Lạch-Tray#2026-Hồ-Sơ-Ổn-Định-Ngô-Quyền-Hải-Phòng"));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").toString()).contains("72 byte");
        assertThat(user.post("/api/v1/me/password", Map.of("currentPassword", "sai", "newPassword", "Moi-hon#2027"))
                .status()).isEqualTo(400);
        assertThat(user.post("/api/v1/me/password",
                Map.of("currentPassword", "Ban-dau#2026", "newPassword", "Moi-hon#2027")).status()).isEqualTo(204);
        assertThat(Api.as(port, "doi.matkhau", "Moi-hon#2027").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void an_administrator_opens_an_account_that_can_sign_in_and_others_cannot() {
        Map<String, Object> account = Map.of("username", "tiepnhan2", "fullName", "Nguyễn Minh Phúc",
                "password", "Mot-cua#2026", "unitCode", "VP.MC", "roles", java.util.List.of("RECEPTION"));
        assertThat(Api.as(port, "lanhdao").post("/api/v1/accounts", account).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).post("/api/v1/accounts", account).status()).isEqualTo(401);
        Api.Response opened = Api.as(port, "admin").post("/api/v1/accounts", account);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("agencyCode").asString()).isEqualTo("000.00.01.H27");
        assertThat(Api.as(port, "tiepnhan2", "Mot-cua#2026").get("/api/v1/me").json().get("unitCode").asString())
                .isEqualTo("VP.MC");
        assertThat(Api.as(port, "admin").post("/api/v1/accounts", account).status()).isEqualTo(409);
        Api.Response weak = Api.as(port, "admin").post("/api/v1/accounts", Map.of("username", "yeu", "fullName", "Yếu",
                "password", "123456", "unitCode", "VP.MC", "roles", java.util.List.of("RECEPTION")));
        assertThat(weak.status()).isEqualTo(400);
        Api.Response badUnit = Api.as(port, "admin").post("/api/v1/accounts", Map.of("username", "khongdonvi",
                "fullName", "Không Đơn Vị", "password", "Mot-cua#2026", "unitCode", "X.Y", "roles", java.util.List.of("LEADER")));
        assertThat(badUnit.json().get("errors").get(0).get("field").asString()).isEqualTo("unitCode");
        assertThat(Api.as(port, "admin").get("/api/v1/accounts").json().valueStream()
                .map(a -> a.get("username").asString())).contains("admin", "tiepnhan2");
        assertThat(Api.as(port, "admin").get("/api/v1/audit?size=10").json().get("items").valueStream()
                .map(e -> e.get("action").asString())).contains("ACCOUNT_OPENED");
    }

    @Test
    void a_bearer_token_stands_in_for_the_password_until_it_is_revoked() {
        Api.Response issued = Api.as(port, "giamsat").post("/api/v1/me/tokens", Map.of("name", "Hệ thống báo cáo", "days", 30));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.json().get("token").asString();
        assertThat(token).startsWith("mc_").hasSizeGreaterThan(40);
        Api bearer = Api.anonymous(port).header("Authorization", "Bearer " + token);
        assertThat(bearer.get("/api/v1/me").json().get("username").asString()).isEqualTo("giamsat");
        assertThat(bearer.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(Api.as(port, "giamsat").get("/api/v1/me/tokens").body()).doesNotContain(token);

        Api.Response wrong = Api.anonymous(port).header("Authorization", "Bearer mc_khong-dung").get("/api/v1/me");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).contains("không hợp lệ");

        long id = issued.json().get("id").asLong();
        assertThat(Api.as(port, "admin").delete("/api/v1/me/tokens/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "giamsat").delete("/api/v1/me/tokens/" + id).status()).isEqualTo(204);
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, "giamsat").post("/api/v1/me/tokens", Map.of("name", " ")).status()).isEqualTo(400);
        assertThat(Api.as(port, "giamsat").post("/api/v1/me/tokens", Map.of("name", "x", "days", 1000)).status()).isEqualTo(400);
    }
}
