package vn.motcua.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One date of the working calendar.
 *
 * <p>{@code name} is a message key, not display text, so that the application can show it in
 * Vietnamese or English from its message bundles: statutory days use the {@code holiday.*} keys of
 * {@link StatutoryHolidays}; days entered by administrators may carry their own key or text. It may
 * be null for {@link DayKind#WORKDAY} and {@link DayKind#WEEKEND}.
 *
 * @param date the date
 * @param working whether the office works that day, i.e. whether it counts towards time limits
 * @param kind why the day is (not) working
 * @param name message key of the occasion, or null
 */
public record CalendarDay(LocalDate date, boolean working, DayKind kind, String name) {

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
    }
}
