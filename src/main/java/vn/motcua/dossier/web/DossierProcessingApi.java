package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.DossierProcessing;
import vn.motcua.dossier.DossierProcessing.State;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierViews;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.identity.Identity.StaffUser;

/**
 * Processing after intake. Every endpoint needs a signed-in user; who may act on a given dossier is decided
 * by its process (see {@link DossierProcessing}): 404 for a dossier the user may not see (as for an unknown
 * code), 403 for a user who sees it but has no part in it, 409 when the dossier is not at a step this user can
 * act on or {@code expectedVersion} is stale.
 */
@RestController
@Tag(name = "Dossier processing", description = "Giải quyết hồ sơ: chuyển bước, trả lại, bổ sung, xin lỗi, dừng, trả kết quả")
class DossierProcessingApi {

    private final DossierProcessing processing;
    private final DossierQueries queries;

    DossierProcessingApi(DossierProcessing processing, DossierQueries queries) {
        this.processing = processing;
        this.queries = queries;
    }

    record Handover(String note, Integer expectedVersion) {}

    @PostMapping("/api/v1/dossiers/{code}/handover")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    @Operation(summary = "Complete the current step (the caller holds its role in its unit); after the last "
            + "processing step the result is ready at the desk (statusCode 9)")
    State handover(@PathVariable String code, @RequestBody(required = false) Handover body, StaffUser caller) {
        return processing.handOver(code, body == null ? null : body.note(), body == null ? null : body.expectedVersion(),
                caller);
    }

    record SendBack(String reason, Integer expectedVersion) {}

    @PostMapping("/api/v1/dossiers/{code}/send-back")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    @Operation(summary = "Back to the previous processing step, with the reason")
    State sendBack(@PathVariable String code, @RequestBody SendBack body, StaffUser caller) {
        return processing.sendBack(code, body.reason(), body.expectedVersion(), caller);
    }

    record SupplementRequest(List<IntakeRequest.SupplementItem> items, Integer expectedVersion) {}

    @PostMapping("/api/v1/dossiers/{code}/request-supplement")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    @Operation(summary = "Ask for everything missing at once (Form 02): at intake by the desk, or once during "
            + "processing (statusCode 5; the clock pauses or restarts by the procedure's policy)")
    State requestSupplement(@PathVariable String code, @RequestBody SupplementRequest body, StaffUser caller) {
        return processing.requestSupplement(code, body.items(), body.expectedVersion(), caller);
    }

    record SupplementReceived(String note, Integer expectedVersion) {}

    @PostMapping("/api/v1/dossiers/{code}/supplement-received")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    @Operation(summary = "The supplement arrived: processing resumes at the same step")
    State supplementReceived(@PathVariable String code, @RequestBody(required = false) SupplementReceived body,
            StaffUser caller) {
        return processing.supplementReceived(code, body == null ? null : body.note(),
                body == null ? null : body.expectedVersion(), caller);
    }

    record Apology(String reason, OffsetDateTime newDueAt, Integer expectedVersion) {}

    @PostMapping("/api/v1/dossiers/{code}/apology")
    @PreAuthorize("hasAnyRole('RECEPTION', 'LEADER')")
    @Operation(summary = "Apology with a new date (Form 04): before the due time, once, the new date later")
    State apology(@PathVariable String code, @RequestBody Apology body, StaffUser caller) {
        return processing.apologize(code, body.reason(), body.newDueAt(), body.expectedVersion(), caller);
    }

    record Closing(String reason, Integer expectedVersion) {}

    @PostMapping("/api/v1/dossiers/{code}/stop")
    @PreAuthorize("hasAnyRole('RECEPTION', 'LEADER')")
    @Operation(summary = "Stop processing (statusCode 8): only while no result is ready")
    State stop(@PathVariable String code, @RequestBody Closing body, StaffUser caller) {
        return processing.close(code, DossierStatus.STOPPED, body.reason(), body.expectedVersion(), caller);
    }

    @PostMapping("/api/v1/dossiers/{code}/withdraw")
    @PreAuthorize("hasAnyRole('RECEPTION', 'LEADER')")
    @Operation(summary = "Withdrawn at the applicant's request (statusCode 7): only while no result is ready")
    State withdraw(@PathVariable String code, @RequestBody Closing body, StaffUser caller) {
        return processing.close(code, DossierStatus.WITHDRAWN, body.reason(), body.expectedVersion(), caller);
    }

    record Return(ReturnMethod method, Integer expectedVersion) {}

    @PostMapping("/api/v1/dossiers/{code}/return-result")
    @PreAuthorize("hasRole('RECEPTION')")
    @Operation(summary = "The desk returns the result: DIRECT, POSTAL or ONLINE (statusCode 10)")
    State returnResult(@PathVariable String code, @RequestBody Return body, StaffUser caller) {
        return processing.returnResult(code, body.method(), body.expectedVersion(), caller);
    }

    @GetMapping("/api/v1/dossiers/{code}/history")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The hand-overs of the process control slip (Form 06), each early, on time or late; the return against the appointment")
    List<DossierViews.Handover> history(@PathVariable String code, StaffUser caller) {
        return queries.history(code, caller);
    }
}
