package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import vn.motcua.dossier.DossierFiles;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;

@RestController
@Tag(name = "Dossier files", description = "Tệp đính kèm của hồ sơ (PDF, JPEG, PNG)")
class DossierFilesApi {

    private final DossierFiles files;

    DossierFilesApi(DossierFiles files) {
        this.files = files;
    }

    @PostMapping(path = "/api/v1/dossiers/{code}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'ADMIN')")
    @Operation(summary = "Attach a file (PDF, JPEG or PNG judged by content; at most motcua.files.max-size, 20 MB)",
            description = "The stored name ends with the extension of the content found, without control or invisible "
                    + "formatting characters. 409 once the dossier has ended (returned, refused, withdrawn, stopped).")
    ResponseEntity<DossierFiles.FileView> upload(@PathVariable String code, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) Long documentId, StaffUser caller) throws IOException {
        if (file.isEmpty()) {
            throw ProblemException.invalid("file", "file.empty");
        }
        DossierFiles.FileView stored = files.upload(code, documentId, file.getOriginalFilename(), file.getInputStream(),
                caller);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + code + "/files/" + stored.id())).body(stored);
    }

    @GetMapping("/api/v1/dossiers/{code}/files")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The files of a dossier in the caller's scope")
    List<DossierFiles.FileView> list(@PathVariable String code, StaffUser caller) {
        return files.list(code, caller);
    }

    @GetMapping("/api/v1/dossiers/{code}/files/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Download a file (as an attachment), only for those who may see the dossier")
    ResponseEntity<InputStreamResource> download(@PathVariable String code, @PathVariable long id, StaffUser caller)
            throws IOException {
        DossierFiles.Download download = files.download(code, id, caller);
        return Downloads.attachment(download.file().name(), download.file().contentType(),
                download.file().size(), download.content());
    }

}
