package vn.motcua.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.Messages;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.FieldMessages;
import vn.motcua.shared.web.PageLinks;
import vn.motcua.shared.web.Problems;

/**
 * The catalogue as administrators keep it: every procedure's latest version, the draft editor, publication
 * by decision, abolition. The Excel workbook in and out is {@link CatalogTransferPages}.
 */
@Controller
class CatalogAdminPages {

    static final int PAGE_SIZE = 20;

    /** Rule violations named after the data, shown next to the input that holds it. */
    private static final Map<String, String> INPUT_OF = Map.of("timeLimit", "timeLimitAmount",
            "timeLimit.amount", "timeLimitAmount", "timeLimit.unit", "timeLimitUnit");

    /** The inputs of the editor (besides its rows) a rule violation may name. */
    private static final Set<String> EDITOR_INPUTS = Set.of("code", "name", "field", "agencyName", "agencyCode",
            "applicants", "timeLimitAmount", "timeLimitUnit", "onlineLevel");

    /** Someone else saved first: the service's words for it, all told as one message. */
    private static final Set<String> STALE = Set.of("catalog.stale-revision", "catalog.concurrent-change");

    /** One line of the list. */
    public record Row(String code, String name, String field, String agencyName, String timeLimit,
            ProcedureStatus status, Integer version) {}

    /** The active units of one agency, for the select of a step. */
    public record UnitGroup(String agencyName, List<UnitView> units) {}

    /** A unit named by a step that is no longer (or never was) an active unit: kept selectable, marked. */
    public record OtherUnit(String code, String label) {}

    /** The step hours against the time limit: state ok, missing, extra or no-limit. */
    public record StepSum(String state, String text, int sum, int limit) {}

    private final Catalog catalog;
    private final Organization organization;
    private final CatalogViews views;
    private final Messages messages;
    private final Problems problems;

    CatalogAdminPages(Catalog catalog, Organization organization, CatalogViews views, Messages messages,
            Problems problems) {
        this.problems = problems;
        this.catalog = catalog;
        this.organization = organization;
        this.views = views;
        this.messages = messages;
    }

    // --- the list ------------------------------------------------------------------------------

