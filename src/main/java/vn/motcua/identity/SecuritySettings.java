package vn.motcua.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins consecutive failures that lock an account
 * @param lockoutDuration how long it stays locked
 */
@ConfigurationProperties("motcua.security")
record SecuritySettings(Integer maxFailedLogins, Duration lockoutDuration) {

    SecuritySettings {
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
    }
}
