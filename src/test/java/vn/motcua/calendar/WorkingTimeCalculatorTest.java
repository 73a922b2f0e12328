package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Random;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkingTimeCalculatorTest {

    /** Mon–Fri, statutory holidays 2025–2031, standard sessions 08:00–12:00, 13:30–17:30. */
    private static final WorkingTimeCalculator CALC =
            CalendarFixtures.standardCalculator(2025, 2031);

    private static LocalDateTime at(String isoDateTime) {
        return LocalDateTime.parse(isoDateTime);
    }

    @Nested
    class Adding {

        @Test
        void two_working_days_from_wednesday_29_april_2026_skip_the_holidays_and_the_weekend() {
            // Thu 30/4 and Fri 1/5 are holidays, 2–3/5 the weekend.
            assertThat(CALC.addWorkingDays(at("2026-04-29T10:00"), 2))
                    .isEqualTo("2026-05-05T10:00");
        }

        @Test
        void one_working_day_from_the_opening_hour_ends_at_the_close_of_the_same_day() {
            assertThat(CALC.addWorkingDays(at("2026-04-29T08:00"), 1))
                    .isEqualTo("2026-04-29T17:30");
        }

        @Test
        void a_due_time_at_the_end_of_the_morning_session_is_noon_not_half_past_one() {
            assertThat(CALC.addWorkingHours(at("2026-04-29T10:00"), 2))
                    .isEqualTo("2026-04-29T12:00");
        }

        @Test
        void the_lunch_break_does_not_count() {
            assertThat(CALC.addWorkingHours(at("2026-04-29T10:00"), 3))
                    .isEqualTo("2026-04-29T14:30");
            assertThat(CALC.addWorkingTime(at("2026-04-29T11:00"), Duration.ofMinutes(90)))
                    .isEqualTo("2026-04-29T14:00");
        }

        @Test
        void a_due_time_at_the_end_of_the_day_is_half_past_five_not_the_next_morning() {
            assertThat(CALC.addWorkingHours(at("2026-03-02T13:30"), 4))
                    .isEqualTo("2026-03-02T17:30");
            assertThat(CALC.addWorkingDays(at("2026-03-02T09:30"), 1))
                    .isEqualTo("2026-03-03T09:30");
        }

        @Test
        void the_weekend_does_not_count() {
            // Fri 15:00 → 17:30 is 2.5 h, the remaining 1.5 h on Monday.
            assertThat(CALC.addWorkingHours(at("2026-03-06T15:00"), 4))
                    .isEqualTo("2026-03-09T09:30");
        }

        @Test
        void a_holiday_does_not_count() {
            // Tết 2026: eve Mon 16/2 .. Fri 20/2.
            assertThat(CALC.addWorkingDays(at("2026-02-13T17:30"), 1))
                    .isEqualTo("2026-02-23T17:30");
        }

        @Test
        void a_compensatory_day_off_does_not_count() {
            // Hùng Kings' day Sun 26/4/2026 gives Mon 27/4 off.
            assertThat(CALC.addWorkingDays(at("2026-04-24T17:30"), 1))
                    .isEqualTo("2026-04-28T17:30");
        }

        @Test
        void a_swapped_saturday_counts_as_a_working_day() {
            WorkingTimeCalculator swapped =
                    new WorkingTimeCalculator(
                            CalendarFixtures.statutory(
                                    2026,
                                    2026,
                                    Map.of(
                                            LocalDate.parse("2026-02-07"),
                                                    true, // Saturday worked...
                                            LocalDate.parse("2026-02-13"),
                                                    false)), // ...for Friday before Tết
                            OfficeHours.standard());
            assertThat(swapped.addWorkingDays(at("2026-02-06T13:30"), 1))
                    .isEqualTo("2026-02-07T12:00");
            assertThat(swapped.addWorkingDays(at("2026-02-12T17:30"), 1))
                    .isEqualTo("2026-02-23T17:30");
        }

        @Test
        void counting_crosses_the_year_end_over_new_years_day() {
            // Wed 31/12/2025 14:00 → 17:30 is 3.5 h; Thu 1/1 is off; 4.5 h on Fri 2/1.
            assertThat(CALC.addWorkingDays(at("2025-12-31T14:00"), 1))
                    .isEqualTo("2026-01-02T14:00");
        }

        @Test
        void counting_from_before_opening_starts_at_eight() {
            assertThat(CALC.addWorkingHours(at("2026-03-04T07:00"), 1))
                    .isEqualTo("2026-03-04T09:00");
            assertThat(CALC.addWorkingHours(at("2026-03-04T00:00"), 8))
                    .isEqualTo("2026-03-04T17:30");
        }

        @Test
        void counting_from_the_lunch_break_starts_at_half_past_one() {
            assertThat(CALC.addWorkingHours(at("2026-03-04T12:45"), 1))
                    .isEqualTo("2026-03-04T14:30");
            assertThat(CALC.addWorkingHours(at("2026-03-04T12:00"), 1))
                    .isEqualTo("2026-03-04T14:30");
        }

        @Test
        void counting_from_after_hours_starts_the_next_working_morning() {
            assertThat(CALC.addWorkingHours(at("2026-03-04T18:00"), 1))
                    .isEqualTo("2026-03-05T09:00");
            assertThat(CALC.addWorkingHours(at("2026-03-06T17:30"), 1))
                    .isEqualTo("2026-03-09T09:00");
        }

        @Test
        void counting_from_a_day_off_starts_the_next_working_morning() {
            assertThat(CALC.addWorkingHours(at("2026-03-07T10:00"), 2))
                    .isEqualTo("2026-03-09T10:00");
            assertThat(CALC.addWorkingHours(at("2026-04-30T09:00"), 1))
                    .isEqualTo("2026-05-04T09:00");
        }

        @Test
        void adding_zero_returns_the_start_unchanged_even_outside_a_session() {
            assertThat(CALC.addWorkingTime(at("2026-03-07T10:00"), Duration.ZERO))
                    .isEqualTo("2026-03-07T10:00");
            assertThat(CALC.addWorkingDays(at("2026-03-04T18:00"), 0))
                    .isEqualTo("2026-03-04T18:00");
            assertThat(CALC.addWorkingHours(at("2026-03-04T12:15"), 0))
                    .isEqualTo("2026-03-04T12:15");
        }

        @Test
        void negative_amounts_are_rejected() {
            assertThatThrownBy(() -> CALC.addWorkingDays(at("2026-03-04T10:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CALC.addWorkingHours(at("2026-03-04T10:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(
                            () ->
                                    CALC.addWorkingTime(
                                            at("2026-03-04T10:00"), Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void seconds_of_a_start_inside_a_session_are_kept() {
            assertThat(CALC.addWorkingHours(at("2026-03-04T10:00:30"), 1))
                    .isEqualTo("2026-03-04T11:00:30");
            // 30 s past noon of working time lie after the lunch break.
            assertThat(CALC.addWorkingHours(at("2026-03-04T10:00:30"), 2))
                    .isEqualTo("2026-03-04T13:30:30");
        }

        @Test
        void a_working_day_is_eight_hours_even_when_the_sessions_are_shorter() {
            OfficeHours sevenHours =
                    new OfficeHours(
                            List.of(
                                    new OfficeSession(LocalTime.of(7, 30), LocalTime.of(11, 30)),
                                    new OfficeSession(LocalTime.of(13, 0), LocalTime.of(16, 0))));
            assertThat(sevenHours.perDay()).isEqualTo(Duration.ofHours(7));
            WorkingTimeCalculator calc =
                    new WorkingTimeCalculator(CalendarFixtures.statutory(2026, 2026), sevenHours);
            assertThat(calc.addWorkingDays(at("2026-03-02T07:30"), 1))
                    .isEqualTo("2026-03-03T08:30");
        }

        @Test
        void instants_outside_the_snapshot_are_rejected() {
            assertThatThrownBy(() -> CALC.addWorkingDays(at("2024-12-31T10:00"), 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("out of range");
            assertThatThrownBy(() -> CALC.addWorkingDays(at("2031-12-30T10:00"), 5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("out of range");
            assertThatThrownBy(
                            () ->
                                    CALC.addWorkingTime(
                                            at("2026-01-05T10:00"), Duration.ofDays(100_000)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Counting {

        @Test
        void working_time_on_one_day_leaves_out_the_lunch_break() {
            // 11:00–12:00 and 13:30–14:00.
            assertThat(CALC.workingTimeBetween(at("2026-03-04T11:00"), at("2026-03-04T14:00")))
                    .isEqualTo(Duration.ofMinutes(90));
        }

        @Test
        void working_time_across_a_weekend_counts_friday_afternoon_and_monday_morning() {
            assertThat(CALC.workingTimeBetween(at("2026-03-06T16:00"), at("2026-03-09T09:00")))
                    .isEqualTo(Duration.ofMinutes(150));
        }

        @Test
        void working_time_across_holidays_counts_only_working_days() {
            assertThat(CALC.workingTimeBetween(at("2026-04-29T10:00"), at("2026-05-05T10:00")))
                    .isEqualTo(Duration.ofHours(16));
            assertThat(CALC.workingTimeBetween(at("2025-12-31T08:00"), at("2026-01-02T17:30")))
                    .isEqualTo(Duration.ofHours(16));
        }

        @Test
        void time_outside_sessions_counts_nothing() {
            assertThat(CALC.workingTimeBetween(at("2026-03-07T09:00"), at("2026-03-08T15:00")))
                    .isZero();
            assertThat(CALC.workingTimeBetween(at("2026-03-04T12:10"), at("2026-03-04T13:30")))
                    .isZero();
            assertThat(CALC.workingTimeBetween(at("2026-03-04T17:30"), at("2026-03-05T08:00")))
                    .isZero();
        }

        @Test
        void counting_starts_at_the_instant_itself_inside_a_session_and_at_the_next_session_outside() {
            assertThat(CALC.countingStart(at("2026-03-04T10:15:30"))).isEqualTo("2026-03-04T10:15:30");
            assertThat(CALC.countingStart(at("2026-03-04T08:00"))).isEqualTo("2026-03-04T08:00");
            assertThat(CALC.countingStart(at("2026-03-04T06:40"))).isEqualTo("2026-03-04T08:00");
            // The end of a session is outside it: noon counts from half past one.
            assertThat(CALC.countingStart(at("2026-03-04T12:00"))).isEqualTo("2026-03-04T13:30");
            assertThat(CALC.countingStart(at("2026-03-04T12:40"))).isEqualTo("2026-03-04T13:30");
            // Friday evening and the weekend count from Monday morning; the 30 April and 1 May holidays of 2026
            // (Thursday and Friday) from Monday 4 May.
            assertThat(CALC.countingStart(at("2026-03-06T17:30"))).isEqualTo("2026-03-09T08:00");
            assertThat(CALC.countingStart(at("2026-03-08T23:59"))).isEqualTo("2026-03-09T08:00");
            assertThat(CALC.countingStart(at("2026-04-29T20:00"))).isEqualTo("2026-05-04T08:00");
        }

        @Test
        void counting_backwards_gives_a_negative_duration() {
            assertThat(CALC.workingTimeBetween(at("2026-03-09T09:00"), at("2026-03-06T16:00")))
                    .isEqualTo(Duration.ofMinutes(-150));
        }

        @Test
        void pauses_are_left_out_and_overlapping_ones_count_once() {
            LocalDateTime monday = at("2026-03-02T08:00");
            LocalDateTime friday = at("2026-03-06T17:30");
            assertThat(CALC.workingTimeBetween(monday, friday, List.of()))
                    .isEqualTo(Duration.ofHours(40));
            // Tuesday afternoon (4 h) and Wednesday (8 h).
            Pause supplement = new Pause(at("2026-03-03T12:00"), at("2026-03-05T08:00"));
            assertThat(CALC.workingTimeBetween(monday, friday, List.of(supplement)))
                    .isEqualTo(Duration.ofHours(28));
            List<Pause> overlapping =
                    List.of(
                            new Pause(at("2026-03-04T08:00"), at("2026-03-05T08:00")),
                            new Pause(at("2026-03-03T12:00"), at("2026-03-04T12:00")));
            assertThat(CALC.workingTimeBetween(monday, friday, overlapping))
                    .isEqualTo(Duration.ofHours(28));
        }

        @Test
        void pauses_reaching_outside_the_interval_are_clipped_to_it() {
            List<Pause> pauses =
                    List.of(
                            new Pause(at("2026-02-27T10:00"), at("2026-03-02T10:00")),
                            new Pause(at("2026-03-06T15:30"), at("2026-03-10T10:00")));
            assertThat(
                            CALC.workingTimeBetween(
                                    at("2026-03-02T08:00"), at("2026-03-06T17:30"), pauses))
                    .isEqualTo(Duration.ofHours(36));
            assertThat(
                            CALC.workingTimeBetween(
                                    at("2026-03-06T17:30"), at("2026-03-02T08:00"), pauses))
                    .isEqualTo(Duration.ofHours(-36));
        }
    }

    @Nested
    class Pauses {

        private final LocalDateTime monday = at("2026-03-02T08:00");
        private final Duration threeDays = Duration.ofHours(24);

        @Test
        void without_pauses_the_due_time_is_the_plain_sum() {
            assertThat(CALC.dueAfterPauses(monday, threeDays, List.of()))
                    .isEqualTo("2026-03-04T17:30");
        }

        @Test
        void a_supplement_pause_moves_the_due_time_by_its_working_time() {
            Pause supplement = new Pause(at("2026-03-03T08:00"), at("2026-03-05T08:00"));
            assertThat(CALC.dueAfterPauses(monday, threeDays, List.of(supplement)))
                    .isEqualTo("2026-03-06T17:30");
        }

        @Test
        void several_pauses_add_up_and_overlaps_count_once() {
            List<Pause> pauses =
                    List.of(
                            new Pause(at("2026-03-02T10:00"), at("2026-03-02T12:00")), // 2 h
                            new Pause(at("2026-03-03T14:00"), at("2026-03-03T16:00")), // 2 h
                            new Pause(at("2026-03-03T15:00"), at("2026-03-03T17:30"))); // +1.5 h
            assertThat(CALC.dueAfterPauses(monday, threeDays, pauses))
                    .isEqualTo("2026-03-05T15:00");
        }

        @Test
        void a_pause_after_the_due_time_does_not_move_it() {
            List<Pause> late = List.of(new Pause(at("2026-03-04T17:30"), at("2026-03-06T08:00")));
            assertThat(CALC.dueAfterPauses(monday, threeDays, late)).isEqualTo("2026-03-04T17:30");
        }

        @Test
        void a_pause_that_began_before_the_start_stops_the_clock_from_the_start() {
            List<Pause> early = List.of(new Pause(at("2026-02-28T10:00"), at("2026-03-03T08:00")));
            assertThat(CALC.dueAfterPauses(monday, threeDays, early)).isEqualTo("2026-03-05T17:30");
        }

        @Test
        void a_pause_outside_office_hours_does_not_move_the_due_time() {
            List<Pause> lunch =
                    List.of(
                            new Pause(at("2026-03-02T12:05"), at("2026-03-02T13:25")),
                            new Pause(at("2026-03-07T09:00"), at("2026-03-08T09:00")));
            assertThat(CALC.dueAfterPauses(monday, threeDays, lunch)).isEqualTo("2026-03-04T17:30");
        }

        @Test
        void counting_with_the_same_pauses_gives_back_the_limit() {
            List<Pause> pauses = List.of(new Pause(at("2026-03-03T08:00"), at("2026-03-05T08:00")));
            LocalDateTime due = CALC.dueAfterPauses(monday, threeDays, pauses);
            assertThat(CALC.workingTimeBetween(monday, due, pauses)).isEqualTo(threeDays);
        }

        @Test
        void a_zero_limit_is_due_at_the_start() {
            assertThat(CALC.dueAfterPauses(at("2026-03-07T10:00"), Duration.ZERO, List.of()))
                    .isEqualTo("2026-03-07T10:00");
        }
    }

    // ---- properties ----

    // Randomised checks with a fixed seed: reproducible, and wide enough to catch boundary slips.

    @Test
    void counting_the_time_just_added_gives_it_back() {
        Random random = new Random(20260429);
        for (int i = 0; i < 2000; i++) {
            LocalDateTime from = instantInsideSession(random);
            Duration amount = Duration.ofMinutes(random.nextInt(60 * 480 + 1));
            assertThat(CALC.workingTimeBetween(from, CALC.addWorkingTime(from, amount)))
                    .as("from %s + %s", from, amount)
                    .isEqualTo(amount);
        }
    }

    @Test
    void adding_matches_a_minute_by_minute_count() {
        Random random = new Random(112);
        for (int i = 0; i < 500; i++) {
            LocalDateTime from = anyMinute(random);
            int minutes = random.nextInt(3 * 480 + 1);
            assertThat(CALC.addWorkingTime(from, Duration.ofMinutes(minutes)))
                    .as("from %s + %d min", from, minutes)
                    .isEqualTo(NaiveClock.add(from, minutes));
        }
    }

    @Test
    void counting_matches_a_minute_by_minute_count() {
        Random random = new Random(111);
        for (int i = 0; i < 500; i++) {
            LocalDateTime from = anyMinute(random);
            LocalDateTime to = from.plusMinutes(random.nextInt(6 * 1440 + 1));
            assertThat(CALC.workingTimeBetween(from, to))
                    .as("from %s to %s", from, to)
                    .isEqualTo(Duration.ofMinutes(NaiveClock.between(from, to)));
        }
    }

    @Test
    void due_times_are_never_outside_a_session_of_a_working_day() {
        Random random = new Random(60);
        for (int i = 0; i < 1000; i++) {
            LocalDateTime from = anyMinute(random);
            int days = 1 + random.nextInt(60);
            LocalDateTime due = CALC.addWorkingDays(from, days);
            assertThat(CALC.workingDays().isWorking(due.toLocalDate())).as("due %s", due).isTrue();
            LocalTime t = due.toLocalTime();
            assertThat(
                            t.isAfter(LocalTime.of(8, 0)) && !t.isAfter(LocalTime.of(12, 0))
                                    || t.isAfter(LocalTime.of(13, 30))
                                            && !t.isAfter(LocalTime.of(17, 30)))
                    .as("due %s", due)
                    .isTrue();
        }
    }

    private static LocalDateTime instantInsideSession(Random random) {
        long first = LocalDate.of(2025, 1, 1).toEpochDay();
        long span = LocalDate.of(2027, 12, 31).toEpochDay() - first + 1;
        LocalDate day;
        do {
            day = LocalDate.ofEpochDay(first + random.nextInt((int) span));
        } while (!CALC.workingDays().isWorking(day));
        int minute = random.nextBoolean()
                ? 8 * 60 + random.nextInt(4 * 60)
                : 13 * 60 + 30 + random.nextInt(4 * 60);
        return LocalDateTime.of(day, LocalTime.of(minute / 60, minute % 60));
    }

    private static LocalDateTime anyMinute(Random random) {
        long minutes = (LocalDate.of(2027, 12, 31).toEpochDay() - LocalDate.of(2026, 1, 1).toEpochDay()) * 1440;
        return LocalDateTime.of(2026, 1, 1, 0, 0).plusMinutes((long) (random.nextDouble() * (minutes + 1)));
    }

    /** The obvious, slow definition the calculator must agree with. */
    private static final class NaiveClock {

        /** Whether the minute starting at {@code t} is office time of a working day. */
        static boolean working(LocalDateTime t) {
            if (!CALC.workingDays().isWorking(t.toLocalDate())) {
                return false;
            }
            LocalTime time = t.toLocalTime();
            return !time.isBefore(LocalTime.of(8, 0)) && time.isBefore(LocalTime.of(12, 0))
                    || !time.isBefore(LocalTime.of(13, 30)) && time.isBefore(LocalTime.of(17, 30));
        }

        static LocalDateTime add(LocalDateTime from, int minutes) {
            LocalDateTime t = from;
            for (int left = minutes; left > 0; t = t.plusMinutes(1)) {
                if (working(t)) {
                    left--;
                }
            }
            return t;
        }

        static long between(LocalDateTime from, LocalDateTime to) {
            long count = 0;
            for (LocalDateTime t = from; t.isBefore(to); t = t.plusMinutes(1)) {
                if (working(t)) {
                    count++;
                }
            }
            return count;
        }
    }
}
