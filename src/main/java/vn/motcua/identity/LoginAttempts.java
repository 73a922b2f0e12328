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
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed sign-ins (form and HTTP Basic alike) and locks an account after too many in a row.
 * The counter is changed by one atomic UPDATE, not read-modify-write, so that parallel guesses cannot
 * slip under the limit. Form logins, failures, lockouts and logouts go to the audit log; successful
 * HTTP Basic calls do not (each API call authenticates), they only reset the counter. A lock stops password sign-ins
 * only: the account's bearer tokens and open sessions go on, or anyone who knows a user name could cut off an
 * integration or sign someone out by typing five wrong passwords.
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final CitizenReader citizens;
    private final SignInLimit signInLimit;
    private final SecuritySettings settings;
    private final Clock clock;
    /** {@code motcua_logins_failed_total}: a burst is someone guessing passwords. */
    private final Counter failures;

    LoginAttempts(JdbcClient jdbc, TransactionTemplate transactions, AuditLog audit, CitizenReader citizens,
            SignInLimit signInLimit, SecuritySettings settings, Clock clock, MeterRegistry registry) {
        this.citizens = citizens;
        this.transactions = transactions;
        this.signInLimit = signInLimit;
        this.failures = Counter.builder("motcua.logins.failed")
                .description("Sign-ins refused for a wrong password, an unknown account or a locked one")
                .register(registry);
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A wrong password: counted on the account it names, staff's or a citizen's, and audited as a failure on that
     * account; a name that is no account is audited only the first time per client address and window
     * ({@link SignInLimit#firstUnknownAccount}). The account's count and its audit entries commit together (one
     * transaction around {@link #countFailure}); the rate limit counts outside any, as {@code RateLimits} requires.
     */
    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        failures.increment();
        String login = event.getAuthentication().getName();
        String address = SignInLimit.address(event.getAuthentication().getDetails());
        boolean known = Boolean.TRUE.equals(transactions.execute(status -> countFailure(login, address)));
        if (!known && signInLimit.firstUnknownAccount(address)) {
            audit.append(actor(login), "LOGIN_FAILED", "account/" + actor(login),
                    "unknown account (further ones from this address are counted, not recorded, until the window of "
                            + "the sign-in limit ends)", address);
        }
    }

    /** Counts a failure on the account {@code login} names and audits it; false when it names none. */
    private boolean countFailure(String login, String address) {
        Instant until = clock.instant().plus(settings.lockoutDuration());
        // The statement answers whether this failure locked the account; "locked_until = :until" alone would be NULL
        // (not false) while the account has never been locked, and read as no row at all.
        String locking = """
                set locked_until    = case when failed_attempts + 1 >= :max then :until else locked_until end,
                    failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
                """;
        Optional<Boolean> locked = jdbc.sql("update account " + locking
                        + "where username = :login returning coalesce(locked_until = :until, false)")
                .param("max", settings.maxFailedLogins()).param("until", Timestamp.from(until)).param("login", login)
                .query(Boolean.class).optional();
        if (locked.isEmpty()) {
            // Not a member of staff: perhaps a citizen, by phone number, e-mail address or user name.
            locked = citizens.credentials(login).map(CitizenReader.Credentials::id)
                    .flatMap(id -> jdbc.sql("update citizen_account " + locking
                                    + "where id = :id returning coalesce(locked_until = :until, false)")
                            .param("max", settings.maxFailedLogins()).param("until", Timestamp.from(until))
                            .param("id", id)
                            .query(Boolean.class).optional());
        }
        if (locked.isEmpty()) {
            return false;
        }
        audit.append(actor(login), "LOGIN_FAILED", "account/" + actor(login), "bad credentials", address);
        if (locked.get()) {
            audit.append(actor(login), "ACCOUNT_LOCKED", "account/" + actor(login),
                    "locked until " + until + " after " + settings.maxFailedLogins() + " failed sign-ins", address);
        }
        return true;
    }

    @EventListener
    @Transactional
    void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
        failures.increment();
        String username = event.getAuthentication().getName();
        audit.append(actor(username), "LOGIN_REFUSED_LOCKED", "account/" + actor(username), "account is locked",
                SignInLimit.address(event.getAuthentication().getDetails()));
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
}
