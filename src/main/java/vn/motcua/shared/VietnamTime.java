package vn.motcua.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one time zone of Vietnamese administration (UTC+7, no daylight saving): every day, deadline and
 * document date is counted in it, whatever the server's zone.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A day as Vietnamese documents write it: {@code 26/11/2026}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** A moment as Vietnamese documents write it, the day first: {@code 26/11/2026 14:30}. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private VietnamTime() {}

    /** Today in Vietnam by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
