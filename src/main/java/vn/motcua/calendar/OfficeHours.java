package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * The office sessions of every working day, e.g. 08:00–12:00 and 13:30–17:30.
 *
 * <p>Sessions are configurable per agency (no law fixes them; 08:00–12:00 and 13:30–17:30, Monday to
 * Friday, is a common default). Whatever their length, a time limit of one working day means eight
 * working hours (Labour Code 2019 Art. 105: normal working time is at most 8 hours a day); see
 * {@link WorkingTimeCalculator#addWorkingDays}.
 *
 * @param sessions the sessions of a day, sorted, non-overlapping, at least one
 */
public record OfficeHours(List<OfficeSession> sessions) {

    public OfficeHours {
        Objects.requireNonNull(sessions, "sessions");
        sessions = List.copyOf(sessions);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one session");
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
                throw new IllegalArgumentException(
                        "sessions must be sorted and must not overlap: "
                                + sessions.get(i - 1)
                                + ", "
                                + sessions.get(i));
            }
        }
    }

    /** 08:00–12:00 and 13:30–17:30. */
    public static OfficeHours standard() {
        return new OfficeHours(
                List.of(
                        new OfficeSession(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new OfficeSession(LocalTime.of(13, 30), LocalTime.of(17, 30))));
    }

    /** Working time of one full working day: the sum of the sessions. */
    public Duration perDay() {
        Duration total = Duration.ZERO;
        for (OfficeSession session : sessions) {
            total = total.plus(session.length());
        }
        return total;
    }
}
