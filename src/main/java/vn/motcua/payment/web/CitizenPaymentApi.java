package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.payment.PaymentQr;
import vn.motcua.payment.Payments;
import vn.motcua.portal.MyDossiers;

/** The payment of the citizen's own dossiers; anyone else's reads as unknown (404). */
@RestController
@PreAuthorize("hasRole('CITIZEN')")
@Tag(name = "My payments", description = "Nộp phí, lệ phí hồ sơ của tôi")
class CitizenPaymentApi {

    private final Payments payments;

    CitizenPaymentApi(Payments payments) {
        this.payments = payments;
    }

    @GetMapping("/api/citizen/v1/dossiers/{code}/payment")
    @Operation(summary = "The dossier's fees and payments: amount due, amount paid, status, the VietQR payload of "
            + "what is outstanding, every transaction")
    Payments.Summary payment(@PathVariable String code, CitizenUser citizen) {
        return payments.summary(MyDossiers.owner(citizen), code);
    }

    @GetMapping(path = "/api/citizen/v1/dossiers/{code}/payments/{id}/receipt.pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The receipt of a payment (PDF)")
    ResponseEntity<byte[]> receipt(@PathVariable String code, @PathVariable long id, CitizenUser citizen)
            throws IOException {
        return PaymentApi.pdf(payments.receipt(MyDossiers.owner(citizen), code, id));
    }

    @GetMapping(path = "/api/citizen/v1/dossiers/{code}/payment/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "The VietQR code of the amount outstanding, as a PNG image")
    ResponseEntity<byte[]> qr(@PathVariable String code, CitizenUser citizen) {
        return PaymentQr.image(payments.vietQrPayload(MyDossiers.owner(citizen), code));
    }
}
