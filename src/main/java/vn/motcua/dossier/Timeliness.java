package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Predicate;

/** How a step or a dossier was completed against its due time: the process control slip and the statistics judge by it. */
public enum Timeliness {
    EARLY,
    ON_TIME,
    LATE;

    /**
     * EARLY if completed on a working day before the due day; ON_TIME if completed on the due day and not
     * after the due time; LATE otherwise (after the due time, or on a later day).
     */
    public static Timeliness judge(LocalDateTime completedAt, LocalDateTime dueAt, Predicate<LocalDate> isWorkingDay) {
        LocalDate completedDay = completedAt.toLocalDate();
        LocalDate dueDay = dueAt.toLocalDate();
        if (completedDay.isBefore(dueDay)) {
            // Completed before the due day: early when that day is a working day; work recorded on a day off
            // before the due day is still within the limit, so it counts as on time.
            return isWorkingDay.test(completedDay) ? EARLY : ON_TIME;
        }
        if (completedDay.isEqual(dueDay) && !completedAt.isAfter(dueAt)) {
            return ON_TIME;
        }
        return LATE;
    }
}
