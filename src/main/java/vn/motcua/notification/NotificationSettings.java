package vn.motcua.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code motcua.notification.*}; the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of e-mails, e.g. {@code Bộ phận Một cửa <motcua@haiphong.gov.vn>}
 * @param pollInterval pause between two delivery passes of the poller (read by {@code @Scheduled})
 * @param batchSize rows locked and sent per transaction
 * @param retryInitial wait after the first failure; doubled after each further failure
 * @param retryMax the longest wait between two attempts
 * @param smsMaxLength SMS texts longer than this are shortened at a word boundary
 * @param keepSent how long sent rows stay in the outbox (for the log and statistics)
 * @param lease how long a node's claim on a row lasts before another node may send it: longer than a send takes
 *     (the SMTP timeouts, 10 s to connect and 30 s to write), renewed before each row of a batch
 */
@ConfigurationProperties("motcua.notification")
record NotificationSettings(String from, Duration pollInterval, Integer batchSize, Duration retryInitial,
        Duration retryMax, Integer smsMaxLength, Duration keepSent, Duration lease) {

    NotificationSettings {
        from = from == null || from.isBlank() ? "Bộ phận Một cửa <motcua@localhost>" : from;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null || batchSize < 1 ? 20 : batchSize;
        retryInitial = retryInitial == null ? Duration.ofMinutes(1) : retryInitial;
        retryMax = retryMax == null ? Duration.ofHours(1) : retryMax;
        smsMaxLength = smsMaxLength == null || smsMaxLength < 20 ? 160 : smsMaxLength;
        keepSent = keepSent == null ? Duration.ofDays(90) : keepSent;
        lease = lease == null || lease.isNegative() || lease.isZero() ? Duration.ofMinutes(2) : lease;
    }

    /** The wait before attempt number {@code failures + 1}: initial × 2^(failures − 1), at most {@link #retryMax}. */
    Duration backoff(int failures) {
        if (failures <= 1) {
            return min(retryInitial, retryMax);
        }
        int doublings = Math.min(failures - 1, 30);
        Duration wait = retryInitial.multipliedBy(1L << doublings);
        return min(wait, retryMax);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
