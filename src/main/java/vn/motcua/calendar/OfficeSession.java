package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One office session of a working day, e.g. 08:00–12:00; {@code end} is exclusive.
 *
 * <p>Times are whole minutes: deadlines are stated to the minute on the receipt (Form 01 "hh:mm
 * date"), and minute granularity keeps the working-time arithmetic exact.
 *
 * @param start first minute of the session
 * @param end end of the session, after {@code start} on the same day
 */
public record OfficeSession(LocalTime start, LocalTime end) {

    public OfficeSession {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "session must end after it starts: " + start + "-" + end);
        }
        if (start.getSecond() != 0
                || start.getNano() != 0
                || end.getSecond() != 0
                || end.getNano() != 0) {
            throw new IllegalArgumentException(
                    "session bounds must be whole minutes: " + start + "-" + end);
        }
    }

    /** Length of the session. */
    public Duration length() {
        return Duration.between(start, end);
    }

    int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    int endMinute() {
        return end.getHour() * 60 + end.getMinute();
    }
}
