package vn.motcua.demo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierFees;
import vn.motcua.payment.BankCredits;
import vn.motcua.payment.Payments;
import vn.motcua.shared.VietnamTime;

/**
 * The demo's payments: the history's fees as they were paid when each dossier was received — in cash at the desk
 * with a receipt number, or online by a VietQR transfer or through the national payment platform — and, among the
 * demo citizen's dossiers of today, one paid by a transfer the bank reported (a signed notification, as live) and one
 * transfer of the wrong amount waiting on the desk's page of unmatched credits.
 */
@Component
class PaymentDemo {

    private static final DateTimeFormatter PLATFORM_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(VietnamTime.ZONE);

    private final Payments payments;
    private final BankCredits credits;
    private final DossierFees fees;
    private final Clock clock;
    private final String secret;

    PaymentDemo(Payments payments, BankCredits credits, DossierFees fees, Clock clock,
            @Value("${motcua.payment.notification-secret:}") String secret) {
        this.payments = payments;
        this.credits = credits;
        this.fees = fees;
        this.clock = clock;
        this.secret = secret;
    }

    /** The history's payments, unless payments were recorded already. */
    void loadHistory() {
        if (payments.anyRecorded()) {
            return;
        }
        int n = 0;
        for (DossierFees.Statement s : fees.paidBetween(Instant.EPOCH, clock.instant())) {
            n++;
            Instant at = s.paidAt().toInstant();
            if (s.channel() != Channel.ONLINE) {
                payments.importPaid(s, Payments.Method.CASH, "BL-" + s.code(), at,
                        "tiepnhan");
            } else if (n % 3 == 0) {
                payments.importPaid(s, Payments.Method.PLATFORM,
                        "dvc" + s.code().replaceAll("\\W", "") + PLATFORM_TIME.format(at), at, "payment:platform");
            } else {
                payments.importPaid(s, Payments.Method.VIETQR, "FT" + PLATFORM_TIME.format(at) + String.format("%05d", n),
                        at, "payment:bank");
            }
        }
    }

    /** A transfer the bank reports for the dossier, signed as the bank signs it; {@code amount} may be wrong. */
    void transfer(String code, long amount, String transactionId) {
        if (secret.isBlank()) {
            return;
        }
        String reference = fees.statement(code).map(s -> payments.reference(s.code())).orElseThrow();
        String body = """
                {"transactionId":"%s","accountNumber":"0123456789","amount":%d,"content":"NGUYEN VAN BINH CHUYEN \
                TIEN LEPHI %s","occurredAt":"%s"}""".formatted(transactionId, amount, reference,
                clock.instant().atZone(VietnamTime.ZONE).toOffsetDateTime().withNano(0));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        credits.receive(bytes, HexFormat.of().formatHex(hmac(bytes)));
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
