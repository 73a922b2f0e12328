package vn.motcua.payment.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.payment.PlatformPayments;
import vn.motcua.portal.MyDossiers;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Problems;

/**
 * The citizen's way to the national payment platform and back, in the portal's pages.
 *
 * <p>The return ({@code /cong-dan/thanh-toan/ket-qua}) is open, without the citizen's session: the platform's redirect
 * may come after the session ended (the bank's pages take their time), or in another browser (a bank's app), and the
 * payment must be confirmed all the same. Nothing in it is taken on the browser's word: it is believed only with a
 * {@code secureCode} made with the province's secret (else a 400 page, nothing read or written), and then only as a
 * cue to ask the platform ({@link PlatformPayments#returned}). It answers nothing but a redirect to the dossier's
 * payment page, which needs the owner's sign-in as every page of a dossier does, with what the platform said in a
 * flash message ({@code flash}, and {@code paymentOutcome}: {@code PAID}, {@code UNMATCHED}, {@code PENDING},
 * {@code FAILED}).
 */
@Controller
class PlatformPaymentPages {

    static final String RETURN_PATH = "/cong-dan/thanh-toan/ket-qua";

    private final PlatformPayments platform;
    private final Messages messages;
    private final Problems problems;

    PlatformPaymentPages(PlatformPayments platform, Messages messages, Problems problems) {
        this.platform = platform;
        this.messages = messages;
        this.problems = problems;
    }

    /** The payment page's "pay online" form: on to the platform's page, or back with why not. */
    @PostMapping("/cong-dan/ho-so/{code}/thanh-toan/truc-tuyen")
    @PreAuthorize("hasRole('CITIZEN')")
    ModelAndView start(@PathVariable String code, CitizenUser citizen, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            String url = platform.start(MyDossiers.owner(citizen), code, null, request.getRemoteAddr()).paymentUrl();
            // The platform's address as it gave it: no template variables expanded, nothing of the model added.
            RedirectView toPlatform = new RedirectView(url);
            toPlatform.setExpandUriTemplateVariables(false);
            toPlatform.setExposeModelAttributes(false);
            return new ModelAndView(toPlatform);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", problems.describe(e, null));
            return new ModelAndView("redirect:" + paymentPage(code));
        }
    }

    @GetMapping(RETURN_PATH)
    @PreAuthorize("permitAll()")
    String returned(@RequestParam(required = false) String data,
            @RequestParam(required = false) String responseCode, @RequestParam(required = false) String secureCode,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        PlatformPayments.Returned returned;
        try {
            returned = platform.returned(data, responseCode, secureCode);
        } catch (ProblemException e) {
            // The error page of that status, saying why in the citizen's words.
            response.setStatus(e.status().value());
            model.addAttribute("status", e.status().value());
            model.addAttribute("messageKey", e.messageKey());
            return "error";
        }
        String outcome = switch (returned.outcome()) {
            case UNANSWERED -> PlatformPayments.Outcome.PENDING.name();
            default -> returned.outcome().name();
        };
        redirect.addFlashAttribute("flash", messages.text("payment.platform.returned." + outcome,
                returned.dossierCode()));
        redirect.addFlashAttribute("paymentOutcome", outcome);
        return "redirect:" + paymentPage(returned.dossierCode());
    }

    private static String paymentPage(String code) {
        return "/cong-dan/ho-so/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8) + "/thanh-toan";
    }
}
