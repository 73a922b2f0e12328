package vn.motcua.tasks.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Messages;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;
import vn.motcua.shared.web.PageForms;
import vn.motcua.shared.web.PageLinks;
import vn.motcua.shared.web.Problems;
import vn.motcua.shared.web.RequestValues;
import vn.motcua.tasks.TaskStatus;
import vn.motcua.tasks.TaskViews.Breakdown;
import vn.motcua.tasks.TaskViews.Statistics;
import vn.motcua.tasks.TaskViews.TaskSummary;
import vn.motcua.tasks.TaskViews.TaskView;
import vn.motcua.tasks.TaskViews;
import vn.motcua.tasks.Tasks;

/**
 * The assigned tasks' pages: the dashboard (figures as of a day, bar charts per host unit and per assigning
 * leader drawn on the server as inline SVG with the same figures in tables, the overdue tasks, then the list
 * with its filters) and a task's page with the forms of what the caller may do (post/redirect/get; a refusal
 * of the service is shown on the page in words).
 */
@Controller
class TaskPages {

    static final int PAGE_SIZE = 20;
    static final int OVERDUE_SHOWN = 10;
    static final int MAX_QUERY = 200;

    /** The charts' geometry, in SVG user units. */
    static final int CHART_WIDTH = 760;
    static final int LABEL_WIDTH = 270;
    static final int BAR_AREA = 420;
    static final int ROW_HEIGHT = 30;
    static final int BAR_HEIGHT = 18;
    static final int TOP = 8;
    static final int MAX_LABEL = 36;

    /** The statuses in the order the charts stack them. */
    static final List<TaskStatus> STACK = List.of(TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE,
            TaskStatus.IN_PROGRESS_WITHIN_DEADLINE, TaskStatus.IN_PROGRESS_OVERDUE, TaskStatus.NO_DEADLINE);

    // The task page's forms, as typed (numbers and dates too, so that a refused one shows what was typed).
    // Bean Validation checks their shape; the task's own rules stay with the task (AssignedTask). A refused one is kept
    // across the redirect in the page session, which lives in the database: hence Serializable.

    /** Progress in percent (0–100, checked by the task) and a note. */
    public record ProgressForm(String percent, @Size(max = 2000, message = "{validation.too-long}") String note)
            implements Serializable {}

    /** The result of a completed task; {@code completedOn} as an input of type date sends it (yyyy-MM-dd). */
    public record CompletionForm(@Size(max = 4000, message = "{validation.too-long}") String resultSummary,
            String completedOn, @Size(max = 200, message = "{validation.too-long}") String resultDocument)
            implements Serializable {}

    /** A later due date asked for, and why. */
    public record ExtensionForm(String proposedDueDate,
            @Size(max = 2000, message = "{validation.too-long}") String reason) implements Serializable {}

    /** A monitor's note on approving or denying an extension. */
    public record DecisionForm(@Size(max = 2000, message = "{validation.too-long}") String note)
            implements Serializable {}

    private final Tasks tasks;
    private final Messages messages;
    private final Problems problems;

