package vn.motcua.payment;

import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.shared.ProblemException;

/** The VietQR image of a payload, as the APIs and pages serve it. */
public final class PaymentQr {

    private PaymentQr() {}

    /** A PNG of the payload, never cached (the amount outstanding changes); 404 when there is nothing to pay. */
    public static ResponseEntity<byte[]> image(Optional<String> payload) {
        String text = payload.orElseThrow(() -> ProblemException.notFound("payment.nothing-due"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(VietQr.png(text, 480));
    }
}
