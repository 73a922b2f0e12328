package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.access.prepost.PreAuthorize;
import vn.motcua.dossier.PublicLookup;
import vn.motcua.shared.ProblemException;

/**
 * The citizen's look-up by dossier code and PIN, without signing in: what the QR code on the receipt
 * opens. A wrong code and a wrong PIN answer alike, so the page never confirms that a code exists.
 */
@Controller
class LookupPage {

    private final PublicLookup lookup;

    LookupPage(PublicLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/tra-cuu")
    @PreAuthorize("permitAll()")
    String lookup(@RequestParam(required = false) String ma, @RequestParam(required = false) String pin,
            HttpServletRequest request, Model model) {
        String code = DeskForm.blankToNull(ma);
        String digits = DeskForm.blankToNull(pin);
        model.addAttribute("ma", code);
        model.addAttribute("pin", digits);
        if (code != null && digits != null) {
            try {
                model.addAttribute("found", lookup.find(code, digits, request.getRemoteAddr()));
            } catch (ProblemException e) {
                model.addAttribute("problem", e.status() == HttpStatus.TOO_MANY_REQUESTS
                        ? "dossier.lookup.too-many" : "dossier.lookup.not-found");
            }
        } else if (code != null || digits != null) {
            model.addAttribute("problem", "web.lookup.both-required");
        }
        return "desk/lookup";
    }
}
