package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.platform.RateLimit;
import vn.motcua.platform.RateLimits;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.SqlLog;
import vn.motcua.support.TestClock;
import vn.motcua.support.WebSession;

/**
 * What the audit log keeps of failed password sign-ins, and what a client address that keeps failing costs. Each test
 * signs in from addresses of its own (192.0.2.0/24, behind the trusted local proxy), so that the per-address counts
 * of other tests do not reach it, at a moment well inside one window of the limit.
 */
@IntegrationTest
class FailedSignInsTest {

    private static final String PASSWORD = "Dang-nhap#2026";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    Citizens citizens;

    @Autowired
    RateLimits limits;

    @Value("${motcua.portal.rate-limit.sign-in-per-address}")
    RateLimit signInLimit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SqlLog sql;

    @Autowired
    TestClock clock;

    @BeforeEach
    void insideOneWindow() {
        clock.set(LocalDateTime.of(2026, 3, 10, 9, 5));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_wrong_password_on_a_real_account_is_audited_as_such_from_the_first_failure() {
        identity.open("sai.mot.lan", "Người Gõ Sai", PASSWORD, "VP.TH", EnumSet.of(Role.CLERK));
        Citizens.CitizenUser citizen = citizens.open("cd.sai.mot.lan", new Citizens.Registration("Người Gõ Sai",
                "031089118401", LocalDate.of(1989, 5, 6), null, "cd.sai.mot.lan@congdan.example", null, null, null),
                PASSWORD, 1);
        String address = address();

        assertThat(from(address, "sai.mot.lan", "Sai-roi#1").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(from(address, citizen.email(), "Sai-roi#1").get("/api/citizen/v1/me").status()).isEqualTo(401);

        assertThat(audited(address)).containsExactly(
                "LOGIN_FAILED account/sai.mot.lan bad credentials",
                "LOGIN_FAILED account/cd.sai.mot.lan@congdan.example bad credentials");
        assertThat(jdbc.sql("select failed_attempts from account where username = 'sai.mot.lan'").query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void names_that_are_no_account_are_audited_once_per_address_and_window_and_all_counted() {
        String address = address();
        for (int i = 0; i < 4; i++) {
            assertThat(from(address, "khong.ai." + i, "Sai-roi#1").get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(audited(address)).hasSize(1).allMatch(entry -> entry.startsWith("LOGIN_FAILED account/khong.ai.0 "
                + "unknown account"));
        assertThat(failuresCounted(address)).isEqualTo(4);

        // Another address is told apart, and a failure on a real account is still audited one by one.
        String other = address();
        from(other, "khong.ai.khac", "Sai-roi#1").get("/api/v1/me");
        from(address, "vanthu", "Sai-roi#1").get("/api/v1/me");
        assertThat(audited(other)).hasSize(1);
        assertThat(audited(address)).hasSize(2).last().isEqualTo("LOGIN_FAILED account/vanthu bad credentials");
        jdbc.sql("update account set failed_attempts = 0 where username = 'vanthu'").update();
    }

    @Test
    void an_address_that_used_up_its_failures_is_refused_on_the_staff_form_before_any_password_is_checked() {
        String address = address();
        // The failures before the last one, as other sign-ins from this address would have left them.
        for (int i = 1; i < signInLimit.max(); i++) {
            limits.hit("sign-in-failures", signInLimit, address);
        }
        WebSession form = WebSession.anonymous(port).header("X-Forwarded-For", address);
        form.get("/login");
        assertThat(form.post("/login", Map.of("username", "khong.ai", "password", "Sai-roi#1")).header("Location"))
                .endsWith("/login?error");
        assertThat(audited(address)).containsExactly(
                "LOGIN_FAILED account/khong.ai unknown account (further ones from this address are counted, not "
                        + "recorded, until the window of the sign-in limit ends)",
                "SIGN_IN_LIMIT_REACHED address/" + address + " " + signInLimit.max() + " failed sign-ins: password "
                        + "sign-ins from this address refused until the window of " + signInLimit + " ends");

        String probe = UUID.randomUUID().toString();
        Api.Response refused = form.header(SqlLog.PROBE, probe)
                .post("/login", Map.of("username", "tiepnhan", "password", Api.DEMO_PASSWORD));
        assertThat(refused.header("Location")).as("the right password included").endsWith("/login?limited");
        assertThat(sql.statements(probe)).as("the address's failures read, no password, nothing audited")
                .anyMatch(s -> s.contains("rate_limit_counter"))
                .noneMatch(s -> s.contains("password_hash") || s.contains("audit_entry"));
        assertThat(form.header(SqlLog.PROBE, null).get("/login?limited").body())
                .contains("Có quá nhiều lần đăng nhập sai từ địa chỉ mạng của bạn");
        assertThat(Api.as(port, "khong.ai", "Sai-roi#1").header("X-Forwarded-For", address).get("/api/v1/me").status())
                .isEqualTo(429);
        assertThat(audited(address)).as("refusals are not audited one by one").hasSize(2);
        assertThat(WebSession.signIn(port, "tiepnhan").get("/").status()).as("another address signs in").isEqualTo(200);
    }

    /** The audit entries written from the address: action, target and details. */
    private List<String> audited(String address) {
        return jdbc.sql("select action || ' ' || target || ' ' || details from audit_entry where remote_address = ? "
                + "order by id").param(address).query(String.class).list();
    }

    private int failuresCounted(String address) {
        return jdbc.sql("select hits from rate_limit_counter where name = 'sign-in-failures' and key = ?").param(address)
                .query(Integer.class).single();
    }

    private Api from(String address, String login, String password) {
        return Api.as(port, login, password).header("X-Forwarded-For", address);
    }

    private static String address() {
        return "192.0.2." + (NEXT_ADDRESS.incrementAndGet() % 250 + 1);
    }
}
