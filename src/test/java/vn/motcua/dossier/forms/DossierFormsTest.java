package vn.motcua.dossier.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierFormsTest {

    static final String PROCEDURE = "1.940201.000.00.00.H27";
    static final String PROCEDURE_NAME = "Cấp phép thử nghiệm in biểu mẫu một cửa";
    static final List<String> DOCUMENT_NAMES = List.of("Đơn đề nghị cấp phép", "Giấy chứng nhận quyền sử dụng đất",
            "Bản vẽ thiết kế");
    static final String LONG_PROCEDURE = "1.940202.000.00.00.H27";
    static final int MANY = 32;
    static final String EIGHT_PROCEDURE = "1.940203.000.00.00.H27";
    /** Eight documents as long as a building permit's. */
    static final List<String> EIGHT = List.of(
            "Đơn đề nghị cấp giấy phép xây dựng theo Mẫu số 01 Phụ lục II Nghị định số 175/2024/NĐ-CP",
            "Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai",
            "Bản vẽ thiết kế xây dựng: mặt bằng, mặt cắt, mặt đứng chính của công trình",
            "Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế",
            "Văn bản thẩm định thiết kế xây dựng của cơ quan chuyên môn về xây dựng",
            "Văn bản chấp thuận về phòng cháy và chữa cháy",
            "Cam kết bảo đảm an toàn đối với công trình liền kề",
            "Giấy ủy quyền, nếu nộp thay");
    static final ZoneId VIETNAM = VietnamTime.ZONE;

    @LocalServerPort
    int port;

    final List<Long> documents = new ArrayList<>();

    @BeforeAll
    void publishTwoProcedures() {
        publish(PROCEDURE, PROCEDURE_NAME, List.of(
                Map.of("name", DOCUMENT_NAMES.get(0), "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                Map.of("name", DOCUMENT_NAMES.get(1), "copyKind", "CERTIFIED_COPY", "count", 1, "mandatory", true),
                Map.of("name", DOCUMENT_NAMES.get(2), "copyKind", "COPY", "count", 2, "mandatory", false)));
        Api.anonymous(port).get("/api/public/procedures/" + PROCEDURE).json().get("documents")
                .forEach(d -> documents.add(d.get("id").asLong()));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 1; i <= MANY; i++) {
            many.add(Map.of("name", "Giấy tờ thứ " + i + " của hồ sơ dày", "copyKind", "COPY", "count", 1, "mandatory", i == 1));
        }
        publish(LONG_PROCEDURE, "Thủ tục thử nghiệm có nhiều thành phần hồ sơ", many);
        publish(EIGHT_PROCEDURE, "Cấp giấy phép xây dựng thử nghiệm có tám thành phần hồ sơ", EIGHT.stream()
                .map(name -> Map.<String, Object>of("name", name, "copyKind", "COPY", "count", 1,
                        "mandatory", name.equals(EIGHT.get(0))))
                .toList());
    }

    void publish(String code, String name, List<Map<String, Object>> documents) {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", code, "name", name, "field", "Xây dựng",
                "agencyName", "Sở Xây dựng thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", "PARTIAL",
                "documents", documents,
                "steps", List.of(Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                        Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                        Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                        Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4))));
        assertThat(admin.post("/api/v1/procedures", p).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/procedures/" + code + "/publish", Map.of("decisionNumber", "94/QĐ-UBND",
                "decisionDate", "2026-01-02", "effectiveFrom", "2026-01-02")).status()).isEqualTo(200);
    }

    Map<String, Object> intake(String decision, String fullName) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("channel", "DIRECT");
        body.put("applicant", new HashMap<>(Map.of("fullName", fullName, "citizenId", "031085001234",
                "phone", "0912 345 678", "email", "dan@example.vn", "address", "18 Hoàng Diệu, Hồng Bàng, Hải Phòng")));
        body.put("documents", List.of(
                Map.of("documentId", documents.get(0), "copyKind", "ORIGINAL", "count", 1),
                Map.of("documentId", documents.get(1), "copyKind", "CERTIFIED_COPY", "count", 1),
                Map.of("documentId", documents.get(2), "copyKind", "COPY", "count", 2)));
        body.put("decision", decision);
        return body;
    }

    Api desk() {
        return Api.as(port, "tiepnhan");
    }

    JsonNode receive(Map<String, Object> body) {
        Api.Response response = desk().post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    Map<String, Object> supplement(String fullName) {
        Map<String, Object> body = intake("SUPPLEMENT", fullName);
        body.put("supplementItems", List.of(
                Map.of("description", "Bản vẽ mặt bằng tổng thể", "reason", "Bản vẽ nộp chưa có chữ ký của chủ đầu tư"),
                Map.of("description", "Giấy ủy quyền có công chứng", "reason", "Người nộp không phải chủ hộ")));
        return body;
    }

    Map<String, Object> refusal(String fullName) {
        Map<String, Object> body = intake("REFUSE", fullName);
        body.put("refusalReason", "Thủ tục không thuộc thẩm quyền giải quyết của thành phố Hải Phòng");
        return body;
    }

    @Test
    void the_receipt_of_an_accepted_dossier_is_a_pdf_with_every_field_of_form_01() {
        JsonNode receipt = receive(intake("ACCEPT", "Nguyễn Văn Dân"));
        String code = receipt.get("code").asString();
        OffsetDateTime received = OffsetDateTime.parse(receipt.get("receivedAt").asString());
        OffsetDateTime due = OffsetDateTime.parse(receipt.get("dueAt").asString());

        Api.Download pdf = desk().download("/api/v1/dossiers/" + code + "/receipt.pdf");

        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("inline; filename=\"receipt-" + code + ".pdf\"");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = text(pdf.body());
        assertThat(text).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mẫu số 01",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", placeAndDate(received),
                "Số: " + code, "Mã hồ sơ: " + code, "Bộ phận Một cửa",
                "Nguyễn Văn Dân", "031085001234", "18 Hoàng Diệu, Hồng Bàng, Hải Phòng", "0912345678", "dan@example.vn",
                PROCEDURE_NAME, "Bản chính", "Bản sao có chứng thực", "2. Số lượng hồ sơ: 01 (bộ)", "5 ngày làm việc",
                moment(received), moment(due), due.atZoneSameInstant(VIETNAM).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                "Vào Sổ theo dõi hồ sơ lĩnh vực Xây dựng, Quyển số:", "Mã tra cứu: " + receipt.get("lookupPin").asString(),
                "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Thị Thu Hà");
        assertThat(text).contains(DOCUMENT_NAMES);
        assertThat(text.replaceAll("\\s+", " ")).contains("6. Đăng ký nhận kết quả tại: Bộ phận Một cửa, "
                + "Văn phòng Ủy ban nhân dân thành phố Hải Phòng (nhận trực tiếp)");
    }

    @Test
    void the_qr_code_of_the_receipt_opens_the_public_lookup_with_the_code_and_the_pin() {
        JsonNode receipt = receive(intake("ACCEPT", "Phạm Thị Quét Mã"));
        String code = receipt.get("code").asString();

        byte[] pdf = desk().download("/api/v1/dossiers/" + code + "/receipt.pdf").body();

        // A demo without motcua.public-url: the address this server listens on.
        assertThat(qrCodes(pdf)).containsExactly(
                "http://localhost:" + port + "/tra-cuu?ma=" + code + "&pin=" + receipt.get("lookupPin").asString());
        assertThat(text(pdf)).contains("http://localhost:" + port + "/tra-cuu");
    }

    @Test
    void the_receipt_prints_the_number_of_sets_and_the_return_chosen_at_intake() {
        Map<String, Object> body = intake("ACCEPT", "Phan Thị Gửi Bưu Điện");
        body.put("sets", 3);
        body.put("returnMethod", "POSTAL");
        String code = receive(body).get("code").asString();

        String text = text(desk().download("/api/v1/dossiers/" + code + "/receipt.pdf").body());

        assertThat(text.replaceAll("\\s+", " ")).contains("2. Số lượng hồ sơ: 03 (bộ)",
                "6. Đăng ký nhận kết quả tại: 18 Hoàng Diệu, Hồng Bàng, Hải Phòng (nhận qua dịch vụ bưu chính)");
    }

    @Test
    void the_receipt_names_the_book_and_the_line_the_tracking_book_gives_the_dossier() {
        String first = receive(intake("ACCEPT", "Tạ Văn Vào Sổ")).get("code").asString();
        String second = receive(intake("ACCEPT", "Tạ Thị Vào Sổ")).get("code").asString();
        String today = java.time.LocalDate.now(VIETNAM).toString();

        JsonNode book = desk().get("/api/v1/reports/tracking-book?from=" + today + "&to=" + today + "&field=xay%20dung")
                .json();

        for (String code : List.of(first, second)) {
            JsonNode entry = book.get("items").valueStream().filter(i -> i.get("code").asString().equals(code))
                    .findFirst().orElseThrow();
            assertThat(entry.get("book").asInt()).isEqualTo(java.time.LocalDate.now(VIETNAM).getYear());
            assertThat(text(desk().download("/api/v1/dossiers/" + code + "/receipt.pdf").body()))
                    .contains("Vào Sổ theo dõi hồ sơ lĩnh vực Xây dựng, Quyển số: " + entry.get("book").asInt()
                            + ", Số thứ tự: " + entry.get("no").asInt());
        }
        assertThat(line(book, second)).isEqualTo(line(book, first) + 1);
    }

    static int line(JsonNode book, String code) {
        return book.get("items").valueStream().filter(i -> i.get("code").asString().equals(code)).findFirst()
                .orElseThrow().get("no").asInt();
    }

    @Test
    void a_receipt_of_eight_documents_with_a_representative_fits_on_one_page() {
        Map<String, Object> body = intake("ACCEPT", "Nguyễn Thị Tám Giấy");
        body.put("procedureCode", EIGHT_PROCEDURE);
        body.put("representative", Map.of("fullName", "Đặng Văn Đại Diện", "citizenId", "031090004321",
                "phone", "0987 654 321", "authorizationDocument", "Giấy ủy quyền số 12/2026 ngày 02/03/2026"));
        List<Map<String, Object>> received = new ArrayList<>();
        Api.anonymous(port).get("/api/public/procedures/" + EIGHT_PROCEDURE).json().get("documents")
                .forEach(d -> received.add(Map.of("documentId", d.get("id").asLong(), "copyKind", "COPY", "count", 1)));
        body.put("documents", received);
        JsonNode receipt = receive(body);

        List<String> pages = pages(desk().download("/api/v1/dossiers/" + receipt.get("code").asString()
                + "/receipt.pdf").body());

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).replaceAll("\\s+", " ")).contains(EIGHT.get(0), EIGHT.get(7));
        assertThat(pages.get(0)).contains("Mã tra cứu: " + receipt.get("lookupPin").asString(), "NGƯỜI NỘP HỒ SƠ",
                "NGƯỜI TIẾP NHẬN HỒ SƠ");
    }

    @Test
    void the_forms_are_set_in_a_times_compatible_serif_that_has_every_vietnamese_letter() throws IOException {
        String code = receive(intake("ACCEPT", "Nguyễn Thị Phông Chữ")).get("code").asString();

        byte[] pdf = desk().download("/api/v1/dossiers/" + code + "/receipt.pdf").body();

        assertThat(text(pdf)).contains("Nguyễn Thị Phông Chữ", "ỦY BAN NHÂN DÂN", "Đơn đề nghị", "đ");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(font -> font.contains("LiberationSerif"), "Liberation Serif");
        }
    }

    @Test
    void a_representative_and_the_authorisation_are_on_the_receipt() {
        Map<String, Object> body = intake("ACCEPT", "Hoàng Thị Ủy Quyền");
        body.put("representative", Map.of("fullName", "Đặng Văn Đại Diện", "citizenId", "031090004321",
                "phone", "0987 654 321", "authorizationDocument", "Giấy ủy quyền số 12/2026 ngày 02/03/2026"));
        String code = receive(body).get("code").asString();

        String text = text(desk().download("/api/v1/dossiers/" + code + "/receipt.pdf").body());

        assertThat(text).contains("Hoàng Thị Ủy Quyền", "Đặng Văn Đại Diện", "031090004321",
                "Giấy ủy quyền số 12/2026 ngày 02/03/2026");
    }

    @Test
    void a_receipt_too_long_for_one_page_keeps_the_pin_and_the_signatures_together_on_the_last_page() {
        Map<String, Object> body = intake("ACCEPT", "Lý Thị Nhiều Giấy");
        body.put("procedureCode", LONG_PROCEDURE);
        List<Map<String, Object>> received = new ArrayList<>();
        Api.anonymous(port).get("/api/public/procedures/" + LONG_PROCEDURE).json().get("documents")
                .forEach(d -> received.add(Map.of("documentId", d.get("id").asLong(), "copyKind", "COPY", "count", 1)));
        body.put("documents", received);
        JsonNode receipt = receive(body);

        byte[] pdf = desk().download("/api/v1/dossiers/" + receipt.get("code").asString() + "/receipt.pdf").body();

        List<String> pages = pages(pdf);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(1)).as("page number, from page 2 on").startsWith("2");
        assertThat(String.join("", pages)).contains("Giấy tờ thứ 1 của hồ sơ dày", "Giấy tờ thứ " + MANY + " của hồ sơ dày");
        // The table goes on with its header repeated; the look-up and the signatures are not split.
        assertThat(pages.get(1)).contains("Tên giấy tờ", "Mã tra cứu: " + receipt.get("lookupPin").asString(),
                "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Thị Thu Hà");
    }

    @Test
    void the_supplement_request_lists_every_item_with_its_reason() {
        JsonNode receipt = receive(supplement("Lê Thị Bổ Sung"));
        String code = receipt.get("code").asString();

        Api.Download pdf = desk().download("/api/v1/dossiers/" + code + "/supplement-request.pdf");

        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Disposition")).isEqualTo("inline; filename=\"supplement-request-" + code + ".pdf\"");
        String text = text(pdf.body());
        assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mẫu số 02", code, "Lê Thị Bổ Sung",
                "031085001234", "0912345678", "dan@example.vn", PROCEDURE_NAME, "Trần Thị Thu Hà",
                // The desk's telephone from the organisation (the demo's), not dots to fill in.
                "số điện thoại 0225 3842 100",
                placeAndDate(OffsetDateTime.parse(receipt.get("receivedAt").asString())));
        assertThat(text).containsSubsequence("1.", "Bản vẽ mặt bằng tổng thể", "Bản vẽ nộp chưa có chữ ký của chủ đầu tư",
                "2.", "Giấy ủy quyền có công chứng", "Người nộp không phải chủ hộ");
    }

    @Test
    void the_refusal_states_the_reason() {
        String code = receive(refusal("Vũ Văn Từ Chối")).get("code").asString();

        Api.Download pdf = desk().download("/api/v1/dossiers/" + code + "/refusal.pdf");

        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Disposition")).isEqualTo("inline; filename=\"refusal-" + code + ".pdf\"");
        assertThat(text(pdf.body())).contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Mẫu số 03", code,
                "Vũ Văn Từ Chối", "031085001234", "dan@example.vn", PROCEDURE_NAME,
                "Thủ tục không thuộc thẩm quyền giải quyết của thành phố Hải Phòng", "Trần Thị Thu Hà");
    }

    @Test
    void a_form_the_dossier_does_not_have_is_a_409_in_the_callers_language() {
        String accepted = receive(intake("ACCEPT", "Ngô Văn Đủ")).get("code").asString();
        String waiting = receive(supplement("Ngô Văn Thiếu")).get("code").asString();
        String refused = receive(refusal("Ngô Văn Sai")).get("code").asString();

        assertThat(desk().download("/api/v1/dossiers/" + accepted + "/supplement-request.pdf").status()).isEqualTo(409);
        assertThat(desk().download("/api/v1/dossiers/" + accepted + "/refusal.pdf").status()).isEqualTo(409);
        assertThat(desk().download("/api/v1/dossiers/" + waiting + "/refusal.pdf").status()).isEqualTo(409);
        assertThat(desk().download("/api/v1/dossiers/" + refused + "/supplement-request.pdf").status()).isEqualTo(409);
        Api.Download vietnamese = desk().download("/api/v1/dossiers/" + waiting + "/receipt.pdf");
        assertThat(vietnamese.status()).isEqualTo(409);
        assertThat(vietnamese.header("Content-Type")).startsWith("application/problem+json");
        assertThat(vietnamese.json().get("detail").asString()).contains(waiting, "chưa được tiếp nhận");
        Api.Download english = desk().header("Accept-Language", "en").download("/api/v1/dossiers/" + refused + "/receipt.pdf");
        assertThat(english.status()).isEqualTo(409);
        assertThat(english.json().get("detail").asString()).contains(refused, "has not been accepted");
        Api.Download askingForPdf = desk().header("Accept", "application/pdf").download("/api/v1/dossiers/" + refused + "/receipt.pdf");
        assertThat(askingForPdf.status()).as(askingForPdf.toString()).isEqualTo(409);
    }

    @Test
    void the_forms_are_in_vietnamese_whatever_language_the_caller_reads() {
        String code = receive(intake("ACCEPT", "Trịnh Thị Ngôn Ngữ")).get("code").asString();

        Api.Download pdf = desk().header("Accept-Language", "en").download("/api/v1/dossiers/" + code + "/receipt.pdf");

        assertThat(text(pdf.body())).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "ngày làm việc")
                .doesNotContain("RECEIPT", "working days");
    }

    @Test
    void the_forms_follow_the_scope_of_the_dossier() {
        String accepted = receive(intake("ACCEPT", "Đinh Thị Phạm Vi")).get("code").asString();
        String refused = receive(refusal("Đinh Văn Phạm Vi")).get("code").asString();

        assertThat(Api.as(port, "lanhdao").download("/api/v1/dossiers/" + accepted + "/receipt.pdf").status()).isEqualTo(200);
        // A specialist of a unit the process does not pass through does not learn that the dossier exists.
        Api specialist = Api.as(port, "chuyenvien");
        assertThat(specialist.download("/api/v1/dossiers/" + accepted + "/receipt.pdf").status()).isEqualTo(404);
        assertThat(specialist.download("/api/v1/dossiers/" + refused + "/refusal.pdf").status()).isEqualTo(404);
        assertThat(specialist.download("/api/v1/dossiers/" + refused + "/receipt.pdf").status()).isEqualTo(404);
        assertThat(desk().download("/api/v1/dossiers/000.00.01.H27-000101-9999/receipt.pdf").status()).isEqualTo(404);
        assertThat(Api.anonymous(port).download("/api/v1/dossiers/" + accepted + "/receipt.pdf").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).download("/api/v1/dossiers/" + refused + "/refusal.pdf").status()).isEqualTo(401);
    }

    /** "Hải Phòng, ngày 05 tháng 3 năm 2026": Decree 30/2020 pads days below 10 and months 1 and 2 only. */
    static String placeAndDate(OffsetDateTime time) {
        var day = time.atZoneSameInstant(VIETNAM);
        int month = day.getMonthValue();
        return "Hải Phòng, ngày " + String.format("%02d", day.getDayOfMonth()) + " tháng "
                + (month <= 2 ? "0" + month : String.valueOf(month)) + " năm " + day.getYear();
    }

    static String moment(OffsetDateTime time) {
        return time.atZoneSameInstant(VIETNAM).format(DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy"));
    }

    static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(document));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every QR code among the images of the PDF. */
    static List<String> qrCodes(byte[] pdf) {
        List<String> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (BufferedImage image : images(page.getResources())) {
                    try {
                        found.add(new QRCodeReader().decode(
                                new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText());
                    } catch (NotFoundException | ChecksumException | FormatException e) {
                        // not a QR code
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<BufferedImage> images(PDResources resources) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        if (resources == null) {
            return images;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                images.add(image.getImage());
            } else if (object instanceof PDFormXObject form) {
                images.addAll(images(form.getResources()));
            }
        }
        return images;
    }
}
