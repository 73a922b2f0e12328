package vn.motcua.shared.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * The first and last day a date that comes in may name (the working calendar's range): 1900 for birth dates
     * and records carried over from paper, 2100 for the furthest deadline. Outside it, years such as +10000 reach
     * the database and its arithmetic, and failed there as a 409 or a 500.
     */
    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2100, 12, 31);

    /** The types read this way wherever they come in. */
    public static final Set<Class<?>> TYPES = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDateTime.class);

    private DateTimes() {}

    /** A date or date-time outside {@link #FIRST}–{@link #LAST}. */
    public static final class OutOfRange extends DateTimeException {
        OutOfRange(Object value) {
            super("Outside 1900-2100: " + value);
        }
    }

    /** Whether {@code date} is within {@link #FIRST}–{@link #LAST}. */
    public static boolean inRange(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    /** {@code date} itself, or {@link OutOfRange}. */
    public static LocalDate inRangeOrThrow(LocalDate date) {
        if (date != null && !inRange(date)) {
            throw new OutOfRange(date);
        }
        return date;
    }

    /** A date written ISO 8601 ({@code 2026-12-03}), within {@link #FIRST}–{@link #LAST}. */
    public static LocalDate date(CharSequence text) {
        return inRangeOrThrow(LocalDate.parse(text.toString().strip()));
    }

    /** The moment written, at its own offset, or at +07:00 when none is written. */
    public static ZonedDateTime parse(CharSequence text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.toString().strip(),
                ZonedDateTime::from, LocalDateTime::from);
        ZonedDateTime moment = parsed instanceof LocalDateTime local ? local.atZone(vn.motcua.shared.VietnamTime.ZONE)
                : (ZonedDateTime) parsed;
        inRangeOrThrow(moment.toLocalDate());
        return moment;
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
