package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.dossier.DossierResults;
import vn.motcua.shared.ProblemException;

/**
 * The public check of an electronic result (xác thực kết quả), without signing in: what the QR code printed on the
 * result opens. It says which procedure and agency issued the result and when, and gives the SHA-256 of the file
 * so that a copy can be compared; it never shows the applicant or the file. An unknown code answers 404, too many
 * of them from one address 429, as the dossier look-up does.
 */
@Controller
class ResultCheckPage {

    private final DossierResults results;

    ResultCheckPage(DossierResults results) {
        this.results = results;
    }

    /** The form to type a code; a typed code goes to its own address, the one the QR code holds. */
    @GetMapping("/xac-thuc")
    @PreAuthorize("permitAll()")
    String form(@RequestParam(required = false) String ma) {
        String code = DeskForm.blankToNull(ma);
        if (code == null) {
            return "desk/result-check";
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/xac-thuc/{code}").encode()
                .buildAndExpand(code.strip()).toUriString();
    }

    @GetMapping("/xac-thuc/{code}")
    @PreAuthorize("permitAll()")
    String check(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("ma", code);
        try {
            model.addAttribute("found", results.check(code, request.getRemoteAddr()));
        } catch (ProblemException e) {
            boolean tooMany = e.status() == HttpStatus.TOO_MANY_REQUESTS;
            response.setStatus(tooMany ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", tooMany ? "dossier.lookup.too-many" : "dossier.result.not-found");
        }
        return "desk/result-check";
    }
}
