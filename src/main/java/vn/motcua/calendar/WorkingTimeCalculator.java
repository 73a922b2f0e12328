package vn.motcua.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Adds and counts working time: the arithmetic behind appointment dates (Form 01), the early /
 * on-time / late marks of the control slip and the statutory statistics.
 *
 * <p>Time limits of administrative procedures are published in working days or working hours, and
 * under the one-stop mechanism (Decree 118/2025/NĐ-CP) the receipt states the due hour and date
 * computed from them; only office sessions of working days count. All instants are local date-times
 * in Asia/Ho_Chi_Minh, which has no daylight saving, so local arithmetic is exact.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>One working day is 8 working hours (Labour Code 2019 Art. 105: normal working time is at
 *       most 8 hours a day), i.e. 480 minutes whatever the configured sessions add up to, so that
 *       "within 8 working hours" and "within 1 working day" mean the same.
 *   <li>Counting from an instant outside a session starts at the next session start: before 08:00
 *       at 08:00, in the lunch break at 13:30, after 17:30 or on a day off at 08:00 of the next
 *       working day.
 *   <li>A due time that falls exactly at the end of a session is that end (12:00 or 17:30), not the
 *       next session's start: the result is the earliest instant by which the time has run out.
 *   <li>Adding zero returns the start unchanged, even outside a session; negative amounts are
 *       rejected with {@link IllegalArgumentException}.
 *   <li>Precision is exact to the nanosecond: a start of 10:00:30 plus one hour is 11:00:30.
 * </ul>
 *
 * <p>How it stays fast: every instant maps to its <em>working-time offset</em>, the working time
 * from the start of the {@link WorkingDays} snapshot up to that instant, computed from the
 * snapshot's prefix sum of working days plus the position within the day's sessions. Adding is
 * offset plus amount, mapped back through the snapshot's index of working days; counting is a
 * difference of two offsets. Neither loops over days or minutes, whatever the span.
 *
 * <p>Instances are immutable and thread-safe. Dates outside the snapshot throw {@link
 * IllegalArgumentException}.
 */
public final class WorkingTimeCalculator {

    /** Labour Code 2019 Art. 105: one working day counts as 8 working hours. */
    static final Duration WORKING_DAY = Duration.ofHours(8);

    private final WorkingDays days;
    private final OfficeHours hours;

    /** Nanosecond-of-day bounds of each session. */
    private final long[] sessionStart;

    private final long[] sessionEnd;

    /** Working nanoseconds of a day before each session starts. */
    private final long[] workedBefore;

    /** Working nanoseconds of a whole working day. */
    private final long dayNanos;

    public WorkingTimeCalculator(WorkingDays days, OfficeHours hours) {
        this.days = Objects.requireNonNull(days, "days");
        this.hours = Objects.requireNonNull(hours, "hours");
        List<OfficeSession> sessions = hours.sessions();
        int n = sessions.size();
        sessionStart = new long[n];
        sessionEnd = new long[n];
        workedBefore = new long[n];
        long total = 0;
        for (int s = 0; s < n; s++) {
            sessionStart[s] = sessions.get(s).start().toNanoOfDay();
            sessionEnd[s] = sessions.get(s).end().toNanoOfDay();
            workedBefore[s] = total;
            total += sessionEnd[s] - sessionStart[s];
        }
        dayNanos = total;
    }

    /** The working-day snapshot this calculator counts on. */
    public WorkingDays workingDays() {
        return days;
    }

    /** The office sessions this calculator counts on. */
    public OfficeHours officeHours() {
        return hours;
    }

    /**
     * The instant {@code days} working days after {@code from}, a working day being 8 working hours
     * (Labour Code 2019 Art. 105). From Wednesday 10:00 plus two days, with Thursday and Friday
     * holidays, is Tuesday 10:00.
     *
     * @throws IllegalArgumentException if {@code days} is negative or the result leaves the
     *     snapshot
     */
    public LocalDateTime addWorkingDays(LocalDateTime from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        return addWorkingTime(from, WORKING_DAY.multipliedBy(days));
    }

