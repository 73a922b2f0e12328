package vn.motcua.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.shared.AdministrativeChange;
import vn.motcua.shared.ProblemException;

/**
 * The working-time calendar every deadline rests on: the statutory defaults of Labour Code 2019
 * Art. 112 ({@link StatutoryHolidays}) overlaid with the days administrators set each year (the Prime
 * Minister's Tết days, compensatory days off, swapped Saturdays). Arithmetic runs on an immutable
 * in-memory snapshot covering {@link #FIRST}–{@link #LAST}, rebuilt when an override changes here, and
 * re-read on every node within {@code motcua.calendar.refresh-interval} when it changes elsewhere.
 * All times are local to Asia/Ho_Chi_Minh.
 */
@Service
@EnableConfigurationProperties(CalendarSettings.class)
public class WorkingCalendar {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2100, 12, 31);

    private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

    private final JdbcClient jdbc;
    private final CalendarSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<LocalDate, CalendarDay> statutory;
    private volatile Snapshot snapshot;

    /** An override with its legal reference, as administrators set it. */
    public record Override(LocalDate date, boolean working, DayKind kind, String name, String legalReference) {}

    /** A day as the calendar sees it, and whether an administrator set it. */
    public record Day(CalendarDay day, boolean overridden, String legalReference) {}

    private record Snapshot(long revision, Map<LocalDate, Override> overrides, WorkingTimeCalculator calculator) {}

    WorkingCalendar(JdbcClient jdbc, CalendarSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        Map<LocalDate, CalendarDay> defaults = new HashMap<>();
        for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
            StatutoryHolidays.forYear(year, settings.weekend()).forEach(day -> defaults.put(day.date(), day));
        }
        this.statutory = Map.copyOf(defaults);
        this.snapshot = load();
    }

    // --- arithmetic ---------------------------------------------------------------------------

    /** {@code from} plus N working days of 8 working hours each. */
    public LocalDateTime addWorkingDays(LocalDateTime from, int days) {
        return calculator().addWorkingDays(from, days);
    }

    public LocalDateTime addWorkingHours(LocalDateTime from, int hours) {
        return calculator().addWorkingHours(from, hours);
    }

    public LocalDateTime addWorkingTime(LocalDateTime from, Duration amount) {
        return calculator().addWorkingTime(from, amount);
    }

    public Duration workingTimeBetween(LocalDateTime from, LocalDateTime to) {
        return calculator().workingTimeBetween(from, to);
    }

    /** {@code t} within an office session of a working day, else the start of the next session. */
    public LocalDateTime countingStart(LocalDateTime t) {
        return calculator().countingStart(t);
    }

    public Duration workingTimeBetween(LocalDateTime from, LocalDateTime to, List<Pause> pauses) {
        return calculator().workingTimeBetween(from, to, pauses);
    }

    /** The due time of a limit that started at {@code start} when the clock stood still during pauses. */
    public LocalDateTime dueAfterPauses(LocalDateTime start, Duration limit, List<Pause> pauses) {
        return calculator().dueAfterPauses(start, limit, pauses);
    }

    /** Working days from {@code from} to {@code to}, both included (0 when {@code to} is before {@code from}). */
    public int countWorkingDays(LocalDate from, LocalDate to) {
        return calculator().workingDays().countWorkingDays(checked(from), checked(to));
    }

    /** The {@code n}-th working day after {@code day} (the day itself not counted). */
    public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        LocalDate result = day;
        for (int count = 0; count < n; ) {
            result = result.plusDays(1);
            if (isWorkingDay(result)) {
                count++;
            }
        }
        return result;
    }

    public boolean isWorkingDay(LocalDate date) {
        return calculator().workingDays().isWorking(checked(date));
    }

    public OfficeHours officeHours() {
        return calculator().officeHours();
    }

    // --- days ---------------------------------------------------------------------------------

    /**
     * The days from {@code from} to {@code to} inclusive. Statutory names are message keys
     * ({@code holiday.*}); administrators' names are text.
     */
    public List<Day> days(LocalDate from, LocalDate to) {
        checked(from);
        checked(to);
        Snapshot current = snapshot;
        List<Day> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            days.add(day(current, date));
        }
        return days;
    }

    public Day day(LocalDate date) {
        return day(snapshot, checked(date));
    }

    /** Sets (or replaces) an administrator's override of one day. */
    @Transactional
    public Day setDay(Override override) {
        checked(override.date());
        String by = SecurityContextHolder.getContext().getAuthentication() == null ? "system"
                : SecurityContextHolder.getContext().getAuthentication().getName();
        jdbc.sql("""
                insert into calendar_day_override (day, working, kind, name, legal_reference, updated_by, updated_at)
                values (:day, :working, :kind, :name, :ref, :by, :at)
                on conflict (day) do update set working = excluded.working, kind = excluded.kind,
                    name = excluded.name, legal_reference = excluded.legal_reference,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .param("day", override.date())
                .param("working", override.working())
                .param("kind", override.kind().name())
                .param("name", override.name())
                .param("ref", override.legalReference())
                .param("by", by)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        changed();
        events.publishEvent(new AdministrativeChange("CALENDAR_DAY_SET", "calendar/" + override.date(),
                override.kind() + (override.working() ? " (working)" : " (day off)") + ": " + override.name()
                        + (override.legalReference() == null ? "" : " — " + override.legalReference())));
        Map<LocalDate, Override> overrides = new HashMap<>(snapshot.overrides());
        overrides.put(override.date(), override);
        return day(new Snapshot(-1, overrides, null), override.date());
    }

    /** Removes an administrator's override: the day falls back to the statutory default. */
    @Transactional
    public Day removeOverride(LocalDate date) {
        checked(date);
        int removed = jdbc.sql("delete from calendar_day_override where day = ?").param(date).update();
        if (removed == 0) {
            throw ProblemException.notFound("calendar.override.not-found", date);
        }
        changed();
        events.publishEvent(new AdministrativeChange("CALENDAR_DAY_RESET", "calendar/" + date,
                "override removed"));
        Map<LocalDate, Override> overrides = new HashMap<>(snapshot.overrides());
        overrides.remove(date);
        return day(new Snapshot(-1, overrides, null), date);
    }

    /** Picks up overrides written by other application nodes. */
    @Scheduled(fixedDelayString = "${motcua.calendar.refresh-interval:60s}",
            initialDelayString = "${motcua.calendar.refresh-interval:60s}")
    void refreshIfChanged() {
        long revision = jdbc.sql("select revision from calendar_revision where id = 1").query(Long.class).single();
        if (revision != snapshot.revision()) {
            snapshot = load();
            log.info("Working calendar reloaded at revision {}", revision);
        }
    }

    private void changed() {
        jdbc.sql("update calendar_revision set revision = revision + 1 where id = 1").update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @java.lang.Override
                public void afterCommit() {
                    snapshot = load();
                }
            });
        } else {
            snapshot = load();
        }
    }

    private Snapshot load() {
        long revision = jdbc.sql("select revision from calendar_revision where id = 1").query(Long.class).single();
        Map<LocalDate, Override> overrides = new HashMap<>();
        jdbc.sql("select day, working, kind, name, legal_reference from calendar_day_override").query(rs -> {
            LocalDate date = rs.getObject("day", LocalDate.class);
            overrides.put(date, new Override(date, rs.getBoolean("working"), DayKind.valueOf(rs.getString("kind")),
                    rs.getString("name"), rs.getString("legal_reference")));
        });
        WorkingDays days = WorkingDays.of(FIRST, LAST, date -> {
            Override override = overrides.get(date);
            if (override != null) {
                return override.working();
            }
            CalendarDay day = statutory.get(date);
            return day != null ? day.working() : !settings.weekend().contains(date.getDayOfWeek());
        });
        return new Snapshot(revision, Map.copyOf(overrides), new WorkingTimeCalculator(days, settings.officeHours()));
    }

    private Day day(Snapshot current, LocalDate date) {
        Override override = current.overrides().get(date);
        if (override != null) {
            return new Day(new CalendarDay(date, override.working(), override.kind(), override.name()), true,
                    override.legalReference());
        }
        CalendarDay day = statutory.get(date);
        if (day != null) {
            return new Day(day, false, "calendar.legal-basis.labour-code");
        }
        boolean weekend = settings.weekend().contains(date.getDayOfWeek());
        return new Day(new CalendarDay(date, !weekend, weekend ? DayKind.WEEKEND : DayKind.WORKDAY, null), false, null);
    }

    private WorkingTimeCalculator calculator() {
        return snapshot.calculator();
    }

    private static LocalDate checked(LocalDate date) {
        if (date.isBefore(FIRST) || date.isAfter(LAST)) {
            throw ProblemException.invalid("date", "calendar.out-of-range", FIRST, LAST);
        }
        return date;
    }
}
