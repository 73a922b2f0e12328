package vn.motcua.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one time zone of Vietnamese administration (UTC+7, no daylight saving): every day, deadline and
 * document date is counted in it, whatever the server's zone.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {}

    /** Today in Vietnam by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
