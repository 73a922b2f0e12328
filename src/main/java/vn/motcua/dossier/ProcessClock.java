package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.shared.VietnamTime;

/** Deadlines of dossiers and steps in working time (Vietnam time, the working calendar in force). */
@Component
class ProcessClock {

    private static final ZoneId VIETNAM = VietnamTime.ZONE;

    /** The working-time arithmetic it needs: the calendar in force, or in unit tests a fixed calculator. */
    interface WorkingTime {
        LocalDateTime addWorkingDays(LocalDateTime from, int days);

        LocalDateTime addWorkingTime(LocalDateTime from, Duration amount);

        Duration workingTimeBetween(LocalDateTime from, LocalDateTime to);

        boolean isWorkingDay(LocalDate date);

        LocalDateTime countingStart(LocalDateTime at);
    }

    private final WorkingTime calendar;

    @Autowired
    ProcessClock(WorkingCalendar calendar) {
        this(new WorkingTime() {
            public LocalDateTime addWorkingDays(LocalDateTime from, int days) {
                return calendar.addWorkingDays(from, days);
            }

            public LocalDateTime addWorkingTime(LocalDateTime from, Duration amount) {
                return calendar.addWorkingTime(from, amount);
            }

            public Duration workingTimeBetween(LocalDateTime from, LocalDateTime to) {
                return calendar.workingTimeBetween(from, to);
            }

            public boolean isWorkingDay(LocalDate date) {
                return calendar.isWorkingDay(date);
            }

            public LocalDateTime countingStart(LocalDateTime at) {
                return calendar.countingStart(at);
            }
        });
    }

    ProcessClock(WorkingTime calendar) {
        this.calendar = calendar;
    }

    /** The statutory time limit from {@code from} (identical to /api/public/calendar/deadline). */
    Instant due(TimeLimit limit, Instant from) {
        LocalDateTime start = local(from);
        LocalDateTime due = limit.unit() == TimeUnit.WORKING_DAYS
                ? calendar.addWorkingDays(start, limit.amount())
                : calendar.addWorkingTime(start, Duration.ofHours(limit.amount()));
        return instant(due);
    }

    Instant plusWorkingHours(Instant from, int hours) {
        return plus(from, Duration.ofHours(hours));
    }

    Instant plus(Instant from, Duration workingTime) {
        return instant(calendar.addWorkingTime(local(from), workingTime));
    }

    Duration workingBetween(Instant from, Instant to) {
        return calendar.workingTimeBetween(local(from), local(to));
    }

    /** {@code at} within an office session, else the start of the next one: when working time starts to count. */
    Instant countingStart(Instant at) {
        return instant(calendar.countingStart(local(at)));
    }

    /** Early, on time or late against {@code due}, by the rule of {@link Timeliness#judge}. */
    Timeliness judge(Instant completed, Instant due) {
        return due == null ? null : Timeliness.judge(local(completed), local(due), calendar::isWorkingDay);
    }

    /** One working day from now: the horizon of "due soon". */
    Instant oneWorkingDayAfter(Instant from) {
        return instant(calendar.addWorkingDays(local(from), 1));
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, VIETNAM);
    }

    private static Instant instant(LocalDateTime local) {
        return local.atZone(VIETNAM).toInstant();
    }
}
