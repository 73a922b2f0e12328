package vn.motcua.calendar;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch).
 *
 * <p>{@code year} is the lunar year as numbered by the solar year in which its first month begins:
 * Tết 2026 (lunar 1/1/2026) is 2026-02-17, and the last month of lunar year 2025 ends on
 * 2026-02-16. {@code leapMonth} marks the intercalary month (tháng nhuận), which repeats the number
 * of the month before it.
 *
 * <p>The record only checks the ranges every lunar date must satisfy; whether a date actually
 * exists (day 30 of a 29-day month, a leap month that year does not have) is known only to {@link
 * LunarCalendar#toSolar(LunarDate)}.
 *
 * @param day day of the lunar month, 1..30
 * @param month lunar month number, 1..12
 * @param year lunar year
 * @param leapMonth whether this is the leap (intercalary) month carrying {@code month}'s number
 */
public record LunarDate(int day, int month, int year, boolean leapMonth) {

    public LunarDate {
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("lunar day must be 1..30: " + day);
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month must be 1..12: " + month);
        }
    }

    /** A date in an ordinary (non-leap) month. */
    public static LunarDate of(int day, int month, int year) {
        return new LunarDate(day, month, year, false);
    }

    @Override
    public String toString() {
        return day + "/" + month + (leapMonth ? "L" : "") + "/" + year;
    }
}
