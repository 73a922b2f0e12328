package vn.motcua.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins consecutive failures that lock an account
 * @param lockoutDuration how long it stays locked
 * @param principalCacheTtl how long a node trusts what it read about a bearer token or a signed-in account
 *        before reading it again; the longest a change made on another node (revocation, new password,
 *        deactivation, roles, unit) takes to reach this one ({@link PrincipalCache})
 * @param principalCacheSize how many tokens and how many accounts a node remembers, each
 */
@ConfigurationProperties("motcua.security")
record SecuritySettings(Integer maxFailedLogins, Duration lockoutDuration, Duration principalCacheTtl,
        Integer principalCacheSize) {

    SecuritySettings {
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
        principalCacheTtl = principalCacheTtl == null ? Duration.ofSeconds(5) : principalCacheTtl;
        principalCacheSize = principalCacheSize == null ? 10_000 : principalCacheSize;
        if (principalCacheTtl.isNegative() || principalCacheSize < 0) {
            throw new IllegalArgumentException("motcua.security.principal-cache-ttl and -size must not be negative");
        }
    }
}
