package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.catalog.CatalogFixtures.decision;
import static vn.motcua.catalog.CatalogFixtures.procedure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.Pdfs;
import vn.motcua.support.WebSession;

/**
 * Form templates of a procedure's documents: attached by the catalogue's administrators through the API, served to
 * anyone from the version in force and linked from its public page, judged by content.
 */
@IntegrationTest
class ProcedureTemplatesTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @LocalServerPort
    int port;

    Api admin() {
        return Api.as(port, "admin");
    }

    /** Published (version 1): its two documents' ids. */
    long[] published(String code, String name) {
        assertThat(admin().post("/api/v1/procedures", procedure(code, name)).status()).isEqualTo(201);
        assertThat(admin().post("/api/v1/procedures/" + code + "/publish", decision()).status()).isEqualTo(200);
        JsonNode documents = Api.anonymous(port).get("/api/public/procedures/" + code).json().get("documents");
        return new long[] {documents.get(0).get("id").asLong(), documents.get(1).get("id").asLong()};
    }

    Api.Response attach(String code, int version, long document, String fileName, byte[] content) {
        return admin().upload(templatePath(code, version, document), fileName, content, Map.of());
    }

    static String templatePath(String code, int version, long document) {
        return "/api/v1/procedures/" + code + "/versions/" + version + "/documents/" + document + "/template";
    }

    @Test
    void an_administrator_attaches_a_word_form_and_anyone_downloads_it_from_the_version_in_force_and_its_page() {
        String code = "1.986101.000.00.00.H27";
        long[] documents = published(code, "Cấp phép thử nghiệm mẫu đơn");
        byte[] word = docx("ĐƠN ĐỀ NGHỊ CẤP PHÉP THỬ NGHIỆM");
        Api.Response attached = attach(code, 1, documents[0], "Mẫu 01 - đơn đề nghị.docx", word);
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        assertThat(attached.json().get("fileName").asString()).isEqualTo("Mẫu 01 - đơn đề nghị.docx");
        assertThat(attached.json().get("contentType").asString()).isEqualTo(DOCX);
        assertThat(attached.json().get("size").asLong()).isEqualTo(word.length);

        JsonNode detail = Api.anonymous(port).get("/api/public/procedures/" + code).json();
        JsonNode template = detail.get("documents").get(0).get("template");
        String url = "/api/public/procedures/" + code + "/documents/" + documents[0] + "/template";
        assertThat(template.get("url").asString()).isEqualTo(url);
        assertThat(template.get("contentType").asString()).isEqualTo(DOCX);
        assertThat(detail.get("documents").get(1).has("template")).as("the second has none").isFalse();

        Api.Download download = Api.anonymous(port).download(url);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(word);
        assertThat(download.header("Content-Type")).isEqualTo(DOCX);
        assertThat(download.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''M%E1%BA%AB");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Api.Download none = Api.anonymous(port).download("/api/public/procedures/" + code + "/documents/"
                + documents[1] + "/template");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("detail").asString()).contains("chưa có tệp mẫu");

        String page = WebSession.anonymous(port).get("/procedures/" + code).body();
        assertThat(page).contains("href=\"" + url + "\"").contains("Tải về (DOCX, ")
                .doesNotContain("sẽ sớm có");
    }

    @Test
    void pdf_word_and_excel_are_accepted_by_content_with_the_extension_of_what_they_are() {
        String code = "1.986102.000.00.00.H27";
        long document = published(code, "Cấp phép thử nghiệm loại tệp mẫu")[0];
        assertThat(attach(code, 1, document, "to-khai.xlsx", xlsx()).json().get("fileName").asString())
                .isEqualTo("to-khai.xlsx");
        assertThat(attach(code, 1, document, "to-khai", xls()).json().get("fileName").asString())
                .isEqualTo("to-khai.xls");
        JsonNode doc = attach(code, 1, document, "mau.pdf", compoundFile("WordDocument")).json();
        assertThat(doc.get("fileName").asString()).as("a Word 97 file sent as .pdf").isEqualTo("mau.doc");
        assertThat(doc.get("contentType").asString()).isEqualTo("application/msword");
        JsonNode pdf = attach(code, 1, document, "mau.docx", Pdfs.document("DON")).json();
        assertThat(pdf.get("fileName").asString()).isEqualTo("mau.pdf");
        assertThat(Api.anonymous(port).get("/api/public/procedures/" + code).json().get("documents").get(0)
                .get("template").get("contentType").asString()).as("the last one replaced the others")
                .isEqualTo("application/pdf");
    }

    @Test
    void images_archives_macros_and_empty_files_are_refused_and_only_administrators_attach() {
        String code = "1.986103.000.00.00.H27";
        long document = published(code, "Cấp phép thử nghiệm tệp mẫu bị từ chối")[0];
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        Api.Response image = attach(code, 1, document, "mau.png", png);
        assertThat(image.status()).isEqualTo(415);
        assertThat(image.json().get("detail").asString()).isEqualTo("Chỉ nhận tệp PDF, Word (DOC, DOCX) hoặc Excel "
                + "(XLS, XLSX) không chứa macro (kiểm tra theo nội dung tệp, không theo tên).");
        assertThat(attach(code, 1, document, "mau.docx", zip("notes.txt", "[Content_Types].xml")).status())
                .as("a ZIP that is no Office document").isEqualTo(415);
        assertThat(attach(code, 1, document, "mau.docx",
                zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")).status())
                .as("a Word document with macros").isEqualTo(415);
        assertThat(attach(code, 1, document, "mau.xls", compoundFile("Workbook", "_VBA_PROJECT_CUR")).status())
                .as("an Excel 97 workbook with macros").isEqualTo(415);
        assertThat(attach(code, 1, document, "mau.doc", compoundFile("PowerPoint Document")).status())
                .isEqualTo(415);
        Api.Response empty = attach(code, 1, document, "mau.pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

        assertThat(Api.as(port, "tiepnhan").upload(templatePath(code, 1, document), "mau.pdf",
                Pdfs.document("DON"), Map.of()).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).upload(templatePath(code, 1, document), "mau.pdf",
                Pdfs.document("DON"), Map.of()).status()).isEqualTo(401);
        assertThat(attach(code, 1, 999_999_999L, "mau.pdf", Pdfs.document("DON")).status()).isEqualTo(404);
        Api.Response noVersion = attach(code, 7, document, "mau.pdf", Pdfs.document("DON"));
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(noVersion.json().get("detail").asString()).contains("không có phiên bản 7");
        assertThat(Api.anonymous(port).get("/api/public/procedures/" + code).json().get("documents").get(0)
                .has("template")).as("nothing refused was attached").isFalse();
    }

    @Test
    void a_new_draft_takes_over_the_templates_of_the_documents_it_keeps_and_a_superseded_version_no_longer_changes() {
        String code = "1.986104.000.00.00.H27";
        long[] v1 = published(code, "Cấp phép thử nghiệm phiên bản mẫu đơn");
        byte[] form = Pdfs.document("DON DE NGHI");
        assertThat(attach(code, 1, v1[0], "don.pdf", form).status()).isEqualTo(201);
        assertThat(attach(code, 1, v1[1], "ban-ve.pdf", Pdfs.document("BAN VE")).status()).isEqualTo(201);

        // Version 2 keeps "Đơn đề nghị" and renames the drawing: only the form follows.
        Map<String, Object> changed = procedure(code, "Cấp phép thử nghiệm phiên bản mẫu đơn");
        changed.put("documents", java.util.List.of(
                Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                Map.of("name", "Bản vẽ thiết kế (bản mới)", "copyKind", "COPY", "count", 2, "mandatory", false)));
        JsonNode draft = admin().put("/api/v1/procedures/" + code, changed).json();
        assertThat(draft.get("version").asInt()).isEqualTo(2);
        long kept = draft.get("documents").get(0).get("id").asLong();
        long renamed = draft.get("documents").get(1).get("id").asLong();
        Api.Download copied = admin().download(templatePath(code, 2, kept));
        assertThat(copied.status()).isEqualTo(200);
        assertThat(copied.body()).isEqualTo(form);
        assertThat(admin().download(templatePath(code, 2, renamed)).status()).isEqualTo(404);

        // Editing the draft again rewrites its document rows: the template stays with its document's name.
        draft = admin().put("/api/v1/procedures/" + code, changed).json();
        assertThat(admin().download(templatePath(code, 2, draft.get("documents").get(0).get("id").asLong())).status())
                .isEqualTo(200);

        assertThat(admin().post("/api/v1/procedures/" + code + "/publish", decision()).status()).isEqualTo(200);
        JsonNode inForce = Api.anonymous(port).get("/api/public/procedures/" + code).json();
        assertThat(inForce.get("version").asInt()).isEqualTo(2);
        assertThat(inForce.get("documents").get(0).has("template")).as("publishing keeps it").isTrue();
        long superseded = admin().get("/api/v1/procedures/" + code + "/versions").json().get(1).get("documents").get(0)
                .get("id").asLong();
        Api.Response closed = attach(code, 1, superseded, "don.pdf", form);
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.json().get("detail").asString()).contains("đã hết hiệu lực");

        assertThat(admin().delete(templatePath(code, 2, inForce.get("documents").get(0).get("id").asLong())).status())
                .isEqualTo(204);
        assertThat(Api.anonymous(port).get("/api/public/procedures/" + code).json().get("documents").get(0)
                .has("template")).isFalse();
    }

    static byte[] docx(String title) {
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText(title);
            return written(document::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Tờ khai").createRow(0).createCell(0).setCellValue("Họ và tên");
            return written(workbook::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xls() {
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("To khai").createRow(0).createCell(0).setCellValue("Ho va ten");
            return written(workbook::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Writing {
        void to(OutputStream out) throws IOException;
    }

    static byte[] written(Writing writing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writing.to(out);
        return out.toByteArray();
    }

    /** An OLE2 compound file holding streams of these names, as Word and Excel 97–2003 write them. */
    static byte[] compoundFile(String... streams) {
        try (POIFSFileSystem file = new POIFSFileSystem()) {
            for (String stream : streams) {
                file.createDocument(new ByteArrayInputStream(new byte[64]), stream);
            }
            return written(file::writeFilesystem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip(String... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
