package vn.motcua.dossier.web;

import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.dossier.DossierResults;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Problems;

/**
 * The "Kết quả điện tử" section of the dossier page: the browser's twin of {@code /api/v1/dossiers/{code}/results}
 * (the page session instead of HTTP Basic). Issued and said so, or refused in words, in the section itself (the
 * browser comes back to it) with the name typed kept; a dossier outside the caller's scope is unknown (404).
 */
@Controller
class ResultPages {

    static final String NAME = "resultName";

    private final DossierResults results;
    private final Messages messages;
    private final Problems problems;

    ResultPages(DossierResults results, Messages messages, Problems problems) {
        this.results = results;
        this.messages = messages;
        this.problems = problems;
    }

    @PostMapping(path = "/desk/dossiers/{code}/results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK', 'ADMIN')")
    String issue(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String name, StaffUser caller, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalid("file", "file.empty");
            }
            DossierResults.Result issued = results.issue(code, name, file.getOriginalFilename(), file.getInputStream(),
                    caller);
            redirect.addFlashAttribute("resultDone", messages.text("web.result.done", issued.name(), issued.resultCode()));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("resultError", problems.describe(e, "web.process.field."));
            redirect.addFlashAttribute(NAME, name);
        }
        return "redirect:/desk/dossiers/" + code + "#results";
    }

    @GetMapping("/desk/dossiers/{code}/results/{id}")
    @PreAuthorize("isAuthenticated()")
    ResponseEntity<InputStreamResource> download(@PathVariable String code, @PathVariable long id, StaffUser caller)
            throws IOException {
        return DossierResultsApi.attachment(results.download(code, id, caller));
    }
}
