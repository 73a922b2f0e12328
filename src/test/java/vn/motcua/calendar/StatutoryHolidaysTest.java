package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import static vn.motcua.calendar.CalendarFixtures.SAT_SUN;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StatutoryHolidaysTest {

    private static CalendarDay holiday(String date, String key) {
        return new CalendarDay(LocalDate.parse(date), false, DayKind.HOLIDAY, key);
    }

    private static CalendarDay compensatory(String date) {
        return new CalendarDay(
                LocalDate.parse(date),
                false,
                DayKind.COMPENSATORY_DAY_OFF,
                StatutoryHolidays.COMPENSATORY);
    }

    @Test
    void the_2026_defaults_are_the_article_112_days_and_a_monday_off_for_hung_kings_day() {
        assertThat(StatutoryHolidays.forYear(2026, SAT_SUN))
                .containsExactly(
                        holiday("2026-01-01", "holiday.new-year"),
                        holiday("2026-02-16", "holiday.tet-eve"),
                        holiday("2026-02-17", "holiday.tet"),
                        holiday("2026-02-18", "holiday.tet"),
                        holiday("2026-02-19", "holiday.tet"),
                        holiday("2026-02-20", "holiday.tet"),
                        holiday("2026-04-26", "holiday.hung-kings"),
                        compensatory("2026-04-27"),
                        holiday("2026-04-30", "holiday.reunification"),
                        holiday("2026-05-01", "holiday.labour"),
                        holiday("2026-09-01", "holiday.national-adjacent"),
                        holiday("2026-09-02", "holiday.national"));
    }

    @ParameterizedTest(name = "{0}: 2 September on a {1}, the day given with it is {2}")
    @CsvSource({
        "2021, THURSDAY, 2021-09-03",
        "2022, FRIDAY, 2022-09-01",
        "2023, SATURDAY, 2023-09-01",
        "2024, MONDAY, 2024-09-03",
        "2025, TUESDAY, 2025-09-01",
        "2026, WEDNESDAY, 2026-09-01", // neither neighbour joins the weekend
        "2018, SUNDAY, 2018-09-03",
    })
    void the_day_next_to_national_day_is_the_weekday_that_joins_the_weekend(
            int year, DayOfWeek nationalDay, LocalDate adjacent) {
        assertThat(LocalDate.of(year, 9, 2).getDayOfWeek()).isEqualTo(nationalDay);
        assertThat(StatutoryHolidays.forYear(year, SAT_SUN))
                .filteredOn(d -> StatutoryHolidays.NATIONAL_ADJACENT.equals(d.name()))
                .extracting(CalendarDay::date)
                .containsExactly(adjacent);
    }

    @Test
    void national_day_on_saturday_gives_monday_off() {
        assertThat(StatutoryHolidays.forYear(2023, SAT_SUN))
                .filteredOn(d -> d.date().getMonthValue() == 9)
                .extracting(CalendarDay::date, CalendarDay::kind)
                .containsExactly(
                        tuple(LocalDate.parse("2023-09-01"), DayKind.HOLIDAY),
                        tuple(LocalDate.parse("2023-09-02"), DayKind.HOLIDAY),
                        tuple(LocalDate.parse("2023-09-04"), DayKind.COMPENSATORY_DAY_OFF));
    }

    @Test
    void holidays_on_consecutive_weekend_days_chain_their_compensatory_days_after_the_break() {
        // 2023: Hùng Kings' day Sat 29/4, Reunification Sun 30/4, Labour Mon 1/5 → off until Wed
        // 3/5,
        // as the 2023 notice had it.
        assertThat(StatutoryHolidays.forYear(2023, SAT_SUN))
                .filteredOn(
                        d ->
                                d.date().getMonthValue() == 4 && d.date().getDayOfMonth() > 20
                                        || d.date().getMonthValue() == 5)
                .containsExactly(
                        holiday("2023-04-29", "holiday.hung-kings"),
                        holiday("2023-04-30", "holiday.reunification"),
                        holiday("2023-05-01", "holiday.labour"),
                        compensatory("2023-05-02"),
                        compensatory("2023-05-03"));
    }

    @Test
    void tet_across_a_weekend_is_followed_by_one_compensatory_day_per_weekend_day() {
        // 2024: eve Fri 9/2, Tết Sat 10/2 .. Tue 13/2 → Wed 14/2 and Thu 15/2 off.
        assertThat(StatutoryHolidays.forYear(2024, SAT_SUN))
                .filteredOn(d -> d.date().getMonthValue() == 2)
                .extracting(CalendarDay::date, CalendarDay::kind)
                .containsExactly(
                        tuple(LocalDate.parse("2024-02-09"), DayKind.HOLIDAY),
                        tuple(LocalDate.parse("2024-02-10"), DayKind.HOLIDAY),
                        tuple(LocalDate.parse("2024-02-11"), DayKind.HOLIDAY),
                        tuple(LocalDate.parse("2024-02-12"), DayKind.HOLIDAY),
                        tuple(LocalDate.parse("2024-02-13"), DayKind.HOLIDAY),
                        tuple(LocalDate.parse("2024-02-14"), DayKind.COMPENSATORY_DAY_OFF),
                        tuple(LocalDate.parse("2024-02-15"), DayKind.COMPENSATORY_DAY_OFF));
    }

    @Test
    void tet_eve_is_the_29th_when_the_twelfth_lunar_month_is_short() {
        assertThat(StatutoryHolidays.forYear(2025, SAT_SUN))
                .filteredOn(d -> StatutoryHolidays.TET_EVE.equals(d.name()))
                .extracting(CalendarDay::date)
                .containsExactly(LocalDate.parse("2025-01-28"));
        assertThat(LunarCalendar.toLunar(LocalDate.parse("2025-01-28")))
                .isEqualTo(LunarDate.of(29, 12, 2024));
    }

    @Test
    void a_holiday_on_a_weekend_stays_a_holiday_in_the_list() {
        assertThat(StatutoryHolidays.forYear(2022, SAT_SUN))
                .contains(holiday("2022-01-01", "holiday.new-year"), compensatory("2022-01-03"));
    }

    @Test
    void new_year_on_sunday_gives_monday_off() {
        assertThat(StatutoryHolidays.forYear(2023, SAT_SUN))
                .startsWith(holiday("2023-01-01", "holiday.new-year"), compensatory("2023-01-02"));
    }

    @Test
    void a_compensatory_day_crossing_new_year_belongs_to_the_year_it_lands_in() {
        // No Art. 112 holiday is in late December today; a holiday added later (or by notice) could
        // be.
        List<CalendarDay> holidays =
                List.of(
                        holiday("2022-12-31", "holiday.extra"), // a Saturday
                        holiday("2023-01-01", "holiday.new-year")); // a Sunday
        assertThat(StatutoryHolidays.withCompensatoryDays(2023, holidays, SAT_SUN))
                .containsExactly(
                        holiday("2023-01-01", "holiday.new-year"),
                        compensatory("2023-01-02"), // for 31 Dec 2022
                        compensatory("2023-01-03")); // for 1 Jan 2023
        assertThat(StatutoryHolidays.withCompensatoryDays(2022, holidays, SAT_SUN))
                .containsExactly(holiday("2022-12-31", "holiday.extra"));
    }

    @Test
    void two_holidays_on_one_date_yield_a_compensatory_day() {
        // Lunar 10/3 fell on 30 April in 1947 (a Wednesday).
        assertThat(StatutoryHolidays.forYear(1947, SAT_SUN))
                .filteredOn(d -> d.date().getMonthValue() == 4 || d.date().getMonthValue() == 5)
                .extracting(CalendarDay::date, CalendarDay::kind)
                .containsExactly(
                        tuple(LocalDate.parse("1947-04-30"), DayKind.HOLIDAY),
                        tuple(LocalDate.parse("1947-05-01"), DayKind.HOLIDAY),
                        tuple(LocalDate.parse("1947-05-02"), DayKind.COMPENSATORY_DAY_OFF));
    }

    @Test
    void every_year_has_eleven_holidays_sorted_and_none_working() {
        for (int year = 1900; year <= 2100; year++) {
            List<CalendarDay> days = StatutoryHolidays.forYear(year, SAT_SUN);
            assertThat(days).extracting(CalendarDay::date).isSorted().doesNotHaveDuplicates();
            assertThat(days).noneMatch(CalendarDay::working);
            int y = year;
            assertThat(days).allMatch(d -> d.date().getYear() == y);
            assertThat(days).filteredOn(d -> d.kind() == DayKind.HOLIDAY).hasSizeBetween(10, 11);
            assertThat(days)
                    .filteredOn(d -> d.kind() == DayKind.COMPENSATORY_DAY_OFF)
                    .allMatch(d -> !SAT_SUN.contains(d.date().getDayOfWeek()));
        }
    }

    @Test
    void another_weekly_rest_day_moves_the_compensatory_days() {
        // An office resting on Sunday only: 2026 Hùng Kings' day (Sunday) → Monday 27/4 off.
        Set<DayOfWeek> sundayOnly = EnumSet.of(DayOfWeek.SUNDAY);
        assertThat(StatutoryHolidays.forYear(2026, sundayOnly))
                .filteredOn(d -> d.kind() == DayKind.COMPENSATORY_DAY_OFF)
                .extracting(CalendarDay::date)
                .containsExactly(LocalDate.parse("2026-04-27"));
    }

    @Test
    void a_week_without_working_days_or_an_unsupported_year_is_rejected() {
        assertThatThrownBy(() -> StatutoryHolidays.forYear(2026, EnumSet.allOf(DayOfWeek.class)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatutoryHolidays.forYear(1800, SAT_SUN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatutoryHolidays.forYear(2200, SAT_SUN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
