package vn.motcua.portal.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.IntakeRequest.Person;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.portal.Filing;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.PageForms;
import vn.motcua.shared.web.Problems;

/**
 * Online filing in the browser: {@code /cong-dan/nop/{procedure}} begins a draft pre-filled from the profile; the
 * draft's page ({@code /cong-dan/ho-so-nhap/{id}}) edits who files and how the result comes back, takes a file for
 * each document, shows the fees, and submits once the declaration is ticked. Drafts stay until submitted or
 * discarded, so filing resumes where it stopped.
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class FilingPages {

    private final Filing filing;
    private final Catalog catalog;
    private final Problems problems;
    private final Messages messages;

    FilingPages(Filing filing, Catalog catalog, Problems problems, Messages messages) {
        this.filing = filing;
        this.catalog = catalog;
        this.problems = problems;
        this.messages = messages;
    }

    /**
     * Who files and how the result comes back, as typed. The applicant's fields come pre-filled from the profile;
     * changing the name or the ID files for someone else, and then the authorisation is needed.
     */
    record ApplicantForm(@Size(max = 100, message = "{validation.too-long}") String fullName,
            @Size(max = 12, message = "{validation.too-long}") String citizenId,
            @Size(max = 20, message = "{validation.too-long}") String phone,
            @Size(max = 254, message = "{validation.too-long}") String email,
            @Size(max = 300, message = "{validation.too-long}") String address,
            @Size(max = 300, message = "{validation.too-long}") String organizationName,
            @Size(max = 300, message = "{validation.too-long}") String authorizationDocument,
            ReturnMethod returnMethod) {

        static ApplicantForm of(Person applicant, Person representative, ReturnMethod returnMethod) {
            return new ApplicantForm(applicant.fullName(), applicant.citizenId(), applicant.phone(), applicant.email(),
                    applicant.address(), applicant.organizationName(),
                    representative == null ? null : representative.authorizationDocument(), returnMethod);
        }

        Filing.DraftRequest request(String procedureCode) {
            return new Filing.DraftRequest(procedureCode,
                    new Person(fullName, citizenId, phone, email, address, organizationName, null),
                    new Person(null, null, null, null, null, null, authorizationDocument), returnMethod);
        }
    }

    @GetMapping("/cong-dan/nop/{procedure}")
    String begin(@PathVariable String procedure, CitizenUser citizen, Model model) {
        ProcedureData p = catalog.published(procedure)
                .orElseThrow(() -> ProblemException.notFound("catalog.not-found", procedure));
        model.addAttribute("procedure", p);
        model.addAttribute("saved", filing.drafts(citizen).stream()
                .filter(d -> d.procedureCode().equals(p.code())).toList());
        PageForms.show(model, "applicantForm", () -> ApplicantForm.of(
                new Person(citizen.fullName(), citizen.citizenId(), citizen.phone(), citizen.email(), citizen.address(),
                        citizen.organizationName(), null), null, ReturnMethod.ONLINE));
        return "portal/begin";
    }

    @PostMapping("/cong-dan/nop/{procedure}")
    String begin(@PathVariable String procedure, @Valid @ModelAttribute("applicantForm") ApplicantForm form,
            BindingResult errors, CitizenUser citizen, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/cong-dan/ho-so-nhap/" + filing.begin(citizen, form.request(procedure)).id();
            } catch (ProblemException e) {
                if (e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                }
                problems.reject(e, errors, "portal.field.");
            }
        }
        return begin(procedure, citizen, model);
    }

    @GetMapping("/cong-dan/ho-so-nhap/{id}")
    String draft(@PathVariable long id, CitizenUser citizen, Model model) {
        Filing.DraftView draft = filing.draft(citizen, id);
        if (draft.dossierCode() != null) {
            return "redirect:/cong-dan/ho-so/" + draft.dossierCode();
        }
        model.addAttribute("draft", draft);
        PageForms.show(model, "applicantForm",
                () -> ApplicantForm.of(draft.applicant(), draft.representative(), draft.returnMethod()));
        // A double click submits once: the same key answers the first dossier.
        model.addAttribute("submitKey", UUID.randomUUID().toString());
        return "portal/draft";
    }

    @PostMapping("/cong-dan/ho-so-nhap/{id}")
    String save(@PathVariable long id, @Valid @ModelAttribute("applicantForm") ApplicantForm form,
            BindingResult errors, CitizenUser citizen, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                filing.change(citizen, id, form.request(null));
                redirect.addFlashAttribute("flash", messages.text("portal.draft.saved"));
                return "redirect:/cong-dan/ho-so-nhap/" + id;
            } catch (ProblemException e) {
                if (e.status() == HttpStatus.NOT_FOUND) {
                    throw e;
                }
                problems.reject(e, errors, "portal.field.");
            }
        }
        return draft(id, citizen, model);
    }

    @PostMapping(path = "/cong-dan/ho-so-nhap/{id}/tep", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(@PathVariable long id, @RequestParam(required = false) Long documentId,
            @RequestParam(required = false) MultipartFile file, CitizenUser citizen, RedirectAttributes redirect)
            throws IOException {
        return act(id, redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalid("file", "file.empty");
            }
            Filing.DraftFile stored = filing.attach(citizen, id, documentId, file.getOriginalFilename(),
                    file.getInputStream());
            return messages.text("portal.draft.attached", stored.name());
        });
    }

    @PostMapping("/cong-dan/ho-so-nhap/{id}/tep/{fileId}/xoa")
    String detach(@PathVariable long id, @PathVariable long fileId, CitizenUser citizen, RedirectAttributes redirect)
            throws IOException {
        return act(id, redirect, () -> {
            filing.detach(citizen, id, fileId);
            return messages.text("portal.draft.detached");
        });
    }

    @PostMapping("/cong-dan/ho-so-nhap/{id}/xoa")
    String discard(@PathVariable long id, CitizenUser citizen, RedirectAttributes redirect) {
        filing.discard(citizen, id);
        redirect.addFlashAttribute("flash", messages.text("portal.draft.discarded"));
        return "redirect:/cong-dan/ho-so";
    }

    /** Submits the draft once the applicant declared its content true (a box to tick; without it, nothing is sent). */
    @PostMapping("/cong-dan/ho-so-nhap/{id}/nop")
    String submit(@PathVariable long id, @RequestParam(required = false) String declaration,
            @RequestParam(required = false) String submitKey, CitizenUser citizen, RedirectAttributes redirect)
            throws IOException {
        if (!"true".equals(declaration)) {
            redirect.addFlashAttribute("actionError", messages.text("portal.draft.declaration-required"));
            return "redirect:/cong-dan/ho-so-nhap/" + id;
        }
        try {
            Filing.Submitted submitted = filing.submit(citizen, id, submitKey);
            redirect.addFlashAttribute("submitted", submitted);
            return "redirect:/cong-dan/ho-so/" + submitted.code();
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", problems.describe(e, "portal.field."));
            return "redirect:/cong-dan/ho-so-nhap/" + id;
        }
    }

    /** Does it and says so on the draft's page; a refusal is said there too, except a draft of someone else (404). */
    private String act(long id, RedirectAttributes redirect, Action action) throws IOException {
        try {
            redirect.addFlashAttribute("flash", action.run());
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND && e.errors().isEmpty()) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", problems.describe(e, "portal.field."));
        }
        return "redirect:/cong-dan/ho-so-nhap/" + id;
    }

    private interface Action {
        String run() throws IOException;
    }

    /** The return methods a citizen chooses from, online first. */
    @ModelAttribute("returnMethods")
    List<ReturnMethod> returnMethods() {
        return List.of(ReturnMethod.ONLINE, ReturnMethod.POSTAL, ReturnMethod.DIRECT);
    }
}
