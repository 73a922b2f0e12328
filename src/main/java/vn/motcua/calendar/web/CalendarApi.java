package vn.motcua.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.calendar.CanChi;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.calendar.LunarDate;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.DateTimes;

@RestController
@Tag(name = "Calendar", description = "Lịch làm việc, âm lịch, tính hạn")
class CalendarApi {

    static final int MAX_DAYS_PER_CALL = 366;
    static final int MAX_WORKING_DAYS = 1000;
    static final int MAX_WORKING_HOURS = MAX_WORKING_DAYS * 8;
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private static final Set<DayKind> WORKING_KINDS = EnumSet.of(DayKind.WORKDAY, DayKind.SWAPPED_WORKDAY);

    private final WorkingCalendar calendar;
    private final Messages messages;

    CalendarApi(WorkingCalendar calendar, Messages messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    record LunarView(String date, int lunarDay, int lunarMonth, int lunarYear, boolean leapMonth, String canChi) {}

    @GetMapping("/api/public/calendar/lunar")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The Vietnamese lunar date (UTC+7) of a solar date")
    LunarView lunar(@RequestParam String date) {
        LocalDate solar = date("date", date);
        return lunarView(solar, LunarCalendar.toLunar(solar));
    }

    @GetMapping("/api/public/calendar/solar")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The solar date of a Vietnamese lunar date")
    LunarView solar(@RequestParam int lunarDay, @RequestParam int lunarMonth, @RequestParam int lunarYear,
            @RequestParam(defaultValue = "false") boolean leapMonth) {
        if (lunarYear < WorkingCalendar.FIRST.getYear() || lunarYear >= WorkingCalendar.LAST.getYear()) {
            throw ProblemException.invalid("lunarYear", "calendar.out-of-range", WorkingCalendar.FIRST,
                    WorkingCalendar.LAST);
        }
        try {
            LunarDate lunar = new LunarDate(lunarDay, lunarMonth, lunarYear, leapMonth);
            return lunarView(LunarCalendar.toSolar(lunar), lunar);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("lunarDay", "calendar.lunar.no-such-date", lunarDay, lunarMonth,
                    lunarYear);
        }
    }

    record DayView(String date, boolean working, DayKind kind, String name, String legalReference,
            boolean overridden, String lunar) {}

    @GetMapping("/api/public/calendar/days")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Working days, weekends, holidays and overrides from one date to another (≤ 366 days)")
    List<DayView> days(@RequestParam String from, @RequestParam String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.invalid("to", "calendar.range.reversed");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS_PER_CALL) {
            throw ProblemException.invalid("to", "calendar.range.too-long", MAX_DAYS_PER_CALL);
        }
        return calendar.days(first, last).stream().map(this::view).toList();
    }

    record Deadline(String from, String due) {}

    @GetMapping("/api/public/calendar/deadline")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The due time after N working days (8 working hours each) or N working hours")
    Deadline deadline(@RequestParam @Parameter(example = "2026-04-29T10:00:00") String from,
            @RequestParam(required = false) Integer workingDays,
            @RequestParam(required = false) Integer workingHours) {
        LocalDateTime start = instant(from);
        if ((workingDays == null) == (workingHours == null)) {
            throw ProblemException.invalid(workingDays == null ? "workingDays" : "workingHours",
                    "calendar.deadline.one-amount");
        }
        LocalDateTime due;
        try {
            if (workingDays != null) {
                amount("workingDays", workingDays, MAX_WORKING_DAYS);
                due = calendar.addWorkingDays(start, workingDays);
            } else {
                amount("workingHours", workingHours, MAX_WORKING_HOURS);
                due = calendar.addWorkingTime(start, Duration.ofHours(workingHours));
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(workingDays != null ? "workingDays" : "workingHours",
                    "calendar.out-of-range", WorkingCalendar.FIRST, WorkingCalendar.LAST);
        }
        return new Deadline(INSTANT.format(start), INSTANT.format(due));
    }

    record DayOverride(Boolean working, DayKind kind, String name, String legalReference) {}

    @PutMapping("/api/v1/calendar/days/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set a holiday, compensatory day off or swapped working day (administrators)")
    DayView setDay(@PathVariable String date, @RequestBody DayOverride body) {
        LocalDate day = date("date", date);
        if (body.kind() == null) {
            throw ProblemException.invalid("kind", "validation.required");
        }
        boolean working = body.working() != null ? body.working() : WORKING_KINDS.contains(body.kind());
        if (working != WORKING_KINDS.contains(body.kind())) {
            throw ProblemException.invalid("kind", "calendar.override.kind-mismatch");
        }
        String name = body.name() == null ? "" : body.name().strip();
        if (name.isEmpty()) {
            throw ProblemException.invalid("name", "validation.required");
        }
        if (name.length() > 200) {
            throw ProblemException.invalid("name", "calendar.override.name-too-long");
        }
        String reference = body.legalReference() == null || body.legalReference().isBlank() ? null
                : body.legalReference().strip();
        if (reference != null && reference.length() > 200) {
            throw ProblemException.invalid("legalReference", "calendar.override.name-too-long");
        }
        return view(calendar.setDay(new WorkingCalendar.Override(day, working, body.kind(),
                java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC), reference)));
    }

    @DeleteMapping("/api/v1/calendar/days/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove an override: the day returns to its statutory default (administrators)")
    ResponseEntity<Void> removeOverride(@PathVariable String date) {
        calendar.removeOverride(date("date", date));
        return ResponseEntity.noContent().build();
    }

    DayView view(WorkingCalendar.Day day) {
        LunarDate lunar = LunarCalendar.toLunar(day.day().date());
        return new DayView(day.day().date().toString(), day.day().working(), day.day().kind(),
                messages.nameOrKey(day.day().name()), messages.nameOrKey(day.legalReference()), day.overridden(),
                lunar.day() + "/" + lunar.month() + (lunar.leapMonth() ? "N" : ""));
    }


    private LunarView lunarView(LocalDate solar, LunarDate lunar) {
        return new LunarView(solar.toString(), lunar.day(), lunar.month(), lunar.year(), lunar.leapMonth(),
                CanChi.ofYear(lunar.year()));
    }

    static LocalDate date(String parameter, String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.isBefore(WorkingCalendar.FIRST) || date.isAfter(WorkingCalendar.LAST)) {
                throw ProblemException.invalid(parameter, "calendar.out-of-range", WorkingCalendar.FIRST,
                        WorkingCalendar.LAST);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(parameter, "calendar.date.malformed", parameter);
        }
    }

    static LocalDateTime instant(String value) {
        try {
            // A date alone is its midnight; a date-time is read like every other (DateTimes), as Vietnam time.
            LocalDateTime instant = value.strip().length() == 10
                    ? LocalDate.parse(value.strip()).atTime(LocalTime.MIDNIGHT)
                    : DateTimes.local(value);
            date("from", instant.toLocalDate().toString());
            return instant;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("from", "calendar.instant.malformed");
        }
    }

    private static void amount(String parameter, int value, int max) {
        if (value < 0 || value > max) {
            throw ProblemException.invalid(parameter, "calendar.deadline.amount-range", parameter, max);
        }
    }
}
