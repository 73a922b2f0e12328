package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WorkingDaysTest {

    private final WorkingDays days = CalendarFixtures.statutory(2026, 2026);

    @Test
    void weekdays_work_and_weekends_and_holidays_do_not() {
        assertThat(days.isWorking(LocalDate.parse("2026-03-04"))).isTrue();
        assertThat(days.isWorking(LocalDate.parse("2026-03-07"))).isFalse();
        assertThat(days.isWorking(LocalDate.parse("2026-04-30"))).isFalse();
        assertThat(days.isWorking(LocalDate.parse("2026-04-27"))).as("compensatory day").isFalse();
    }

    @Test
    void the_snapshot_answers_what_the_predicate_said_for_every_day() {
        WorkingDays tuesdays =
                WorkingDays.of(
                        LocalDate.parse("2000-01-01"),
                        LocalDate.parse("2000-12-31"),
                        d -> d.getDayOfWeek() == DayOfWeek.TUESDAY);
        for (LocalDate d = tuesdays.first(); !d.isAfter(tuesdays.last()); d = d.plusDays(1)) {
            assertThat(tuesdays.isWorking(d)).isEqualTo(d.getDayOfWeek() == DayOfWeek.TUESDAY);
        }
        assertThat(tuesdays.countWorkingDays(tuesdays.first(), tuesdays.last())).isEqualTo(52);
    }

    @Test
    void working_days_are_counted_inclusively() {
        // 2026: Mon 4/5 .. Fri 8/5 are five working days; 30/4 .. 3/5 none.
        assertThat(
                        days.countWorkingDays(
                                LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-08")))
                .isEqualTo(5);
        assertThat(
                        days.countWorkingDays(
                                LocalDate.parse("2026-04-30"), LocalDate.parse("2026-05-03")))
                .isZero();
        assertThat(
                        days.countWorkingDays(
                                LocalDate.parse("2026-05-08"), LocalDate.parse("2026-05-04")))
                .isZero();
    }

    @Test
    void a_year_of_the_statutory_calendar_has_about_250_working_days() {
        // 261 weekdays in 2026, less the 10 holidays on weekdays (Hùng Kings' day is a Sunday)
        // and the compensatory Monday 27/4.
        assertThat(
                        days.countWorkingDays(
                                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")))
                .isEqualTo(261 - 10 - 1);
    }

    @Test
    void dates_outside_the_snapshot_are_rejected() {
        assertThatThrownBy(() -> days.isWorking(LocalDate.parse("2025-12-31")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> days.isWorking(LocalDate.parse("2027-01-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void a_range_ending_before_it_starts_is_rejected() {
        assertThatThrownBy(
                        () ->
                                WorkingDays.of(
                                        LocalDate.parse("2026-01-02"),
                                        LocalDate.parse("2026-01-01"),
                                        d -> true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
