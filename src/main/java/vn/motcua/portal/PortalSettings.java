package vn.motcua.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.motcua.platform.RateLimit;

/**
 * Settings of the citizens' sign-up and password recovery ({@code motcua.portal.*}).
 *
 * @param codeValidity how long a one-time code may be used after it was sent
 * @param codeAttempts wrong codes that void a code: the citizen then asks for a new one
 * @param rateLimit how often codes may be sent and tried
 */
@ConfigurationProperties("motcua.portal")
public record PortalSettings(Duration codeValidity, Integer codeAttempts, Limits rateLimit) {

    public PortalSettings {
        codeValidity = codeValidity == null ? Duration.ofMinutes(10) : codeValidity;
        codeAttempts = codeAttempts == null ? 5 : codeAttempts;
        rateLimit = rateLimit == null ? new Limits(null, null, null, null) : rateLimit;
        if (codeValidity.toSeconds() < 60 || codeAttempts < 1) {
            throw new IllegalArgumentException(
                    "motcua.portal.code-validity must be at least 1m and motcua.portal.code-attempts at least 1");
        }
    }

    /**
     * Each {@code N/duration} (e.g. {@code 5/1h}). The sign-in limit per address
     * ({@code motcua.portal.rate-limit.sign-in-per-address}) is the identity module's, which checks passwords.
     *
     * @param codesPerAddress sign-ups, resent codes and password-reset requests from one client address
     * @param codesPerLogin codes sent to one phone number, e-mail address or account, whoever asks
     * @param verifyPerAddress codes tried from one client address
     * @param verifyPerLogin codes tried for one login, beyond the attempts of each code
     */
    public record Limits(RateLimit codesPerAddress, RateLimit codesPerLogin, RateLimit verifyPerAddress,
            RateLimit verifyPerLogin) {

        public Limits {
            codesPerAddress = codesPerAddress == null ? RateLimit.valueOf("5/1h") : codesPerAddress;
            codesPerLogin = codesPerLogin == null ? RateLimit.valueOf("3/15m") : codesPerLogin;
            verifyPerAddress = verifyPerAddress == null ? RateLimit.valueOf("20/15m") : verifyPerAddress;
            verifyPerLogin = verifyPerLogin == null ? RateLimit.valueOf("10/15m") : verifyPerLogin;
        }
    }
}
