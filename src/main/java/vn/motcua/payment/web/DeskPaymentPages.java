package vn.motcua.payment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.motcua.dossier.DossierFees;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.payment.PaymentQr;
import vn.motcua.payment.Payments;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Formats;
import vn.motcua.shared.web.PageForms;
import vn.motcua.shared.web.Problems;

/**
 * The fees of a dossier at the desk: the "Phí, lệ phí" panel the staff's dossier page loads from here (htmx; the same
 * address is a page of its own without scripts), with the lines, what was paid and what is outstanding, the
 * transactions, the VietQR code the officer shows the applicant, and the form that records cash paid at the desk.
 * Whoever sees the dossier sees the panel; the desk that holds it (RECEPTION there) or an administrator records cash
 * ({@link Payments#recordCash} decides; the form is only offered to them).
 */
@Controller
class DeskPaymentPages {

    static final String CASH_FORM = "cashForm";

    private final Payments payments;
    private final DossierFees fees;
    private final Problems problems;
    private final Messages messages;

    DeskPaymentPages(Payments payments, DossierFees fees, Problems problems, Messages messages) {
        this.payments = payments;
        this.fees = fees;
        this.problems = problems;
        this.messages = messages;
    }

    /**
     * Cash as the officer types it: "80000", "80.000" or "80.000 đ" are the same amount. A refused one is kept for the
     * panel in the page session, which lives in the database: hence {@link Serializable}.
     */
    record CashForm(@Size(max = 30, message = "{validation.too-long}") String amount,
            @Size(max = 40, message = "{validation.too-long}") String receiptNumber) implements Serializable {}

    @GetMapping("/desk/dossiers/{code}/payment")
    @PreAuthorize("isAuthenticated()")
    String panel(@PathVariable String code, StaffUser caller, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Payments.Summary summary = payments.summary(code, caller);
        PaymentView view = PaymentView.of(summary, panelPath(summary.dossierCode()) + "/qr.png");
        DossierFees.Statement statement = fees.statement(code, caller);
        boolean ownDesk = caller.has(Role.ADMIN)
                || caller.has(Role.RECEPTION) && statement.deskUnitCode().equals(caller.unitCode());
        model.addAttribute("p", view);
        model.addAttribute("ownDesk", ownDesk);
        model.addAttribute("takesCash", ownDesk && summary.open() && summary.outstanding() > 0);
        PageForms.show(model, CASH_FORM, () -> new CashForm(String.valueOf(summary.outstanding()), null));
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        return request.getHeader("HX-Request") != null ? "payment/desk :: panel" : "payment/desk";
    }

    @GetMapping(path = "/desk/dossiers/{code}/payment/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<byte[]> qr(@PathVariable String code, StaffUser caller) {
        return PaymentQr.image(payments.vietQrPayload(code, caller));
    }

    /**
     * Cash paid at the desk, then back to the dossier's page (POST-redirect-GET). A refused form goes back with its
     * errors to the panel, which that page loads by a request of its own.
     */
    @PostMapping("/desk/dossiers/{code}/payment/cash")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    String cash(@PathVariable String code, @Valid @ModelAttribute(CASH_FORM) CashForm form, BindingResult errors,
            StaffUser caller, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                Payments.Transaction cash = payments.recordCash(code, amount(form.amount()), form.receiptNumber(),
                        caller);
                redirect.addFlashAttribute("flash", messages.text("payment.desk.cash.done",
                        Formats.vnd(cash.amount()), cash.reference(), code));
                return "redirect:/desk/dossiers/" + code + "#payment";
            } catch (ProblemException e) {
                if (e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                }
                problems.reject(e, errors, "payment.field.");
            }
        }
        keepForPanel(code, form, errors, request, response);
        return "redirect:/desk/dossiers/" + code + "#payment";
    }

    /**
     * The amount typed, without the dots between thousands, the spaces and the "đ"; {@code null} when it is no whole
     * number, which {@link Payments#recordCash} refuses in words.
     */
    static Long amount(String typed) {
        String digits = typed == null ? "" : typed.replaceAll("[\\s.]", "").replaceFirst("(?iu)(vnđ|vnd|đ)$", "");
        return digits.matches("[0-9]{1,13}") ? Long.valueOf(digits) : null;
    }

    static String panelPath(String code) {
        return "/desk/dossiers/" + code + "/payment";
    }

    /**
     * Flash attributes reach the next request to the redirect's address: here that is the dossier's page, while the
     * form is drawn by the panel's own request. So the refused form is kept for the panel's address instead (the
     * same session-held flash map, with its own target path); without scripts that address is the full page.
     */
    private static void keepForPanel(String code, CashForm form, BindingResult errors, HttpServletRequest request,
            HttpServletResponse response) {
        FlashMap kept = new FlashMap();
        kept.put(CASH_FORM, form);
        kept.put(BindingResult.MODEL_KEY_PREFIX + CASH_FORM, errors);
        kept.setTargetRequestPath(request.getContextPath() + panelPath(code));
        RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(kept, request, response);
    }
}
