package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Working calendars built the way the application builds them: statutory defaults + overrides. */
final class CalendarFixtures {

    static final Set<DayOfWeek> SAT_SUN = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    private CalendarFixtures() {}

    /**
     * Mon–Fri working, Art. 112 holidays and Art. 111(3) compensatory days off, years inclusive.
     */
    static WorkingDays statutory(int firstYear, int lastYear) {
        return statutory(firstYear, lastYear, Map.of());
    }

    /** As {@link #statutory(int, int)}, with some dates forced working (true) or off (false). */
    static WorkingDays statutory(int firstYear, int lastYear, Map<LocalDate, Boolean> overrides) {
        Map<LocalDate, Boolean> working = new HashMap<>();
        for (int year = firstYear; year <= lastYear; year++) {
            for (CalendarDay day : StatutoryHolidays.forYear(year, SAT_SUN)) {
                working.put(day.date(), day.working());
            }
        }
        working.putAll(overrides);
        return WorkingDays.of(
                LocalDate.of(firstYear, 1, 1),
                LocalDate.of(lastYear, 12, 31),
                date -> working.getOrDefault(date, !SAT_SUN.contains(date.getDayOfWeek())));
    }

    static WorkingTimeCalculator standardCalculator(int firstYear, int lastYear) {
        return new WorkingTimeCalculator(statutory(firstYear, lastYear), OfficeHours.standard());
    }
}
