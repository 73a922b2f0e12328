package vn.motcua.dossier.web;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.dossier.DossierViews;
import vn.motcua.dossier.WorkQueue;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Page;
import vn.motcua.shared.web.PageLinks;
import vn.motcua.shared.web.RequestValues;

/**
 * The work pages: what waits at the signed-in user's unit (Hồ sơ chờ xử lý), most urgent first, and the
 * leader's view of every unit's load with the on-time rate of its hand-overs as a bar chart drawn on the
 * server (inline SVG, no script), the same figures in a table beside it.
 */
@Controller
class WorkPages {

    static final int PAGE_SIZE = 20;

    /** The chart's geometry, in SVG user units. */
    static final int CHART_WIDTH = 720;
    static final int LABEL_WIDTH = 270;
    static final int BAR_AREA = 340;
    static final int ROW_HEIGHT = 34;
    static final int BAR_HEIGHT = 20;
    static final int TOP = 8;
    static final int MAX_LABEL = 36;

    private final WorkQueue queue;

    WorkPages(WorkQueue queue) {
        this.queue = queue;
    }

    /** One tab of the queue: its filter value, message key and how many dossiers it holds. */
    public record Tab(String value, String key, long count, String url, boolean current) {}

    @GetMapping("/work")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    String queue(@RequestParam(defaultValue = "all") String due, @RequestParam(defaultValue = "unit") String scope,
            @RequestParam(defaultValue = "1") int page, StaffUser caller, Model model) {
        WorkQueue.Due shownDue = RequestValues.choiceOr(due, WorkQueue.Due.class, WorkQueue.Due.ALL);
        WorkQueue.Scope shownScope = RequestValues.choiceOr(scope, WorkQueue.Scope.class, WorkQueue.Scope.UNIT);
        int shownPage = Math.max(page, 1);
        Page<WorkQueue.Item> result = queue.queue(shownScope, shownDue, caller, shownPage - 1, PAGE_SIZE);
        List<Tab> tabs = new ArrayList<>();
        for (WorkQueue.Due d : List.of(WorkQueue.Due.ALL, WorkQueue.Due.SOON, WorkQueue.Due.OVERDUE)) {
            long count = d == shownDue ? result.total() : queue.queue(shownScope, d, caller, 0, 1).total();
            tabs.add(new Tab(lower(d), "web.work.tab." + lower(d), count, url(lower(d), lower(shownScope), 1),
                    d == shownDue));
        }
        model.addAttribute("tabs", tabs);
        model.addAttribute("due", lower(shownDue));
        model.addAttribute("scope", lower(shownScope));
        model.addAttribute("scopeUnitUrl", url(lower(shownDue), "unit", 1));
        model.addAttribute("scopeMineUrl", url(lower(shownDue), "mine", 1));
        model.addAttribute("result", result);
        PageLinks.addTo(model, shownPage, result.total(), PAGE_SIZE, result.items().size(),
                n -> url(lower(shownDue), lower(shownScope), n));
        model.addAttribute("workView", "queue");
        return "work/queue";
    }

    /** A bar of the chart: the unit, its rate and where it is drawn. */
    public record Bar(String unitCode, String label, String fullName, String rate, double y, double width, double textX,
            String tone) {}

    @GetMapping("/work/units")
    @PreAuthorize("hasAnyRole('LEADER', 'MONITOR', 'ADMIN')")
    String units(StaffUser caller, Model model) {
        List<WorkQueue.UnitLoad> units = queue.units(caller);
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat percent = NumberFormat.getNumberInstance("en".equals(locale.getLanguage()) ? Locale.ENGLISH
                : Locale.forLanguageTag("vi-VN"));
        percent.setMaximumFractionDigits(1);
        List<Bar> bars = new ArrayList<>();
        for (WorkQueue.UnitLoad u : units) {
            if (u.onTimeRate() == null) {
                continue;
            }
            double y = TOP + bars.size() * ROW_HEIGHT;
            double width = Math.max(u.onTimeRate() > 0 ? 2 : 0, BAR_AREA * u.onTimeRate() / 100.0);
            String label = u.unitName().length() > MAX_LABEL ? u.unitName().substring(0, MAX_LABEL - 1) + "…"
                    : u.unitName();
            String tone = u.onTimeRate() >= 90 ? "good" : u.onTimeRate() >= 70 ? "fair" : "poor";
            bars.add(new Bar(u.unitCode(), label, u.unitName(), percent.format(u.onTimeRate()) + " %", y, width,
                    LABEL_WIDTH + width + 8, tone));
        }
        model.addAttribute("units", units);
        model.addAttribute("rates", units.stream().map(u -> u.onTimeRate() == null ? null
                : percent.format(u.onTimeRate()) + " %").toList());
        model.addAttribute("bars", bars);
        model.addAttribute("chartWidth", CHART_WIDTH);
        model.addAttribute("chartHeight", TOP * 2 + Math.max(1, bars.size()) * ROW_HEIGHT);
        model.addAttribute("labelWidth", LABEL_WIDTH);
        model.addAttribute("barHeight", BAR_HEIGHT);
        model.addAttribute("barArea", BAR_AREA);
        model.addAttribute("totalWaiting", units.stream().mapToLong(WorkQueue.UnitLoad::waiting).sum());
        model.addAttribute("totalSoon", units.stream().mapToLong(WorkQueue.UnitLoad::dueSoon).sum());
        model.addAttribute("totalOverdue", units.stream().mapToLong(WorkQueue.UnitLoad::overdue).sum());
        model.addAttribute("totalChecksOverdue", units.stream().mapToLong(WorkQueue.UnitLoad::checksOverdue).sum());
        model.addAttribute("workView", "units");
        return "work/units";
    }

    private static String url(String due, String scope, int page) {
        return UriComponentsBuilder.fromPath("/work")
                .queryParamIfPresent("due", Optional.of(due).filter(d -> !d.equals("all")))
                .queryParamIfPresent("scope", Optional.of(scope).filter(s -> !s.equals("unit")))
                .queryParamIfPresent("page", Optional.of(page).filter(p -> p > 1))
                .encode().build().toUriString();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

}
