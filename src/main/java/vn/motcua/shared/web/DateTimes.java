package vn.motcua.shared.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import vn.motcua.shared.VietnamTime;

/**
 * The one reading of a date-time that comes in (JSON bodies, request parameters, path values): ISO 8601 with
 * an offset ({@code 2026-12-03T08:30:00+07:00}, {@code 2026-12-03T01:30:00Z}) or without one
 * ({@code 2026-12-03T08:30:00}), which means Vietnam time (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight
 * saving). Seconds and fractions are optional; the date must exist. Answers keep writing the offset.
 */
public final class DateTimes {

    /** The types read this way wherever they come in. */
    public static final Set<Class<?>> TYPES = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDateTime.class);

    private DateTimes() {}

    /** The moment written, at its own offset, or at +07:00 when none is written. */
    public static ZonedDateTime parse(CharSequence text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.toString().strip(),
                ZonedDateTime::from, LocalDateTime::from);
        return parsed instanceof LocalDateTime local ? local.atZone(vn.motcua.shared.VietnamTime.ZONE) : (ZonedDateTime) parsed;
    }

    /** {@link #parse} as a value of {@code type}; a {@link LocalDateTime} is the moment's Vietnam time. */
    public static Object parse(CharSequence text, Class<?> type) {
        ZonedDateTime moment = parse(text);
        if (type == Instant.class) {
            return moment.toInstant();
        }
        if (type == OffsetDateTime.class) {
            return moment.toOffsetDateTime();
        }
        if (type == LocalDateTime.class) {
            return moment.withZoneSameInstant(vn.motcua.shared.VietnamTime.ZONE).toLocalDateTime();
        }
        if (type == ZonedDateTime.class) {
            return moment;
        }
        throw new IllegalArgumentException("Not a date-time type: " + type);
    }

    /** The Vietnam time of the moment written (working-time arithmetic is local). */
    public static LocalDateTime local(CharSequence text) throws DateTimeParseException {
        return (LocalDateTime) parse(text, LocalDateTime.class);
    }
}
