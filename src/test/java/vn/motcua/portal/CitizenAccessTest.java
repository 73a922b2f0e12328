package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Citizens;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/** Citizens and staff each reach their own API, and are refused (403, not 401) on the other's. */
@IntegrationTest
class CitizenAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    @Test
    void the_demo_citizen_signs_in_with_user_name_phone_or_e_mail_and_sees_the_profile_that_pre_fills_forms() {
        for (String login : new String[] {"congdan", "0912468135", "+84 912 468 135", "CongDan@motcua.example"}) {
            Api.Response me = Api.as(port, login).get("/api/citizen/v1/me");
            assertThat(me.status()).as(login).isEqualTo(200);
            JsonNode profile = me.json();
            assertThat(profile.get("fullName").asString()).isEqualTo("Nguyễn Thị Minh Thư");
            assertThat(profile.get("citizenId").asString()).isEqualTo("031190004217");
            assertThat(profile.get("phone").asString()).isEqualTo("0912468135");
            assertThat(profile.get("dateOfBirth").asString()).isEqualTo("1990-05-14");
            assertThat(profile.get("assuranceLevel").asInt()).isEqualTo(2);
        }
    }

    @Test
    void a_citizen_is_refused_on_staff_endpoints_with_403_by_password_and_by_token() {
        assertThat(Api.as(port, "congdan").get("/api/v1/me").status()).isEqualTo(403);
        assertThat(Api.as(port, "congdan").get("/api/v1/dossiers").status()).isEqualTo(403);
        String token = Api.as(port, "congdan").post("/api/citizen/v1/me/tokens", Map.of("name", "điện thoại"))
                .json().get("token").asString();
        assertThat(token).startsWith("mcc_");
        Api withToken = Api.anonymous(port).header("Authorization", "Bearer " + token);
        assertThat(withToken.get("/api/citizen/v1/me").json().get("username").asString()).isEqualTo("congdan");
        Api.Response staff = withToken.get("/api/v1/dossiers");
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.contentType()).startsWith("application/problem+json");
    }

    @Test
    void staff_are_refused_on_citizen_endpoints_with_403_by_password_and_by_token() {
        assertThat(Api.as(port, "tiepnhan").get("/api/citizen/v1/me").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").get("/api/citizen/v1/me").status()).isEqualTo(403);
        String token = Api.as(port, "tiepnhan").post("/api/v1/me/tokens", Map.of("name", "máy bàn"))
                .json().get("token").asString();
        assertThat(Api.anonymous(port).header("Authorization", "Bearer " + token).get("/api/citizen/v1/me").status())
                .isEqualTo(403);
    }

    @Test
    void without_or_with_wrong_credentials_a_citizen_endpoint_answers_401() {
        assertThat(Api.anonymous(port).get("/api/citizen/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, "congdan", "Sai@mat-khau1").get("/api/citizen/v1/me").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).header("Authorization", "Bearer mcc_khong-co-that").get("/api/citizen/v1/me")
                .status()).isEqualTo(401);
    }

    @Test
    void an_account_not_yet_confirmed_cannot_sign_in_and_is_told_why() {
        citizens.register(new Citizens.Registration("Trần Văn Chờ", null, LocalDate.of(1985, 1, 2), "0987 000 111",
                null, null, null, null), "Cho-kich-hoat#1");
        Api.Response pending = Api.as(port, "0987000111", "Cho-kich-hoat#1").get("/api/citizen/v1/me");
        assertThat(pending.status()).isEqualTo(401);
        assertThat(pending.json().get("detail").asString()).startsWith("Tài khoản chưa được kích hoạt");
    }

    @Test
    void five_wrong_passwords_lock_a_citizen_account_like_a_staff_account() {
        Citizens.CitizenUser citizen = citizens.register(new Citizens.Registration("Lê Thị Khóa", null, null, null,
                "khoa.congdan@example.vn", null, null, null), "Dung-mat-khau#9");
        citizens.activate(citizen.id());
        assertThat(Api.as(port, "khoa.congdan@example.vn", "Dung-mat-khau#9").get("/api/citizen/v1/me").status())
                .isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Api.as(port, "khoa.congdan@example.vn", "Sai-mat-khau#" + i).get("/api/citizen/v1/me");
        }
        Api.Response locked = Api.as(port, "khoa.congdan@example.vn", "Dung-mat-khau#9").get("/api/citizen/v1/me");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asString()).contains("tạm khóa");
    }

    @Test
    void a_phone_number_of_an_active_account_cannot_be_registered_again() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> citizens.register(new Citizens.Registration(
                "Người Khác", null, null, "0912.468.135", null, null, null, null), "Nguoi-khac#2026"))
                .hasMessageContaining("identity.citizen.taken");
    }
}
