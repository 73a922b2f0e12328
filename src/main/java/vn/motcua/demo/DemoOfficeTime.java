package vn.motcua.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.OfficeSession;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.shared.VietnamTime;

/** When the demo's desk works: moments of its office sessions, and working time in the calendar in force. */
@Component
class DemoOfficeTime {

    private static final ZoneId VIETNAM = VietnamTime.ZONE;

    private final WorkingCalendar calendar;

    DemoOfficeTime(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * A moment of the desk's office sessions on {@code day} (a working day), uniformly: the desk receives dossiers,
     * at the counter, by post or from the online portal, only while it works.
     */
    Instant sessionTime(LocalDate day, Random r) {
        List<OfficeSession> sessions = calendar.officeHours().sessions();
        long second = (long) (r.nextDouble() * calendar.officeHours().perDay().getSeconds());
        for (OfficeSession session : sessions) {
            long length = session.length().getSeconds();
            if (second < length) {
                return LocalDateTime.of(day, session.start().plusSeconds(second)).atZone(VIETNAM).toInstant();
            }
            second -= length;
        }
        return LocalDateTime.of(day, sessions.get(0).start()).atZone(VIETNAM).toInstant();
    }

    /** The share of today's working time already passed. */
    double fractionOfDayPassed(Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, VIETNAM);
        return (double) calendar.workingTimeBetween(local.toLocalDate().atStartOfDay(), local).getSeconds()
                / calendar.officeHours().perDay().getSeconds();
    }

    /** The latest moment of working time such that {@code working} of it lies between then and {@code to}. */
    Instant workingTimeBefore(Instant to, Duration working) {
        long lo = to.minus(Duration.ofDays(400)).getEpochSecond();
        long hi = to.getEpochSecond();
        while (hi - lo > 1) {
            long mid = (lo + hi) / 2;
            if (workingBetween(Instant.ofEpochSecond(mid), to).compareTo(working) >= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Instant.ofEpochSecond(lo);
    }

    /** A moment of the office sessions of the working day of {@code around}, or the working day before. */
    Instant officeTime(Instant around, Random r) {
        LocalDate day = around.atZone(VIETNAM).toLocalDate();
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return sessionTime(day, r);
    }

    Instant plus(Instant from, Duration working) {
        return calendar.addWorkingTime(LocalDateTime.ofInstant(from, VIETNAM), working).atZone(VIETNAM).toInstant();
    }

    Duration workingBetween(Instant from, Instant to) {
        return calendar.workingTimeBetween(LocalDateTime.ofInstant(from, VIETNAM), LocalDateTime.ofInstant(to, VIETNAM));
    }
}
