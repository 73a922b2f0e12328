package vn.motcua.dossier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierViews;
import vn.motcua.dossier.Evaluations;
import vn.motcua.dossier.PublicLookup;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;

/**
 * The citizen's look-up by dossier code and PIN, without signing in: what the QR code on the receipt
 * opens. A wrong code and a wrong PIN answer alike, so the page never confirms that a code exists. Once the
 * result has been returned, the same page asks the applicant to rate the service, once.
 */
@Controller
class LookupPage {

    static final String SCORE = "score.";

    private final PublicLookup lookup;
    private final Evaluations evaluations;
    private final Messages messages;

    LookupPage(PublicLookup lookup, Evaluations evaluations, Messages messages) {
        this.lookup = lookup;
        this.evaluations = evaluations;
        this.messages = messages;
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
            find(code, digits, request, model);
        } else if (code != null || digits != null) {
            model.addAttribute("problem", "web.lookup.both-required");
        }
        return "desk/lookup";
    }

    /**
     * The rating (đánh giá mức độ hài lòng): points per criterion as {@code score.<criterion code>} and a
     * comment. Thanks after a redirect; a refusal on the page, with the points chosen kept.
     */
    @PostMapping("/tra-cuu")
    @PreAuthorize("permitAll()")
    String rate(@RequestParam(required = false) String ma, @RequestParam(required = false) String pin,
            @RequestParam Map<String, String> fields, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        String code = DeskForm.blankToNull(ma);
        String digits = DeskForm.blankToNull(pin);
        Map<String, JsonNode> scores = new LinkedHashMap<>();
        Map<String, Integer> chosen = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(SCORE) && value != null && value.strip().matches("[0-9]{1,3}")) {
                int points = Integer.parseInt(value.strip());
                scores.put(name.substring(SCORE.length()), IntNode.valueOf(points));
                chosen.put(name.substring(SCORE.length()), points);
            }
        });
        String comment = DeskForm.blankToNull(fields.get("comment"));
        try {
            Evaluations.Result result = evaluations.rate(code, digits, request.getRemoteAddr(),
                    new Evaluations.Rating(scores, comment));
            redirect.addFlashAttribute("rated", result);
            return "redirect:" + UriComponentsBuilder.fromPath("/tra-cuu").queryParam("ma", code)
                    .queryParam("pin", digits).encode().build().toUriString();
        } catch (ProblemException e) {
            model.addAttribute("ma", code);
            model.addAttribute("pin", digits);
            if (e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.TOO_MANY_REQUESTS) {
                model.addAttribute("problem", e.status() == HttpStatus.TOO_MANY_REQUESTS
                        ? "dossier.lookup.too-many" : "dossier.lookup.not-found");
                return "desk/lookup";
            }
            List<String> reasons = new ArrayList<>();
            e.errors().forEach(error -> reasons.add(messages.text(error.messageKey(), error.args())));
            model.addAttribute("ratingError", reasons.isEmpty() ? messages.text(e.messageKey(), e.args())
                    : messages.text("web.rating.fix"));
            model.addAttribute("ratingReasons", reasons);
            model.addAttribute("chosen", chosen);
            model.addAttribute("comment", comment);
            find(code, digits, request, model);
            return "desk/lookup";
        }
    }

    private void find(String code, String digits, HttpServletRequest request, Model model) {
        try {
            DossierViews.PublicStatus found = lookup.find(code, digits, request.getRemoteAddr());
            model.addAttribute("found", found);
            if (found.status() == DossierStatus.RETURNED) {
                boolean rated = evaluations.rated(found.code());
                model.addAttribute("alreadyRated", rated);
                if (!rated) {
                    model.addAttribute("criteria", evaluations.criteria());
                }
            }
        } catch (ProblemException e) {
            model.addAttribute("problem", e.status() == HttpStatus.TOO_MANY_REQUESTS
                    ? "dossier.lookup.too-many" : "dossier.lookup.not-found");
        }
    }

}
