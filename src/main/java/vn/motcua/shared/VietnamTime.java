package vn.motcua.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

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

    /** A day as people type it into a form: {@code 2/3/2026} or {@code 02/03/2026}. */
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private VietnamTime() {}

    /**
     * A day as people type it, {@code 2/3/2026} or {@code 02/03/2026}, or ISO {@code 2026-03-02}.
     *
     * @throws java.time.format.DateTimeParseException when it is no date (31/02/2026 is none)
     */
    public static LocalDate parseTypedDate(String text) {
        String value = text.strip();
        return value.contains("-") ? LocalDate.parse(value) : LocalDate.parse(value, TYPED_DATE);
    }

    /** Today in Vietnam by the given clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
