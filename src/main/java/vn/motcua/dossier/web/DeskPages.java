package vn.motcua.dossier.web;

import jakarta.validation.Valid;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.dossier.DossierDesk;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierViews;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.dossier.forms.Form;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.shared.Messages;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;
import vn.motcua.shared.web.PageForms;
import vn.motcua.shared.web.PageLinks;
import vn.motcua.shared.web.Problems;

/**
 * The one-stop desk: the intake form (procedure, checklist, applicant, decision), one dossier with the
 * desk's decisions and printed forms, and the list of dossiers in the caller's scope.
 */
@Controller
class DeskPages {

    static final int PAGE_SIZE = 20;
    static final int PICK_SIZE = 8;
    static final DateTimeFormatter DATE_INPUT = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final DossierDesk desk;
    private final DossierQueries queries;
    private final DossierForms forms;
    private final Catalog catalog;
    private final Messages messages;
    private final ProcessView process;
    private final Problems problems;

    DeskPages(DossierDesk desk, DossierQueries queries, DossierForms forms, Catalog catalog, Messages messages,
            ProcessView process, Problems problems) {
        this.process = process;
        this.problems = problems;
        this.desk = desk;
        this.queries = queries;
        this.forms = forms;
        this.catalog = catalog;
        this.messages = messages;
    }

    // --- the list ------------------------------------------------------------------------------

