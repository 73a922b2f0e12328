package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.platform.Uploads.Kind;

/** The name a stored file keeps: plain, and ending with the extension of what its content is. */
class UploadNamesTest {

    @Test
    void a_name_ends_with_the_extension_of_the_kind_found_in_the_content() {
        assertThat(Uploads.safeName("Đơn đề nghị.pdf", Kind.PDF)).isEqualTo("Đơn đề nghị.pdf");
        assertThat(Uploads.safeName("mau.PDF", Kind.PDF)).isEqualTo("mau.PDF");
        assertThat(Uploads.safeName("scan.pdf", Kind.PNG)).isEqualTo("scan.png");
        assertThat(Uploads.safeName("anh.jpeg", Kind.JPEG)).isEqualTo("anh.jpeg");
        assertThat(Uploads.safeName("mau.doc", Kind.DOCX)).isEqualTo("mau.docx");
        assertThat(Uploads.safeName("to-khai.xlsx", Kind.XLS)).isEqualTo("to-khai.xls");
        assertThat(Uploads.safeName("Mẫu số 01", Kind.DOCX)).isEqualTo("Mẫu số 01.docx");
        assertThat(Uploads.safeName("bao.cao.v2", Kind.PDF)).as("an extension of no kind stays part of the name")
                .isEqualTo("bao.cao.v2.pdf");
    }

    @Test
    void directories_control_characters_and_leading_dots_go_and_a_name_never_ends_up_empty_or_too_long() {
        assertThat(Uploads.safeName("../../etc/passwd.pdf", Kind.PDF)).isEqualTo("passwd.pdf");
        assertThat(Uploads.safeName("C:\\Windows\\..\\evil<x>.pdf", Kind.PDF)).isEqualTo("evil_x_.pdf");
        assertThat(Uploads.safeName("...", Kind.PDF)).isEqualTo("tep.pdf");
        assertThat(Uploads.safeName("evil\u202Efdp.exe", Kind.PDF)).as("a right-to-left override would disguise it")
                .isEqualTo("evilfdp.exe.pdf");
        assertThat(Uploads.safeName("\uFEFFđơn\u200B\u2066.pdf\u2069", Kind.PDF)).isEqualTo("đơn.pdf");
        assertThat(Uploads.safeName("evil.html", Kind.PDF)).as("the content decides what it is served as")
                .isEqualTo("evil.html.pdf");
        assertThat(Uploads.safeName(null, Kind.XLSX)).isEqualTo("tep.xlsx");
        String longName = "a".repeat(300) + ".docx";
        assertThat(Uploads.safeName(longName, Kind.DOCX)).hasSize(255).endsWith(".docx");
    }
}
