package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.DossierResults;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;

/**
 * Electronic results: issued by the unit holding the dossier's step, the desk or an administrator (403 for others
 * who see the dossier, 404 for those who do not; 409 once the dossier was returned or ended), listed and
 * downloaded by whoever sees the dossier; checked by anyone with the result code.
 */
@RestController
@Tag(name = "Dossier results", description = "Kết quả điện tử: cấp, tải về, xác thực công khai")
class DossierResultsApi {

    private final DossierResults results;

    DossierResultsApi(DossierResults results) {
        this.results = results;
    }

    @PostMapping(path = "/api/v1/dossiers/{code}/results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK', 'ADMIN')")
    @Operation(summary = "Issue an electronic result: a PDF (judged by content; at most motcua.files.max-size) named "
            + "`name`; the file served carries the result code and a QR code of its public check on page 1")
    ResponseEntity<DossierResults.Result> issue(@PathVariable String code,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "name", required = false) String name, StaffUser caller) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "file.empty");
        }
        DossierResults.Result issued = results.issue(code, name, file.getOriginalFilename(), file.getInputStream(),
                caller);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + code + "/results/" + issued.id())).body(issued);
    }

    @GetMapping("/api/v1/dossiers/{code}/results")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The electronic results of a dossier in the caller's scope")
    List<DossierResults.Result> list(@PathVariable String code, StaffUser caller) {
        return results.list(code, caller);
    }

    @GetMapping("/api/v1/dossiers/{code}/results/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Download an electronic result (the stamped PDF, as an attachment)")
    ResponseEntity<InputStreamResource> download(@PathVariable String code, @PathVariable long id, StaffUser caller)
            throws IOException {
        return attachment(results.download(code, id, caller));
    }

    @GetMapping("/api/public/results/{resultCode}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Check a result code: procedure, agency, time of issue and the SHA-256 of the file; the "
            + "dossier code masked but for its daily number. Too many unknown codes from one address: 429")
    DossierResults.PublicCheck check(@PathVariable String resultCode, HttpServletRequest request) {
        return results.check(resultCode, request.getRemoteAddr());
    }

    static ResponseEntity<InputStreamResource> attachment(DossierResults.ResultFile file) {
        return Downloads.attachment(file.result().fileName(), file.result().contentType(), file.result().size(),
                file.content());
    }
}