    @GetMapping("/desk")
    @PreAuthorize("isAuthenticated()")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "1") int page, StaffUser caller, Model model) {
        DossierStatus shownStatus = null;
        for (DossierStatus s : DossierStatus.values()) {
            if (s.name().equals(status)) {
                shownStatus = s;
            }
        }
        List<String> errors = new ArrayList<>();
        LocalDate fromDate = date(from, errors);
        LocalDate toDate = date(to, errors);
        int shownPage = Math.max(page, 1);
        Page<DossierViews.Summary> result = queries.list(DeskForm.blankToNull(q), shownStatus, fromDate,
                toDate, caller, shownPage - 1, PAGE_SIZE);
        model.addAttribute("q", q);
        model.addAttribute("status", shownStatus);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("dateError", errors.isEmpty() ? null : messages.text("web.desk.list.date-invalid"));
        model.addAttribute("statuses", DossierStatus.values());
        model.addAttribute("result", result);
        java.util.function.IntFunction<String> url = n -> org.springframework.web.util.UriComponentsBuilder.fromPath("/desk")
                .queryParamIfPresent("q", java.util.Optional.ofNullable(DeskForm.blankToNull(q)))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(DeskForm.blankToNull(from)))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(DeskForm.blankToNull(to)))
                .queryParam("page", n).encode().build().toUriString();
        PageLinks.addTo(model, shownPage, result.total(), PAGE_SIZE, result.items().size(), url);
        model.addAttribute("mayReceive", mayReceive(caller));
        return "desk/list";
    }

    private static LocalDate date(String text, List<String> errors) {
        String value = DeskForm.blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return value.contains("-") ? LocalDate.parse(value) : LocalDate.parse(value, DATE_INPUT);
        } catch (DateTimeParseException e) {
            errors.add(value);
            return null;
        }
    }

    // --- intake --------------------------------------------------------------------------------

    @GetMapping("/desk/new")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    String intake(@RequestParam(required = false) String procedure, Model model) {
        DeskForm form = new DeskForm();
        ProcedureData chosen = procedure == null ? null : catalog.published(procedure).orElse(null);
        if (chosen != null) {
            form.setProcedureCode(chosen.code());
            for (ProcedureData.DocumentData d : chosen.documents()) {
                DeskForm.DocumentForm row = new DeskForm.DocumentForm();
                row.setDocumentId(d.id());
                row.setCopyKind(d.copyKind() == null ? null : d.copyKind().name());
                row.setCount(d.count() == null ? 1 : d.count());
                form.getDocuments().add(row);
            }
        }
        form.setIdempotencyKey(UUID.randomUUID().toString());
        model.addAttribute("form", form);
        return intakeView(chosen, model);
    }

    /** The procedures matching what the desk typed, without diacritics; an htmx fragment. */
    @GetMapping("/desk/procedures")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    String procedures(@RequestParam(required = false) String q, Model model) {
        String query = DeskForm.blankToNull(q);
        model.addAttribute("q", query);
        model.addAttribute("procedures", query == null ? List.of()
                : catalog.searchPublished(query, null, null, 0, PICK_SIZE).items());
        return "desk/intake :: procedures";
    }

    @PostMapping("/desk/new")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    String receive(@ModelAttribute("form") DeskForm form, BindingResult errors, StaffUser caller, Model model) {
        ProcedureData chosen = form.getProcedureCode() == null ? null
                : catalog.published(form.getProcedureCode()).orElse(null);
        if (!errors.hasErrors()) {
            try {
                DossierDesk.Receipt receipt = desk.receive(form.toRequest(), caller, form.getIdempotencyKey());
                return "redirect:/desk/dossiers/" + receipt.code();
            } catch (ProblemException e) {
                reject(e, errors);
            }
        }
        // Nothing was registered: a new key, so that the corrected form is a new request.
        form.setIdempotencyKey(UUID.randomUUID().toString());
        if (form.getSupplementItems().isEmpty()) {
            form.getSupplementItems().add(new DeskForm.ItemForm());
        }
        return intakeView(chosen, model);
    }

    private String intakeView(ProcedureData chosen, Model model) {
        model.addAttribute("procedure", chosen);
        model.addAttribute("copyKinds", CopyKind.values());
        model.addAttribute("channels", List.of(Channel.DIRECT, Channel.POSTAL));
        model.addAttribute("returnMethods", ReturnMethod.values());
        model.addAttribute("decisions", IntakeRequest.Decision.values());
        return "desk/intake";
    }

    /** Field errors next to their fields; a refused action (422, 409) as one sentence naming what is missing. */
    private void reject(ProblemException e, BindingResult errors) {
        // The texts are resolved here, with their arguments; the codes are not message keys on purpose.
        List<String> loose = new ArrayList<>();
        boolean invalidFields = e.status() == HttpStatus.BAD_REQUEST;
        for (ProblemException.FieldError error : e.errors()) {
            String message = messages.text(error.messageKey(), error.args());
            if (!invalidFields) {
                loose.add(message);
                continue;
            }
            try {
                errors.getFieldType(error.field());
                errors.rejectValue(error.field(), "desk.field", message);
            } catch (RuntimeException notAField) {
                loose.add(message);
            }
        }
        if (!invalidFields || e.errors().isEmpty() || !loose.isEmpty()) {
            String detail = messages.text(e.messageKey(), e.args());
            if (!loose.isEmpty()) {
                detail = detail + " " + String.join("; ", loose) + ".";
            }
            errors.reject("desk.problem", detail);
        }
    }

    // --- one dossier ---------------------------------------------------------------------------

    @GetMapping("/desk/dossiers/{code}")
    @PreAuthorize("isAuthenticated()")
    String dossier(@PathVariable String code, StaffUser caller, Model model) {
        DossierViews.Detail d = queries.detail(code, caller);
        // Intake decisions only: a supplement asked for during processing is received through the process.
        boolean open = d.acceptedAt() == null
                && (d.status() == DossierStatus.NEW || d.status() == DossierStatus.SUPPLEMENT_REQUESTED);
        boolean ownDesk = caller.has(Role.ADMIN) || (caller.has(Role.RECEPTION) && d.deskUnitCode().equals(caller.unitCode()));
        model.addAttribute("d", d);
        model.addAttribute("decide", open && ownDesk);
        model.addAttribute("receiptForm", d.acceptedAt() != null);
        model.addAttribute("supplementForm", d.supplementItems() != null && !d.supplementItems().isEmpty());
        model.addAttribute("refusalForm", d.status() == DossierStatus.REFUSED);
        model.addAttribute("stopNoticeForm", d.status() == DossierStatus.STOPPED || d.status() == DossierStatus.WITHDRAWN);
        process.addTo(model, d, caller);
        DossierActionForms.addTo(model);
        return "desk/dossier";
    }

    @PostMapping("/desk/dossiers/{code}/accept")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    String accept(@PathVariable String code, StaffUser caller, RedirectAttributes redirect) {
        return decide(code, redirect, "web.desk.done.accept", () -> desk.accept(code, caller));
    }

    @PostMapping("/desk/dossiers/{code}/supplement")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    String supplement(@PathVariable String code,
            @Valid @ModelAttribute(DossierActionForms.SUPPLEMENT) DossierActionForms.SupplementForm form,
            BindingResult errors, StaffUser caller, RedirectAttributes redirect) {
        return decide(code, redirect, DossierActionForms.SUPPLEMENT, form, errors, "web.desk.done.supplement",
                () -> desk.requestSupplement(code, form.filled(), caller));
    }

    @PostMapping("/desk/dossiers/{code}/refuse")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    String refuse(@PathVariable String code,
            @Valid @ModelAttribute(DossierActionForms.REASON) DossierActionForms.ReasonForm form, BindingResult errors,
            StaffUser caller, RedirectAttributes redirect) {
        return decide(code, redirect, DossierActionForms.REASON, form, errors, "web.desk.done.refuse",
                () -> desk.refuse(code, form.reason(), caller));
    }

    @PostMapping("/desk/dossiers/{code}/supplied")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    String supplied(@PathVariable String code,
            @Valid @ModelAttribute(DossierActionForms.NOTE) DossierActionForms.NoteForm form, BindingResult errors,
            StaffUser caller, RedirectAttributes redirect) {
        return decide(code, redirect, DossierActionForms.NOTE, form, errors, "web.desk.done.supplied",
                () -> desk.supplied(code, DeskForm.blankToNull(form.note()), caller));
    }

    private String decide(String code, RedirectAttributes redirect, String doneKey, Runnable action) {
        return decide(code, redirect, null, null, null, doneKey, action);
    }

    /** Done and said so; or refused, in words above the forms and with the form kept as typed. */
    private String decide(String code, RedirectAttributes redirect, String formName, Serializable form,
            BindingResult errors, String doneKey, Runnable action) {
        if (errors != null && errors.hasErrors()) {
            redirect.addFlashAttribute("actionError", problems.describe(errors, null));
            PageForms.keep(redirect, formName, form, errors);
            return "redirect:/desk/dossiers/" + code;
        }
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.text(doneKey, code));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", problems.describe(e, null));
            if (formName != null) {
                PageForms.keep(redirect, formName, form, errors);
            }
        }
        return "redirect:/desk/dossiers/" + code;
    }

    // --- printed forms (the /api/v1 routes take HTTP Basic; these take the page session) --------

    @GetMapping("/desk/dossiers/{code}/receipt.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> receipt(@PathVariable String code, StaffUser caller) {
        return pdf(Form.RECEIPT, code, caller);
    }

    @GetMapping("/desk/dossiers/{code}/supplement-request.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> supplementRequest(@PathVariable String code, StaffUser caller) {
        return pdf(Form.SUPPLEMENT_REQUEST, code, caller);
    }

    @GetMapping("/desk/dossiers/{code}/refusal.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> refusal(@PathVariable String code, StaffUser caller) {
        return pdf(Form.REFUSAL, code, caller);
    }

    @GetMapping("/desk/dossiers/{code}/stop-notice.pdf")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> stopNotice(@PathVariable String code, StaffUser caller) {
        return pdf(Form.STOP_NOTICE, code, caller);
    }

    private ResponseEntity<byte[]> pdf(Form form, String code, StaffUser caller) {
        DossierForms.Pdf pdf = forms.render(form, code, caller);
        return Downloads.inline(pdf.filename(), MediaType.APPLICATION_PDF, pdf.content());
    }

    // --- helpers -------------------------------------------------------------------------------


    private static boolean mayReceive(StaffUser caller) {
        return caller.has(Role.RECEPTION) || caller.has(Role.ADMIN);
    }

}
