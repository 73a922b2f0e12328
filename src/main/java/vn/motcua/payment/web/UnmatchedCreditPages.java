package vn.motcua.payment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.payment.Payments;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Formats;
import vn.motcua.shared.web.Problems;

/**
 * "Khoản chuyển khoản chưa đối soát": the credits the bank reported that paid no dossier exactly (a partial or
 * repeated transfer, a content naming no dossier), which a desk officer ties to the dossier they belong to or
 * records as sent back to the payer, with why ({@link Payments#unmatched}, {@link Payments#assign},
 * {@link Payments#returnToPayer}). Each credit has its own two forms; a refused one is shown again on its credit,
 * as typed and with the reasons.
 */
@Controller
@PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
class UnmatchedCreditPages {

    static final String PATH = "/desk/payments/unmatched";

    private final Payments payments;
    private final Problems problems;
    private final Messages messages;

    UnmatchedCreditPages(Payments payments, Problems problems, Messages messages) {
        this.payments = payments;
        this.problems = problems;
        this.messages = messages;
    }

    record AssignForm(@Size(max = 60, message = "{validation.too-long}") String dossierCode,
            @Size(max = 500, message = "{validation.too-long}") String note) {}

    record ReturnForm(@Size(max = 500, message = "{validation.too-long}") String note) {}

    /**
     * A form refused on one credit, for the page to draw again on that credit: what was typed ({@code values}, by
     * field), the reason next to each field ({@code fieldErrors}) and the rest above the form ({@code error}). Kept
     * across the redirect in the page session, which lives in the database: hence {@link Serializable}.
     */
    record Refused(long creditId, String action, Map<String, String> values, Map<String, String> fieldErrors,
            String error) implements Serializable {}

    @GetMapping(PATH)
    String list(StaffUser caller, Model model) {
        List<Payments.Transaction> credits = payments.unmatched(caller);
        model.addAttribute("credits", credits);
        // A credit resolved meanwhile by someone else is no longer listed: its refusal is said above the list.
        if (model.getAttribute("refused") instanceof Refused refused
                && credits.stream().noneMatch(c -> c.id() == refused.creditId())) {
            model.addAttribute("actionError", refused.error());
        }
        return "payment/unmatched";
    }

    @PostMapping(PATH + "/{id}/assign")
    String assign(@PathVariable long id, @Valid @ModelAttribute("assignForm") AssignForm form, BindingResult errors,
            StaffUser caller, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Payments.Transaction assigned = payments.assign(id, form.dossierCode(), form.note(), caller);
                redirect.addFlashAttribute("flash", messages.text("payment.unmatched.assigned",
                        Formats.vnd(assigned.amount()), assigned.reference(), assigned.dossierCode()));
                return "redirect:" + PATH;
            } catch (ProblemException e) {
                // An unknown dossier code is a mistake in the form, not a missing page.
                problems.reject(e, errors, "payment.field.");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("dossierCode", form.dossierCode());
        values.put("note", form.note());
        return refused(redirect, id, "assign", values, errors);
    }

    @PostMapping(PATH + "/{id}/return")
    String returnToPayer(@PathVariable long id, @Valid @ModelAttribute("returnForm") ReturnForm form,
            BindingResult errors, StaffUser caller, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Payments.Transaction returned = payments.returnToPayer(id, form.note(), caller);
                redirect.addFlashAttribute("flash", messages.text("payment.unmatched.returned",
                        Formats.vnd(returned.amount()), returned.reference()));
                return "redirect:" + PATH;
            } catch (ProblemException e) {
                problems.reject(e, errors, "payment.field.");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("note", form.note());
        return refused(redirect, id, "return", values, errors);
    }

    private String refused(RedirectAttributes redirect, long id, String action, Map<String, String> values,
            BindingResult errors) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        for (FieldError error : errors.getFieldErrors()) {
            fieldErrors.putIfAbsent(error.getField(), messages.text(error));
        }
        String error = errors.getGlobalErrors().isEmpty() ? null
                : errors.getGlobalErrors().stream().map(messages::text).reduce((a, b) -> a + " " + b).orElse(null);
        redirect.addFlashAttribute("refused", new Refused(id, action, values, fieldErrors, error));
        return "redirect:" + PATH + "#credit-" + id;
    }
}
