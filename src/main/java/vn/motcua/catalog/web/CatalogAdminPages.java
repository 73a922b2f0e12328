package vn.motcua.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;
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
import vn.motcua.catalog.ProcedureTransfer;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.Messages;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;
import vn.motcua.shared.web.FieldMessages;
import vn.motcua.shared.web.PageLinks;
import vn.motcua.shared.web.Problems;

/**
 * The catalogue as administrators keep it: every procedure's latest version, the draft editor, publication
 * by decision, abolition, and the Excel workbook in and out (the API's import and export, for a browser
 * session, which cannot use the API's HTTP Basic).
 */
@Controller
class CatalogAdminPages {

    static final int PAGE_SIZE = 20;

    /** An XLSX file is a ZIP archive: it starts with these bytes whatever its name says. */
    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};

    /** Dates as people write them here, 2/3/2026 or 02/03/2026 (ISO 2026-03-02 is accepted too). */
    static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A row of the editor or of an import: {@code documents[0].name}, {@code steps[2]}. */
    private static final Pattern ROW_FIELD = Pattern.compile("(documents|fees|steps)\\[(\\d+)](?:\\.([A-Za-z]+))?");

    /** Rule violations named after the data, shown next to the input that holds it. */
    private static final Map<String, String> INPUT_OF = Map.of("timeLimit", "timeLimitAmount",
            "timeLimit.amount", "timeLimitAmount", "timeLimit.unit", "timeLimitUnit");

    /** The inputs of the editor (besides its rows) a rule violation may name. */
    private static final Set<String> EDITOR_INPUTS = Set.of("code", "name", "field", "agencyName", "agencyCode",
            "applicants", "timeLimitAmount", "timeLimitUnit", "onlineLevel");

    /** The inputs of the publication form. */
    private static final Set<String> PUBLICATION_FIELDS = Set.of("decisionNumber", "decisionDate", "effectiveFrom");

    /** Someone else saved first: the service's words for it, all told as one message. */
    private static final Set<String> STALE = Set.of("catalog.stale-revision", "catalog.concurrent-change");

    /** The publication form: the decision's number, and its dates typed dd/MM/yyyy as people write them. */
    public record PublishForm(@Size(max = 50, message = "{validation.too-long}") String decisionNumber,
            String decisionDate, String effectiveFrom) {

        public PublishForm {
            decisionNumber = decisionNumber == null ? null : decisionNumber.strip();
        }
    }

    /** One line of the list. */
    public record Row(String code, String name, String field, String agencyName, String timeLimit,
            ProcedureStatus status, Integer version) {}

    /** The active units of one agency, for the select of a step. */
    public record UnitGroup(String agencyName, List<UnitView> units) {}

    /** A unit named by a step that is no longer (or never was) an active unit: kept selectable, marked. */
    public record OtherUnit(String code, String label) {}

    /** The step hours against the time limit: state ok, missing, extra or no-limit. */
    public record StepSum(String state, String text, int sum, int limit) {}

    public record ReportRow(int row, String code, ProcedureTransfer.Outcome result, List<String> reasons) {}

    public record ImportReport(boolean applied, int created, int updated, int rejected, List<ReportRow> rows) {}

    private final Catalog catalog;
    private final ProcedureTransfer transfer;
    private final Organization organization;
    private final CatalogViews views;
    private final Messages messages;
    private final Problems problems;

    CatalogAdminPages(Catalog catalog, ProcedureTransfer transfer, Organization organization, CatalogViews views,
            Messages messages, Problems problems) {
        this.problems = problems;
        this.catalog = catalog;
        this.transfer = transfer;
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

    // --- Excel ---------------------------------------------------------------------------------

    /** The workbook of the import template: every latest version (scope=latest) or the catalogue in force. */
    @GetMapping("/admin/procedures/export.xlsx")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> export(@RequestParam(required = false, defaultValue = "latest") String scope) {
        boolean latest = !"published".equals(scope);
        return Downloads.workbook(latest ? "thu-tuc-hanh-chinh-tat-ca.xlsx" : "thu-tuc-hanh-chinh.xlsx",
                transfer.toWorkbook(transfer.export(latest)));
    }

    @GetMapping("/admin/procedures/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importForm() {
        return "catalog/admin-import";
    }

    /** All or nothing, as the API does: the report says row by row what was, or would have been, done. */
    @PostMapping("/admin/procedures/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importWorkbook(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalid("file", "catalog.import.empty");
            }
            if (file.getSize() > StaffProcedureApi.MAX_IMPORT_BYTES) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "problem.upload-too-large");
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            try (InputStream in = new BufferedInputStream(file.getInputStream())) {
                in.mark(4);
                byte[] head = in.readNBytes(4);
                in.reset();
                if (!Arrays.equals(head, ZIP_MAGIC) || !name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "catalog.import.not-xlsx");
                }
                ProcedureTransfer.Report report = transfer.importLines(transfer.fromWorkbook(in));
                model.addAttribute("report", new ImportReport(report.applied(), report.created(), report.updated(),
                        report.rejected(), report.rows().stream().map(this::reportRow).toList()));
            }
            model.addAttribute("fileName", name);
        } catch (ProblemException e) {
            model.addAttribute("importError", problems.firstReason(e));
        }
        return "catalog/admin-import";
    }

    private ReportRow reportRow(ProcedureTransfer.RowReport row) {
        List<String> reasons = row.errors().stream()
                .map(error -> messages.text("web.catalog.admin.import.reason", label(error.get("field")), error.get("message")))
                .toList();
        return new ReportRow(row.row(), row.code(), row.result(), reasons);
    }

    /** A field path in words: {@code steps[1].durationHours} → "Bước 2 – Số giờ làm việc". */
    String label(String path) {
        if (path == null) {
            return "";
        }
        Matcher row = ROW_FIELD.matcher(path);
        if (row.matches()) {
            String section = row.group(1);
            String item = messages.text("web.catalog.label." + section + ".item", String.valueOf(Integer.parseInt(row.group(2)) + 1));
            return row.group(3) == null ? item
                    : item + " – " + messages.textOr("web.catalog.label." + section + "." + row.group(3), row.group(3));
        }
        return messages.textOr("web.catalog.label." + path, path);
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
        LocalDate decisionDate = date(form.decisionDate(), "decisionDate", errors);
        LocalDate effectiveFrom = date(form.effectiveFrom(), "effectiveFrom", errors);
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
                if (PUBLICATION_FIELDS.contains(error.field()) && !errors.hasFieldErrors(error.field())) {
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
            if (ROW_FIELD.matcher(input).matches() || EDITOR_INPUTS.contains(input)) {
                if (!errors.hasFieldErrors(input)) {
                    errors.rejectValue(input, error.messageKey(), error.args(), message);
                }
            } else {
                errors.addError(new ObjectError(errors.getObjectName(), label(error.field()) + ": " + message));
            }
        }
    }

    private static LocalDate date(String text, String field, BindingResult errors) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return value.contains("-") ? LocalDate.parse(value) : LocalDate.parse(value, DATE_INPUT);
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "web.catalog.admin.date-invalid");
            return null;
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
