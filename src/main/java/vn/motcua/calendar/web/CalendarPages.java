package vn.motcua.calendar.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.calendar.CanChi;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.calendar.LunarDate;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.web.Problems;

/**
 * The working calendar as staff see it: a year of month grids with holidays, days in lieu and swapped
 * Saturdays; administrators correct single days from the yearly notices. Also the desk's small tools:
 * solar ↔ lunar conversion and the due time after N working days or hours.
 */
@Controller
class CalendarPages {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter TIME_INPUT = DateTimeFormatter.ofPattern("H:mm").withResolverStyle(ResolverStyle.STRICT);
    static final int NAME_MAX = 200;

    /** Kinds on which the office works; the working flag of an override follows from its kind. */
    static final Set<DayKind> WORKING_KINDS = EnumSet.of(DayKind.WORKDAY, DayKind.SWAPPED_WORKDAY);

    /** The kinds an administrator may choose, in the order of the select. */
    static final List<DayKind> KINDS = List.of(DayKind.HOLIDAY, DayKind.COMPENSATORY_DAY_OFF,
            DayKind.SWAPPED_WORKDAY, DayKind.WORKDAY, DayKind.WEEKEND);

    /** One square of a month grid. */
    public record Cell(LocalDate date, int solarDay, String lunar, boolean lunarFirst, DayKind kind,
            boolean working, boolean overridden, String name, boolean today) {}

    public record Month(int number, List<List<Cell>> weeks) {}

    /** A run of consecutive days of one occasion, as listed under the grid. */
    public record Occasion(LocalDate from, LocalDate to, DayKind kind, String name, String legalReference,
            boolean overridden) {

        public boolean oneDay() {
            return from.equals(to);
        }
    }

    /**
     * What an administrator enters for one day. Names are kept as typed but for the spaces around them and
     * their Unicode form (NFC), so that "Tết" typed on any keyboard is one name.
     */
    public record DayForm(
            @NotNull(message = "{validation.required}") DayKind kind,
            @NotBlank(message = "{validation.required}") @Size(max = NAME_MAX, message = "{validation.too-long}")
            String name,
            @Size(max = NAME_MAX, message = "{validation.too-long}") String legalReference) {

        public DayForm {
            name = name == null ? null : Normalizer.normalize(name.strip(), Normalizer.Form.NFC);
            legalReference = legalReference == null || legalReference.isBlank() ? null
                    : Normalizer.normalize(legalReference.strip(), Normalizer.Form.NFC);
        }
    }

    private final WorkingCalendar calendar;
    private final Messages messages;
    private final Problems problems;
    private final Clock clock;

