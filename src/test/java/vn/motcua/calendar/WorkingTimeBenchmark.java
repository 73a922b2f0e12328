package vn.motcua.calendar;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Deadline throughput: the target is at least 1,000,000 computations per second on one core for
 * spans up to 60 working days. Not run by the test suite (it measures, it does not
 * assert): run {@code scripts/benchmark-calendar.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WorkingTimeBenchmark {

    private static final int SIZE = 4096; // a power of two, so the index wraps with a mask

    private WorkingTimeCalculator calculator;
    private LocalDateTime[] starts;
    private LocalDateTime[] ends;
    private int[] spans;
    private int next;

    @Setup
    public void setUp() {
        Set<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        Set<LocalDate> off = new HashSet<>();
        for (int year = 1900; year <= 2100; year++) {
            for (CalendarDay day : StatutoryHolidays.forYear(year, weekend)) {
                off.add(day.date());
            }
        }
        WorkingDays days =
                WorkingDays.of(
                        LocalDate.of(1900, 1, 1),
                        LocalDate.of(2100, 12, 31),
                        d -> !weekend.contains(d.getDayOfWeek()) && !off.contains(d));
        calculator = new WorkingTimeCalculator(days, OfficeHours.standard());

        Random random = new Random(20260429L);
        long first = LocalDate.of(2020, 1, 1).toEpochDay();
        long last = LocalDate.of(2030, 12, 31).toEpochDay();
        starts = new LocalDateTime[SIZE];
        ends = new LocalDateTime[SIZE];
        spans = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            LocalDate date = LocalDate.ofEpochDay(first + random.nextInt((int) (last - first + 1)));
            // Any minute of the day, so starts outside sessions and on days off are included.
            starts[i] = LocalDateTime.of(date, LocalTime.ofSecondOfDay(60L * random.nextInt(1440)));
            spans[i] = 1 + random.nextInt(60);
            ends[i] = starts[i].plus(Duration.ofMinutes(random.nextInt(90 * 1440)));
        }
    }

    @Benchmark
    public LocalDateTime addWorkingDays() {
        int i = next++ & (SIZE - 1);
        return calculator.addWorkingDays(starts[i], spans[i]);
    }

    @Benchmark
    public Duration workingTimeBetween() {
        int i = next++ & (SIZE - 1);
        return calculator.workingTimeBetween(starts[i], ends[i]);
    }
}
