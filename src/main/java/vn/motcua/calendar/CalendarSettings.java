package vn.motcua.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.calendar.*}: office sessions (default 08:00–12:00 and 13:30–17:30), weekend days, and how
 * often a node re-reads overrides made on other nodes.
 */
@ConfigurationProperties("motcua.calendar")
record CalendarSettings(String sessions, Set<DayOfWeek> weekend, Duration refreshInterval) {

    CalendarSettings {
        sessions = sessions == null || sessions.isBlank() ? "08:00-12:00,13:30-17:30" : sessions;
        weekend = weekend == null || weekend.isEmpty()
                ? EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : EnumSet.copyOf(weekend);
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(60) : refreshInterval;
    }

    OfficeHours officeHours() {
        List<OfficeSession> list = new ArrayList<>();
        for (String part : sessions.split(",")) {
            String[] bounds = part.strip().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("motcua.calendar.sessions: expected HH:mm-HH:mm, got " + part);
            }
            list.add(new OfficeSession(LocalTime.parse(bounds[0].strip()), LocalTime.parse(bounds[1].strip())));
        }
        return new OfficeHours(list);
    }
}
