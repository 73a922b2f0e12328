package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.SqlLog;
import vn.motcua.support.TestClock;
import vn.motcua.support.WebSession;

/**
 * Authentication answered from memory on a warm request, and every change that must end or narrow access
 * taking effect at once on this node and within the cache's time limit on the others.
 */
@IntegrationTest
class PrincipalCacheTest {

    private static final String PASSWORD = "Bat-dau#2026";
    private static final String NEW_PASSWORD = "Doi-moi#2027";

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    AccountReader reader;

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
    void a_warm_bearer_token_request_runs_no_sql_at_all() {
        Api bearer = bearer("giamsat");
        String cold = UUID.randomUUID().toString();
        assertThat(bearer.header(SqlLog.PROBE, cold).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(sql.statements(cold)).filteredOn(s -> s.contains("api_token")).hasSize(1);
        assertThat(sql.statements(cold)).noneMatch(s -> s.contains("from account a left join"));

        String warm = UUID.randomUUID().toString();
        JsonNode me = bearer.header(SqlLog.PROBE, warm).get("/api/v1/me").json();
        assertThat(me.get("username").asString()).isEqualTo("giamsat");
        assertThat(me.get("agencyCode").asString()).isNotBlank();
        assertThat(sql.statements(warm)).isEmpty();
    }

    @Test
    void a_warm_http_basic_request_reads_only_its_address_failures_and_the_password_hash_without_a_transaction() {
        Api.as(port, "vanthu").get("/api/v1/me");
        String warm = UUID.randomUUID().toString();
        assertThat(Api.as(port, "vanthu").header(SqlLog.PROBE, warm).get("/api/v1/me").status()).isEqualTo(200);
        // The failed sign-ins of the client address (SignInLimit), then the hash: two reads by primary key or index.
        assertThat(sql.statements(warm)).hasSize(2);
        assertThat(sql.statements(warm).get(0)).contains("rate_limit_counter");
        assertThat(sql.statements(warm).get(1)).contains("password_hash");
    }

    @Test
    void a_warm_page_request_does_not_read_the_signed_in_account() {
        WebSession session = WebSession.signIn(port, "lanhdao");
        session.get("/tasks");
        String warm = UUID.randomUUID().toString();
        assertThat(session.header(SqlLog.PROBE, warm).get("/tasks").status()).isEqualTo(200);
        assertThat(sql.statements(warm)).isNotEmpty()
                .noneMatch(s -> s.contains("account_role") || s.contains("from account"));
    }

    @Test
    void a_cached_token_stops_working_the_moment_it_is_revoked() {
        Api.Response issued = Api.as(port, "chuyenvien").post("/api/v1/me/tokens", Map.of("name", "Thu hồi", "days", 5));
        Api bearer = Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());
        warm(bearer);

        assertThat(Api.as(port, "chuyenvien").delete("/api/v1/me/tokens/" + issued.json().get("id").asLong()).status())
                .isEqualTo(204);
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused_at_its_expiry_instant_even_while_cached() {
        Api.Response issued = Api.as(port, "tiepnhan").post("/api/v1/me/tokens", Map.of("name", "Một ngày", "days", 1));
        Instant expiresAt = Instant.parse(issued.json().get("expiresAt").asString());
        Api bearer = Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());

        setClock(expiresAt.minusSeconds(1));
        warm(bearer);
        setClock(expiresAt);
        String probe = UUID.randomUUID().toString();
        assertThat(bearer.header(SqlLog.PROBE, probe).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(sql.statements(probe)).as("refused from the cache, not by the database").isEmpty();
    }

    @Test
    void a_password_change_revokes_the_accounts_tokens_and_ends_its_sessions() {
        String user = account("doi.mk.cache", "VP.TH", Role.SPECIALIST);
        Api.Response issued = Api.as(port, user, PASSWORD).post("/api/v1/me/tokens", Map.of("name", "Báo cáo", "days", 30));
        Api bearer = Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());
        warm(bearer);
        WebSession session = WebSession.signIn(port, user, PASSWORD);
        assertThat(session.get("/").status()).isEqualTo(200);

        assertThat(Api.as(port, user, PASSWORD).post("/api/v1/me/password",
                Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD)).status()).isEqualTo(204);

        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, user, NEW_PASSWORD).get("/api/v1/me/tokens").json().get(0).get("revokedAt")).isNotNull();
        Api.Response page = session.get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login");
        assertThat(WebSession.signIn(port, user, NEW_PASSWORD).get("/").status()).isEqualTo(200);
        assertThat(Api.as(port, "admin").get("/api/v1/audit?size=20").json().get("items").valueStream()
                .filter(e -> e.get("target").asString().equals("account/" + user))
                .map(e -> e.get("action").asString())).contains("PASSWORD_CHANGED", "API_TOKENS_REVOKED");
    }

    @Test
    void deactivating_an_account_refuses_its_cached_token_and_ends_its_sessions_at_once() {
        String user = account("nghi.viec", "VP.TH", Role.SPECIALIST);
        Api bearer = bearer(user, PASSWORD);
        warm(bearer);
        WebSession session = WebSession.signIn(port, user, PASSWORD);
        assertThat(session.get("/").status()).isEqualTo(200);

        Api.Response deactivated = Api.as(port, "admin").put("/api/v1/accounts/" + user, Map.of("enabled", false));
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);

        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(session.get("/").status()).isEqualTo(302);
        assertThat(Api.as(port, user, PASSWORD).get("/api/v1/me").status()).isEqualTo(401);

        // Reactivated, the account's tokens (never revoked) work again.
        Api.as(port, "admin").put("/api/v1/accounts/" + user, Map.of("enabled", true));
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(Api.as(port, "admin").get("/api/v1/audit?size=20").json().get("items").valueStream()
                .filter(e -> e.get("target").asString().equals("account/" + user))
                .map(e -> e.get("details").asString())).contains("deactivated", "reactivated");
    }

    @Test
    void new_roles_and_a_new_unit_count_at_the_next_request_of_a_cached_token_and_of_a_session() {
        String user = account("doi.vai.tro", "VP.TH", Role.SPECIALIST, Role.ADMIN);
        Api bearer = bearer(user, PASSWORD);
        warm(bearer);
        WebSession session = WebSession.signIn(port, user, PASSWORD);
        assertThat(session.get("/admin/procedures").status()).isEqualTo(200);

        Api.as(port, "admin").put("/api/v1/accounts/" + user,
                Map.of("roles", List.of("LEADER"), "unitCode", "SXD.QLXD"));

        JsonNode me = bearer.get("/api/v1/me").json();
        assertThat(me.get("roles").valueStream().map(JsonNode::asString)).containsExactly("LEADER");
        assertThat(me.get("unitCode").asString()).isEqualTo("SXD.QLXD");
        assertThat(me.get("agencyCode").asString()).isEqualTo("000.00.07.H27");
        assertThat(bearer.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(session.get("/admin/procedures").status()).isEqualTo(403);
    }

    @Test
    void an_administrator_may_not_deactivate_themselves_nor_give_up_their_own_administrator_role() {
        String user = account("quan.tri.2", "VP.TH", Role.ADMIN);
        Api.Response own = Api.as(port, user, PASSWORD).put("/api/v1/accounts/" + user, Map.of("enabled", false));
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.json().get("detail").asString()).contains("không thể tự vô hiệu hóa");
        assertThat(Api.as(port, user, PASSWORD).put("/api/v1/accounts/" + user, Map.of("roles", List.of("LEADER")))
                .status()).isEqualTo(422);
        assertThat(Api.as(port, "lanhdao").put("/api/v1/accounts/" + user, Map.of("enabled", false)).status())
                .isEqualTo(403);
        assertThat(Api.as(port, "admin").put("/api/v1/accounts/khong.co.ai", Map.of("enabled", false)).status())
                .isEqualTo(404);
        assertThat(Api.as(port, "admin").put("/api/v1/accounts/" + user, Map.of("unitCode", "X.Y")).status())
                .isEqualTo(400);
    }

    @Test
    void a_lockout_stops_the_password_but_not_the_tokens_already_issued_cached_or_not() {
        String user = account("bi.khoa", "VP.TH", Role.SPECIALIST);
        Api cached = bearer(user, PASSWORD);
        warm(cached);
        Api cold = bearer(user, PASSWORD);
        for (int i = 0; i < settings.maxFailedLogins(); i++) {
            Api.as(port, user, "sai-" + i).get("/api/v1/me");
        }
        assertThat(Api.as(port, user, PASSWORD).get("/api/v1/me").status()).as("locked").isEqualTo(401);
        assertThat(cached.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(cold.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void another_node_sees_a_revocation_once_its_entry_is_older_than_the_time_limit() {
        Api.Response issued = Api.as(port, "lanhdao").post("/api/v1/me/tokens", Map.of("name", "Nút khác", "days", 5));
        String token = issued.json().get("token").asString();
        PrincipalCache otherNode = new PrincipalCache(settings, clock);
        setClock(Instant.now());
        assertThat(otherNode.token(ApiTokens.hash(token), reader::tokenHolder)).isPresent();

        Api.as(port, "lanhdao").delete("/api/v1/me/tokens/" + issued.json().get("id").asLong());
        assertThat(Api.anonymous(port).header("Authorization", "Bearer " + token).get("/api/v1/me").status())
                .isEqualTo(401);
        assertThat(otherNode.token(ApiTokens.hash(token), reader::tokenHolder))
                .as("still trusted by the other node within the time limit").isPresent();
        clock.advance(settings.principalCacheTtl());
        assertThat(otherNode.token(ApiTokens.hash(token), reader::tokenHolder)).isEmpty();
    }

    @Test
    void another_node_sees_a_deactivation_once_its_entry_is_older_than_the_time_limit() {
        String user = account("nut.khac", "VP.TH", Role.CLERK);
        PrincipalCache otherNode = new PrincipalCache(settings, clock);
        setClock(Instant.now());
        assertThat(otherNode.account(user, reader::account)).hasValueSatisfying(a -> assertThat(a.enabled()).isTrue());

        identity.change(user, null, null, false, "admin");
        assertThat(otherNode.account(user, reader::account)).hasValueSatisfying(a -> assertThat(a.enabled()).isTrue());
        clock.advance(settings.principalCacheTtl().minusMillis(1));
        assertThat(otherNode.account(user, reader::account)).hasValueSatisfying(a -> assertThat(a.enabled()).isTrue());
        clock.advance(java.time.Duration.ofMillis(1));
        assertThat(otherNode.account(user, reader::account)).hasValueSatisfying(a -> assertThat(a.enabled()).isFalse());
    }

    private String account(String username, String unit, Role... roles) {
        identity.open(username, "Người Thử Bộ Nhớ Đệm", PASSWORD, unit, EnumSet.of(roles[0], roles));
        return username;
    }

    private Api bearer(String username) {
        return bearer(username, Api.DEMO_PASSWORD);
    }

    private Api bearer(String username, String password) {
        Api.Response issued = Api.as(port, username, password).post("/api/v1/me/tokens",
                Map.of("name", "Thử bộ nhớ đệm", "days", 5));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return Api.anonymous(port).header("Authorization", "Bearer " + issued.json().get("token").asString());
    }

    /** Two calls: the second is answered from the cache. */
    private static void warm(Api bearer) {
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(200);
    }

    private void setClock(Instant instant) {
        clock.set(instant.atZone(VietnamTime.ZONE).toLocalDateTime());
    }
}
