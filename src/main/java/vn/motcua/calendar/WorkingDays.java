package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An immutable snapshot of which dates in a range are working days.
 *
 * <p>Built once from the per-year calendar (statutory defaults from {@link StatutoryHolidays} plus
 * what administrators entered: swapped days, extra days off) and then shared between threads.
 * Deadlines are computed by the million (every dossier, every hand-over on the control slip, every
 * statistics period), so the snapshot is two flat arrays instead of a set of dates:
 *
 * <ul>
 *   <li>{@code workingBefore[i]}: the number of working days among the first {@code i} days, a
 *       prefix sum whose step also tells whether day {@code i} is working;
 *   <li>{@code workingDay[n]}: the index of the n-th working day.
 * </ul>
 *
 * Together they turn "which day is N working days after this one" into two array reads, whatever N
 * is. 201 years take about 0.5 MB.
 *
 * <p>Dates outside the snapshot are not guessed: they throw {@link IllegalArgumentException}, so a
 * calendar that was not prepared far enough ahead fails loudly instead of counting wrongly.
 */
public final class WorkingDays {

    private final LocalDate first;
    private final LocalDate last;
    private final long firstEpochDay;

    /** workingBefore[i] = working days in [first, first + i); length = days + 1. */
    private final int[] workingBefore;

    /** workingDay[n] = index (from first) of the n-th working day, n from 0. */
    private final int[] workingDay;

    private WorkingDays(LocalDate first, LocalDate last, int[] workingBefore, int[] workingDay) {
        this.first = first;
        this.last = last;
        this.firstEpochDay = first.toEpochDay();
        this.workingBefore = workingBefore;
        this.workingDay = workingDay;
    }

    /**
     * Takes a snapshot of {@code working} for every date from {@code first} to {@code last}
     * inclusive; the predicate is asked once per date and not kept.
     *
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     */
    public static WorkingDays of(LocalDate first, LocalDate last, Predicate<LocalDate> working) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(working, "working");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last " + last + " is before first " + first);
        }
        long length = last.toEpochDay() - first.toEpochDay() + 1;
        if (length > 10_000_000) {
            throw new IllegalArgumentException("range too long: " + first + ".." + last);
        }
        int days = (int) length;
        int[] before = new int[days + 1];
        int[] index = new int[days];
        int count = 0;
        LocalDate date = first;
        for (int i = 0; i < days; i++, date = date.plusDays(1)) {
            before[i] = count;
            if (working.test(date)) {
                index[count++] = i;
            }
        }
        before[days] = count;
        int[] workingDay = new int[count];
        System.arraycopy(index, 0, workingDay, 0, count);
        return new WorkingDays(first, last, before, workingDay);
    }

    /** First date of the snapshot. */
    public LocalDate first() {
        return first;
    }

    /** Last date of the snapshot (inclusive). */
    public LocalDate last() {
        return last;
    }

    /**
     * Whether the date is a working day.
     *
     * @throws IllegalArgumentException if the date is outside the snapshot
     */
    public boolean isWorking(LocalDate date) {
        int i = indexOf(date.toEpochDay());
        return workingBefore[i + 1] != workingBefore[i];
    }

    /**
     * Number of working days from {@code from} to {@code to}, both inclusive (0 if {@code to} is
     * before {@code from}).
     *
     * @throws IllegalArgumentException if a date is outside the snapshot
     */
    public int countWorkingDays(LocalDate from, LocalDate to) {
        int a = indexOf(from.toEpochDay());
        int b = indexOf(to.toEpochDay());
        return b < a ? 0 : workingBefore[b + 1] - workingBefore[a];
    }

    // ---- package-private primitives for WorkingTimeCalculator ----

    /** Index of the epoch day in the snapshot. */
    int indexOf(long epochDay) {
        long i = epochDay - firstEpochDay;
        if (i < 0 || i >= workingBefore.length - 1) {
            throw outOfRange(LocalDate.ofEpochDay(epochDay));
        }
        return (int) i;
    }

    /** Working days strictly before day index {@code i}; {@code i} may be the day count. */
    int workingBefore(int i) {
        return workingBefore[i];
    }

    boolean isWorkingIndex(int i) {
        return workingBefore[i + 1] != workingBefore[i];
    }

    /** Number of working days in the snapshot. */
    int workingDayCount() {
        return workingDay.length;
    }

    /** Day index of the n-th (from 0) working day. */
    int workingDay(int n) {
        if (n < 0 || n >= workingDay.length) {
            throw new IllegalArgumentException(
                    "result out of range of the working calendar " + first + ".." + last);
        }
        return workingDay[n];
    }

    long epochDayOf(int i) {
        return firstEpochDay + i;
    }

    private IllegalArgumentException outOfRange(LocalDate date) {
        return new IllegalArgumentException(
                "date " + date + " out of range of the working calendar " + first + ".." + last);
    }
}