    CalendarPages(WorkingCalendar calendar, Messages messages, Problems problems, Clock clock) {
        this.problems = problems;
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    // --- the year ------------------------------------------------------------------------------

    @GetMapping("/calendar")
    @PreAuthorize("isAuthenticated()")
    String year(@RequestParam(required = false) Integer year, Model model) {
        LocalDate today = today();
        int shown = year == null ? today.getYear() : year;
        if (shown < WorkingCalendar.FIRST.getYear() || shown > WorkingCalendar.LAST.getYear()) {
            throw ProblemException.invalid("year", "web.calendar.year-out-of-range");
        }
        List<WorkingCalendar.Day> days = calendar.days(LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31));
        Map<LocalDate, WorkingCalendar.Day> byDate = days.stream()
                .collect(Collectors.toMap(d -> d.day().date(), Function.identity()));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(month(YearMonth.of(shown, m), byDate, today));
        }
        model.addAttribute("year", shown);
        model.addAttribute("yearText", String.valueOf(shown));
        model.addAttribute("previousYear", shown > WorkingCalendar.FIRST.getYear() ? shown - 1 : null);
        model.addAttribute("nextYear", shown < WorkingCalendar.LAST.getYear() ? shown + 1 : null);
        model.addAttribute("months", months);
        model.addAttribute("occasions", occasions(days));
        model.addAttribute("workingDays", days.stream().filter(d -> d.day().working()).count());
        model.addAttribute("lunarYearName", CanChi.ofYear(shown));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("today", today);
        model.addAttribute("officeHours", officeHours());
        model.addAttribute("lunarToday", LunarCalendar.toLunar(today));
        model.addAttribute("todayInput", today.format(DATE));
        model.addAttribute("nowInput", LocalTime.now(clock.withZone(VietnamTime.ZONE)).format(TIME));
        return "calendar/year";
    }

    private Month month(YearMonth month, Map<LocalDate, WorkingCalendar.Day> byDate, LocalDate today) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        int leading = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < leading; i++) {
            week.add(null);
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            WorkingCalendar.Day day = byDate.get(date);
            LunarDate lunar = LunarCalendar.toLunar(date);
            boolean first = lunar.day() == 1;
            String lunarText = first
                    ? lunar.day() + "/" + lunar.month() + (lunar.leapMonth() ? messages.text("web.calendar.leap-short") : "")
                    : String.valueOf(lunar.day());
            week.add(new Cell(date, d, lunarText, first, day.day().kind(), day.day().working(), day.overridden(),
                    messages.nameOrKey(day.day().name()), date.equals(today)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(null);
            }
            weeks.add(week);
        }
        return new Month(month.getMonthValue(), weeks);
    }

    /** Holidays, days in lieu, swapped days and every override; consecutive days of one occasion together. */
    private List<Occasion> occasions(List<WorkingCalendar.Day> days) {
        List<Occasion> occasions = new ArrayList<>();
        for (WorkingCalendar.Day day : days) {
            DayKind kind = day.day().kind();
            if (!day.overridden() && (kind == DayKind.WORKDAY || kind == DayKind.WEEKEND)) {
                continue;
            }
            LocalDate date = day.day().date();
            String name = messages.nameOrKey(day.day().name());
            String reference = messages.nameOrKey(day.legalReference());
            int last = occasions.size() - 1;
            Occasion previous = last < 0 ? null : occasions.get(last);
            if (previous != null && previous.to().plusDays(1).equals(date) && previous.kind() == kind
                    && previous.overridden() == day.overridden() && Objects.equals(previous.name(), name)
                    && Objects.equals(previous.legalReference(), reference)) {
                occasions.set(last, new Occasion(previous.from(), date, kind, name, reference, day.overridden()));
            } else {
                occasions.add(new Occasion(date, date, kind, name, reference, day.overridden()));
            }
        }
        return occasions;
    }

    // --- one day (administrators) --------------------------------------------------------------

    @GetMapping("/calendar/days/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    String day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, HttpServletRequest request,
            Model model) {
        WorkingCalendar.Day day = calendar.day(date);
        // The usual correction of a day not yet overridden: a weekend day worked in exchange, or a weekday given off.
        DayForm form = day.overridden() ? new DayForm(day.day().kind(), day.day().name(), day.legalReference())
                : new DayForm(day.day().kind() == DayKind.WEEKEND ? DayKind.SWAPPED_WORKDAY : DayKind.HOLIDAY, null, null);
        model.addAttribute("form", form);
        return dayView(date, day, request, model);
    }

    @PostMapping("/calendar/days/{date}")
    @PreAuthorize("hasRole('ADMIN')")
    String setDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @ModelAttribute("form") DayForm form, BindingResult errors, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                calendar.setDay(new WorkingCalendar.Override(date, WORKING_KINDS.contains(form.kind()), form.kind(),
                        form.name(), form.legalReference()));
                redirect.addFlashAttribute("flash", messages.text("web.calendar.day.saved", date.format(DATE),
                        messages.text("day-kind." + form.kind())));
                return yearOf(date);
            } catch (ProblemException e) {
                problems.reject(e, errors, null);
            }
        }
        return dayView(date, calendar.day(date), request, model);
    }

    @PostMapping("/calendar/days/{date}/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String removeDay(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        try {
            calendar.removeOverride(date);
            redirect.addFlashAttribute("flash", messages.text("web.calendar.day.removed", date.format(DATE)));
        } catch (ProblemException e) {
            // Nothing to remove (perhaps another administrator just did): the calendar shows the day as it is.
        }
        return yearOf(date);
    }

    private String dayView(LocalDate date, WorkingCalendar.Day day, HttpServletRequest request, Model model) {
        LunarDate lunar = LunarCalendar.toLunar(date);
        model.addAttribute("date", date);
        model.addAttribute("dateText", date.format(DATE));
        model.addAttribute("day", day);
        model.addAttribute("dayName", messages.nameOrKey(day.day().name()));
        model.addAttribute("dayReference", messages.nameOrKey(day.legalReference()));
        model.addAttribute("lunar", lunarText(lunar));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("yearText", String.valueOf(date.getYear()));
        return request.getHeader("HX-Request") != null ? "calendar/day :: panel" : "calendar/day";
    }

    private static String yearOf(LocalDate date) {
        return "redirect:/calendar?year=" + date.getYear() + "#m" + date.getMonthValue();
    }

    // --- tools ---------------------------------------------------------------------------------

    @GetMapping("/calendar/tools/lunar")
    @PreAuthorize("isAuthenticated()")
    String toLunar(@RequestParam(required = false) String date, Model model) {
        try {
            LocalDate solar = parseDate(date);
            checkYear(solar.getYear());
            model.addAttribute("result", messages.text("web.calendar.tools.lunar.result", solar.format(DATE),
                    messages.text("web.dow." + solar.getDayOfWeek().getValue()), lunarText(LunarCalendar.toLunar(solar))));
        } catch (DateTimeParseException e) {
            model.addAttribute("error", messages.text("web.calendar.tools.date-invalid"));
        } catch (ProblemException e) {
            model.addAttribute("error", messages.text(e.messageKey(), e.args()));
        }
        return "calendar/tools :: result";
    }

    @GetMapping("/calendar/tools/solar")
    @PreAuthorize("isAuthenticated()")
    String toSolar(@RequestParam(required = false) Integer lunarDay, @RequestParam(required = false) Integer lunarMonth,
            @RequestParam(required = false) Integer lunarYear,
            @RequestParam(required = false, defaultValue = "false") boolean leapMonth, Model model) {
        try {
            if (lunarDay == null || lunarMonth == null || lunarYear == null) {
                throw ProblemException.invalid("lunarDay", "web.calendar.tools.lunar-incomplete");
            }
            checkYear(lunarYear);
            LunarDate lunar = new LunarDate(lunarDay, lunarMonth, lunarYear, leapMonth);
            LocalDate solar = LunarCalendar.toSolar(lunar);
            checkYear(solar.getYear());
            model.addAttribute("result", messages.text("web.calendar.tools.solar.result", lunarText(lunar),
                    messages.text("web.dow." + solar.getDayOfWeek().getValue()), solar.format(DATE)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", messages.text("web.calendar.tools.no-such-lunar-date",
                    String.valueOf(lunarDay), String.valueOf(lunarMonth), String.valueOf(lunarYear)));
        } catch (ProblemException e) {
            model.addAttribute("error", messages.text(e.messageKey(), e.args()));
        }
        return "calendar/tools :: result";
    }

    @GetMapping("/calendar/tools/deadline")
    @PreAuthorize("isAuthenticated()")
    String deadline(@RequestParam(required = false) String fromDate, @RequestParam(required = false) String fromTime,
            @RequestParam(required = false) Integer amount, @RequestParam(required = false, defaultValue = "DAYS") String unit,
            Model model) {
        try {
            LocalDateTime start = parseDate(fromDate).atTime(parseTime(fromTime));
            checkYear(start.getYear());
            boolean hours = "HOURS".equals(unit);
            int max = hours ? CalendarApi.MAX_WORKING_HOURS : CalendarApi.MAX_WORKING_DAYS;
            if (amount == null || amount < 0 || amount > max) {
                throw ProblemException.invalid("amount", "web.calendar.tools.amount-range", String.valueOf(max));
            }
            LocalDateTime due = hours ? calendar.addWorkingTime(start, Duration.ofHours(amount))
                    : calendar.addWorkingDays(start, amount);
            model.addAttribute("result", messages.text(hours ? "web.calendar.tools.deadline.result-hours"
                    : "web.calendar.tools.deadline.result-days", instantText(start), String.valueOf(amount),
                    instantText(due)));
        } catch (DateTimeParseException e) {
            model.addAttribute("error", messages.text("web.calendar.tools.instant-invalid"));
        } catch (ProblemException e) {
            model.addAttribute("error", messages.text(e.messageKey(), e.args()));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", messages.text("web.calendar.tools.year-out-of-range"));
        }
        return "calendar/tools :: result";
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Dates as people write them here, 26/4/2026 or 26/04/2026; ISO 2026-04-26 is accepted too. */
    static LocalDate parseDate(String text) {
        String value = text == null ? "" : text.strip();
        return value.contains("-") ? LocalDate.parse(value) : LocalDate.parse(value, DATE_INPUT);
    }

    static LocalTime parseTime(String text) {
        String value = text == null ? "" : text.strip().replace('h', ':').replace('g', ':');
        return LocalTime.parse(value, TIME_INPUT);
    }

    private LocalDate today() {
        return VietnamTime.today(clock);
    }

    private List<String> officeHours() {
        return calendar.officeHours().sessions().stream()
                .map(s -> s.start().format(TIME) + "–" + s.end().format(TIME)).toList();
    }

    private static void checkYear(int year) {
        // One year inside the calendar's ends so that a conversion near 1900 or 2100 never leaves it.
        if (year <= WorkingCalendar.FIRST.getYear() || year >= WorkingCalendar.LAST.getYear()) {
            throw ProblemException.invalid("year", "web.calendar.tools.year-out-of-range");
        }
    }

    private String lunarText(LunarDate lunar) {
        return messages.text(lunar.leapMonth() ? "web.lunar.date-leap" : "web.lunar.date", String.valueOf(lunar.day()),
                String.valueOf(lunar.month()), CanChi.ofYear(lunar.year()));
    }

    private String instantText(LocalDateTime instant) {
        return messages.text("web.calendar.tools.instant", instant.format(TIME),
                messages.text("web.dow." + instant.getDayOfWeek().getValue()), instant.format(DATE));
    }


}
