package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.dossier.forms.Form;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.web.Downloads;

/** The printed forms of a dossier (Circular 03/2025/TT-VPCP Annex I, 01–06), to whoever may see the dossier itself. */
@RestController
@Tag(name = "Dossiers", description = "Tiếp nhận hồ sơ một cửa, tra cứu")
class DossierFormsApi {

    private final DossierForms forms;

    DossierFormsApi(DossierForms forms) {
        this.forms = forms;
    }

    @GetMapping("/api/v1/dossiers/{code}/receipt.pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Form 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF), with the look-up PIN and QR code; "
            + "409 until the dossier is accepted")
    ResponseEntity<byte[]> receipt(@PathVariable String code, StaffUser caller) {
        return pdf(Form.RECEIPT, code, caller);
    }

    @GetMapping("/api/v1/dossiers/{code}/supplement-request.pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Form 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF); 409 if nothing was asked")
    ResponseEntity<byte[]> supplementRequest(@PathVariable String code, StaffUser caller) {
        return pdf(Form.SUPPLEMENT_REQUEST, code, caller);
    }

    @GetMapping("/api/v1/dossiers/{code}/refusal.pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Form 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ (PDF); 409 unless the dossier was refused")
    ResponseEntity<byte[]> refusal(@PathVariable String code, StaffUser caller) {
        return pdf(Form.REFUSAL, code, caller);
    }

    @GetMapping("/api/v1/dossiers/{code}/apology.pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Form 04, Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (PDF), from the handling "
            + "agency under its superior, numbered from its register; 409 unless an apology with a new date was recorded")
    ResponseEntity<byte[]> apology(@PathVariable String code, StaffUser caller) {
        return pdf(Form.APOLOGY, code, caller);
    }

    @GetMapping("/api/v1/dossiers/{code}/stop-notice.pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Form 05, Thông báo dừng giải quyết hồ sơ (PDF), from the handling agency; 409 unless the "
            + "dossier was stopped (8) or withdrawn (7)")
    ResponseEntity<byte[]> stopNotice(@PathVariable String code, StaffUser caller) {
        return pdf(Form.STOP_NOTICE, code, caller);
    }

    @GetMapping("/api/v1/dossiers/{code}/control-slip.pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Form 06, Phiếu kiểm soát quá trình giải quyết hồ sơ (PDF, landscape): one row per hand-over, "
            + "early / on time / late, and per supplement, apology, stop or withdrawal; 409 until the dossier is accepted")
    ResponseEntity<byte[]> controlSlip(@PathVariable String code, StaffUser caller) {
        return pdf(Form.CONTROL_SLIP, code, caller);
    }

    private ResponseEntity<byte[]> pdf(Form form, String code, StaffUser caller) {
        DossierForms.Pdf pdf = forms.render(form, code, caller);
        return Downloads.inline(pdf.filename(), MediaType.APPLICATION_PDF, pdf.content());
    }
}
