package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.support.Pdfs;

class HtmlToPdfTest {

    private final HtmlToPdf pdf = new HtmlToPdf();

    /** A column narrower than a word: wherever a line may break, it does. */
    private String narrow(String text) {
        return "<!DOCTYPE html><html><head><style>@page { size: A4; margin: 2cm; } body { font-family: 'Liberation Serif';"
                + " font-size: 12pt; } div { width: 1.2cm; }</style></head><body><div>" + text + "</div></body></html>";
    }

    @Test
    void a_line_never_breaks_inside_ong_ba_nor_inside_the_number_of_a_legal_document() {
        String text = Pdfs.text(pdf.render(narrow(
                "Đề nghị Ông/Bà liên hệ theo Nghị định số 175/2024/NĐ-CP và Thông tư số 03/2025/TT-VPCP ngay.")));

        assertThat(text).contains("Ông/Bà", "175/2024/NĐ-CP", "03/2025/TT-VPCP");
    }

    @Test
    void only_text_is_kept_together_never_a_tag_or_an_attribute() {
        String html = "<p title=\"Ông/Bà 175/2024/NĐ-CP\">Ông/Bà</p>";

        assertThat(HtmlToPdf.keepTogether(html)).isEqualTo(
                "<p title=\"Ông/Bà 175/2024/NĐ-CP\"><span style=\"white-space: nowrap\">Ông/Bà</span></p>");
    }

    @Test
    void the_text_around_a_kept_run_reads_in_order() {
        String text = Pdfs.text(pdf.render("<!DOCTYPE html><html><head><style>body { font-family: 'Liberation Serif'; }</style></head>"
                + "<body><p>Kính gửi: Ông/Bà Đặng Thị Hẹn Lại, "
                + "theo Nghị định số 118/2025/NĐ-CP.</p></body></html>"));

        assertThat(text).contains("Kính gửi: Ông/Bà Đặng Thị Hẹn Lại, theo Nghị định số 118/2025/NĐ-CP.");
    }
}
