package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.SqlLog;
import vn.motcua.support.TestClock;

/**
 * A citizen's bearer token answered from memory on a warm request, as staff tokens are ({@link PrincipalCacheTest}),
 * and every change that must end access or change what the token's holder carries taking effect at once on this node
 * and within the cache's time limit on the others. The accounts are this test's own.
 */
@IntegrationTest
class CitizenTokenCacheTest {

    private static final String PASSWORD = "Cong-dan#2026";
    private static final String NEW_PASSWORD = "Cong-dan#2027";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    @Autowired
    CitizenReader reader;

    @Autowired
    SecuritySettings settings;

    @Autowired
    TestClock clock;

    @Autowired
    SqlLog sql;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_warm_citizen_token_request_runs_no_sql_to_authenticate() {
        Api bearer = bearer(citizen("the.am", "031089118001"), 5);
        String cold = UUID.randomUUID().toString();
        assertThat(bearer.header(SqlLog.PROBE, cold).get("/api/citizen/v1/me").status()).isEqualTo(200);
        assertThat(sql.statements(cold)).filteredOn(s -> s.contains("citizen_token")).hasSize(1);

        String warm = UUID.randomUUID().toString();
        assertThat(bearer.header(SqlLog.PROBE, warm).get("/api/citizen/v1/me").json().get("fullName").asString())
                .isEqualTo("Người Thử Thẻ");
        assertThat(sql.statements(warm)).noneMatch(s -> s.contains("citizen_token"));
    }

    @Test
    void a_cached_citizen_token_stops_working_the_moment_it_is_revoked() {
        Citizens.CitizenUser citizen = citizen("the.thu.hoi", "031089118002");
        Api.Response issued = basic(citizen).post("/api/citizen/v1/me/tokens", Map.of("name", "Thu hồi", "days", 5));
        Api bearer = Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());
        warm(bearer);

        assertThat(basic(citizen).delete("/api/citizen/v1/me/tokens/" + issued.json().get("id").asLong()).status())
                .isEqualTo(204);
        assertThat(bearer.get("/api/citizen/v1/me").status()).isEqualTo(401);
    }

    @Test
    void a_password_change_refuses_the_citizens_cached_tokens_at_once() {
        Citizens.CitizenUser citizen = citizen("the.doi.mk", "031089118003");
        Api bearer = bearer(citizen, 30);
        warm(bearer);

        assertThat(basic(citizen).post("/api/citizen/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).status()).isEqualTo(204);
        assertThat(bearer.get("/api/citizen/v1/me").status()).isEqualTo(401);
    }

    @Test
    void a_lockout_stops_the_citizens_password_but_not_the_tokens_already_issued() {
        Citizens.CitizenUser citizen = citizen("the.bi.khoa", "031089118004");
        Api cached = bearer(citizen, 5);
        warm(cached);
        Api cold = bearer(citizen, 5);
        for (int i = 0; i < settings.maxFailedLogins(); i++) {
            Api.as(port, citizen.username(), "sai-" + i).get("/api/citizen/v1/me");
        }
        assertThat(basic(citizen).get("/api/citizen/v1/me").status()).as("locked").isEqualTo(401);
        assertThat(cached.get("/api/citizen/v1/me").status()).isEqualTo(200);
        assertThat(cold.get("/api/citizen/v1/me").status()).isEqualTo(200);
    }

    @Test
    void a_changed_profile_is_what_the_cached_token_carries_at_the_next_call() {
        Citizens.CitizenUser citizen = citizen("the.doi.dia.chi", "031089118005");
        Api bearer = bearer(citizen, 5);
        warm(bearer);

        assertThat(bearer.put("/api/citizen/v1/me", Map.of("address", "8 Lạch Tray, Ngô Quyền, Hải Phòng")).status())
                .isEqualTo(200);
        assertThat(bearer.get("/api/citizen/v1/me").json().get("address").asString())
                .isEqualTo("8 Lạch Tray, Ngô Quyền, Hải Phòng");
    }

    @Test
    void an_expired_citizen_token_is_refused_at_its_expiry_instant_even_while_cached() {
        Citizens.CitizenUser citizen = citizen("the.het.han", "031089118006");
        Api.Response issued = basic(citizen).post("/api/citizen/v1/me/tokens", Map.of("name", "Một ngày", "days", 1));
        Instant expiresAt = Instant.parse(issued.json().get("expiresAt").asString());
        Api bearer = Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());

        setClock(expiresAt.minusSeconds(1));
        warm(bearer);
        setClock(expiresAt);
        String probe = UUID.randomUUID().toString();
        assertThat(bearer.header(SqlLog.PROBE, probe).get("/api/citizen/v1/me").status()).isEqualTo(401);
        assertThat(sql.statements(probe)).as("refused from the cache, not by the database")
                .noneMatch(s -> s.contains("citizen_token"));
    }

    @Test
    void another_node_sees_a_citizens_revocation_once_its_entry_is_older_than_the_time_limit() {
        Citizens.CitizenUser citizen = citizen("the.nut.khac", "031089118007");
        Api.Response issued = basic(citizen).post("/api/citizen/v1/me/tokens", Map.of("name", "Nút khác", "days", 5));
        String hash = ApiTokens.hash(issued.json().get("token").asString());
        PrincipalCache otherNode = new PrincipalCache(settings, clock);
        setClock(Instant.now());
        assertThat(otherNode.citizenToken(hash, reader::tokenHolder)).isPresent();

        basic(citizen).delete("/api/citizen/v1/me/tokens/" + issued.json().get("id").asLong());
        assertThat(otherNode.citizenToken(hash, reader::tokenHolder))
                .as("still trusted by the other node within the time limit").isPresent();
        clock.advance(settings.principalCacheTtl());
        assertThat(otherNode.citizenToken(hash, reader::tokenHolder)).isEmpty();
    }

    private Citizens.CitizenUser citizen(String username, String citizenId) {
        return citizens.open(username, new Citizens.Registration("Người Thử Thẻ", citizenId, LocalDate.of(1989, 5, 6),
                null, username + "@congdan.example", "5 Điện Biên Phủ, Hồng Bàng, Hải Phòng", null, null),
                PASSWORD, 2);
    }

    private Api basic(Citizens.CitizenUser citizen) {
        return Api.as(port, citizen.username(), PASSWORD);
    }

    private Api bearer(Citizens.CitizenUser citizen, int days) {
        Api.Response issued = basic(citizen).post("/api/citizen/v1/me/tokens", Map.of("name", "Phần mềm", "days", days));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());
    }

    /** Two calls: the second is answered from the cache. */
    private static void warm(Api bearer) {
        assertThat(bearer.get("/api/citizen/v1/me").status()).isEqualTo(200);
        assertThat(bearer.get("/api/citizen/v1/me").status()).isEqualTo(200);
    }

    private void setClock(Instant instant) {
        clock.set(instant.atZone(VietnamTime.ZONE).toLocalDateTime());
    }
}
