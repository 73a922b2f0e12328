package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.payment.ReceiptPdf.Line;
import vn.motcua.payment.ReceiptPdf.ReceiptData;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.Pdfs;

@IntegrationTest
class ReceiptPdfTest {

    static final String DOSSIER = "000.00.01.H27-260315-9951";
    /** 14:30 in Vietnam. */
    static final Instant PAID_AT = Instant.parse("2026-03-15T07:30:00Z");

    @Autowired
    ReceiptPdf receipts;

    static ReceiptData receipt(String qrPayload) {
        return new ReceiptData("Văn phòng Ủy ban nhân dân thành phố Hải Phòng", "0000123", DOSSIER,
                "Cấp giấy phép thử nghiệm biên lai thu phí", "Trần Văn Nộp Tiền", "Số 1 Lạch Tray, phường Gia Viên",
                List.of(new Line("Lệ phí cấp giấy phép", 30_000), new Line("Phí thẩm định hồ sơ", 20_000)), 50_000,
                "Chuyển khoản", "FT26074123456", PAID_AT, qrPayload);
    }

    @Test
    void a_receipt_shows_its_title_the_dossier_the_payer_each_fee_and_the_amount_in_figures_and_in_words() {
        // Lines joined: the agency's name wraps in its column.
        String text = Pdfs.text(receipts.render(receipt(null))).replaceAll("\\s+", " ");

        assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", "Số: 0000123", DOSSIER, "Trần Văn Nộp Tiền",
                "Cấp giấy phép thử nghiệm biên lai thu phí", "Lệ phí cấp giấy phép", "30.000 đ",
                "Phí thẩm định hồ sơ", "20.000 đ", "Tổng cộng", "50.000 đ", "Năm mươi nghìn đồng", "Chuyển khoản",
                "FT26074123456", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "VĂN PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG");
    }

    @Test
    void the_time_of_payment_is_day_month_year_and_vietnam_time() {
        assertThat(Pdfs.text(receipts.render(receipt(null)))).contains("15/03/2026 14:30");
    }

    @Test
    void a_vietqr_payload_is_printed_as_a_qr_code_a_banking_app_reads() {
        String payload = VietQr.payload(new VietQr.Transfer("970415", "0123456789", 50_000L, "H27-260315-9951",
                "LEPHI H27-260315-9951", true));

        byte[] pdf = receipts.render(receipt(payload));

        assertThat(Pdfs.qrCode(Pdfs.firstPage(pdf)).getText()).isEqualTo(payload);
        assertThat(Pdfs.text(pdf)).contains("Mã VietQR của khoản chuyển khoản");
    }

    @Test
    void a_receipt_without_a_payload_has_no_qr_code() {
        assertThat(Pdfs.text(receipts.render(receipt(null)))).doesNotContain("VietQR");
    }

    @Test
    void a_receipt_whose_lines_do_not_add_up_is_refused() {
        assertThatThrownBy(() -> new ReceiptData("Văn phòng", "1", DOSSIER, "Thủ tục", "Người nộp", null,
                List.of(new Line("Lệ phí", 30_000)), 50_000, "Tiền mặt", null, PAID_AT, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
