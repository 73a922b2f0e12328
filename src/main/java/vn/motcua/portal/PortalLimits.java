package vn.motcua.portal;

import java.util.Locale;
import org.springframework.stereotype.Component;
import vn.motcua.platform.RateLimits;
import vn.motcua.shared.PhoneNumber;
import vn.motcua.shared.ProblemException;

/**
 * The portal's rate limits ({@code motcua.portal.rate-limit.*}), counted in the database so that they hold across
 * nodes: codes sent (each one costs an SMS, and floods a phone or a mailbox) per client address and per login, and
 * codes tried per client address and per login (beyond the tries of each code, which a new code resets). A login is
 * counted however it is written: the phone number in national form, the address in lower case.
 */
@Component
class PortalLimits {

    private final RateLimits limits;
    private final PortalSettings.Limits settings;

    PortalLimits(RateLimits limits, PortalSettings settings) {
        this.limits = limits;
        this.settings = settings.rateLimit();
    }

    /** Counts a code to be sent to each of {@code logins} at the request of {@code address}; 429 past a limit. */
    void sendingCode(String address, String... logins) {
        limits.take("codes-per-address", settings.codesPerAddress(), RateLimits.clientKey(address), "portal.too-many.codes");
        for (String login : logins) {
            if (login != null) {
                limits.take("codes-per-login", settings.codesPerLogin(), key(login), "portal.too-many.codes");
            }
        }
    }

    /** Counts a code tried for {@code login} from {@code address}; 429 past a limit. */
    void tryingCode(String address, String login) {
        limits.take("verify-per-address", settings.verifyPerAddress(), RateLimits.clientKey(address), "portal.too-many.checks");
        limits.take("verify-per-login", settings.verifyPerLogin(), key(login), "portal.too-many.checks");
    }

    /** A login as typed, as it is counted and answered: 400 when there is none. */
    static String key(String login) {
        String typed = login == null ? "" : login.strip();
        if (typed.isEmpty() || typed.length() > 254) {
            throw ProblemException.invalid("login", "portal.login.required");
        }
        String phone = PhoneNumber.normalize(typed);
        return phone != null ? phone : typed.toLowerCase(Locale.ROOT);
    }
}
