package vn.motcua.payment.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.payment.PaymentQr;
import vn.motcua.payment.Payments;
import vn.motcua.payment.PlatformPayments;
import vn.motcua.portal.MyDossiers;
import vn.motcua.shared.Messages;

/**
 * "Nộp phí, lệ phí" of one of the citizen's dossiers, in the citizens' portal and their page session: the fee lines,
 * what was paid and what is outstanding (in figures and in words), what waits for the payment, the VietQR code of
 * the amount outstanding with the account and the exact transfer content, and every transaction (Decree
 * 224/2026/NĐ-CP Art. 15(1)(đ): online payment wherever a fee is due). While something is due the page asks every
 * few seconds whether anything changed, so that the bank's notification shows as "Đã nộp đủ" without a reload.
 * Anyone else's dossier is unknown (404), as on the dossier's own page.
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class CitizenPaymentPages {

    private final Payments payments;
    private final Messages messages;
    private final PlatformPayments platform;

    CitizenPaymentPages(Payments payments, Messages messages, PlatformPayments platform) {
        this.payments = payments;
        this.messages = messages;
        this.platform = platform;
    }

    @GetMapping("/cong-dan/ho-so/{code}/thanh-toan")
    String page(@PathVariable String code, CitizenUser citizen, Model model) {
        model.addAttribute("p", view(code, citizen));
        model.addAttribute("platformEnabled", platform.enabled());
        return "payment/citizen";
    }

    /**
     * The page's poll (htmx): 204 without a body while what the page shows ({@code v}, its fingerprint) is still
     * true, else the page's live part. Once the dossier is paid the part sent has no poller: the polling ends.
     */
    @GetMapping("/cong-dan/ho-so/{code}/thanh-toan/trang-thai")
    String live(@PathVariable String code, @RequestParam(name = "v", required = false) String shown,
            CitizenUser citizen, Model model, HttpServletResponse response) {
        PaymentView view = view(code, citizen);
        if (view.version().equals(shown)) {
            // Handled here (the response is a parameter): no view is rendered.
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        model.addAttribute("p", view);
        model.addAttribute("platformEnabled", platform.enabled());
        // Said by the page's status region, which stays while the part around it is replaced.
        model.addAttribute("announce", messages.text("payment.citizen.announce",
                messages.text(view.hasFees() ? "payment.status." + view.summary().status() : "payment.status.none-due")));
        return "payment/citizen :: live";
    }

    @GetMapping(path = "/cong-dan/ho-so/{code}/thanh-toan/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable String code, CitizenUser citizen) {
        return PaymentQr.image(payments.vietQrPayload(MyDossiers.owner(citizen), code));
    }

    private PaymentView view(String code, CitizenUser citizen) {
        Payments.Summary summary = payments.summary(MyDossiers.owner(citizen), code);
        return PaymentView.of(summary, "/cong-dan/ho-so/" + summary.dossierCode() + "/thanh-toan/qr.png");
    }
}
