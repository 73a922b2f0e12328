package vn.motcua.dossier.web;

import static vn.motcua.dossier.web.DossierActionForms.APOLOGY;
import static vn.motcua.dossier.web.DossierActionForms.CLOSE;
import static vn.motcua.dossier.web.DossierActionForms.NOTE;
import static vn.motcua.dossier.web.DossierActionForms.REASON;
import static vn.motcua.dossier.web.DossierActionForms.RETURN;
import static vn.motcua.dossier.web.DossierActionForms.SUPPLEMENT;

import jakarta.validation.Valid;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.dossier.DossierProcessing;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.dossier.web.DossierActionForms.ApologyForm;
import vn.motcua.dossier.web.DossierActionForms.CloseForm;
import vn.motcua.dossier.web.DossierActionForms.NoteForm;
import vn.motcua.dossier.web.DossierActionForms.ReasonForm;
import vn.motcua.dossier.web.DossierActionForms.ReturnForm;
import vn.motcua.dossier.web.DossierActionForms.SupplementForm;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.web.PageForms;
import vn.motcua.shared.web.RequestValues;
import vn.motcua.shared.web.Problems;

/**
 * The processing actions on the dossier page (the browser's twin of {@code /api/v1/dossiers/{code}/…}): each
 * a small form carrying the revision the user saw as {@code expectedVersion}, answered with a redirect back
 * to the dossier page and a message (post/redirect/get). A dossier outside the caller's scope is unknown
 * (404); every other refusal of the service is shown on the page in words.
 */
@Controller
class ProcessingPages {

    static final DateTimeFormatter DATE_TIME_INPUT = DateTimeFormatter.ofPattern("d/M/uuuu H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final DossierProcessing processing;
    private final DossierQueries queries;
    private final Messages messages;
    private final Problems problems;

    ProcessingPages(DossierProcessing processing, DossierQueries queries, Messages messages, Problems problems) {
        this.processing = processing;
        this.queries = queries;
        this.messages = messages;
        this.problems = problems;
    }

    @PostMapping("/desk/dossiers/{code}/handover")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    String handOver(@PathVariable String code, @Valid @ModelAttribute(NOTE) NoteForm form, BindingResult errors,
            StaffUser caller, RedirectAttributes redirect) {
        return act(code, caller, redirect, NOTE, form, errors, "web.process.done.handover",
                () -> processing.handOver(code, DeskForm.blankToNull(form.note()), form.expectedVersion(), caller));
    }

    @PostMapping("/desk/dossiers/{code}/send-back")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    String sendBack(@PathVariable String code, @Valid @ModelAttribute(REASON) ReasonForm form, BindingResult errors,
            StaffUser caller, RedirectAttributes redirect) {
        return act(code, caller, redirect, REASON, form, errors, "web.process.done.send-back",
                () -> processing.sendBack(code, DeskForm.blankToNull(form.reason()), form.expectedVersion(), caller));
    }

    @PostMapping("/desk/dossiers/{code}/request-supplement")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    String requestSupplement(@PathVariable String code, @Valid @ModelAttribute(SUPPLEMENT) SupplementForm form,
            BindingResult errors, StaffUser caller, RedirectAttributes redirect) {
        return act(code, caller, redirect, SUPPLEMENT, form, errors, "web.process.done.supplement",
                () -> processing.requestSupplement(code, form.filled(), form.expectedVersion(), caller));
    }

    @PostMapping("/desk/dossiers/{code}/supplement-received")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    String supplementReceived(@PathVariable String code, @Valid @ModelAttribute(NOTE) NoteForm form,
            BindingResult errors, StaffUser caller, RedirectAttributes redirect) {
        return act(code, caller, redirect, NOTE, form, errors, "web.process.done.supplement-received",
                () -> processing.supplementReceived(code, DeskForm.blankToNull(form.note()), form.expectedVersion(),
                        caller));
    }

    @PostMapping("/desk/dossiers/{code}/apology")
    @PreAuthorize("hasAnyRole('RECEPTION', 'LEADER')")
    String apology(@PathVariable String code, @Valid @ModelAttribute(APOLOGY) ApologyForm form, BindingResult errors,
            StaffUser caller, RedirectAttributes redirect) {
        String typed = DeskForm.blankToNull(form.newDueAt());
        OffsetDateTime due = null;
        if (typed != null) {
            try {
                due = LocalDateTime.parse(typed.replaceAll("\\s+", " "), DATE_TIME_INPUT).atZone(VietnamTime.ZONE)
                        .toOffsetDateTime();
            } catch (DateTimeParseException e) {
                errors.rejectValue("newDueAt", "web.process.apology.date-invalid");
            }
        }
        OffsetDateTime chosen = due;
        return act(code, caller, redirect, APOLOGY, form, errors, "web.process.done.apology",
                () -> processing.apologize(code, DeskForm.blankToNull(form.reason()), chosen, form.expectedVersion(),
                        caller));
    }

    @PostMapping("/desk/dossiers/{code}/close")
    @PreAuthorize("hasAnyRole('RECEPTION', 'LEADER')")
    String close(@PathVariable String code, @Valid @ModelAttribute(CLOSE) CloseForm form, BindingResult errors,
            StaffUser caller, RedirectAttributes redirect) {
        DossierStatus status = "WITHDRAWN".equals(form.closing()) ? DossierStatus.WITHDRAWN : DossierStatus.STOPPED;
        return act(code, caller, redirect, CLOSE, form, errors, status == DossierStatus.WITHDRAWN
                ? "web.process.done.withdraw" : "web.process.done.stop",
                () -> processing.close(code, status, DeskForm.blankToNull(form.reason()), form.expectedVersion(),
                        caller));
    }

    @PostMapping("/desk/dossiers/{code}/return-result")
    @PreAuthorize("hasRole('RECEPTION')")
    String returnResult(@PathVariable String code, @Valid @ModelAttribute(RETURN) ReturnForm form,
            BindingResult errors, StaffUser caller, RedirectAttributes redirect) {
        // The field is "returnMethod", not "method": that name would hide the form's own method property from scripts.
        ReturnMethod returned = RequestValues.choiceOr(form.returnMethod(), ReturnMethod.class, null);
        return act(code, caller, redirect, RETURN, form, errors, "web.process.done.return",
                () -> processing.returnResult(code, returned, form.expectedVersion(), caller));
    }

    /** Done and said so; or refused, in words above the forms and with the form kept as typed. */
    private String act(String code, StaffUser caller, RedirectAttributes redirect, String formName, Serializable form,
            BindingResult errors, String doneKey, Supplier<DossierProcessing.State> action) {
        // Outside the caller's scope the dossier does not exist for them: 404, as on the page itself.
        queries.detail(code, caller);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("actionError", problems.describe(errors, "web.process.field."));
            PageForms.keep(redirect, formName, form, errors);
            return back(code);
        }
        try {
            action.get();
            redirect.addFlashAttribute("flash", messages.text(doneKey, code));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", problems.describe(e, "web.process.field."));
            PageForms.keep(redirect, formName, form, errors);
        }
        return back(code);
    }

    private static String back(String code) {
        return "redirect:/desk/dossiers/" + code;
    }

}
