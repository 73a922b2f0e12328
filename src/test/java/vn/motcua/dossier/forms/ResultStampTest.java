package vn.motcua.dossier.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.support.Pdfs;

/** The stamp of an electronic result, on PDFs made here: no Spring. */
class ResultStampTest {

    static final String URL = "https://motcua.haiphong.gov.vn/xac-thuc/ABCD2345EFGH";

    final ResultStamp stamp = new ResultStamp();

    @Test
    void the_first_page_carries_a_qr_code_of_the_check_and_the_result_code_in_words_the_rest_is_untouched()
            throws Exception {
        byte[] original = Pdfs.document("GIAY PHEP XAY DUNG", 3, 0);
        byte[] stamped = stamp.stamp(original, URL, "Mã kết quả: ABCD2345EFGH", "Xác thực tại: motcua.haiphong.gov.vn");

        assertThat(Pdfs.qrCode(Pdfs.firstPage(stamped)).getText()).isEqualTo(URL);
        assertThat(Pdfs.text(stamped, 1)).contains("GIAY PHEP XAY DUNG", "Mã kết quả: ABCD2345EFGH",
                "Xác thực tại: motcua.haiphong.gov.vn");
        assertThat(Pdfs.pages(stamped)).isEqualTo(3);
        assertThat(Pdfs.text(stamped, 2)).doesNotContain("ABCD2345EFGH");
    }

    @Test
    void the_stamp_is_an_incremental_update_so_the_uploaded_bytes_and_any_signature_over_them_stay() throws Exception {
        byte[] original = Pdfs.document("QUYET DINH");
        byte[] stamped = stamp.stamp(original, URL, "Mã kết quả: ABCD2345EFGH");
        assertThat(stamped.length).isGreaterThan(original.length);
        assertThat(Arrays.copyOf(stamped, original.length)).isEqualTo(original);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 90, 180, 270})
    void on_a_turned_page_the_qr_code_sits_upright_in_the_bottom_right_corner_the_reader_sees(int rotation)
            throws Exception {
        byte[] stamped = stamp.stamp(Pdfs.document("BAN VE", 1, rotation), URL, "Mã kết quả: ABCD2345EFGH");
        BufferedImage page = Pdfs.firstPage(stamped);
        Result qr = Pdfs.qrCode(page);
        assertThat(qr.getText()).isEqualTo(URL);
        for (ResultPoint corner : qr.getResultPoints()) {
            assertThat(corner.getX()).as("right side").isGreaterThan(page.getWidth() * 0.85f);
            assertThat(corner.getY()).as("bottom").isGreaterThan(page.getHeight() * 0.85f);
        }
        // Finder patterns bottom-left, top-left, top-right: upright, as the reader sees the page.
        ResultPoint[] finders = qr.getResultPoints();
        assertThat(finders[0].getY()).isGreaterThan(finders[1].getY());
        assertThat(finders[2].getX()).isGreaterThan(finders[1].getX());
    }

    @Test
    void a_damaged_or_password_protected_pdf_is_unreadable() {
        assertThatThrownBy(() -> stamp.stamp("%PDF-1.7\nnot really a document\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                URL, "x")).isInstanceOf(ResultStamp.Unreadable.class);
        assertThatThrownBy(() -> stamp.stamp(Pdfs.encrypted(Pdfs.document("MAT")), URL, "x"))
                .isInstanceOf(ResultStamp.Unreadable.class);
    }
}
