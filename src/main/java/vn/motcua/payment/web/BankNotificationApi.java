package vn.motcua.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.payment.BankCredits;

/** The bank's credit notices: authenticated by their signature, not by an account. */
@RestController
@Tag(name = "Bank notifications", description = "Báo có của ngân hàng cho tài khoản thu")
class BankNotificationApi {

    private final BankCredits credits;

    BankNotificationApi(BankCredits credits) {
        this.credits = credits;
    }

    @PostMapping(path = "/api/public/payments/bank-notifications", consumes = "application/json")
    @PreAuthorize("permitAll()")
    @Operation(summary = "A credit to the collection account: `{transactionId, accountNumber, amount, content, "
            + "occurredAt}` signed with `X-Signature: hex(HMAC-SHA256(secret, raw body))` (401 otherwise, nothing "
            + "stored); the reference in `content` names the dossier; the exact amount outstanding pays it, anything "
            + "else is kept UNMATCHED for the desk; the same `transactionId` again changes nothing")
    BankCredits.Answer notification(@RequestBody byte[] body,
            @RequestHeader(name = "X-Signature", required = false) String signature) {
        return credits.receive(body, signature);
    }
}