    TaskPages(Tasks tasks, Messages messages, Problems problems) {
        this.problems = problems;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** A figure of the dashboard and the list it stands for. */
    public record Figure(String id, String key, long count, String url, String tone) {}

    /** One coloured piece of a bar: a status ({@code value} for styles, {@code name} for messages) and its count. */
    public record Segment(String value, String name, long count, double x, double width, String url) {}

    /** A row of a chart and of its table: a unit or a leader with its figures per status. */
    public record ChartRow(String key, String label, String name, Statistics statistics, String url,
            List<Long> counts, List<String> cellUrls, double y, List<Segment> segments, double textX) {}

    /** A chart: its id, title, caption and heading keys, its rows and height. */
    public record Chart(String id, String titleKey, String tableKey, String headingKey, List<ChartRow> rows,
            int height) {}

    /** A status as the page names it: {@code value} in links, {@code name} in message keys. */
    public record StatusRef(String value, String name) {}

    /** The filters of the list, as chosen. */
    record Filters(TaskStatus status, String unitCode, Long assignedBy, String q, LocalDate asOf) {

        String url(TaskStatus status, String unitCode, Long assignedBy, String q, int page) {
            return UriComponentsBuilder.fromPath("/tasks")
                    .queryParamIfPresent("status", Optional.ofNullable(status).map(TaskPages::lower))
                    .queryParamIfPresent("unitCode", Optional.ofNullable(unitCode))
                    .queryParamIfPresent("assignedBy", Optional.ofNullable(assignedBy))
                    .queryParamIfPresent("q", Optional.ofNullable(q))
                    .queryParamIfPresent("asOf", Optional.ofNullable(asOf))
                    .queryParamIfPresent("page", Optional.of(page).filter(p -> p > 1))
                    .encode().build().toUriString();
        }

        String page(int page) {
            return url(status, unitCode, assignedBy, q, page);
        }

        /** Only this status (and the day), the other filters dropped: the drill-down of a figure. */
        String drill(TaskStatus status, String unitCode, Long assignedBy) {
            return url(status, unitCode, assignedBy, null, 1);
        }
    }

    @GetMapping("/tasks")
    @PreAuthorize("isAuthenticated()")
    String dashboard(@RequestParam(required = false) String status, @RequestParam(required = false) String unitCode,
            @RequestParam(required = false) String assignedBy, @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "1") int page,
            StaffUser caller, Model model) {
        LocalDate today = tasks.today();
        LocalDate day = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                day = LocalDate.parse(asOf.strip());
                if (day.isAfter(today)) {
                    model.addAttribute("asOfError", messages.text("web.tasks.as-of.future"));
                    day = null;
                } else if (day.equals(today)) {
                    day = null;
                }
            } catch (DateTimeParseException e) {
                model.addAttribute("asOfError", messages.text("web.tasks.as-of.invalid"));
            }
        }
        TaskStatus shownStatus = status == null || status.isBlank() ? null
                : RequestValues.choiceOr(status, TaskStatus.class, null);
        String shownUnit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        Long shownLeader = number(assignedBy);
        String shownQuery = q == null || q.isBlank() ? null : q.strip();
        if (shownQuery != null && shownQuery.length() > MAX_QUERY) {
            shownQuery = shownQuery.substring(0, MAX_QUERY);
        }
        Filters filters = new Filters(shownStatus, shownUnit, shownLeader, shownQuery, day);

        TaskViews.Overview overview = tasks.overview(day, caller);
        Statistics statistics = overview.total();
        model.addAttribute("statistics", statistics);
        model.addAttribute("totals", List.of(
                new Figure("received", "web.tasks.received", statistics.received(), filters.drill(null, null, null),
                        "primary"),
                new Figure("completed", "web.tasks.completed", statistics.completed(), null, "success"),
                new Figure("in-progress", "web.tasks.in-progress", statistics.inProgress(), null, "secondary")));
        model.addAttribute("figures", List.of(
                figure(TaskStatus.COMPLETED_ON_TIME, statistics.completedOnTime(), filters, "success"),
                figure(TaskStatus.COMPLETED_LATE, statistics.completedLate(), filters, "warning"),
                figure(TaskStatus.IN_PROGRESS_WITHIN_DEADLINE, statistics.inProgressWithinDeadline(), filters, "info"),
                figure(TaskStatus.IN_PROGRESS_OVERDUE, statistics.inProgressOverdue(), filters, "danger"),
                figure(TaskStatus.NO_DEADLINE, statistics.noDeadline(), filters, "secondary")));

        List<Breakdown> units = overview.byUnit();
        List<Breakdown> leaders = overview.byLeader();
        model.addAttribute("charts", List.of(chart("unit-chart", units, filters, false),
                chart("leader-chart", leaders, filters, true)));
        model.addAttribute("stack", STACK.stream().map(s -> new StatusRef(lower(s), s.name())).toList());
        model.addAttribute("chartWidth", CHART_WIDTH);
        model.addAttribute("labelWidth", LABEL_WIDTH);
        model.addAttribute("barHeight", BAR_HEIGHT);

        Page<TaskSummary> overdue = tasks.list(TaskStatus.IN_PROGRESS_OVERDUE, null, null, null, day,
                caller, 0, OVERDUE_SHOWN);
        model.addAttribute("overdue", overdue);
        model.addAttribute("overdueUrl", filters.drill(TaskStatus.IN_PROGRESS_OVERDUE, null, null));

        int shownPage = Math.max(page, 1);
        Page<TaskSummary> result = tasks.list(shownStatus, shownUnit, shownLeader, shownQuery, day, caller,
                shownPage - 1, PAGE_SIZE);
        model.addAttribute("result", result);
        PageLinks.addTo(model, shownPage, result.total(), PAGE_SIZE, result.items().size(), filters::page);

        model.addAttribute("filters", filters);
        model.addAttribute("statusValue", shownStatus == null ? "" : lower(shownStatus));
        model.addAttribute("unitOptions", units);
        model.addAttribute("leaderOptions", leaders);
        model.addAttribute("filtered", shownStatus != null || shownUnit != null || shownLeader != null
                || shownQuery != null);
        model.addAttribute("clearUrl", filters.drill(null, null, null));
        model.addAttribute("asOf", day);
        model.addAttribute("shownDay", day == null ? today : day);
        model.addAttribute("today", today);
        return "tasks/dashboard";
    }

    @GetMapping("/tasks/{id}")
    @PreAuthorize("isAuthenticated()")
    String task(@PathVariable long id, StaffUser caller, Model model) {
        TaskView task = tasks.task(id, caller);
        model.addAttribute("t", task);
        model.addAttribute("today", tasks.today());
        model.addAttribute("pendingExtension", task.extensionRequests().stream()
                .filter(e -> "PENDING".equals(e.state())).findFirst().orElse(null));
        PageForms.show(model, "progressForm", () -> new ProgressForm(
                String.valueOf(task.progressPercent()), null));
        PageForms.show(model, "completionForm", () -> new CompletionForm(null, tasks.today().toString(), null));
        PageForms.show(model, "extensionForm", () -> new ExtensionForm(null, null));
        PageForms.show(model, "decisionForm", () -> new DecisionForm(null));
        return "tasks/task";
    }

    @PostMapping("/tasks/{id}/progress")
    @PreAuthorize("hasAnyRole('SPECIALIST', 'LEADER')")
    String progress(@PathVariable long id, @Valid @ModelAttribute("progressForm") ProgressForm form,
            BindingResult errors, StaffUser caller, RedirectAttributes redirect) {
        return act(id, redirect, "progressForm", form, errors, "web.tasks.done.progress", () -> {
            Long value = number(form.percent());
            if (value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw ProblemException.invalid("percent", "task.progress.percent-range");
            }
            return tasks.reportProgress(id, value.intValue(), form.note(), caller);
        });
    }

    @PostMapping("/tasks/{id}/complete")
    @PreAuthorize("hasAnyRole('SPECIALIST', 'LEADER')")
    String complete(@PathVariable long id, @Valid @ModelAttribute("completionForm") CompletionForm form,
            BindingResult errors, StaffUser caller, RedirectAttributes redirect) {
        return act(id, redirect, "completionForm", form, errors, "web.tasks.done.complete",
                () -> tasks.complete(id, form.resultSummary(), blankToNull(form.resultDocument()),
                        date(form.completedOn(), "completedOn"), caller));
    }

    @PostMapping("/tasks/{id}/extension-requests")
    @PreAuthorize("hasAnyRole('SPECIALIST', 'LEADER')")
    String requestExtension(@PathVariable long id, @Valid @ModelAttribute("extensionForm") ExtensionForm form,
            BindingResult errors, StaffUser caller, RedirectAttributes redirect) {
        return act(id, redirect, "extensionForm", form, errors, "web.tasks.done.extension",
                () -> tasks.requestExtension(id, date(form.proposedDueDate(), "proposedDueDate"), form.reason(),
                        caller));
    }

    @PostMapping("/tasks/{id}/extension-requests/{number}/approve")
    @PreAuthorize("hasRole('MONITOR')")
    String approve(@PathVariable long id, @PathVariable int number,
            @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult errors, StaffUser caller,
            RedirectAttributes redirect) {
        return act(id, redirect, "decisionForm", form, errors, "web.tasks.done.approve",
                () -> tasks.decideExtension(id, number, true, blankToNull(form.note()), caller));
    }

    @PostMapping("/tasks/{id}/extension-requests/{number}/deny")
    @PreAuthorize("hasRole('MONITOR')")
    String deny(@PathVariable long id, @PathVariable int number,
            @Valid @ModelAttribute("decisionForm") DecisionForm form, BindingResult errors, StaffUser caller,
            RedirectAttributes redirect) {
        return act(id, redirect, "decisionForm", form, errors, "web.tasks.done.deny",
                () -> tasks.decideExtension(id, number, false, blankToNull(form.note()), caller));
    }

    @PostMapping(path = "/tasks/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String purpose, StaffUser caller, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalid("file", "file.empty");
            }
            TaskViews.Attachment stored = tasks.attach(id, RequestValues.choiceOr(purpose,
                    TaskViews.AttachmentPurpose.class, null), file.getOriginalFilename(), file.getInputStream(), caller);
            return messages.text("web.tasks.done.attach", stored.name());
        });
    }

    @GetMapping("/tasks/{id}/attachments/{attachmentId}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<InputStreamResource> attachment(@PathVariable long id, @PathVariable long attachmentId,
            StaffUser caller) throws IOException {
        TaskViews.Download download = tasks.attachment(id, attachmentId, caller);
        return Downloads.attachment(download.attachment().name(), download.attachment().contentType(),
                download.attachment().size(), download.content());
    }

    /**
     * A form of the task page: done and said so, or refused with the form kept as typed for the task page
     * the browser is sent back to.
     */
    private String act(long id, RedirectAttributes redirect, String formName, Serializable form, BindingResult errors,
            String doneKey, Supplier<TaskView> action) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("actionError", problems.describe(errors, "web.tasks.field."));
            PageForms.keep(redirect, formName, form, errors);
            return "redirect:/tasks/" + id;
        }
        String target = act(id, redirect, () -> messages.text(doneKey, action.get().title()));
        if (redirect.getFlashAttributes().containsKey("actionError")) {
            PageForms.keep(redirect, formName, form, errors);
        }
        return target;
    }

    /** Does it and says so; a refusal is said on the task page, except a task the caller may not see (403, 404). */
    private String act(long id, RedirectAttributes redirect, Action action) {
        try {
            redirect.addFlashAttribute("flash", action.run());
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", problems.describe(e, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/tasks/" + id;
    }

    /** What a form does, and the words that say it was done. */
    private interface Action {
        String run() throws IOException;
    }

    private Figure figure(TaskStatus status, long count, Filters filters, String tone) {
        return new Figure(lower(status), "task.status." + status.name(), count, filters.drill(status, null, null),
                tone);
    }

    private static Chart chart(String id, List<Breakdown> breakdowns, Filters filters, boolean byLeader) {
        long max = breakdowns.stream().mapToLong(b -> b.statistics().received()).max().orElse(0);
        List<ChartRow> rows = new ArrayList<>();
        for (Breakdown b : breakdowns) {
            String unit = byLeader ? null : b.key();
            Long leader = byLeader ? Long.valueOf(b.key()) : null;
            double y = TOP + rows.size() * ROW_HEIGHT;
            List<Segment> segments = new ArrayList<>();
            List<String> cellUrls = new ArrayList<>();
            List<Long> counts = new ArrayList<>();
            double x = LABEL_WIDTH;
            for (TaskStatus status : STACK) {
                long count = count(b.statistics(), status);
                String url = filters.drill(status, unit, leader);
                cellUrls.add(url);
                counts.add(count);
                if (count > 0) {
                    double width = BAR_AREA * (double) count / max;
                    segments.add(new Segment(lower(status), status.name(), count, x, width, url));
                    x += width;
                }
            }
            String name = b.name() == null ? b.key() : b.name();
            String label = name.length() > MAX_LABEL ? name.substring(0, MAX_LABEL - 1) + "…" : name;
            rows.add(new ChartRow(b.key(), label, name, b.statistics(), filters.drill(null, unit, leader), counts,
                    cellUrls,
                    y, segments, x + 8));
        }
        String by = byLeader ? "by-leader" : "by-unit";
        return new Chart(id, "web.tasks.chart." + by, "web.tasks.table." + by,
                byLeader ? "web.tasks.assigned-by" : "web.tasks.host-unit", rows,
                TOP * 2 + Math.max(1, rows.size()) * ROW_HEIGHT);
    }

    static long count(Statistics s, TaskStatus status) {
        return switch (status) {
            case COMPLETED_ON_TIME -> s.completedOnTime();
            case COMPLETED_LATE -> s.completedLate();
            case IN_PROGRESS_WITHIN_DEADLINE -> s.inProgressWithinDeadline();
            case IN_PROGRESS_OVERDUE -> s.inProgressOverdue();
            case NO_DEADLINE -> s.noDeadline();
        };
    }

    /** A date typed in an input of type date (yyyy-MM-dd), or null when empty. */
    private static LocalDate date(String value, String field) {
        String typed = blankToNull(value);
        if (typed == null) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "web.tasks.date-invalid");
        }
    }

    private static Long number(String value) {
        String typed = blankToNull(value);
        if (typed == null) {
            return null;
        }
        try {
            return Long.valueOf(typed);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

}
