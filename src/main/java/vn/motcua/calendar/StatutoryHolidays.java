package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The default public holidays of a solar year under Labour Code 2019 (Law 45/2019/QH14), used to
 * pre-fill the per-year working calendar that administrators then correct from the official notice.
 *
 * <p>Art. 112(1) grants these paid days off:
 *
 * <ul>
 *   <li>(a) New Year: 1 January — key {@value #NEW_YEAR};
 *   <li>(b) Tết (lunar new year): 5 days. Art. 112(3) leaves the Prime Minister to fix which days
 *       each year; the usual pattern, used here as the default, is the last day of the lunar year
 *       (key {@value #TET_EVE}, which is the 29th when the twelfth month is short) and lunar 1/1 to
 *       1/4 (key {@value #TET});
 *   <li>(c) Victory (Reunification) Day: 30 April — key {@value #REUNIFICATION};
 *   <li>(d) International Labour Day: 1 May — key {@value #LABOUR};
 *   <li>(đ) National Day: 2 September (key {@value #NATIONAL}) and one day immediately before or
 *       after (key {@value #NATIONAL_ADJACENT}), also fixed by the Prime Minister each year. The
 *       default picks the neighbour that is not a weekly rest day; if both are weekdays, the one
 *       that touches the weekend so the break is one block; otherwise 1 September. With a Saturday
 *       and Sunday weekend: 2021 (2 Sep a Thursday) → 3 Sep; 2022 (Friday) → 1 Sep; 2023 (Saturday)
 *       → 1 Sep; 2024 (Monday) → 3 Sep; 2025 (Tuesday) → 1 Sep — as the notices did;
 *   <li>(e) Hùng Kings' Commemoration Day: lunar 10/3 — key {@value #HUNG_KINGS}.
 * </ul>
 *
 * <p>Art. 111(3) (the compensatory rule sits in the article on weekly rest, although it is often
 * quoted with Art. 112): when a weekly rest day coincides with one of these holidays, the worker
 * gets the next working day off instead — a {@link DayKind#COMPENSATORY_DAY_OFF} (key {@value
 * #COMPENSATORY}). The next working day is the first later day that is neither a weekly rest day,
 * nor a holiday, nor an already given compensatory day, so that several holidays in one weekend
 * (Tết across a Saturday and Sunday, 29/4 Hùng Kings' day on a Saturday followed by 30/4 on a
 * Sunday as in 2023) give a chain of days after the whole break. A compensatory day may cross the
 * year boundary, so {@link #forYear} also returns those that belong to holidays of the previous
 * year and leaves out those that land in the next year.
 *
 * <p>Two holidays on the same date (lunar 10/3 fell on 30 April in 1803 and 1947) are not covered
 * by the Code; since Art. 112 grants a number of days, the second one is treated like a holiday on
 * a rest day and also yields a compensatory day. An assumption, rarely relevant.
 *
 * <p>Holidays on a weekly rest day are listed with kind {@link DayKind#HOLIDAY} (not working).
 * Swapped working days (làm bù) and extra days decided in the yearly notices, and holidays added by
 * later law, are data the administrators enter; this class only supplies the statutory defaults.
 * These defaults matter because procedure time limits under the one-stop mechanism (Decree
 * 118/2025/NĐ-CP) run in working days: a missing holiday makes every due date wrong.
 */
public final class StatutoryHolidays {

    /** Message key of 1 January, Tết Dương lịch. */
    public static final String NEW_YEAR = "holiday.new-year";

    /** Message key of the last day of the lunar year, Giao thừa / ngày cuối năm âm lịch. */
    public static final String TET_EVE = "holiday.tet-eve";

    /** Message key of lunar 1/1..1/4, Tết Nguyên đán. */
    public static final String TET = "holiday.tet";

    /** Message key of lunar 10/3, Giỗ Tổ Hùng Vương. */
    public static final String HUNG_KINGS = "holiday.hung-kings";

    /** Message key of 30 April, Ngày Chiến thắng (Giải phóng miền Nam, thống nhất đất nước). */
    public static final String REUNIFICATION = "holiday.reunification";

    /** Message key of 1 May, Ngày Quốc tế Lao động. */
    public static final String LABOUR = "holiday.labour";

    /** Message key of 2 September, Quốc khánh. */
    public static final String NATIONAL = "holiday.national";

    /** Message key of the day next to 2 September given with it. */
    public static final String NATIONAL_ADJACENT = "holiday.national-adjacent";

    /** Message key of a compensatory day off (nghỉ bù). */
    public static final String COMPENSATORY = "holiday.compensatory";

    /** Tết is the eve plus lunar 1/1 .. 1/TET_DAYS_FROM_NEW_YEAR. */
    private static final int TET_DAYS_FROM_NEW_YEAR = 4;

    private StatutoryHolidays() {}

    /**
     * The non-ordinary days of a solar year: statutory holidays and the compensatory days off
     * falling in that year, sorted by date.
     *
     * @param year solar year, {@value LunarCalendar#MIN_YEAR} + 1 .. {@value
     *     LunarCalendar#MAX_YEAR}
     * @param weekend the weekly rest days, at most six
     * @throws IllegalArgumentException if the year is out of range or the week has no working day
     */
    public static List<CalendarDay> forYear(int year, Set<DayOfWeek> weekend) {
        Objects.requireNonNull(weekend, "weekend");
        if (weekend.size() >= 7) {
            throw new IllegalArgumentException("a week needs at least one working day");
        }
        if (year <= LunarCalendar.MIN_YEAR || year > LunarCalendar.MAX_YEAR) {
            throw new IllegalArgumentException(
                    "year out of supported range "
                            + (LunarCalendar.MIN_YEAR + 1)
                            + ".."
                            + LunarCalendar.MAX_YEAR
                            + ": "
                            + year);
        }
        List<CalendarDay> holidays = new ArrayList<>(holidaysOf(year - 1, weekend));
        holidays.addAll(holidaysOf(year, weekend));
        return withCompensatoryDays(year, holidays, weekend);
    }

    /**
     * The holidays of {@code year} plus the Art. 111(3) compensatory days that fall in it.
     *
     * @param holidays the holidays of {@code year} and of the year before (whose compensatory days
     *     may spill over into January), any order
     */
    static List<CalendarDay> withCompensatoryDays(
            int year, List<CalendarDay> holidays, Set<DayOfWeek> weekend) {
        TreeMap<LocalDate, CalendarDay> days = new TreeMap<>();
        List<LocalDate> displaced = new ArrayList<>();
        for (CalendarDay holiday : holidays) {
            if (days.putIfAbsent(holiday.date(), holiday) != null
                    || weekend.contains(holiday.date().getDayOfWeek())) {
                displaced.add(holiday.date());
            }
        }
        // Chronological order makes chains come out right: each displaced holiday takes the first
        // free working day after it, after the ones displaced before it.
        displaced.sort(null);
        for (LocalDate date : displaced) {
            LocalDate off = date.plusDays(1);
            while (weekend.contains(off.getDayOfWeek()) || days.containsKey(off)) {
                off = off.plusDays(1);
            }
            days.put(off, new CalendarDay(off, false, DayKind.COMPENSATORY_DAY_OFF, COMPENSATORY));
        }
        List<CalendarDay> result = new ArrayList<>();
        for (Map.Entry<LocalDate, CalendarDay> e : days.entrySet()) {
            if (e.getKey().getYear() == year) {
                result.add(e.getValue());
            }
        }
        return List.copyOf(result);
    }

    /** The Art. 112(1) holidays whose dates fall in solar year {@code year}, in date order. */
    static List<CalendarDay> holidaysOf(int year, Set<DayOfWeek> weekend) {
        List<CalendarDay> list = new ArrayList<>();
        list.add(holiday(LocalDate.of(year, Month.JANUARY, 1), NEW_YEAR));
        // Lunar new year y always begins between 21 Jan and 20 Feb of solar year y, so all five
        // Tết days of lunar year y (and none of another) fall in solar year y.
        LocalDate tet = LunarCalendar.toSolar(LunarDate.of(1, 1, year));
        list.add(holiday(tet.minusDays(1), TET_EVE));
        for (int i = 0; i < TET_DAYS_FROM_NEW_YEAR; i++) {
            list.add(holiday(tet.plusDays(i), TET));
        }
        list.add(holiday(LunarCalendar.toSolar(LunarDate.of(10, 3, year)), HUNG_KINGS));
        list.add(holiday(LocalDate.of(year, Month.APRIL, 30), REUNIFICATION));
        list.add(holiday(LocalDate.of(year, Month.MAY, 1), LABOUR));
        LocalDate national = LocalDate.of(year, Month.SEPTEMBER, 2);
        list.add(holiday(national, NATIONAL));
        list.add(holiday(nationalDayNeighbour(national, weekend), NATIONAL_ADJACENT));
        list.sort((a, b) -> a.date().compareTo(b.date()));
        return list;
    }

    /**
     * The day given with National Day (Art. 112(1)(đ)): the neighbour that is a working weekday; of
     * two, the one adjoining the weekend; else the day before.
     */
    static LocalDate nationalDayNeighbour(LocalDate nationalDay, Set<DayOfWeek> weekend) {
        LocalDate before = nationalDay.minusDays(1);
        LocalDate after = nationalDay.plusDays(1);
        boolean beforeFree = !weekend.contains(before.getDayOfWeek());
        boolean afterFree = !weekend.contains(after.getDayOfWeek());
        if (beforeFree != afterFree) {
            return beforeFree ? before : after;
        }
        if (beforeFree) {
            boolean beforeJoins = weekend.contains(before.minusDays(1).getDayOfWeek());
            boolean afterJoins = weekend.contains(after.plusDays(1).getDayOfWeek());
            if (afterJoins && !beforeJoins) {
                return after;
            }
        }
        return before;
    }

    private static CalendarDay holiday(LocalDate date, String key) {
        return new CalendarDay(date, false, DayKind.HOLIDAY, key);
    }
}
