package vn.motcua.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.portal.Filing;
import vn.motcua.shared.ProblemException;

/** Online filing: the signed-in citizen's drafts, their files, and their submission. Only the owner sees a draft. */
@RestController
@RequestMapping("/api/citizen/v1/drafts")
@PreAuthorize("hasRole('CITIZEN')")
@Tag(name = "Online filing", description = "Nộp hồ sơ trực tuyến: hồ sơ lưu nháp, tệp đính kèm, nộp hồ sơ")
class FilingApi {

    private final Filing filing;

    FilingApi(Filing filing) {
        this.filing = filing;
    }

    @PostMapping
    @Operation(summary = "Begin a draft of a published procedure offered online; the applicant defaults to the "
            + "profile (for someone else: the representative with the authorisation); 422 when the procedure is not "
            + "online, 403 when it needs a level-2 account")
    ResponseEntity<Filing.DraftView> begin(CitizenUser citizen, @RequestBody(required = false) Filing.DraftRequest request) {
        Filing.DraftView draft = filing.begin(citizen, request);
        return ResponseEntity.created(URI.create("/api/citizen/v1/drafts/" + draft.id())).body(draft);
    }

    @GetMapping
    @Operation(summary = "The citizen's drafts not yet submitted, the last changed first")
    List<Filing.DraftView> drafts(CitizenUser citizen) {
        return filing.drafts(citizen);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A draft with the procedure's documents, its files, the fees and what is still missing")
    Filing.DraftView draft(CitizenUser citizen, @PathVariable long id) {
        return filing.draft(citizen, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change the applicant, the representative or the return method of a draft")
    Filing.DraftView change(CitizenUser citizen, @PathVariable long id,
            @RequestBody(required = false) Filing.DraftRequest request) {
        return filing.change(citizen, id, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Discard a draft not yet submitted")
    ResponseEntity<Void> discard(CitizenUser citizen, @PathVariable long id) {
        filing.discard(citizen, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file to a document of the procedure (PDF, JPEG or PNG judged by content; at most "
            + "motcua.files.max-size, 20 MB): 415 for another type, 413 when too large")
    ResponseEntity<Filing.DraftFile> attach(CitizenUser citizen, @PathVariable long id,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long documentId)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "file.empty");
        }
        Filing.DraftFile stored = filing.attach(citizen, id, documentId, file.getOriginalFilename(),
                file.getInputStream());
        return ResponseEntity.created(URI.create("/api/citizen/v1/drafts/" + id + "/files/" + stored.id()))
                .body(stored);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit the draft to the desk that receives the procedure online: 201 with the dossier's code, "
            + "status NEW (1), channel ONLINE and look-up PIN; 422 naming each mandatory document without a file or "
            + "when the procedure is not online; 403 when it needs a level-2 account; the same Idempotency-Key "
            + "answers the first dossier")
    ResponseEntity<Filing.Submitted> submit(CitizenUser citizen, @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Filing.Submitted submitted = filing.submit(citizen, id, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/citizen/v1/dossiers/" + submitted.code())).body(submitted);
    }

    @DeleteMapping("/{id}/files/{fileId}")
    @Operation(summary = "Remove a file from a draft not yet submitted")
    ResponseEntity<Void> detach(CitizenUser citizen, @PathVariable long id, @PathVariable long fileId) {
        filing.detach(citizen, id, fileId);
        return ResponseEntity.noContent().build();
    }
}
