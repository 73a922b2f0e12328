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

/**
 * Failed password sign-ins per client address, across accounts: the lockout ({@link LoginAttempts}) stops guessing
 * one account's password, this stops trying a few common passwords on many citizens' accounts from one address.
 * After {@code motcua.portal.rate-limit.sign-in-per-address} failures (default 30 in 15 minutes) every password
 * sign-in from that address — the right password included — is refused until the window ends: the citizens' form,
 * and HTTP Basic on either API, since both APIs check citizens' passwords (to refuse them on staff endpoints with
 * 403). Only failures count, so that an integration calling with Basic is never slowed down, and a commune office's
 * shared address is refused only when its sign-ins keep failing. Bearer tokens are not sign-ins and do not count.
 */
@Component
class SignInLimit {

    private static final String NAME = "sign-in-failures";

    private final RateLimits limits;
    private final RateLimit limit;

    SignInLimit(RateLimits limits, @Value("${motcua.portal.rate-limit.sign-in-per-address:30/15m}") RateLimit limit) {
        this.limits = limits;
        this.limit = limit;
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

    /** {@code manager}, refusing a blocked address before it checks a password and counting its failures. */
    AuthenticationManager guarding(AuthenticationManager manager) {
        return authentication -> {
            if (!(authentication instanceof UsernamePasswordAuthenticationToken)) {
                return manager.authenticate(authentication);
            }
            String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress() : AuditLog.currentAddress();
            Optional<Duration> wait = limits.blocked(NAME, limit, address);
            if (wait.isPresent()) {
                throw new Refused(wait.get());
            }
            try {
                return manager.authenticate(authentication);
            } catch (AuthenticationException e) {
                limits.hit(NAME, limit, address);
                throw e;
            }
        };
    }
}
