package vn.motcua.dossier.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.forms.DossierFormsTest.VIETNAM;
import static vn.motcua.dossier.forms.DossierFormsTest.moment;
import static vn.motcua.dossier.forms.DossierFormsTest.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.ProblemException;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * Forms 04 (apology and new date) and 05 (process control slip) of a dossier driven through its process by
 * the real API, on the system clock: accepted at the desk, appraised at SXD.QLXD, an apology by the
 * department's leader, sent back from SXD.LD, appraised again, approved, returned.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessFormsTest {

    static final String PROCEDURE = "1.970001.000.00.00.H27";
    static final String PROCEDURE_NAME = "Cấp phép thử nghiệm phiếu xin lỗi và phiếu kiểm soát";
    static final String REASON = "Cần lấy ý kiến cơ quan phòng cháy chữa cháy về phương án thoát nạn";
    static final String SEND_BACK = "Thiếu ý kiến thẩm định về phòng cháy";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final Pattern LABEL = Pattern.compile("Trước hạn|Đúng hạn|Quá hạn");
    static final Map<String, String> LABELS = Map.of("EARLY", "Trước hạn", "ON_TIME", "Đúng hạn", "LATE", "Quá hạn");

    @LocalServerPort
    int port;

    @Autowired
    DossierForms forms;

    long document;

    @BeforeAll
    void publish() {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", PROCEDURE, "name", PROCEDURE_NAME, "field", "Xây dựng",
                "agencyName", "Sở Xây dựng thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", "PARTIAL",
                "documents", List.of(Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true)),
                "steps", List.of(Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                        Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                        Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                        Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4))));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(admin.post("/api/v1/procedures/" + PROCEDURE + "/publish", Map.of("decisionNumber", "97/QĐ-UBND",
                "decisionDate", "2026-01-02", "effectiveFrom", "2026-01-02")).status()).isEqualTo(200);
        document = Api.anonymous(port).get("/api/public/procedures/" + PROCEDURE).json().get("documents").get(0)
                .get("id").asLong();
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    String receive(String applicant, String decision) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("channel", "DIRECT");
        body.put("applicant", Map.of("fullName", applicant, "citizenId", "031085001234", "phone", "0912345678",
                "address", "5 Lê Lợi, Ngô Quyền, Hải Phòng"));
        body.put("documents", List.of(Map.of("documentId", document)));
        body.put("decision", decision);
        if (decision.equals("REFUSE")) {
            body.put("refusalReason", "Không thuộc thẩm quyền");
        }
        Api.Response response = as("tiepnhan").post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asString();
    }

    JsonNode detail(String code) {
        return as("tiepnhan").get("/api/v1/dossiers/" + code).json();
    }

    void act(String user, String code, String action, Map<String, ?> body) {
        Api.Response response = as(user).post("/api/v1/dossiers/" + code + "/" + action, body);
        assertThat(response.status()).as(action + ": " + response).isEqualTo(200);
    }

    /** Accepted, handed over, apologised for, sent back, handed over twice: the result is ready; then returned. */
    String walked(String applicant) {
        String code = receive(applicant, "ACCEPT");
        act("chuyenvien.sxd", code, "handover", Map.of("note", "Đủ điều kiện, trình lãnh đạo"));
        OffsetDateTime due = OffsetDateTime.parse(detail(code).get("dueAt").asString());
        act("lanhdao.sxd", code, "apology", Map.of("reason", REASON, "newDueAt", due.plusDays(3).toString()));
        act("lanhdao.sxd", code, "send-back", Map.of("reason", SEND_BACK));
        act("chuyenvien.sxd", code, "handover", Map.of("note", "Đã bổ sung ý kiến thẩm định"));
        act("lanhdao.sxd", code, "handover", Map.of("note", "Đồng ý, đã ký giấy phép"));
        act("tiepnhan", code, "return-result", Map.of("method", "DIRECT"));
        return code;
    }

    @Test
    void the_apology_names_the_reason_the_original_due_time_and_the_new_date() {
        String code = walked("Đặng Thị Hẹn Lại");
        JsonNode dossier = detail(code);
        OffsetDateTime originalDue = OffsetDateTime.parse(dossier.get("originalDueAt").asString());
        OffsetDateTime newDue = OffsetDateTime.parse(dossier.get("dueAt").asString());
        assertThat(newDue).isAfter(originalDue);

        Api.Download pdf = as("tiepnhan").download("/api/v1/dossiers/" + code + "/apology.pdf");

        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("inline; filename=\"apology-" + code + ".pdf\"");
        String text = flat(text(pdf.body()));
        ZonedDateTime local = newDue.atZoneSameInstant(VIETNAM);
        assertThat(text).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Mẫu số 04",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                // From the department whose leader apologised.
                "Sở Xây dựng thành phố Hải Phòng", "Kính gửi: Ông/Bà Đặng Thị Hẹn Lại", "Mã hồ sơ: " + code,
                PROCEDURE_NAME, REASON, moment(originalDue), moment(newDue), DATE.format(local),
                "xin lỗi Ông/Bà Đặng Thị Hẹn Lại và hẹn lại ngày trả kết quả vào lúc "
                        + String.format("%02d giờ %02d phút, ngày %02d tháng %s năm %d", local.getHour(),
                                local.getMinute(), local.getDayOfMonth(), DossierForms.month(local.getMonthValue()),
                                local.getYear()),
                "THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên, đóng dấu)");
        assertThat(text).contains(moment(OffsetDateTime.parse(dossier.get("acceptedAt").asString())));
    }

    @Test
    void the_control_slip_has_one_row_per_hand_over_with_unit_names_and_timeliness() {
        String code = walked("Phạm Văn Kiểm Soát");
        JsonNode history = as("tiepnhan").get("/api/v1/dossiers/" + code + "/history").json();
        assertThat(history.size()).isEqualTo(6);

        Api.Download pdf = as("tiepnhan").download("/api/v1/dossiers/" + code + "/control-slip.pdf");

        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("inline; filename=\"control-slip-" + code + ".pdf\"");
        assertThat(landscape(pdf.body())).isTrue();
        String text = flat(text(pdf.body()));
        JsonNode dossier = detail(code);
        assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 05", "Mã hồ sơ: " + code,
                "Phạm Văn Kiểm Soát", PROCEDURE_NAME,
                "Cơ quan, bộ phận chủ trì giải quyết: Phòng Quản lý hoạt động xây dựng, Sở Xây dựng thành phố Hải Phòng",
                "Cơ quan, bộ phận phối hợp giải quyết: Ban Giám đốc Sở, Sở Xây dựng thành phố Hải Phòng",
                moment(OffsetDateTime.parse(dossier.get("acceptedAt").asString())),
                moment(OffsetDateTime.parse(dossier.get("dueAt").asString())),
                "Tên cơ quan/bộ phận giao", "Tên cơ quan/bộ phận nhận", "Người giao", "Người nhận",
                "Bộ phận Một cửa", "Trần Thị Thu Hà", "Hoàng Văn Nam", "Bùi Thị Mai",
                "Trả lại để xử lý lại. Lý do: " + SEND_BACK, "Đồng ý, đã ký giấy phép",
                "Tổ chức, cá nhân nộp hồ sơ", "Trả kết quả trực tiếp tại Bộ phận Một cửa");
        assertThat(text).doesNotContain("SXD.QLXD", "SXD.LD", "VP.MC");
        // One timeliness label per hand-over, in the order of the slip.
        List<String> expected = new ArrayList<>();
        history.forEach(h -> expected.add(LABELS.get(h.get("timeliness").asString())));
        assertThat(labels(text)).containsExactlyElementsOf(expected);
        history.forEach(h -> assertThat(text).contains(moment(OffsetDateTime.parse(h.get("at").asString()))));
        // The rows follow the slip: desk → appraisal → approval → back to appraisal → approval → desk → applicant.
        assertThat(text).containsSubsequence("Trần Thị Thu Hà", "Hoàng Văn Nam", "Bùi Thị Mai", SEND_BACK,
                "Hoàng Văn Nam", "Bùi Thị Mai", "Trần Thị Thu Hà");
    }

    @Test
    void no_apology_no_form_04_and_no_acceptance_no_form_05() {
        String accepted = receive("Ngô Văn Đúng Hẹn", "ACCEPT");
        String refused = receive("Ngô Văn Bị Từ Chối", "REFUSE");

        Api.Download apology = as("tiepnhan").download("/api/v1/dossiers/" + accepted + "/apology.pdf");
        assertThat(apology.status()).isEqualTo(409);
        assertThat(apology.header("Content-Type")).startsWith("application/problem+json");
        assertThat(apology.json().get("detail").asString()).contains(accepted, "xin lỗi");
        Api.Download english = as("tiepnhan").header("Accept-Language", "en")
                .download("/api/v1/dossiers/" + accepted + "/apology.pdf");
        assertThat(english.json().get("detail").asString()).contains(accepted, "no apology");
        assertThat(as("tiepnhan").download("/api/v1/dossiers/" + refused + "/control-slip.pdf").status()).isEqualTo(409);
        // An accepted dossier has its slip from the desk's hand-over on.
        String text = flat(text(as("tiepnhan").download("/api/v1/dossiers/" + accepted + "/control-slip.pdf").body()));
        assertThat(labels(text)).hasSize(1);
        assertThat(text).contains("Bộ phận Một cửa", "Phòng Quản lý hoạt động xây dựng", "Trần Thị Thu Hà");
    }

    @Test
    void forms_04_and_05_follow_the_scope_of_the_dossier() {
        String code = walked("Đinh Thị Phạm Vi Phiếu");
        for (String form : List.of("apology", "control-slip")) {
            String path = "/api/v1/dossiers/" + code + "/" + form + ".pdf";
            assertThat(as("chuyenvien.sxd").download(path).status()).isEqualTo(200);
            assertThat(as("lanhdao.sxd").download(path).status()).isEqualTo(200);
            // A specialist of a unit the process does not pass through does not learn that the dossier exists.
            assertThat(as("chuyenvien").download(path).status()).isEqualTo(404);
            assertThat(Api.anonymous(port).download(path).status()).isEqualTo(401);
        }
    }

    @Test
    void the_notice_renders_form_04_without_a_caller() {
        String code = walked("Vũ Thị Thư Báo");
        String plain = receive("Vũ Văn Không Xin Lỗi", "ACCEPT");

        DossierForms.Pdf pdf = forms.apology(code);

        assertThat(pdf.filename()).isEqualTo("apology-" + code + ".pdf");
        assertThat(flat(text(pdf.content()))).contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", code, REASON);
        assertThatThrownBy(() -> forms.apology(plain)).isInstanceOf(ProblemException.class);
    }

    /** The extracted text on one line: a table cell wraps its words over several, "Ông/Bà" after its slash. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ").replaceAll(" ?/ ?", "/");
    }

    static List<String> labels(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = LABEL.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    static boolean landscape(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDRectangle box = document.getPage(0).getMediaBox();
            return box.getWidth() > box.getHeight();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