    /**
     * The instant {@code hours} working hours after {@code from}.
     *
     * @throws IllegalArgumentException if {@code hours} is negative or the result leaves the
     *     snapshot
     */
    public LocalDateTime addWorkingHours(LocalDateTime from, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("working hours must not be negative: " + hours);
        }
        return addWorkingTime(from, Duration.ofHours(hours));
    }

    /**
     * The earliest instant by which {@code amount} of working time has passed since {@code from}.
     *
     * @throws IllegalArgumentException if {@code amount} is negative or the result leaves the
     *     snapshot
     */
    public LocalDateTime addWorkingTime(LocalDateTime from, Duration amount) {
        Objects.requireNonNull(from, "from");
        long nanos = nanosOf(amount);
        if (nanos == 0) {
            return from;
        }
        return instantAt(plus(offset(from), nanos));
    }

    /**
     * The moment from which working time counts for something that arrives at {@code t}: {@code t} itself
     * when it falls within an office session of a working day, else the start of the next session (a dossier
     * filed online at 20:00 on Friday counts from 08:00 on Monday). Adding working time to either gives the
     * same result; this names the moment itself, e.g. for a record of when a time limit started.
     *
     * @throws IllegalArgumentException if {@code t} or the next session is outside the snapshot
     */
    public LocalDateTime countingStart(LocalDateTime t) {
        Objects.requireNonNull(t, "t");
        // The earliest instant one nanosecond of working time after t, less that nanosecond.
        return instantAt(plus(offset(t), 1)).minusNanos(1);
    }

    /**
     * Working time from {@code from} to {@code to}. If {@code to} is before {@code from} the result
     * is negative (the working time from {@code to} to {@code from}, negated), so that {@code
     * workingTimeBetween(now, due)} is the time left, negative once overdue.
     *
     * @throws IllegalArgumentException if an instant is outside the snapshot
     */
    public Duration workingTimeBetween(LocalDateTime from, LocalDateTime to) {
        return Duration.ofNanos(offset(to) - offset(from));
    }

    /**
     * Working time from {@code from} to {@code to} during which the clock ran: the working time of
     * the pauses (merged where they overlap, clipped to the interval) is left out. Negative if
     * {@code to} is before {@code from}, like {@link #workingTimeBetween(LocalDateTime,
     * LocalDateTime)}.
     *
     * @throws IllegalArgumentException if an instant is outside the snapshot
     */
    public Duration workingTimeBetween(LocalDateTime from, LocalDateTime to, List<Pause> pauses) {
        boolean reversed = to.isBefore(from);
        LocalDateTime lo = reversed ? to : from;
        LocalDateTime hi = reversed ? from : to;
        long loOffset = offset(lo);
        long hiOffset = offset(hi);
        long paused = 0;
        for (Pause pause : merged(pauses)) {
            if (!pause.to().isAfter(lo) || !pause.from().isBefore(hi)) {
                continue;
            }
            long a = pause.from().isBefore(lo) ? loOffset : offset(pause.from());
            long b = pause.to().isAfter(hi) ? hiOffset : offset(pause.to());
            paused += b - a;
        }
        long worked = hiOffset - loOffset - paused;
        return Duration.ofNanos(reversed ? -worked : worked);
    }

    /**
     * The due time of a limit of {@code limit} working time starting at {@code start}, when the
     * clock stopped during the pauses (e.g. while the dossier waited for a supplement). Pauses
     * before {@code start} are ignored, one that began before it stops the clock from {@code
     * start}; a pause that begins once the limit has run out does not move the due time.
     *
     * @throws IllegalArgumentException if {@code limit} is negative or the result leaves the
     *     snapshot
     */
    public LocalDateTime dueAfterPauses(LocalDateTime start, Duration limit, List<Pause> pauses) {
        Objects.requireNonNull(start, "start");
        long nanos = nanosOf(limit);
        List<Pause> merged = merged(pauses);
        if (nanos == 0) {
            return start;
        }
        long startOffset = offset(start);
        long due = plus(startOffset, nanos);
        for (Pause pause : merged) {
            if (!pause.to().isAfter(start)) {
                continue;
            }
            long a = pause.from().isAfter(start) ? offset(pause.from()) : startOffset;
            if (a >= due) {
                break; // the limit ran out before this pause (pauses are sorted)
            }
            due = plus(due, offset(pause.to()) - a);
        }
        return instantAt(due);
    }

    // ---- offsets ----

    /** Working nanoseconds from the start of the snapshot up to {@code t}. */
    long offset(LocalDateTime t) {
        int i = days.indexOf(t.toLocalDate().toEpochDay());
        long base = days.workingBefore(i) * dayNanos;
        if (!days.isWorkingIndex(i)) {
            return base; // = end of the previous working day = start of the next one
        }
        long nanoOfDay = t.toLocalTime().toNanoOfDay();
        for (int s = 0; s < sessionStart.length; s++) {
            if (nanoOfDay <= sessionStart[s]) {
                return base + workedBefore[s];
            }
            if (nanoOfDay < sessionEnd[s]) {
                return base + workedBefore[s] + nanoOfDay - sessionStart[s];
            }
        }
        return base + dayNanos;
    }

    /**
     * The earliest instant whose offset is {@code offset} (> 0): an offset on a session boundary
     * maps to the end of the earlier session, not the start of the next.
     */
    LocalDateTime instantAt(long offset) {
        long ordinal = (offset - 1) / dayNanos;
        if (ordinal >= days.workingDayCount()) {
            throw new IllegalArgumentException(
                    "result out of range of the working calendar "
                            + days.first()
                            + ".."
                            + days.last());
        }
        int day = days.workingDay((int) ordinal);
        long intoDay = offset - ordinal * dayNanos; // 1..dayNanos
        int s = 0;
        while (intoDay > workedBefore[s] + sessionEnd[s] - sessionStart[s]) {
            s++;
        }
        long nanoOfDay = sessionStart[s] + intoDay - workedBefore[s];
        return LocalDateTime.of(
                LocalDate.ofEpochDay(days.epochDayOf(day)), LocalTime.ofNanoOfDay(nanoOfDay));
    }

    private static long nanosOf(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + amount);
        }
        try {
            return amount.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("working time too large: " + amount, e);
        }
    }

    private static long plus(long offset, long nanos) {
        try {
            return Math.addExact(offset, nanos);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("result out of range of the working calendar", e);
        }
    }

    /** Pauses sorted by start, overlapping or touching ones merged. */
    private static List<Pause> merged(List<Pause> pauses) {
        Objects.requireNonNull(pauses, "pauses");
        if (pauses.isEmpty()) {
            return List.of();
        }
        List<Pause> sorted = new ArrayList<>(pauses);
        sorted.sort((a, b) -> a.from().compareTo(b.from()));
        List<Pause> result = new ArrayList<>(sorted.size());
        Pause current = sorted.get(0);
        for (int i = 1; i < sorted.size(); i++) {
            Pause next = sorted.get(i);
            if (next.from().isAfter(current.to())) {
                result.add(current);
                current = next;
            } else if (next.to().isAfter(current.to())) {
                current = new Pause(current.from(), next.to());
            }
        }
        result.add(current);
        return result;
    }
}
