package vn.motcua.platform;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * At most {@code max} hits in each {@code window}, written in settings as {@code 5/1h} or {@code 3/15m} (a
 * duration as Spring Boot reads one: {@code 90s}, {@code 15m}, {@code 1h}, {@code PT1H}).
 */
public record RateLimit(int max, Duration window) {

    public RateLimit {
        if (max < 1 || window == null || window.getSeconds() < 1 || window.getNano() != 0) {
            throw new IllegalArgumentException("A rate limit needs at least 1 hit per window of whole seconds, not "
                    + max + "/" + window);
        }
    }

    /** Reads {@code 5/1h}: Spring calls it when a setting of this type is bound. */
    public static RateLimit valueOf(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*/\\s*");
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("A rate limit is written N/duration, e.g. 5/1h, not: " + text);
        }
        return new RateLimit(Integer.parseInt(parts[0]), DurationStyle.detectAndParse(parts[1]));
    }

    /** A wait in whole minutes, rounded up, as a person is told it. */
    public static long minutes(Duration wait) {
        return (wait.toSeconds() + 59) / 60;
    }

    /** As written in settings: {@code 5/1h}, {@code 3/15m}, {@code 10/90s}. */
    @Override
    public String toString() {
        long seconds = window.toSeconds();
        String unit = seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
        return max + "/" + unit;
    }
}
