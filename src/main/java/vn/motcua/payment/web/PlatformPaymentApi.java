package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.payment.PlatformPayments;
import vn.motcua.portal.MyDossiers;

/** The citizen starts paying one of their dossiers' fees online, through the national payment platform. */
@RestController
@Tag(name = "My payments", description = "Nộp phí, lệ phí hồ sơ của tôi")
class PlatformPaymentApi {

    private final PlatformPayments platform;

    PlatformPaymentApi(PlatformPayments platform) {
        this.platform = platform;
    }

    @PostMapping("/api/citizen/v1/dossiers/{code}/payments/platform")
    @PreAuthorize("hasRole('CITIZEN')")
    @Operation(summary = "Start paying what the dossier still owes on the national payment platform: "
            + "`{reference, paymentUrl, amount}`, the page to send the citizen to (201). A payment page opened less "
            + "than 15 minutes ago for the same amount, or the same `Idempotency-Key` again, answers that attempt "
            + "(200). 404 for anyone else's dossier; 409 when nothing is due, the dossier was returned or ended, or "
            + "the platform is not enabled; 502 when the platform refuses the payment; 503 when it does not answer "
            + "(the payment is asked about again later)")
    ResponseEntity<PlatformPayments.Started> start(@PathVariable String code,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, CitizenUser citizen,
            HttpServletRequest request) {
        PlatformPayments.Started started = platform.start(MyDossiers.owner(citizen), code, idempotencyKey,
                request.getRemoteAddr());
        if (started.repeated()) {
            return ResponseEntity.ok(started);
        }
        return ResponseEntity.created(URI.create("/api/citizen/v1/dossiers/" + code + "/payment")).body(started);
    }
}
