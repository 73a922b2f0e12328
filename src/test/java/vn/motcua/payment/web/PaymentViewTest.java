package vn.motcua.payment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.payment.Payments;
import vn.motcua.payment.Payments.Method;
import vn.motcua.payment.Payments.State;
import vn.motcua.payment.Payments.Status;

/** What the payment pages make of a dossier's payment, and how the desk's typed cash is read; no Spring. */
class PaymentViewTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-03T10:15:00+07:00");

    static Payments.Summary summary(Status status, long paid, boolean awaiting, boolean open, PaymentTiming timing,
            List<Payments.Transaction> transactions) {
        long due = 80_000;
        return new Payments.Summary("000.00.01.H27-261203-0001", "Cấp giấy phép", "Đỗ Thị Nộp Phí", due, paid,
                Math.max(0, due - paid), "VND", status,
                List.of(new Payments.Line("Lệ phí cấp giấy phép", 50_000), new Payments.Line("Phí thẩm định", 30_000)),
                "MC00000001", null, transactions, timing, awaiting, open);
    }

    static Payments.Transaction credit(long id, State state) {
        return new Payments.Transaction(id, "000.00.01.H27-261203-0001", Method.VIETQR, 50_000, state, "FT1", null,
                "LEPHI MC00000001", AT, state == State.PAID ? AT : null, "payment:bank", null, null, false);
    }

    @Test
    void a_dossier_held_in_status_6_says_it_is_accepted_once_paid_and_the_page_keeps_asking() {
        PaymentView view = PaymentView.of(summary(Status.UNPAID, 0, true, true, PaymentTiming.BEFORE_ACCEPTANCE,
                List.of()), "/qr.png");
        assertThat(view.waits()).isEqualTo("payment.waits.awaiting.BEFORE_ACCEPTANCE");
        assertThat(view.outstandingInWords()).isEqualTo("Tám mươi nghìn đồng");
        assertThat(view.live()).isTrue();
    }

    @Test
    void a_paid_dossier_stops_the_page_asking_and_offers_no_code() {
        PaymentView view = PaymentView.of(summary(Status.PAID, 80_000, false, true, PaymentTiming.BEFORE_RETURN,
                List.of(credit(1, State.PAID))), "/qr.png");
        assertThat(view.waits()).isEqualTo("payment.waits.paid");
        assertThat(view.live()).isFalse();
        assertThat(view.qrUrl()).isNull();
    }

    @Test
    void a_closed_dossier_takes_nothing_more_and_a_procedure_without_fees_says_so() {
        assertThat(PaymentView.of(summary(Status.UNPAID, 0, false, false, PaymentTiming.NONE, List.of()), "/qr.png")
                .waits()).isEqualTo("payment.waits.closed");
        Payments.Summary free = new Payments.Summary("000.00.01.H27-261203-0002", "Cấp bản sao", "Đỗ Thị Nộp Phí", 0, 0,
                0, "VND", Status.PAID, List.of(), null, null, List.of(), PaymentTiming.NONE, false, true);
        PaymentView view = PaymentView.of(free, "/qr.png");
        assertThat(view.hasFees()).isFalse();
        assertThat(view.waits()).isEqualTo("payment.waits.none-due");
        assertThat(view.live()).isFalse();
    }

    @Test
    void the_fingerprint_changes_when_a_credit_is_matched_and_not_when_nothing_happened() {
        PaymentView before = PaymentView.of(summary(Status.UNPAID, 0, false, true, PaymentTiming.NONE,
                List.of(credit(7, State.UNMATCHED))), "/qr.png");
        PaymentView again = PaymentView.of(summary(Status.UNPAID, 0, false, true, PaymentTiming.NONE,
                List.of(credit(7, State.UNMATCHED))), "/qr.png");
        PaymentView matched = PaymentView.of(summary(Status.UNPAID, 50_000, false, true, PaymentTiming.NONE,
                List.of(credit(7, State.PAID))), "/qr.png");
        assertThat(again.version()).isEqualTo(before.version());
        assertThat(matched.version()).isNotEqualTo(before.version());
    }

    @Test
    void cash_may_be_typed_with_dots_between_thousands_spaces_and_the_currency() {
        assertThat(DeskPaymentPages.amount("80000")).isEqualTo(80_000L);
        assertThat(DeskPaymentPages.amount("80.000")).isEqualTo(80_000L);
        assertThat(DeskPaymentPages.amount(" 1 500 000 đ ")).isEqualTo(1_500_000L);
        assertThat(DeskPaymentPages.amount("80.000 VNĐ")).isEqualTo(80_000L);
    }

    @Test
    void anything_but_a_whole_number_of_dong_is_no_amount_and_left_to_the_payments_to_refuse_in_words() {
        assertThat(DeskPaymentPages.amount(null)).isNull();
        assertThat(DeskPaymentPages.amount("")).isNull();
        assertThat(DeskPaymentPages.amount("-5")).isNull();
        assertThat(DeskPaymentPages.amount("80,5")).isNull();
        assertThat(DeskPaymentPages.amount("tám mươi nghìn")).isNull();
        assertThat(DeskPaymentPages.amount("12345678901234")).isNull();
    }
}
