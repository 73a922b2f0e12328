package vn.motcua.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.ApplicantDossiers;
import vn.motcua.dossier.DossierResults;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Evaluations;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.portal.MyDossiers;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;

/** The signed-in citizen's dossiers: list, detail, supplement, forms, electronic results, rating. Others' are 404. */
@RestController
@RequestMapping("/api/citizen/v1/dossiers")
@PreAuthorize("hasRole('CITIZEN')")
@Tag(name = "My dossiers", description = "Hồ sơ của tôi: theo dõi, bổ sung, nhận kết quả, đánh giá")
class MyDossiersApi {

    private final MyDossiers dossiers;

    MyDossiersApi(MyDossiers dossiers) {
        this.dossiers = dossiers;
    }

    /** Where a form or a result of the dossier is fetched through this API. */
    record Link(String name, String url) {}

    /** The dossier with links to its forms and to each electronic result. */
    record DossierView(ApplicantDossiers.ApplicantDetail dossier, List<Link> formLinks,
            List<ResultView> results, boolean rated, boolean mayRate) {

        static DossierView of(MyDossiers.View view) {
            String base = "/api/citizen/v1/dossiers/" + view.dossier().code();
            return new DossierView(view.dossier(),
                    view.dossier().forms().stream().map(f -> new Link(f, base + "/forms/" + f + ".pdf")).toList(),
                    view.results().stream().map(r -> new ResultView(r.id(), r.resultCode(), r.name(), r.fileName(),
                            r.size(), r.issuedAt(), base + "/results/" + r.id())).toList(),
                    view.rated(), view.mayRate());
        }
    }

    record ResultView(long id, String resultCode, String name, String fileName, long size,
            java.time.OffsetDateTime issuedAt, String url) {}

    @GetMapping
    @Operation(summary = "The citizen's dossiers, newest first: those the account filed online and, for a level-2 "
            + "account, those filed at the desk under its citizen ID; `status` filters")
    Page<ApplicantDossiers.Summary> list(CitizenUser citizen, @RequestParam(required = false) DossierStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return dossiers.list(citizen, status, page, size);
    }

    @GetMapping("/{code}")
    @Operation(summary = "A dossier: status, timeline with the agency, the officer and the time, supplement requests "
            + "with their items, links to its forms and results, whether it may be rated")
    DossierView dossier(CitizenUser citizen, @PathVariable String code) {
        return DossierView.of(dossiers.view(citizen, code));
    }

    @PostMapping(path = "/{code}/supplement", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Answer a supplement request of a dossier filed online: a note and files (`file` with its "
            + "`documentId`, each repeatable in one request; call again for more while the request is open)")
    ResponseEntity<DossierView> supplement(CitizenUser citizen, @PathVariable String code,
            @RequestParam(required = false) String note,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(name = "documentId", required = false) List<Long> documentIds) throws IOException {
        List<MultipartFile> sent = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        List<Long> documents = documentIds == null ? List.of() : documentIds;
        if (documents.size() != sent.size() && !(documents.size() == 1 && sent.size() > 1)) {
            throw ProblemException.invalid("documentId", "portal.supplement.document-per-file");
        }
        List<MyDossiers.SupplementFile> upload = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            upload.add(new MyDossiers.SupplementFile(documents.size() == 1 ? documents.get(0) : documents.get(i),
                    sent.get(i).getOriginalFilename(), sent.get(i).getInputStream()));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(DossierView.of(dossiers.supplement(citizen, code, note, upload)));
    }

    @GetMapping("/{code}/forms/{form}.pdf")
    @Operation(summary = "A form addressed to the applicant: receipt (01), supplement-request (02), refusal (03), "
            + "apology (04), stop-notice (05); 409 when the dossier has none")
    ResponseEntity<byte[]> form(CitizenUser citizen, @PathVariable String code, @PathVariable String form) {
        ApplicantDossiers.PrintedForm pdf = dossiers.form(citizen, code, form);
        return Downloads.inline(pdf.filename(), MediaType.APPLICATION_PDF, pdf.content());
    }

    @GetMapping("/{code}/results/{id}")
    @Operation(summary = "Download an electronic result of the dossier (PDF)")
    ResponseEntity<InputStreamResource> result(CitizenUser citizen, @PathVariable String code, @PathVariable long id)
            throws IOException {
        DossierResults.ResultFile file = dossiers.result(citizen, code, id);
        return Downloads.attachment(file.result().fileName(), file.result().contentType(), file.result().size(),
                file.content());
    }

    @PostMapping("/{code}/evaluation")
    @Operation(summary = "Rate the service once the result was returned (criteria: GET /api/public/evaluation-criteria)"
            + "; 409 before the return or once rated")
    ResponseEntity<Evaluations.Result> rate(CitizenUser citizen, @PathVariable String code,
            @RequestBody(required = false) Evaluations.Rating rating, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(dossiers.rate(citizen, code, rating, request.getRemoteAddr()));
    }
}
