package vn.motcua.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureTemplates;
import vn.motcua.catalog.ProcedureTransfer;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;

/** The catalogue as administrators maintain it: drafts, publication by decision, abolition, form templates. */
@RestController
@RequestMapping("/api/v1/procedures")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Procedures (staff)", description = "Soạn thảo, công bố, bãi bỏ thủ tục hành chính")
class StaffProcedureApi {

    /** An XLSX file is a ZIP archive: it starts with these bytes whatever its name says. */
    static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    static final long MAX_IMPORT_BYTES = 10L * 1024 * 1024;

    private final Catalog catalog;
    private final ProcedureTransfer transfer;
    private final ProcedureTemplates templates;

    StaffProcedureApi(Catalog catalog, ProcedureTransfer transfer, ProcedureTemplates templates) {
        this.catalog = catalog;
        this.transfer = transfer;
        this.templates = templates;
    }

    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import procedures from a JSON array (the API's shape, optional `publication`); all or nothing")
    ResponseEntity<ProcedureTransfer.Report> importJson(@RequestBody List<ProcedureData> procedures) {
        List<ProcedureTransfer.Line> lines = new java.util.ArrayList<>();
        for (int i = 0; i < procedures.size(); i++) {
            lines.add(new ProcedureTransfer.Line(i + 1, procedures.get(i)));
        }
        return report(transfer.importLines(lines));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import procedures from the XLSX template (docs/catalog-import.md); all or nothing")
    ResponseEntity<ProcedureTransfer.Report> importWorkbook(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ProblemException.invalid("file", "catalog.import.empty");
        }
        if (file.getSize() > MAX_IMPORT_BYTES) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "problem.upload-too-large");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        try (InputStream in = new java.io.BufferedInputStream(file.getInputStream())) {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (!Arrays.equals(head, ZIP_MAGIC) || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "catalog.import.not-xlsx");
            }
            return report(transfer.importLines(transfer.fromWorkbook(in)));
        }
    }

    @GetMapping("/export")
    @Operation(summary = "Export the published catalogue (scope=published) or every latest version (scope=latest)")
    ResponseEntity<?> export(@RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "published") String scope) {
        if (!scope.equals("published") && !scope.equals("latest")) {
            throw ProblemException.invalid("scope", "catalog.export.scope");
        }
        List<ProcedureData> all = transfer.export(scope.equals("latest"));
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(all);
            case "xlsx" -> Downloads.workbook("thu-tuc-hanh-chinh.xlsx", transfer.toWorkbook(all));
            default -> throw ProblemException.invalid("format", "catalog.export.format");
        };
    }

    /** 200 when applied, 422 when rows were rejected (and nothing was written). */
    private static ResponseEntity<ProcedureTransfer.Report> report(ProcedureTransfer.Report report) {
        return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    @GetMapping
    @Operation(summary = "The latest version of every procedure (drafts included)")
    Page<Catalog.Summary> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) ProcedureStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Page.checkRequest(page, size);
        return catalog.searchAll(q, status, page, size);
    }

    @GetMapping("/{code}")
    @Operation(summary = "The draft if any, else the version in force; `revision` is the optimistic-lock token")
    ProcedureData current(@PathVariable String code) {
        return catalog.current(code).orElseThrow(() -> ProblemException.notFound("catalog.not-found", code));
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Every version, newest first")
    List<ProcedureData> versions(@PathVariable String code) {
        List<ProcedureData> versions = catalog.versions(code);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("catalog.not-found", code);
        }
        return versions;
    }

    @PostMapping
    @Operation(summary = "Create a procedure as a DRAFT (version 1)")
    ResponseEntity<ProcedureData> create(@RequestBody ProcedureData data) {
        ProcedureData created = catalog.create(data);
        return ResponseEntity.created(URI.create("/api/v1/procedures/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Edit the draft; for a published procedure this opens a new draft version. "
            + "Send the `revision` you read to detect concurrent edits (409).")
    ProcedureData change(@PathVariable String code, @RequestBody ProcedureData data) {
        return catalog.change(code, data);
    }

    @PostMapping("/{code}/publish")
    @Operation(summary = "Publish the draft by decision; the version it replaces is superseded")
    ProcedureData publish(@PathVariable String code, @RequestBody ProcedureData.Publication publication) {
        return catalog.publish(code, publication);
    }

    @PostMapping(path = "/{code}/versions/{version}/documents/{documentId}/template",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach the form template (mẫu đơn, tờ khai) of a document of a draft or of the version in "
            + "force: PDF, DOC, DOCX, XLS or XLSX judged by content, no macros, at most motcua.files.max-size; "
            + "replaces the one it had")
    ResponseEntity<ProcedureTemplates.Template> attachTemplate(@PathVariable String code, @PathVariable int version,
            @PathVariable long documentId, @RequestParam(name = "file", required = false) MultipartFile file,
            Principal caller) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalid("file", "file.empty");
        }
        ProcedureTemplates.Template attached = templates.attach(code, version, documentId, file.getOriginalFilename(),
                file.getInputStream(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/procedures/" + code + "/versions/" + version + "/documents/"
                + documentId + "/template")).body(attached);
    }

    @GetMapping("/{code}/versions/{version}/documents/{documentId}/template")
    @Operation(summary = "Download the form template of a document of any version")
    ResponseEntity<InputStreamResource> template(@PathVariable String code, @PathVariable int version,
            @PathVariable long documentId) throws IOException {
        return download(templates.file(code, version, documentId));
    }

    @DeleteMapping("/{code}/versions/{version}/documents/{documentId}/template")
    @Operation(summary = "Remove the form template of a document of a draft or of the version in force")
    ResponseEntity<Void> removeTemplate(@PathVariable String code, @PathVariable int version,
            @PathVariable long documentId) {
        templates.remove(code, version, documentId);
        return ResponseEntity.noContent().build();
    }

    /** A template as an attachment with its own type (the API's headers add nosniff and a closed CSP). */
    static ResponseEntity<InputStreamResource> download(ProcedureTemplates.TemplateFile file) {
        return Downloads.attachment(file.template().fileName(), file.template().contentType(), file.template().size(),
                file.content());
    }

    @PostMapping("/{code}/abolish")
    @Operation(summary = "Abolish the procedure (it disappears from the public list; versions are kept)")
    ProcedureData abolish(@PathVariable String code) {
        return catalog.abolish(code);
    }
}
