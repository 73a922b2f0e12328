package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7.
 *
 * <p>Why compute it ourselves: Tết and Hùng Kings' day (10/3 lunar) are public holidays under
 * Labour Code 2019 Art. 112(1)(b) and (e), so every working-day deadline depends on the lunar
 * calendar. Vietnam reckons it for UTC+7 (meridian 105°E; the North from 1967, which is why Tết Mậu
 * Thân fell on 29 January 1968 there and on 30 January in China), while China uses UTC+8. When a
 * new moon falls between 16:00 and 17:00 UTC the two calendars start the month on different days,
 * and occasionally the leap month moves: Tết 1985 was 21 Jan in Vietnam and 20 Feb in China
 * (Vietnam had no leap month in 1984 but a leap second month in 1985; China a leap tenth month in
 * 1984); Tết 2007 17 Feb vs 18 Feb; Tết 2030 2 Feb vs 3 Feb. Implementations of the Chinese
 * calendar (ICU's {@code ChineseCalendar}) therefore give wrong Vietnamese dates.
 *
 * <p>The method is Hồ Ngọc Đức's well-known algorithm:
 *
 * <ul>
 *   <li>a month starts on the local (UTC+7) day that contains the astronomical new moon, computed
 *       with Jean Meeus' truncated series (lunation 0 = the new moon of 1 January 1900);
 *   <li>month 11 is the month that contains the winter solstice (sun longitude 270°);
 *   <li>if there are 13 new moons between two consecutive month-11 starts, the first month after
 *       month 11 that contains no major solar term (trung khí, a multiple of 30° of sun longitude)
 *       is the leap month and repeats the number of the month before it. Whether a month contains a
 *       major term is judged from the sun's 30° sector at local midnight of its first day and of
 *       the next month's first day, as in the published algorithm.
 * </ul>
 *
 * <p>Results are cached per solstice-to-solstice period (one array of month starts each), computed
 * lazily and published through an {@link AtomicReferenceArray}; a race only computes the same
 * immutable period twice. After warm-up {@link #toLunar(LocalDate)} is a handful of array reads.
 *
 * <p>Supported range: solar years {@value #MIN_YEAR}..{@value #MAX_YEAR}; outside it the truncated
 * astronomical series drift and every method throws {@link IllegalArgumentException}. The range
 * 1900..2100 is checked by tests against published Vietnamese dates.
 */
public final class LunarCalendar {

    /** First supported solar year. */
    static final int MIN_YEAR = 1800;

    /** Last supported solar year. */
    static final int MAX_YEAR = 2199;

    /** Vietnam's legal time, UTC+7, in days. */
    private static final double TIME_ZONE_DAYS = 7.0 / 24.0;

    /** Julian day number of 1970-01-01 ({@link LocalDate#toEpochDay()} origin). */
    private static final long JDN_OF_EPOCH_DAY_0 = 2_440_588L;

    /** Julian date of the new moon of 1900-01-01 13:52 UT (lunation index 0 below). */
    private static final double NEW_MOON_0 = 2_415_021.076998695;

    private static final double SYNODIC_MONTH = 29.530588853;

    private static final double DEG = Math.PI / 180.0;

    /**
     * Period {@code y} runs from the start of month 11 of lunar year {@code y - 1} (in solar year
     * {@code y - 1}) to the start of month 11 of lunar year {@code y}; index {@code y - MIN_YEAR}.
     * Periods MIN_YEAR..MAX_YEAR + 1 cover every day of the supported solar years.
     */
    private static final AtomicReferenceArray<Period> PERIODS =
            new AtomicReferenceArray<>(MAX_YEAR + 2 - MIN_YEAR);

    private LunarCalendar() {}

    /**
     * Converts a solar (Gregorian) date to the Vietnamese lunar date.
     *
     * @throws IllegalArgumentException if the year is outside 1800..2199
     */
    public static LunarDate toLunar(LocalDate solar) {
        int year = solar.getYear();
        checkSolarYear(year);
        int jdn = (int) (solar.toEpochDay() + JDN_OF_EPOCH_DAY_0);
        Period period = period(year);
        if (jdn >= period.end()) {
            period = period(year + 1);
        }
        int i = period.indexOf(jdn);
        return new LunarDate(
                jdn - period.starts[i] + 1, period.month(i), period.lunarYear(i), i == period.leap);
    }

    /**
     * Converts a lunar date to the solar (Gregorian) date.
     *
     * @throws IllegalArgumentException if the date does not exist (day 30 of a 29-day month, a leap
     *     month the year does not have) or lies outside the supported solar years
     */
    public static LocalDate toSolar(LunarDate lunar) {
        Period period = periodHolding(lunar.year(), lunar.month());
        int i = period.indexOf(lunar.month(), lunar.leapMonth());
        if (i < 0) {
            throw new IllegalArgumentException(
                    "lunar year "
                            + lunar.year()
                            + " has no leap month "
                            + lunar.month()
                            + ": "
                            + lunar);
        }
        int length = period.starts[i + 1] - period.starts[i];
        if (lunar.day() > length) {
            throw new IllegalArgumentException(
                    "lunar month has only " + length + " days: " + lunar);
        }
        LocalDate solar =
                LocalDate.ofEpochDay(period.starts[i] + lunar.day() - 1 - JDN_OF_EPOCH_DAY_0);
        checkSolarYear(solar.getYear());
        return solar;
    }

    /**
     * The leap month of a lunar year: the number of the month that is repeated, or 0 if the year
     * has 12 months.
     *
     * @throws IllegalArgumentException if the lunar year is outside 1800..2199
     */
    public static int leapMonthOf(int lunarYear) {
        checkSolarYear(lunarYear);
        // Months 1..10 (and a leap 10) of lunar year y lie in period y; 11, 12 and their leaps in
        // y+1.
        for (Period period : new Period[] {period(lunarYear), period(lunarYear + 1)}) {
            if (period.leap >= 0 && period.lunarYear(period.leap) == lunarYear) {
                return period.month(period.leap);
            }
        }
        return 0;
    }

    /**
     * Number of days (29 or 30) of a lunar month.
     *
     * @throws IllegalArgumentException if the month does not exist or is out of range
     */
    public static int lengthOfMonth(int lunarYear, int month, boolean leapMonth) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month must be 1..12: " + month);
        }
        Period period = periodHolding(lunarYear, month);
        int i = period.indexOf(month, leapMonth);
        if (i < 0) {
            throw new IllegalArgumentException(
                    "lunar year " + lunarYear + " has no leap month " + month);
        }
        return period.starts[i + 1] - period.starts[i];
    }

    private static Period periodHolding(int lunarYear, int month) {
        // Lunar year 1799's months 11 and 12 fall in solar 1799/1800; the final year check in
        // toSolar rejects the part before 1800.
        int y = month >= 11 ? lunarYear + 1 : lunarYear;
        if (y < MIN_YEAR || y > MAX_YEAR + 1) {
            throw new IllegalArgumentException(
                    "lunar year out of supported range "
                            + (MIN_YEAR - 1)
                            + ".."
                            + MAX_YEAR
                            + ": "
                            + lunarYear);
        }
        return period(y);
    }

    private static void checkSolarYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "year out of supported range " + MIN_YEAR + ".." + MAX_YEAR + ": " + year);
        }
    }

    private static Period period(int y) {
        int index = y - MIN_YEAR;
        Period period = PERIODS.get(index);
        if (period == null) {
            period = Period.compute(y);
            PERIODS.compareAndSet(index, null, period);
        }
        return period;
    }

    // ---- astronomy (Hồ Ngọc Đức's formulation of Meeus) ----

    /** Julian date (TT) of the new moon with lunation index {@code k} (k = 0: 1900-01-01). */
    static double newMoon(int k) {
        double t = k / 1236.85; // Julian centuries from 1900-01-01 12:00
        double t2 = t * t;
        double t3 = t2 * t;
        double jd1 =
                2_415_020.75933
                        + 29.53058868 * k
                        + 0.0001178 * t2
                        - 0.000000155 * t3
                        + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
        // Sun's mean anomaly, moon's mean anomaly, moon's argument of latitude (degrees).
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 =
                (0.1734 - 0.000393 * t) * Math.sin(m * DEG)
                        + 0.0021 * Math.sin(2 * DEG * m)
                        - 0.4068 * Math.sin(mpr * DEG)
                        + 0.0161 * Math.sin(DEG * 2 * mpr)
                        - 0.0004 * Math.sin(DEG * 3 * mpr)
                        + 0.0104 * Math.sin(DEG * 2 * f)
                        - 0.0051 * Math.sin(DEG * (m + mpr))
                        - 0.0074 * Math.sin(DEG * (m - mpr))
                        + 0.0004 * Math.sin(DEG * (2 * f + m))
                        - 0.0004 * Math.sin(DEG * (2 * f - m))
                        - 0.0006 * Math.sin(DEG * (2 * f + mpr))
                        + 0.0010 * Math.sin(DEG * (2 * f - mpr))
                        + 0.0005 * Math.sin(DEG * (2 * mpr + m));
        double deltaT;
        if (t < -11) {
            deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltaT;
    }

    /** Julian day number of the local (UTC+7) day that contains new moon {@code k}. */
    static int newMoonDay(int k) {
        return (int) Math.floor(newMoon(k) + 0.5 + TIME_ZONE_DAYS);
    }

    /** Apparent sun longitude in radians, 0..2π, at Julian date {@code jd}. */
    static double sunLongitude(double jd) {
        double t = (jd - 2_451_545.0) / 36525; // Julian centuries from J2000.0
        double t2 = t * t;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double dl =
                (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m)
                        + (0.019993 - 0.000101 * t) * Math.sin(DEG * 2 * m)
                        + 0.000290 * Math.sin(DEG * 3 * m);
        double l = (l0 + dl) * DEG;
        return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
    }

    /**
     * Index 0..11 of the 30° sector of sun longitude at the start (local midnight) of the day
     * {@code jdn}: sector 9 starts at the winter solstice, each sector boundary is a major term.
     */
    static int sunSector(int jdn) {
        return (int) Math.floor(sunLongitude(jdn - 0.5 - TIME_ZONE_DAYS) / Math.PI * 6);
    }

    /** Lunation index of the start of month 11 of lunar year {@code y} (contains the solstice). */
    static int month11Lunation(int y) {
        int dec31 = (int) (LocalDate.of(y, 12, 31).toEpochDay() + JDN_OF_EPOCH_DAY_0);
        int k = (int) Math.floor((dec31 - 2_415_021) / SYNODIC_MONTH);
        // If that month starts after the solstice (sector 9 or later), the solstice is in the
        // month before.
        return sunSector(newMoonDay(k)) >= 9 ? k - 1 : k;
    }

    /**
     * One solstice-to-solstice period: 12 or 13 months from month 11 of lunar year y-1 up to
     * (excluding) month 11 of lunar year y.
     */
    private static final class Period {

        final int year;

        /** JDN of the first day of each month, plus the next period's month 11 as sentinel. */
        final int[] starts;

        /** Index of the leap month, or -1. */
        final int leap;

        private Period(int year, int[] starts, int leap) {
            this.year = year;
            this.starts = starts;
            this.leap = leap;
        }

        static Period compute(int y) {
            int first = month11Lunation(y - 1);
            int months = month11Lunation(y) - first;
            int[] starts = new int[months + 1];
            for (int i = 0; i <= months; i++) {
                starts[i] = newMoonDay(first + i);
            }
            int leap = -1;
            if (months == 13) {
                // The first month after month 11 without a major term: its start and the next
                // month's start lie in the same 30° sector.
                for (int i = 1; i < months && leap < 0; i++) {
                    if (sunSector(starts[i]) == sunSector(starts[i + 1])) {
                        leap = i;
                    }
                }
                if (leap < 0) {
                    throw new IllegalStateException("no month without major term in " + y);
                }
            }
            return new Period(y, starts, leap);
        }

        int end() {
            return starts[starts.length - 1];
        }

        /** Index of the month containing {@code jdn}, which must lie in this period. */
        int indexOf(int jdn) {
            int i = Math.min((jdn - starts[0]) / 30, starts.length - 2);
            while (starts[i] > jdn) {
                i--;
            }
            while (starts[i + 1] <= jdn) {
                i++;
            }
            return i;
        }

        /** Index of the month with that number and leap flag, or -1. */
        int indexOf(int month, boolean leapMonth) {
            for (int i = 0; i < starts.length - 1; i++) {
                if (month(i) == month && (i == leap) == leapMonth) {
                    return i;
                }
            }
            return -1;
        }

        /** Month position ignoring the leap month: 0 = month 11, 1 = month 12, 2 = month 1... */
        private int ordinal(int i) {
            return leap >= 0 && i >= leap ? i - 1 : i;
        }

        int month(int i) {
            return (ordinal(i) + 10) % 12 + 1;
        }

        int lunarYear(int i) {
            return ordinal(i) < 2 ? year - 1 : year;
        }
    }
}
