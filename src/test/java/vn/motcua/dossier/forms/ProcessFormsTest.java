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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.ProblemException;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestClock;
import vn.motcua.support.WebSession;

/**
 * Forms 04 (apology and extension request), 05 (stop notice), 06 (process control slip) and 02 during processing
 * of dossiers driven through their process by the real API: accepted at the desk, appraised at SXD.QLXD, an
 * apology by the department's leader, sent back from SXD.LD, appraised again, approved, returned; others asked
 * for a supplement, stopped, withdrawn, or apologised for after their due time (on the {@link TestClock}).
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

    @Autowired
    TestClock clock;

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    String receive(String applicant, String decision) {
        return receive(applicant, null, decision);
    }

    /** A dossier of {@code applicant}, on behalf of {@code organization} if not {@code null}. */
    String receive(String applicant, String organization, String decision) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("channel", "DIRECT");
        Map<String, Object> person = new HashMap<>(Map.of("fullName", applicant, "citizenId", "031085001234",
                "phone", "0912345678", "address", "5 Lê Lợi, Ngô Quyền, Hải Phòng"));
        if (organization != null) {
            person.put("organizationName", organization);
        }
        body.put("applicant", person);
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
        assertThat(text).contains("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Mẫu số 04",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Sở Xây dựng thành phố Hải Phòng", "Kính gửi: Ông/Bà Đặng Thị Hẹn Lại", "Mã hồ sơ: " + code,
                PROCEDURE_NAME, REASON, moment(originalDue), moment(newDue), DATE.format(local),
                "xin lỗi Ông/Bà Đặng Thị Hẹn Lại và đề nghị gia hạn thời gian giải quyết, hẹn lại ngày trả kết quả vào lúc "
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
        assertThat(text).contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 06", "Mã hồ sơ: " + code,
                "Phạm Văn Kiểm Soát", PROCEDURE_NAME,
                "Cơ quan, bộ phận chủ trì giải quyết: Phòng Quản lý hoạt động xây dựng, Sở Xây dựng thành phố Hải Phòng",
                // The department's own board signs; it does not coordinate.
                "Cơ quan, bộ phận phối hợp giải quyết: Không",
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
        // The rows follow the slip: desk → appraisal → approval, the apology, back to appraisal → approval → desk →
        // applicant; each hand-over's receiver is whoever acted next at the receiving unit.
        assertThat(text).containsSubsequence("Trần Thị Thu Hà Hoàng Văn Nam", "Hoàng Văn Nam Bùi Thị Mai",
                "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết số " + dossier.get("apologyNumber").asString(),
                REASON, "Bùi Thị Mai Hoàng Văn Nam", SEND_BACK, "Hoàng Văn Nam Bùi Thị Mai", "Bùi Thị Mai Trần Thị Thu Hà",
                "Trần Thị Thu Hà Phạm Văn Kiểm Soát");
        assertThat(text).doesNotContain("Cơ quan, bộ phận phối hợp giải quyết: Ban Giám đốc Sở");
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
        assertThat(flat(text(pdf.content()))).contains("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", code, REASON);
        assertThatThrownBy(() -> forms.apology(plain)).isInstanceOf(ProblemException.class);
    }

    @Test
    void the_apology_letter_comes_from_the_handling_agency_under_its_superior_with_a_number_of_its_register() {
        String first = walked("Lưu Thị Số Một");
        String second = walked("Lưu Văn Số Hai");
        String number = detail(first).get("apologyNumber").asString();
        String next = detail(second).get("apologyNumber").asString();
        assertThat(number).matches("\\d{2,}/SXD-VP");
        assertThat(Integer.parseInt(next.substring(0, next.indexOf('/'))))
                .isEqualTo(Integer.parseInt(number.substring(0, number.indexOf('/'))) + 1);

        String text = flat(text(as("tiepnhan").download("/api/v1/dossiers/" + first + "/apology.pdf").body()));

        // Decree 30/2020 layout: the superior above the issuing agency, whoever recorded the letter.
        assertThat(text).containsSubsequence("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "SỞ XÂY DỰNG", "Số: " + number,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(text).doesNotContain("BAN GIÁM ĐỐC SỞ", "Số: " + first);
        // A reprint shows the same number.
        assertThat(flat(text(forms.apology(first).content()))).contains("Số: " + number);
    }

    @Test
    void a_companys_apology_is_addressed_to_the_company_not_its_contact_person() {
        String code = receive("Trương Văn Liên Hệ", "Công ty TNHH Xây dựng Hải Âu", "ACCEPT");
        OffsetDateTime due = OffsetDateTime.parse(detail(code).get("dueAt").asString());
        act("tiepnhan", code, "apology", Map.of("reason", REASON, "newDueAt", due.plusDays(3).toString()));

        String text = flat(text(as("tiepnhan").download("/api/v1/dossiers/" + code + "/apology.pdf").body()));

        assertThat(text).contains("Kính gửi: Công ty TNHH Xây dựng Hải Âu",
                "xin lỗi Công ty TNHH Xây dựng Hải Âu và đề nghị gia hạn thời gian giải quyết",
                "Rất mong nhận được sự thông cảm của Quý cơ quan, tổ chức");
        assertThat(text).doesNotContain("Ông/Bà Trương Văn Liên Hệ", "Kính gửi: Ông/Bà");
    }

    @Test
    void an_overdue_dossier_gets_a_late_apology_marked_on_the_slip_the_page_and_the_detail() {
        clock.set(java.time.LocalDateTime.of(2025, 4, 1, 9, 0));
        String code = receive("Hồ Thị Muộn Màng", "ACCEPT");
        OffsetDateTime due = OffsetDateTime.parse(detail(code).get("dueAt").asString());
        clock.set(due.atZoneSameInstant(VIETNAM).toLocalDateTime().plusDays(1));
        act("lanhdao.sxd", code, "apology", Map.of("reason", REASON, "newDueAt", due.plusDays(5).toString()));

        JsonNode dossier = detail(code);
        assertThat(dossier.get("apologyLate").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(dossier.get("originalDueAt").asString())).isEqualTo(due);
        JsonNode last = dossier.get("history").get(dossier.get("history").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("APOLOGY_LATE");
        String number = dossier.get("apologyNumber").asString();
        String slip = flat(text(as("tiepnhan").download("/api/v1/dossiers/" + code + "/control-slip.pdf").body()));
        assertThat(slip).contains("gửi sau thời hạn trả kết quả");
        assertThat(flat(text(as("tiepnhan").download("/api/v1/dossiers/" + code + "/apology.pdf").body())))
                .contains("Số: " + number, moment(due));
        String page = WebSession.signIn(port, "tiepnhan").get("/desk/dossiers/" + code).body();
        assertThat(page).contains("apology-late", "Văn bản xin lỗi và đề nghị gia hạn số " + number
                + ", gửi sau thời hạn trả kết quả");
    }

    @Test
    void a_supplement_asked_during_processing_has_its_form_02_and_its_lines_on_the_control_slip() {
        String code = receive("Mai Thị Bổ Sung Sau", "ACCEPT");
        act("chuyenvien.sxd", code, "request-supplement", Map.of("items", List.of(
                Map.of("description", "Bản vẽ mặt cắt công trình", "reason", "Bản nộp không có chữ ký của chủ trì thiết kế"),
                Map.of("description", "Văn bản thẩm duyệt phòng cháy", "reason", "Chưa có trong hồ sơ"))));

        Api.Download form = as("tiepnhan").download("/api/v1/dossiers/" + code + "/supplement-request.pdf");

        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        String text = flat(text(form.body()));
        assertThat(text).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mẫu số 02", "Mai Thị Bổ Sung Sau",
                "1. Bản vẽ mặt cắt công trình", "Bản nộp không có chữ ký của chủ trì thiết kế",
                "2. Văn bản thẩm duyệt phòng cháy", "Chưa có trong hồ sơ", "Hoàng Văn Nam");

        act("tiepnhan", code, "supplement-received", Map.of("note", "Đã nhận đủ bản vẽ và văn bản thẩm duyệt"));
        String slip = flat(text(as("tiepnhan").download("/api/v1/dossiers/" + code + "/control-slip.pdf").body()));
        assertThat(slip).containsSubsequence("Yêu cầu bổ sung, hoàn thiện hồ sơ:", "Bản vẽ mặt cắt công trình",
                "Nhận hồ sơ bổ sung, hoàn thiện; tiếp tục giải quyết.", "Đã nhận đủ bản vẽ và văn bản thẩm duyệt");
        assertThat(labels(slip)).hasSize(1);
    }

    @Test
    void a_stopped_or_withdrawn_dossier_has_its_stop_notice_from_the_handling_agency_and_a_line_on_the_slip() {
        String stopped = receive("Quách Văn Dừng Lại", "ACCEPT");
        String withdrawn = receive("Quách Thị Rút Hồ Sơ", "ACCEPT");
        String open = receive("Quách Văn Còn Chạy", "ACCEPT");
        act("lanhdao.sxd", stopped, "stop", Map.of("reason", "Quyết định thu hồi đất đã bị hủy, không còn căn cứ giải quyết"));
        act("tiepnhan", withdrawn, "withdraw", Map.of("reason", "Công dân đề nghị rút hồ sơ để điều chỉnh thiết kế"));

        Api.Download notice = as("tiepnhan").download("/api/v1/dossiers/" + stopped + "/stop-notice.pdf");

        assertThat(notice.status()).as(notice.toString()).isEqualTo(200);
        assertThat(notice.header("Content-Disposition")).isEqualTo("inline; filename=\"stop-notice-" + stopped + ".pdf\"");
        String text = flat(text(notice.body()));
        assertThat(text).containsSubsequence("Mẫu số 05", "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "SỞ XÂY DỰNG",
                "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Kính gửi: Ông/Bà Quách Văn Dừng Lại", "Mã hồ sơ: " + stopped,
                PROCEDURE_NAME, "Sở Xây dựng thành phố Hải Phòng thông báo dừng giải quyết hồ sơ nêu trên",
                "Quyết định thu hồi đất đã bị hủy, không còn căn cứ giải quyết",
                "chưa có quyết định giải quyết", "Phí, lệ phí đã nộp", "THỦ TRƯỞNG CƠ QUAN");
        String withdrawal = flat(text(as("tiepnhan").download("/api/v1/dossiers/" + withdrawn + "/stop-notice.pdf").body()));
        assertThat(withdrawal).contains("Theo đề nghị rút hồ sơ của Ông/Bà, Sở Xây dựng thành phố Hải Phòng dừng giải quyết",
                "Công dân đề nghị rút hồ sơ để điều chỉnh thiết kế");
        assertThat(flat(text(as("tiepnhan").download("/api/v1/dossiers/" + stopped + "/control-slip.pdf").body())))
                .contains("Dừng giải quyết hồ sơ. Lý do: Quyết định thu hồi đất đã bị hủy");
        assertThat(flat(text(as("tiepnhan").download("/api/v1/dossiers/" + withdrawn + "/control-slip.pdf").body())))
                .contains("Tổ chức, cá nhân rút hồ sơ. Lý do: Công dân đề nghị rút hồ sơ");

        Api.Download none = as("tiepnhan").download("/api/v1/dossiers/" + open + "/stop-notice.pdf");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("detail").asString()).contains(open, "Thông báo dừng giải quyết hồ sơ");
        // The desk page links it where the other forms are.
        assertThat(WebSession.signIn(port, "tiepnhan").get("/desk/dossiers/" + stopped).body())
                .contains("id=\"print-stop-notice\"", "/desk/dossiers/" + stopped + "/stop-notice.pdf");
        assertThat(WebSession.signIn(port, "tiepnhan").get("/desk/dossiers/" + open).body())
                .doesNotContain("print-stop-notice");
    }

    @Test
    void the_stop_notice_follows_the_scope_of_the_dossier() {
        String code = receive("Quách Thị Phạm Vi Dừng", "ACCEPT");
        act("tiepnhan", code, "withdraw", Map.of("reason", "Công dân đề nghị rút hồ sơ"));
        String path = "/api/v1/dossiers/" + code + "/stop-notice.pdf";
        assertThat(as("lanhdao.sxd").download(path).status()).isEqualTo(200);
        assertThat(WebSession.signIn(port, "tiepnhan").get("/desk" + path.substring("/api/v1".length())).status())
                .isEqualTo(200);
        // A specialist of a unit the process does not pass through does not learn that the dossier exists.
        assertThat(as("chuyenvien").download(path).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).download(path).status()).isEqualTo(401);
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
