package vn.motcua.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins (form and HTTP Basic alike) and locks an account after too many in a row.
 * The counter is changed by one atomic UPDATE, not read-modify-write, so that parallel guesses cannot
 * slip under the limit. Form logins, failures, lockouts and logouts go to the audit log; successful
 * HTTP Basic calls do not (each API call authenticates), they only reset the counter.
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final PrincipalCache cache;
    private final CitizenReader citizens;
    private final SecuritySettings settings;
    private final Clock clock;
    /** {@code motcua_logins_failed_total}: a burst is someone guessing passwords. */
    private final Counter failures;

    LoginAttempts(JdbcClient jdbc, AuditLog audit, PrincipalCache cache, CitizenReader citizens,
            SecuritySettings settings, Clock clock, MeterRegistry registry) {
        this.citizens = citizens;
        this.failures = Counter.builder("motcua.logins.failed")
                .description("Sign-ins refused for a wrong password, an unknown account or a locked one")
                .register(registry);
        this.jdbc = jdbc;
        this.audit = audit;
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        failures.increment();
        String username = event.getAuthentication().getName();
        Instant now = clock.instant();
        Instant until = now.plus(settings.lockoutDuration());
        var locked = jdbc.sql("""
                update account set
                    locked_until    = case when failed_attempts + 1 >= :max then :until else locked_until end,
                    failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
                where username = :username
                returning locked_until = :until as locked""")
                .param("max", settings.maxFailedLogins())
                .param("until", Timestamp.from(until))
                .param("username", username)
                .query(Boolean.class).optional();
        if (locked.isEmpty()) {
            // Not a member of staff: perhaps a citizen, by phone number, e-mail address or user name.
            Optional<Long> citizen = citizens.credentials(username).map(CitizenReader.Credentials::id);
            locked = citizen.flatMap(id -> jdbc.sql("""
                    update citizen_account set
                        locked_until    = case when failed_attempts + 1 >= :max then :until else locked_until end,
                        failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
                    where id = :id
                    returning locked_until = :until as locked""")
                    .param("max", settings.maxFailedLogins())
                    .param("until", Timestamp.from(until))
                    .param("id", id)
                    .query(Boolean.class).optional());
            if (locked.orElse(false)) {
                // A locked account's tokens stop working too (CitizenReader.tokenHolder): at once on this node.
                cache.evictCitizen(citizen.get());
            }
        }
        String address = address(event);
        audit.append(actor(username), "LOGIN_FAILED", "account/" + actor(username),
                locked.isEmpty() ? "unknown account" : "bad credentials", address);
        if (locked.orElse(false)) {
            // A locked account's tokens stop working too (ApiTokens.holder): at once on this node.
            cache.evict(username);
            audit.append(actor(username), "ACCOUNT_LOCKED", "account/" + actor(username),
                    "locked until " + until + " after " + settings.maxFailedLogins() + " failed sign-ins", address);
        }
    }

    @EventListener
    @Transactional
    void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
        failures.increment();
        String username = event.getAuthentication().getName();
        audit.append(actor(username), "LOGIN_REFUSED_LOCKED", "account/" + actor(username), "account is locked",
                address(event));
    }

    /** One statement, and none at all when the account had no failures (every HTTP Basic call succeeds here). */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!isPassword(event.getAuthentication())) {
            // An identity provider's sign-in: no password was tried, and its name is the provider's, not a user name.
            return;
        }
        if (event.getAuthentication().getPrincipal() instanceof CitizenDetails.SignedInCitizen citizen) {
            if (citizen.failedAttemptsBefore() > 0) {
                jdbc.sql("update citizen_account set failed_attempts = 0 where id = ?").param(citizen.id()).update();
            }
            return;
        }
        if (event.getAuthentication().getPrincipal() instanceof AccountDetailsService.SignedInAccount account
                && account.failedAttemptsBefore() == 0) {
            return;
        }
        jdbc.sql("update account set failed_attempts = 0 where username = ? and failed_attempts > 0")
                .param(event.getAuthentication().getName()).update();
    }

    @EventListener
    @Transactional
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        if (!isPassword(auth)) {
            // ProviderSignIn writes its own entry, naming the citizen's account.
            return;
        }
        audit.append(auth.getName(), "LOGIN", "account/" + auth.getName(), "form sign-in",
                auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null);
    }

    @EventListener
    @Transactional
    void signedOut(LogoutSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        audit.append(auth.getName(), "LOGOUT", "account/" + auth.getName(), null,
                auth.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : AuditLog.currentAddress());
    }

    private static boolean isPassword(Authentication auth) {
        return auth instanceof UsernamePasswordAuthenticationToken;
    }

    private static String actor(String username) {
        // The name typed is untrusted input: keep it bounded.
        String name = username == null ? "" : username;
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String address(AbstractAuthenticationFailureEvent event) {
        Object details = event.getAuthentication().getDetails();
        return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : AuditLog.currentAddress();
    }
}
