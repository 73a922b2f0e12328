package vn.motcua.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureTemplates;
import vn.motcua.platform.HtmlToPdf;

/**
 * Form templates for a few demo procedures, so that their public pages offer one to download: a one-page PDF
 * application form (đơn đề nghị) in the layout of Decree 30/2020/NĐ-CP (national heading, title, addressee, lines
 * to fill in, signature), made from the document's name and marked as a demo illustration, not the official form.
 */
@Component
class DemoFormTemplates {

    /** Building permit, road transport business licence, land allocation: each's first form gets a file. */
    static final List<String> PROCEDURES = List.of("1.009794.000.00.00.H27", "1.013226.000.00.00.H27",
            "1.012790.000.00.00.H27");
    static final String UPLOADED_BY = "admin";

    private final Catalog catalog;
    private final ProcedureTemplates templates;
    private final HtmlToPdf pdf;

    DemoFormTemplates(Catalog catalog, ProcedureTemplates templates, HtmlToPdf pdf) {
        this.catalog = catalog;
        this.templates = templates;
        this.pdf = pdf;
    }

    void load() {
        for (String code : PROCEDURES) {
            ProcedureData procedure = catalog.published(code).orElseThrow(() -> new IllegalStateException(
                    "demo procedure " + code + " is not published"));
            ProcedureData.DocumentData document = procedure.documents().stream()
                    .filter(d -> d.templateName() != null).findFirst().orElseThrow();
            byte[] form = pdf.render(form(document.name(), procedure.agencyName()));
            try {
                templates.attach(code, procedure.version(), document.id(), document.templateName(),
                        new ByteArrayInputStream(form), UPLOADED_BY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** "Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 …)" → the XHTML of a form titled ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG. */
    static String form(String documentName, String agency) {
        int bracket = documentName.indexOf('(');
        String title = (bracket > 0 ? documentName.substring(0, bracket) : documentName).strip();
        StringBuilder lines = new StringBuilder();
        for (String field : List.of("Họ và tên người đề nghị", "Số định danh cá nhân", "Địa chỉ liên hệ",
                "Số điện thoại", "Thư điện tử", "Nội dung đề nghị", "Giấy tờ kèm theo")) {
            lines.append("<tr><td class=\"label\">").append(field).append(":</td><td class=\"blank\"></td></tr>");
        }
        return """
                <html><head><style>
                @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
                body { font-family: 'Liberation Serif'; font-size: 13pt; }
                .center { text-align: center; } .bold { font-weight: bold; }
                table.fields { width: 100%%; border-collapse: collapse; margin: 12pt 0; }
                td.label { white-space: nowrap; width: 1%%; padding: 9pt 4pt 0 0; }
                td.blank { border-bottom: 1px dotted black; }
                .note { font-size: 9pt; font-style: italic; margin-top: 24pt; }
                .sign { margin-left: 45%%; text-align: center; margin-top: 18pt; }
                </style></head><body>
                <p class="center bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc</p>
                <p class="center">―――――――――</p>
                <p class="center bold" style="font-size: 14pt; margin-top: 18pt">%s</p>
                <p class="center">Kính gửi: %s</p>
                <table class="fields">%s</table>
                <p>Tôi cam đoan những nội dung kê khai trên là đúng sự thật.</p>
                <p class="sign"><i>Hải Phòng, ngày …… tháng …… năm ……</i><br/><b>NGƯỜI ĐỀ NGHỊ</b><br/>
                <i>(Ký, ghi rõ họ tên)</i></p>
                <p class="note">Mẫu minh họa của dữ liệu trình diễn motcua, không phải mẫu chính thức.</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(title.toUpperCase(java.util.Locale.forLanguageTag("vi")), "UTF-8"),
                HtmlUtils.htmlEscape(agency, "UTF-8"), lines);
    }
}
