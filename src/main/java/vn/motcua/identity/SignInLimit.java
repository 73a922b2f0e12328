package vn.motcua.identity;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import vn.motcua.platform.RateLimit;
import vn.motcua.platform.RateLimits;
import vn.motcua.shared.DatabaseUnavailable;

/**
 * Failed password sign-ins per client address, across accounts: the lockout ({@link LoginAttempts}) stops guessing
 * one account's password, this stops trying a few common passwords on many accounts, or names that are no account,
 * from one address. After {@code motcua.portal.rate-limit.sign-in-per-address} failures (default 30 in 15 minutes)
 * every password sign-in from that address — the right password included — is refused until the window ends, before
 * any password is checked (a check costs a BCrypt computation, tens of milliseconds of CPU, for an unknown name as for
 * a real one, so that the time taken does not tell which names exist): on both sign-in forms, staff's and citizens',
 * and with HTTP Basic on either API, since both APIs check citizens' passwords (to refuse them on staff endpoints with
 * 403). Only failures count, so that an integration calling with Basic is never slowed down, and a commune office's
 * shared address is refused only when its sign-ins keep failing. Bearer tokens are not sign-ins and do not count.
 */
@Component
class SignInLimit {

    private static final String NAME = "sign-in-failures";
    /** Failures naming no account, counted apart only to bound what the audit log records of them. */
    private static final String UNKNOWN = "sign-in-unknown-accounts";

    private final RateLimits limits;
    private final RateLimit limit;
    private final AuditLog audit;

    SignInLimit(RateLimits limits, @Value("${motcua.portal.rate-limit.sign-in-per-address:30/15m}") RateLimit limit,
            AuditLog audit) {
        this.limits = limits;
        this.limit = limit;
        this.audit = audit;
    }

    /** A sign-in refused because its address has failed too often: answered 429 (Basic) or on the form. */
    static final class Refused extends AuthenticationException {

        private static final long serialVersionUID = 1L;

        private final Duration wait;

        Refused(Duration wait) {
            super("Too many failed sign-ins from this address");
            this.wait = wait;
        }

        Duration retryAfter() {
            return wait;
        }
    }

    /**
     * {@code manager}, refusing a blocked address before it checks a password and counting its failures. The failure
     * that uses up the address's limit is audited, once per address and window.
     */
    AuthenticationManager guarding(AuthenticationManager manager) {
        return authentication -> {
            if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
                return manager.authenticate(authentication);
            }
            String address = address(authentication.getDetails());
            Optional<Duration> wait = limits.blocked(NAME, limit, RateLimits.clientKey(address));
            if (wait.isPresent()) {
                throw new Refused(wait.get());
            }
            try {
                return manager.authenticate(authentication);
            } catch (AuthenticationException e) {
                if (DatabaseUnavailable.isCause(e)) {
                    // The password could not be checked at all: no failed sign-in (neither here nor on the account,
                    // whose listener hears only wrong passwords), and no 401, which would tell the caller that its
                    // password is wrong. Thrown on as what it is, it is answered 503 (DatabaseOutageFilter).
                    throw new DatabaseUnavailable(e);
                }
                if (limits.hit(NAME, limit, RateLimits.clientKey(address)) == limit.max()) {
                    audit.append("system", "SIGN_IN_LIMIT_REACHED", "address/" + address, limit.max()
                            + " failed sign-ins: password sign-ins from this address refused until the window of "
                            + limit + " ends", address);
                }
                throw e;
            }
        };
    }

    /**
     * Whether this is the first failure naming an unknown account from {@code address} in this window: only that one
     * is audited one by one, so that a stranger trying names cannot fill the audit log (the rest are counted by the
     * limit, and in {@code motcua_logins_failed_total}). Failures on real accounts are all audited.
     */
    boolean firstUnknownAccount(String address) {
        return limits.hit(UNKNOWN, limit, RateLimits.clientKey(address)) == 1;
    }

    static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : AuditLog.currentAddress();
    }
}