    @GetMapping("/admin/procedures")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String page, Model model) {
        String query = q == null ? "" : q.strip();
        ProcedureStatus wanted = CatalogViews.enumOrNull(ProcedureStatus.class, status);
        int number = CatalogViews.pageNumber(page);
        Page<Catalog.Summary> found;
        try {
            found = catalog.searchAll(query, wanted, number - 1, PAGE_SIZE);
            int pages = pages(found.total());
            if (number > pages && found.total() > 0) {
                number = pages;
                found = catalog.searchAll(query, wanted, number - 1, PAGE_SIZE);
            }
        } catch (ProblemException e) {
            model.addAttribute("queryError", problems.firstReason(e));
            found = new Page<>(List.of(), 0, 0, PAGE_SIZE);
        }
        int current = number;
        model.addAttribute("q", query);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", List.of(ProcedureStatus.DRAFT, ProcedureStatus.PUBLISHED, ProcedureStatus.ABOLISHED));
        model.addAttribute("rows", found.items().stream().map(s -> new Row(s.code(), s.name(), s.field(),
                s.agencyName(), views.timeLimit(s.timeLimit()), s.status(), s.version())).toList());
        model.addAttribute("total", found.total());
        PageLinks.addTo(model, current, found.total(), PAGE_SIZE, found.items().size(), n -> listUrl(query, wanted, n));
        return "catalog/admin-list";
    }

    private static String listUrl(String q, ProcedureStatus status, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/procedures");
        Map<String, Object> values = new HashMap<>();
        if (!q.isEmpty()) {
            url.queryParam("q", "{q}");
            values.put("q", q);
        }
        if (status != null) {
            url.queryParam("status", status.name());
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().buildAndExpand(values).toUriString();
    }

    // --- the editor ----------------------------------------------------------------------------

    @GetMapping("/admin/procedures/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newProcedure(Model model) {
        ProcedureForm form = ProcedureForm.blank();
        return editorView(null, form, new BeanPropertyBindingResult(form, "form"), model);
    }

    @PostMapping("/admin/procedures/new")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@Valid @ModelAttribute("form") ProcedureForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!fixFirst(errors)) {
            form.dropBlankRows();
            try {
                ProcedureData created = catalog.create(form.toData(form.getCode()));
                redirect.addFlashAttribute("flash", messages.text("web.catalog.admin.created", created.name(),
                        String.valueOf(created.version())));
                return "redirect:" + procedureUrl(created.code());
            } catch (ProblemException e) {
                reject(errors, e);
            }
        }
        return editorView(null, form, errors, model);
    }

    @GetMapping("/admin/procedures/{code}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable String code, Model model) {
        ProcedureData current = current(code);
        if (current.status() == ProcedureStatus.ABOLISHED) {
            return "redirect:" + procedureUrl(code);
        }
        ProcedureForm form = ProcedureForm.of(current);
        return editorView(current, form, new BeanPropertyBindingResult(form, "form"), model);
    }

    /**
     * Saves the draft; on a procedure in force this opens a new draft version. A form opened on a version
     * or revision that is no longer the current one is refused and kept, so that nothing typed is lost.
     */
    @PostMapping("/admin/procedures/{code}/edit")
    @PreAuthorize("hasRole('ADMIN')")
    String change(@PathVariable String code, @Valid @ModelAttribute("form") ProcedureForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        ProcedureData current = current(code);
        form.setCode(current.code());
        if (!fixFirst(errors)) {
            form.dropBlankRows();
            try {
                if (!Objects.equals(current.version(), form.getBaseVersion())
                        || !Objects.equals(current.revision(), form.getRevision())) {
                    throw ProblemException.conflict("catalog.stale-revision", code);
                }
                ProcedureData saved = catalog.change(code, form.toData(code));
                redirect.addFlashAttribute("flash", messages.text("web.catalog.admin.saved", saved.name(),
                        String.valueOf(saved.version())));
                return "redirect:" + procedureUrl(code);
            } catch (ProblemException e) {
                reject(errors, e);
            } catch (OptimisticLockingFailureException e) {
                errors.reject("problem.concurrent-change");
            }
        }
        return editorView(current, form, errors, model);
    }

    private String editorView(ProcedureData current, ProcedureForm form, BindingResult errors, Model model) {
        model.addAttribute("procedure", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", FieldMessages.of(errors, messages));
        model.addAttribute("inForce", current == null ? null : catalog.published(current.code()).orElse(null));
        model.addAttribute("fieldOptions", catalog.fields().stream().map(Catalog.FieldCount::field).toList());
        List<UnitGroup> groups = organization.agencies().stream()
                .map(agency -> new UnitGroup(agency.name(), organization.units(agency.code()).stream()
                        .filter(UnitView::active).toList()))
                .filter(group -> !group.units().isEmpty())
                .toList();
        Set<String> active = new LinkedHashSet<>();
        groups.forEach(group -> group.units().forEach(unit -> active.add(unit.code())));
        List<OtherUnit> others = new ArrayList<>();
        for (ProcedureForm.StepRow step : form.getSteps()) {
            String unit = step == null ? null : step.getUnitCode();
            if (unit != null && !unit.isBlank() && active.add(unit)) {
                others.add(new OtherUnit(unit, organization.unit(unit)
                        .map(u -> messages.text("web.catalog.admin.unit-inactive", u.name(), u.code()))
                        .orElseGet(() -> messages.text("web.catalog.admin.unit-unknown", unit))));
            }
        }
        model.addAttribute("unitGroups", groups);
        model.addAttribute("otherUnits", others);
        model.addAttribute("roles", StepRole.values());
        model.addAttribute("copyKinds", CopyKind.values());
        model.addAttribute("timeUnits", TimeUnit.values());
        model.addAttribute("levels", OnlineLevel.values());
        model.addAttribute("clockPolicies", ClockPolicy.values());
        model.addAttribute("allApplicants", Applicant.values());
        model.addAttribute("stepSum", stepSum(form));
        model.addAttribute("newDocument", new ProcedureForm.DocumentRow());
        model.addAttribute("newFee", new ProcedureForm.FeeRow());
        model.addAttribute("newStep", new ProcedureForm.StepRow());
        return "catalog/admin-editor";
    }

    /** What the live sum shows before any script runs (and without one). */
    StepSum stepSum(ProcedureForm form) {
        int sum = form.stepHours();
        if (form.getTimeLimitAmount() == null || form.getTimeLimitAmount() < 1) {
            return new StepSum("no-limit", messages.text("web.catalog.admin.sum.no-limit", String.valueOf(sum)), sum, 0);
        }
        int limit = CatalogViews.limitHours(form.getTimeLimitAmount(), form.getTimeLimitUnit());
        String head = messages.text("web.catalog.admin.sum", String.valueOf(sum), String.valueOf(limit));
        if (sum == limit) {
            return new StepSum("ok", head + " " + messages.text("web.catalog.admin.sum.ok"), sum, limit);
        }
        return sum < limit
                ? new StepSum("missing", head + " " + messages.text("web.catalog.admin.sum.missing", String.valueOf(limit - sum)), sum, limit)
                : new StepSum("extra", head + " " + messages.text("web.catalog.admin.sum.extra", String.valueOf(sum - limit)), sum, limit);
    }

    // --- one procedure: versions, publication, abolition ----------------------------------------

    @GetMapping("/admin/procedures/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    String view(@PathVariable String code, Model model) {
        model.addAttribute("publishForm", new PublishForm(null, null, null));
        return procedureView(current(code), List.of(), model);
    }

    @PostMapping("/admin/procedures/{code}/publish")
    @PreAuthorize("hasRole('ADMIN')")
    String publish(@PathVariable String code, @Valid @ModelAttribute("publishForm") PublishForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        ProcedureData current = current(code);
        if (errors.hasErrors()) {
            return procedureView(current, List.of(), model);
        }
        LocalDate decisionDate = PublishForm.date(form.decisionDate(), "decisionDate", errors);
        LocalDate effectiveFrom = PublishForm.date(form.effectiveFrom(), "effectiveFrom", errors);
        // Even with a date mistyped (so left out, which the catalogue refuses) the catalogue is asked, so that
        // every reason is listed at once.
        List<String> reasons = new ArrayList<>();
        try {
            ProcedureData published = catalog.publish(code, new ProcedureData.Publication(form.decisionNumber(),
                    decisionDate, effectiveFrom));
            if (!errors.hasErrors()) {
                redirect.addFlashAttribute("flash", messages.text("web.catalog.admin.published", published.name(),
                        published.publication().decisionNumber()));
                return "redirect:" + procedureUrl(code);
            }
        } catch (ProblemException e) {
            errors.reject(e.messageKey(), e.args(), messages.text(e.messageKey(), e.args()));
            for (ProblemException.FieldError error : e.errors()) {
                String message = messages.text(error.messageKey(), error.args());
                reasons.add(message);
                if (PublishForm.FIELDS.contains(error.field()) && !errors.hasFieldErrors(error.field())) {
                    // As worded here (a clause made a sentence), not as the bundle words the key.
                    errors.addError(new FieldError(errors.getObjectName(), error.field(),
                            errors.getFieldValue(error.field()), false, null, null, capitalized(message)));
                }
            }
        }
        return procedureView(current, reasons, model);
    }

    @GetMapping("/admin/procedures/{code}/abolish")
    @PreAuthorize("hasRole('ADMIN')")
    String confirmAbolish(@PathVariable String code, Model model) {
        return abolishView(current(code), null, model);
    }

    @PostMapping("/admin/procedures/{code}/abolish")
    @PreAuthorize("hasRole('ADMIN')")
    String abolish(@PathVariable String code, Model model, RedirectAttributes redirect) {
        ProcedureData current = current(code);
        try {
            catalog.abolish(code);
            redirect.addFlashAttribute("flash", messages.text("web.catalog.admin.abolished", current.name()));
            return "redirect:" + procedureUrl(code);
        } catch (ProblemException e) {
            return abolishView(current, messages.text(e.messageKey(), e.args()), model);
        }
    }

    /** The procedure with its versions; {@code reasons}: why a publication was refused, each a clause of one sentence. */
    private String procedureView(ProcedureData current, List<String> reasons, Model model) {
        model.addAttribute("procedure", current);
        model.addAttribute("p", views.detail(current));
        model.addAttribute("versions", catalog.versions(current.code()));
        model.addAttribute("inForce", catalog.published(current.code()).orElse(null));
        model.addAttribute("publishReasons", reasons);
        return "catalog/admin-procedure";
    }

    private String abolishView(ProcedureData current, String error, Model model) {
        model.addAttribute("procedure", current);
        model.addAttribute("inForce", catalog.published(current.code()).orElse(null));
        model.addAttribute("error", error);
        return "catalog/admin-abolish";
    }

    // --- helpers -------------------------------------------------------------------------------

    /** An index beyond what the form binder grows a list to (hand-made posts only): a bad request, not a 500. */
    @ExceptionHandler(InvalidPropertyException.class)
    void invalidRow(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.BAD_REQUEST.value());
    }

    private ProcedureData current(String code) {
        return catalog.current(code).orElseThrow(() -> ProblemException.notFound("catalog.not-found", code));
    }

    /**
     * What could not even be bound (a word where a number belongs) or is out of shape: shown before any rule is
     * checked, with a sentence above the form. True when there is something to fix.
     */
    private static boolean fixFirst(BindingResult errors) {
        if (errors.hasErrors()) {
            errors.reject("web.catalog.admin.fix-errors");
            return true;
        }
        return false;
    }

    /** Each refusal of the service next to the input it names; the rest, and a stale form, above the form. */
    private void reject(BindingResult errors, ProblemException e) {
        if (STALE.contains(e.messageKey())) {
            errors.reject("problem.concurrent-change");
            return;
        }
        if (e.errors().isEmpty()) {
            errors.reject(e.messageKey(), e.args(), messages.text(e.messageKey(), e.args()));
            return;
        }
        errors.reject("web.catalog.admin.fix-errors");
        for (ProblemException.FieldError error : e.errors()) {
            String input = INPUT_OF.getOrDefault(error.field(), error.field());
            String message = messages.text(error.messageKey(), error.args());
            if (CatalogViews.ROW_FIELD.matcher(input).matches() || EDITOR_INPUTS.contains(input)) {
                if (!errors.hasFieldErrors(input)) {
                    errors.rejectValue(input, error.messageKey(), error.args(), message);
                }
            } else {
                errors.addError(new ObjectError(errors.getObjectName(), views.label(error.field()) + ": " + message));
            }
        }
    }

    /** A clause of the refusal's sentence as a message of its own, next to its input. */
    private static String capitalized(String message) {
        return message.isEmpty() ? message : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1) + ".";
    }

    private static int pages(long total) {
        return (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    static String procedureUrl(String code) {
        return UriComponentsBuilder.fromPath("/admin/procedures/{code}").encode().buildAndExpand(code).toUriString();
    }

}
