package vn.motcua.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.ApplicantDossiers;
import vn.motcua.dossier.DossierResults;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Evaluations;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.portal.Filing;
import vn.motcua.portal.Inbox;
import vn.motcua.portal.MyDossiers;
import vn.motcua.shared.Messages;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;
import vn.motcua.shared.web.PageLinks;
import vn.motcua.shared.web.Problems;
import vn.motcua.shared.web.RequestValues;

/**
 * "Hồ sơ của tôi" in the browser: the profile, the drafts to resume and the dossiers ({@code /cong-dan/ho-so}), a
 * dossier with its timeline, the answer to a supplement request, its forms and results, and the rating
 * ({@code /cong-dan/ho-so/{code}}); and the inbox ({@code /cong-dan/thong-bao}).
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class MyDossierPages {

    static final int PAGE_SIZE = 20;
    /** Rows of files a supplement sends at once from the page (the API takes any number). */
    static final int SUPPLEMENT_ROWS = 3;
    static final String SCORE = "score.";

    private final MyDossiers dossiers;
    private final Filing filing;
    private final Inbox inbox;
    private final Evaluations evaluations;
    private final Catalog catalog;
    private final Problems problems;
    private final Messages messages;

    MyDossierPages(MyDossiers dossiers, Filing filing, Inbox inbox, Evaluations evaluations, Catalog catalog,
            Problems problems, Messages messages) {
        this.dossiers = dossiers;
        this.filing = filing;
        this.inbox = inbox;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/cong-dan/ho-so")
    String list(@RequestParam(name = "trang-thai", required = false) String status,
            @RequestParam(name = "trang", required = false) String page, CitizenUser citizen, Model model) {
        DossierStatus wanted = RequestValues.choiceOr(status, DossierStatus.class, null);
        int current = page == null || !page.matches("[0-9]{1,4}") ? 1 : Math.max(1, Integer.parseInt(page));
        Page<ApplicantDossiers.Summary> found = dossiers.list(citizen, wanted, current - 1, PAGE_SIZE);
        model.addAttribute("dossiers", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", DossierStatus.values());
        model.addAttribute("drafts", filing.drafts(citizen));
        PageLinks.addTo(model, current, found.total(), PAGE_SIZE, found.items().size(), n -> listUrl(wanted, n));
        return "portal/my-dossiers";
    }

    @GetMapping("/cong-dan/ho-so/{code}")
    String dossier(@PathVariable String code, CitizenUser citizen, Model model) {
        MyDossiers.View view = dossiers.view(citizen, code);
        model.addAttribute("view", view);
        model.addAttribute("d", view.dossier());
        if (view.dossier().awaitingSupplement()) {
            model.addAttribute("supplementRows", SUPPLEMENT_ROWS);
            model.addAttribute("procedureDocuments", catalog.version(view.dossier().procedureCode(),
                    view.dossier().procedureVersion()).map(ProcedureData::documents).orElse(List.of()));
        }
        if (view.mayRate()) {
            model.addAttribute("criteria", evaluations.criteria());
        }
        return "portal/dossier";
    }

    /** The answer to a supplement request: a note and up to {@value #SUPPLEMENT_ROWS} files, each for a document. */
    @PostMapping(path = "/cong-dan/ho-so/{code}/bo-sung", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String supplement(@PathVariable String code, @RequestParam(required = false) String note,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(name = "documentId", required = false) List<Long> documentIds, CitizenUser citizen,
            RedirectAttributes redirect) throws IOException {
        List<MyDossiers.SupplementFile> sent = new ArrayList<>();
        for (int i = 0; files != null && i < files.size(); i++) {
            if (!files.get(i).isEmpty()) {
                Long document = documentIds == null || i >= documentIds.size() ? null : documentIds.get(i);
                sent.add(new MyDossiers.SupplementFile(document, files.get(i).getOriginalFilename(),
                        files.get(i).getInputStream()));
            }
        }
        try {
            dossiers.supplement(citizen, code, note, sent);
            redirect.addFlashAttribute("flash", messages.text("portal.dossier.supplemented", code));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND && e.errors().isEmpty()) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", problems.describe(e, "portal.field."));
            redirect.addFlashAttribute("supplementNote", note);
        }
        return "redirect:/cong-dan/ho-so/" + code;
    }

    @GetMapping("/cong-dan/ho-so/{code}/bieu-mau/{form}.pdf")
    ResponseEntity<byte[]> form(@PathVariable String code, @PathVariable String form, CitizenUser citizen) {
        ApplicantDossiers.PrintedForm pdf = dossiers.form(citizen, code, form);
        return Downloads.inline(pdf.filename(), MediaType.APPLICATION_PDF, pdf.content());
    }

    @GetMapping("/cong-dan/ho-so/{code}/ket-qua/{id}")
    ResponseEntity<InputStreamResource> result(@PathVariable String code, @PathVariable long id, CitizenUser citizen)
            throws IOException {
        DossierResults.ResultFile file = dossiers.result(citizen, code, id);
        return Downloads.attachment(file.result().fileName(), file.result().contentType(), file.result().size(),
                file.content());
    }

    /** The rating: points per criterion as {@code score.<criterion code>} and a comment, as on the look-up page. */
    @PostMapping("/cong-dan/ho-so/{code}/danh-gia")
    String rate(@PathVariable String code, @RequestParam Map<String, String> fields, CitizenUser citizen,
            HttpServletRequest request, RedirectAttributes redirect) {
        Map<String, JsonNode> scores = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(SCORE) && value != null && value.strip().matches("[0-9]{1,3}")) {
                scores.put(name.substring(SCORE.length()), IntNode.valueOf(Integer.parseInt(value.strip())));
            }
        });
        String comment = fields.get("comment") == null || fields.get("comment").isBlank() ? null
                : fields.get("comment").strip();
        try {
            redirect.addFlashAttribute("rated", dossiers.rate(citizen, code, new Evaluations.Rating(scores, comment),
                    request.getRemoteAddr()));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", problems.describe(e, null));
        }
        return "redirect:/cong-dan/ho-so/" + code + "#rating";
    }

    @GetMapping("/cong-dan/thong-bao")
    String notices(@RequestParam(name = "trang", required = false) String page, CitizenUser citizen, Model model) {
        int current = page == null || !page.matches("[0-9]{1,4}") ? 1 : Math.max(1, Integer.parseInt(page));
        Page<Inbox.Notice> found = inbox.notices(citizen, false, current - 1, PAGE_SIZE);
        model.addAttribute("notices", found.items());
        model.addAttribute("total", found.total());
        PageLinks.addTo(model, current, found.total(), PAGE_SIZE, found.items().size(),
                n -> n > 1 ? "/cong-dan/thong-bao?trang=" + n : "/cong-dan/thong-bao");
        return "portal/notices";
    }

    @PostMapping("/cong-dan/thong-bao/{id}/da-doc")
    String markRead(@PathVariable long id, CitizenUser citizen) {
        inbox.markRead(citizen, id);
        return "redirect:/cong-dan/thong-bao";
    }

    @PostMapping("/cong-dan/thong-bao/da-doc")
    String markAllRead(CitizenUser citizen, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", messages.text("portal.notices.all-read", inbox.markAllRead(citizen)));
        return "redirect:/cong-dan/thong-bao";
    }

    static String listUrl(DossierStatus status, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/cong-dan/ho-so");
        if (status != null) {
            url.queryParam("trang-thai", status.name());
        }
        if (page > 1) {
            url.queryParam("trang", page);
        }
        return url.toUriString();
    }
}
