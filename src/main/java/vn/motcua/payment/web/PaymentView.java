package vn.motcua.payment.web;

import java.util.List;
import java.util.Objects;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.payment.Payments;
import vn.motcua.payment.Payments.Status;
import vn.motcua.shared.AmountInWords;

/**
 * A dossier's payment as the pages show it: the summary, what is outstanding in words (as a receipt writes it), the
 * sentence that says what waits for the payment, the page's own address of the QR image (the APIs' address takes
 * HTTP Basic or a token, not the page's session) and a fingerprint of what the page shows, so that a page polling
 * for news is answered "nothing new" without a body until something changes.
 *
 * @param waits the message key of what waits for the payment ({@code payment.waits.*})
 * @param live the page keeps asking for news: something is due and the dossier still takes payments
 */
record PaymentView(Payments.Summary summary, String outstandingInWords, String waits, String qrUrl, String version,
        boolean live) {

    static PaymentView of(Payments.Summary s, String qrUrl) {
        return new PaymentView(s, AmountInWords.of(s.outstanding()), waits(s), s.vietQr() == null ? null : qrUrl,
                version(s), s.amountDue() > 0 && s.open() && s.status() != Status.PAID);
    }

    public boolean hasFees() {
        return summary.amountDue() > 0;
    }

    /** Status 6 ("Yêu cầu thực hiện nghĩa vụ tài chính") while the dossier waits for this payment. */
    private static String waits(Payments.Summary s) {
        if (s.amountDue() == 0) {
            return "payment.waits.none-due";
        }
        if (s.status() == Status.PAID) {
            return "payment.waits.paid";
        }
        if (!s.open()) {
            return "payment.waits.closed";
        }
        PaymentTiming timing = s.timing() == null ? PaymentTiming.NONE : s.timing();
        return (s.awaiting() ? "payment.waits.awaiting." : "payment.waits.timing.") + timing.name();
    }

    /**
     * What the page shows that a payment can change: the status and amounts, whether the dossier waits, and each
     * transaction's state and resolution. Equal fingerprints, the same page.
     */
    private static String version(Payments.Summary s) {
        List<Object> parts = List.of(s.status(), s.amountDue(), s.amountPaid(), s.awaiting(), s.open(),
                s.transactions().stream().map(t -> t.id() + ":" + t.state() + ":" + (t.resolvedAt() != null)).toList());
        return Integer.toHexString(Objects.hash(parts.toArray()));
    }
}
