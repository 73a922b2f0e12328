package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.payment.PaymentQr;
import vn.motcua.payment.Payments;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;

/**
 * The payment of a dossier's fees, for staff: read by whoever sees the dossier; cash and refunds recorded by the desk
 * that holds it (RECEPTION there) or an administrator (403 for other staff who see it, 404 for those who do not);
 * unmatched credits resolved by desk officers.
 */
@RestController
@Tag(name = "Payments", description = "Phí, lệ phí của hồ sơ: tiền mặt, chuyển khoản VietQR, Nền tảng thanh toán")
class PaymentApi {

    private final Payments payments;

    PaymentApi(Payments payments) {
        this.payments = payments;
    }

    record Cash(Long amount, String receiptNumber) {}

    record Refund(Long amount, String reference, String note) {}

    record Assignment(String dossierCode, String note) {}

    record Note(String note) {}

    @GetMapping("/api/v1/dossiers/{code}/payment")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A dossier's fees and payments: amount due (the fee lines' total), amount paid, status "
            + "UNPAID/PENDING/PAID, the VietQR payload of what is outstanding, every transaction")
    Payments.Summary payment(@PathVariable String code, StaffUser caller) {
        return payments.summary(code, caller);
    }

    @GetMapping(path = "/api/v1/dossiers/{code}/payment/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The VietQR code of the amount outstanding, as a PNG image (404 when nothing is due)")
    ResponseEntity<byte[]> qr(@PathVariable String code, StaffUser caller) {
        return PaymentQr.image(payments.vietQrPayload(code, caller));
    }

    @GetMapping(path = "/api/v1/dossiers/{code}/payments/{id}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The receipt of a payment (PDF): the platform's e-receipt when it sent one, else ours with the "
            + "fees, the amount in figures and in words, the method and the reference")
    ResponseEntity<byte[]> receipt(@PathVariable String code, @PathVariable long id, StaffUser caller)
            throws IOException {
        return pdf(payments.receipt(code, id, caller));
    }

    static ResponseEntity<byte[]> pdf(Payments.Receipt receipt) {
        return Downloads.inline(receipt.fileName(), MediaType.APPLICATION_PDF, receipt.content());
    }

    @PostMapping("/api/v1/dossiers/{code}/payments/cash")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    @Operation(summary = "Record cash paid at the desk with the receipt's number, before the result is returned "
            + "(the same receipt again: the first record)")
    ResponseEntity<Payments.Transaction> cash(@PathVariable String code, @RequestBody(required = false) Cash cash,
            StaffUser caller) {
        Cash body = required(cash);
        Payments.Transaction t = payments.recordCash(code, body.amount(), body.receiptNumber(), caller);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + code + "/payment")).body(t);
    }

    @PostMapping("/api/v1/dossiers/{code}/payments/refunds")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    @Operation(summary = "Record a refund of an overpayment (made by the accountant), at most what was overpaid")
    ResponseEntity<Payments.Transaction> refund(@PathVariable String code, @RequestBody(required = false) Refund refund,
            StaffUser caller) {
        Refund body = required(refund);
        Payments.Transaction t = payments.recordRefund(code, body.amount(), body.reference(), body.note(), caller);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + code + "/payment")).body(t);
    }

    @GetMapping("/api/v1/payments/unmatched")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    @Operation(summary = "Credits the bank reported that paid no dossier exactly: those naming a dossier of the "
            + "caller's desk, and those naming none")
    List<Payments.Transaction> unmatched(StaffUser caller) {
        return payments.unmatched(caller);
    }

    @PostMapping("/api/v1/payments/{id}/assign")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    @Operation(summary = "Tie an unmatched credit to a dossier the desk holds: it counts toward what that dossier paid")
    Payments.Transaction assign(@PathVariable long id, @RequestBody(required = false) Assignment assignment,
            StaffUser caller) {
        Assignment body = required(assignment);
        return payments.assign(id, body.dossierCode(), body.note(), caller);
    }

    @PostMapping("/api/v1/payments/{id}/return")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    @Operation(summary = "Record that an unmatched credit was sent back to the payer, with why")
    Payments.Transaction returnToPayer(@PathVariable long id, @RequestBody(required = false) Note note,
            StaffUser caller) {
        return payments.returnToPayer(id, required(note).note(), caller);
    }

    static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "validation.required");
        }
        return body;
    }
}
