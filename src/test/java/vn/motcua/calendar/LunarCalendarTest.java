package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
        "1968, 1968-01-29", // Tết Mậu Thân; China: 1968-01-30
        "1985, 1985-01-21", // China: 1985-02-20, a whole month later
        "2007, 2007-02-17", // China: 2007-02-18
        "2024, 2024-02-10",
        "2025, 2025-01-29",
        "2026, 2026-02-17",
        "2027, 2027-02-06", // ICU's Chinese calendar: 2027-02-07
        "2030, 2030-02-02", // China: 2030-02-03
    })
    void tet_falls_on_the_published_vietnamese_date(int year, LocalDate tet) {
        assertThat(LunarCalendar.toSolar(LunarDate.of(1, 1, year))).isEqualTo(tet);
        assertThat(LunarCalendar.toLunar(tet)).isEqualTo(LunarDate.of(1, 1, year));
        assertThat(LunarCalendar.toLunar(tet.minusDays(1)).year()).isEqualTo(year - 1);
    }

    @Test
    void the_calendar_is_reckoned_for_utc_plus_7_not_utc_plus_8() {
        // China's dates for the same Tết: the new moons fell between 16:00 and 17:00 UTC.
        assertThat(LunarCalendar.toLunar(LocalDate.of(2007, 2, 18)))
                .isEqualTo(LunarDate.of(2, 1, 2007));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2030, 2, 3)))
                .isEqualTo(LunarDate.of(2, 1, 2030));
        assertThat(LunarCalendar.toLunar(LocalDate.of(1968, 1, 30)))
                .isEqualTo(LunarDate.of(2, 1, 1968));
        assertThat(LunarCalendar.toLunar(LocalDate.of(1985, 2, 20)).month()).isEqualTo(2);
    }

    @ParameterizedTest(name = "lunar year {0} repeats month {1}")
    @CsvSource({
        "1968, 7",
        "1984, 0", // China: leap 10 in 1984; Vietnam: none, hence Tết 1985 a month earlier
        "1985, 2", // Vietnam's leap month of 1985 (Ất Sửu), absent in China
        "2020, 4",
        "2023, 2",
        "2024, 0",
        "2025, 6",
        "2026, 0",
        "2028, 5",
        "2033, 11", // the "2033 problem": leap 11
    })
    void leap_months_are_vietnams(int year, int leapMonth) {
        assertThat(LunarCalendar.leapMonthOf(year)).isEqualTo(leapMonth);
    }

    @Test
    void a_leap_month_follows_the_month_it_repeats() {
        assertThat(LunarCalendar.toSolar(new LunarDate(1, 6, 2025, true))).isEqualTo("2025-07-25");
        assertThat(LunarCalendar.toSolar(new LunarDate(1, 2, 2023, true))).isEqualTo("2023-03-22");
        assertThat(LunarCalendar.toSolar(new LunarDate(1, 11, 2033, true))).isEqualTo("2033-12-22");
        assertThat(LunarCalendar.toLunar(LocalDate.of(2025, 7, 24)))
                .isEqualTo(LunarDate.of(30, 6, 2025));
        assertThat(LunarCalendar.toLunar(LocalDate.of(2034, 1, 1)))
                .isEqualTo(new LunarDate(11, 11, 2033, true));
    }

    @ParameterizedTest(name = "Hùng Kings'' day {0} is {1}")
    @CsvSource({"2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26", "2023, 2023-04-29"})
    void hung_kings_day_is_the_tenth_of_the_third_lunar_month(int year, LocalDate date) {
        assertThat(LunarCalendar.toSolar(LunarDate.of(10, 3, year))).isEqualTo(date);
    }

    @Test
    void mid_autumn_2026_is_25_september() {
        assertThat(LunarCalendar.toSolar(LunarDate.of(15, 8, 2026))).isEqualTo("2026-09-25");
    }

    @Test
    void new_years_eve_fell_on_the_29th_from_tet_2025_to_tet_2032() {
        for (int year = 2024; year <= 2031; year++) {
            assertThat(LunarCalendar.lengthOfMonth(year, 12, false))
                    .as("12/%d", year)
                    .isEqualTo(29);
        }
        assertThat(LunarCalendar.lengthOfMonth(2023, 12, false)).isEqualTo(30);
        assertThat(LunarCalendar.lengthOfMonth(2032, 12, false)).isEqualTo(30);
    }

    @Test
    void a_day_that_does_not_exist_is_rejected() {
        assertThatThrownBy(() -> LunarCalendar.toSolar(LunarDate.of(30, 12, 2025)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("29 days");
        assertThatThrownBy(() -> LunarCalendar.toSolar(new LunarDate(1, 5, 2026, true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no leap month 5");
        assertThatThrownBy(() -> LunarDate.of(31, 1, 2026))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarDate.of(1, 13, 2026))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dates_outside_1800_to_2199_are_rejected() {
        assertThat(LunarCalendar.toLunar(LocalDate.of(1800, 1, 1))).isNotNull();
        assertThat(LunarCalendar.toLunar(LocalDate.of(2199, 12, 31))).isNotNull();
        assertThatThrownBy(() -> LunarCalendar.toLunar(LocalDate.of(1799, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarCalendar.toLunar(LocalDate.of(2200, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarCalendar.toSolar(LunarDate.of(1, 1, 2200)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarCalendar.toSolar(LunarDate.of(1, 11, 1799)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LunarCalendar.leapMonthOf(1799))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_day_from_1900_to_2100_round_trips_and_advances_the_lunar_day_by_one() {
        LocalDate day = LocalDate.of(1900, 1, 1);
        LunarDate previous = LunarCalendar.toLunar(day.minusDays(1));
        int monthsInYear = -1; // unknown until the first lunar new year
        boolean leapSeen = false;
        while (day.getYear() <= 2100) {
            LunarDate lunar = LunarCalendar.toLunar(day);
            assertThat(LunarCalendar.toSolar(lunar)).as("%s -> %s", day, lunar).isEqualTo(day);
            if (lunar.day() == 1) {
                assertThat(previous.day()).as("length of month before %s", day).isBetween(29, 30);
                assertThat(
                                LunarCalendar.lengthOfMonth(
                                        previous.year(), previous.month(), previous.leapMonth()))
                        .isEqualTo(previous.day());
                if (lunar.leapMonth()) {
                    assertThat(lunar.month()).isEqualTo(previous.month());
                    assertThat(lunar.year()).isEqualTo(previous.year());
                    assertThat(LunarCalendar.leapMonthOf(lunar.year())).isEqualTo(lunar.month());
                    leapSeen = true;
                } else if (lunar.month() == 1) {
                    assertThat(previous.month()).isEqualTo(12);
                    assertThat(lunar.year()).isEqualTo(previous.year() + 1);
                    if (monthsInYear >= 0) {
                        assertThat(monthsInYear)
                                .as("months of %d", previous.year())
                                .isEqualTo(leapSeen ? 13 : 12);
                    }
                    monthsInYear = 0;
                    leapSeen = false;
                } else {
                    assertThat(lunar.month()).isEqualTo(previous.month() + 1);
                    assertThat(lunar.year()).isEqualTo(previous.year());
                }
                if (monthsInYear >= 0) {
                    monthsInYear++;
                }
            } else {
                assertThat(lunar)
                        .isEqualTo(
                                new LunarDate(
                                        previous.day() + 1,
                                        previous.month(),
                                        previous.year(),
                                        previous.leapMonth()));
            }
            previous = lunar;
            day = day.plusDays(1);
        }
    }

    @Test
    void to_solar_inverts_to_lunar_on_every_day_from_1800_to_2199() {
        for (LocalDate day = LocalDate.of(1800, 1, 1); !day.isAfter(LocalDate.of(2199, 12, 31)); day = day.plusDays(1)) {
            assertThat(LunarCalendar.toSolar(LunarCalendar.toLunar(day))).as("%s", day).isEqualTo(day);
        }
    }

    @Test
    void the_lunar_year_begins_between_21_january_and_20_february() {
        for (int year = 1800; year <= 2199; year++) {
            LocalDate tet = LunarCalendar.toSolar(LunarDate.of(1, 1, year));
            assertThat(tet).as("Tết %d", year).isBetween(LocalDate.of(year, 1, 21), LocalDate.of(year, 2, 20));
        }
    }
}
