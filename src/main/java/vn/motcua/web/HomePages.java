package vn.motcua.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.motcua.calendar.CanChi;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.LunarCalendar;
import vn.motcua.calendar.LunarDate;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.organization.Organization;
import vn.motcua.shared.Messages;
import vn.motcua.shared.VietnamTime;

/** The sign-in page and the home dashboard. */
@Controller
class HomePages {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** How far ahead the dashboard looks for days off. */
    static final int HOLIDAY_HORIZON_DAYS = 120;

    /** A run of consecutive days off for the same occasion, e.g. the five days of Tết. */
    record Occasion(LocalDate from, LocalDate to, DayKind kind, String name) {

        public boolean oneDay() {
            return from.equals(to);
        }
    }

    private final WorkingCalendar calendar;
    private final Organization organization;
    private final Messages messages;
    private final Clock clock;
    private final int maxFailedLogins;
    private final Duration lockoutDuration;

    HomePages(WorkingCalendar calendar, Organization organization, Messages messages, Clock clock,
            @Value("${motcua.security.max-failed-logins:5}") int maxFailedLogins,
            @Value("${motcua.security.lockout-duration:15m}") Duration lockoutDuration) {
        this.calendar = calendar;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
        this.maxFailedLogins = maxFailedLogins;
        this.lockoutDuration = lockoutDuration;
    }

    @GetMapping("/login")
    @PreAuthorize("permitAll()")
    String login(Authentication authentication, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("maxFailedLogins", String.valueOf(maxFailedLogins));
        model.addAttribute("lockoutMinutes", String.valueOf(lockoutDuration.toMinutes()));
        return "login";
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Model model) {
        LocalDate today = VietnamTime.today(clock);
        WorkingCalendar.Day day = calendar.day(today);
        LunarDate lunar = LunarCalendar.toLunar(today);
        model.addAttribute("today", today);
        model.addAttribute("todayWorking", day.day().working());
        model.addAttribute("todayKind", day.day().kind());
        model.addAttribute("todayName", messages.nameOrKey(day.day().name()));
        model.addAttribute("lunarDay", String.valueOf(lunar.day()));
        model.addAttribute("lunarMonth", String.valueOf(lunar.month()));
        model.addAttribute("lunarLeap", lunar.leapMonth());
        model.addAttribute("lunarYearName", CanChi.ofYear(lunar.year()));
        model.addAttribute("holidays", upcoming(today.plusDays(1), today.plusDays(HOLIDAY_HORIZON_DAYS)));
        model.addAttribute("horizonDays", String.valueOf(HOLIDAY_HORIZON_DAYS));
        model.addAttribute("agencies", organization.agencies());
        model.addAttribute("officeHours", String.join(", ", calendar.officeHours().sessions().stream()
                .map(s -> s.start().format(TIME) + "–" + s.end().format(TIME)).toList()));
        return "home";
    }

    /** Days off other than the weekly rest days, consecutive days of one occasion taken together. */
    private List<Occasion> upcoming(LocalDate from, LocalDate to) {
        List<Occasion> occasions = new ArrayList<>();
        LocalDate last = to.isAfter(WorkingCalendar.LAST) ? WorkingCalendar.LAST : to;
        if (from.isAfter(last)) {
            return occasions;
        }
        for (WorkingCalendar.Day day : calendar.days(from, last)) {
            if (day.day().working() || day.day().kind() == DayKind.WEEKEND) {
                continue;
            }
            String name = messages.nameOrKey(day.day().name());
            LocalDate date = day.day().date();
            int end = occasions.size() - 1;
            if (end >= 0 && occasions.get(end).to().plusDays(1).equals(date)
                    && occasions.get(end).kind() == day.day().kind() && Objects.equals(occasions.get(end).name(), name)) {
                Occasion previous = occasions.get(end);
                occasions.set(end, new Occasion(previous.from(), date, previous.kind(), name));
            } else {
                occasions.add(new Occasion(date, date, day.day().kind(), name));
            }
        }
        return occasions;
    }

}
