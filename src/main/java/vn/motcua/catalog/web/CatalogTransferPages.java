package vn.motcua.catalog.web;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.catalog.ProcedureTransfer;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;
import vn.motcua.shared.web.Problems;

/**
 * The catalogue's Excel workbook in and out for administrators: the API's import and export, for a browser
 * session, which cannot use the API's HTTP Basic. The rest of the catalogue's administration is
 * {@link CatalogAdminPages}.
 */
@Controller
class CatalogTransferPages {

    public record ReportRow(int row, String code, ProcedureTransfer.Outcome result, List<String> reasons) {}

    public record ImportReport(boolean applied, int created, int updated, int rejected, List<ReportRow> rows) {}

    private final ProcedureTransfer transfer;
    private final CatalogViews views;
    private final Messages messages;
    private final Problems problems;

    CatalogTransferPages(ProcedureTransfer transfer, CatalogViews views, Messages messages, Problems problems) {
        this.transfer = transfer;
        this.views = views;
        this.messages = messages;
        this.problems = problems;
    }

    /** The workbook of the import template: every latest version (scope=latest) or the catalogue in force. */
    @GetMapping("/admin/procedures/export.xlsx")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<byte[]> export(@RequestParam(required = false, defaultValue = "latest") String scope) {
        boolean latest = !"published".equals(scope);
        return Downloads.workbook(latest ? "thu-tuc-hanh-chinh-tat-ca.xlsx" : "thu-tuc-hanh-chinh.xlsx",
                transfer.toWorkbook(transfer.export(latest)));
    }

    @GetMapping("/admin/procedures/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importForm() {
        return "catalog/admin-import";
    }

    /** All or nothing, as the API does: the report says row by row what was, or would have been, done. */
    @PostMapping("/admin/procedures/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importWorkbook(@RequestParam(name = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalid("file", "catalog.import.empty");
            }
            if (file.getSize() > StaffProcedureApi.MAX_IMPORT_BYTES) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "problem.upload-too-large");
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            try (InputStream in = new BufferedInputStream(file.getInputStream())) {
                in.mark(4);
                byte[] head = in.readNBytes(4);
                in.reset();
                if (!Arrays.equals(head, StaffProcedureApi.ZIP_MAGIC) || !name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "catalog.import.not-xlsx");
                }
                ProcedureTransfer.Report report = transfer.importLines(transfer.fromWorkbook(in));
                model.addAttribute("report", new ImportReport(report.applied(), report.created(), report.updated(),
                        report.rejected(), report.rows().stream().map(this::reportRow).toList()));
            }
            model.addAttribute("fileName", name);
        } catch (ProblemException e) {
            model.addAttribute("importError", problems.firstReason(e));
        }
        return "catalog/admin-import";
    }

    private ReportRow reportRow(ProcedureTransfer.RowReport row) {
        List<String> reasons = row.errors().stream()
                .map(error -> messages.text("web.catalog.admin.import.reason", views.label(error.get("field")), error.get("message")))
                .toList();
        return new ReportRow(row.row(), row.code(), row.result(), reasons);
    }

}
