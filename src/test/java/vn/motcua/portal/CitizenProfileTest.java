package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.portal.SignUpFixtures.email;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Citizens;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/** The signed-in citizen changes the profile and the password; nobody else can, staff included. */
@IntegrationTest
class CitizenProfileTest {

    private static final String PASSWORD = "Ho-so-rieng#2026";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    @Test
    void a_citizen_changes_address_birth_date_organisation_and_tax_code_but_not_the_proven_name_or_contact() {
        String email = email();
        Citizens.CitizenUser citizen = citizens.register(new Citizens.Registration("Lương Văn Tâm", null, null, null,
                email, "Số 1 Hoàng Văn Thụ", null, null), PASSWORD);
        citizens.activate(citizen.id());
        Map<String, Object> profile = new HashMap<>();
        profile.put("address", "Số 18 Trần Phú, phường Ngô Quyền, Hải Phòng");
        profile.put("dateOfBirth", "1985-11-20");
        profile.put("organizationName", "Công ty TNHH Vận tải Tâm An");
        profile.put("taxCode", "0201234567");
        profile.put("fullName", "Tên Khác");
        profile.put("email", "khac@example.vn");
        Api.Response changed = Api.as(port, email, PASSWORD).put("/api/citizen/v1/me", profile);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode me = Api.as(port, email, PASSWORD).get("/api/citizen/v1/me").json();
        assertThat(me.get("address").asString()).isEqualTo("Số 18 Trần Phú, phường Ngô Quyền, Hải Phòng");
        assertThat(me.get("dateOfBirth").asString()).isEqualTo("1985-11-20");
        assertThat(me.get("organizationName").asString()).isEqualTo("Công ty TNHH Vận tải Tâm An");
        assertThat(me.get("taxCode").asString()).isEqualTo("0201234567");
        assertThat(me.get("fullName").asString()).isEqualTo("Lương Văn Tâm");
        assertThat(me.get("email").asString()).isEqualTo(email);

        profile.put("taxCode", "12-34");
        profile.put("dateOfBirth", "2099-01-01");
        Api.Response refused = Api.as(port, email, PASSWORD).put("/api/citizen/v1/me", profile);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("dateOfBirth");
        assertThat(refused.json().at("/errors/1/field").asString()).isEqualTo("taxCode");
        assertThat(refused.json().at("/errors/1/message").asString())
                .isEqualTo("Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc.");
        // A date outside 1900–2100 is refused while the body is read, before the profile's own checks.
        profile.put("dateOfBirth", "2999-01-01");
        Api.Response outOfRange = Api.as(port, email, PASSWORD).put("/api/citizen/v1/me", profile);
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().at("/errors/0/field").asString()).isEqualTo("dateOfBirth");

        // Emptied fields are cleared.
        assertThat(Api.as(port, email, PASSWORD).put("/api/citizen/v1/me", Map.of()).json().has("address")).isFalse();
    }

    @Test
    void staff_and_strangers_are_refused_on_a_citizens_profile_and_password() {
        assertThat(Api.as(port, "tiepnhan").put("/api/citizen/v1/me", Map.of("address", "x")).status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").post("/api/citizen/v1/me/password",
                Map.of("currentPassword", Api.DEMO_PASSWORD, "newPassword", "Khac-han#2026")).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).put("/api/citizen/v1/me", Map.of("address", "x")).status()).isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/citizen/v1/me/password", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void a_citizen_changes_the_password_with_the_current_one_and_the_old_one_and_the_tokens_stop_working() {
        String email = email();
        Citizens.CitizenUser citizen = citizens.register(new Citizens.Registration("Hoàng Thu Trang", null, null, null,
                email, null, null, null), PASSWORD);
        citizens.activate(citizen.id());
        String token = Api.as(port, email, PASSWORD).post("/api/citizen/v1/me/tokens", Map.of("name", "ứng dụng"))
                .json().get("token").asString();
        Api.Response wrongCurrent = Api.as(port, email, PASSWORD).post("/api/citizen/v1/me/password",
                Map.of("currentPassword", "Sai-roi#2026", "newPassword", "Moi-hon-nua#2026"));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().at("/errors/0/field").asString()).isEqualTo("currentPassword");
        Api.Response weak = Api.as(port, email, PASSWORD).post("/api/citizen/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "yeu"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().at("/errors/0/field").asString()).isEqualTo("newPassword");

        assertThat(Api.as(port, email, PASSWORD).post("/api/citizen/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "Moi-hon-nua#2026")).status()).isEqualTo(204);
        assertThat(Api.as(port, email, PASSWORD).get("/api/citizen/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, email, "Moi-hon-nua#2026").get("/api/citizen/v1/me").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).header("Authorization", "Bearer " + token).get("/api/citizen/v1/me").status())
                .isEqualTo(401);
    }
}
