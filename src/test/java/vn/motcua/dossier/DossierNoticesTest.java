package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.notification.Notices;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.MailServer;

/**
 * The applicant hears about their dossier by e-mail through the outbox, against a real SMTP server (GreenMail):
 * acceptance with the receipt PDF, apology with Form 04, result ready, return; and an SMTP outage delays the notice but loses none.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierNoticesTest {

    static final String PROCEDURE = "1.980101.000.00.00.H27";

    @LocalServerPort
    int port;

    @Autowired
    Notices notices;

    @Autowired
    DossierDesk desk;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final MailServer smtp = new MailServer();
    long document;
    static final String OFFICE = "Văn phòng Ủy ban nhân dân thành phố Hải Phòng";

    @BeforeAll
    void publish() {
        document = ProcessFixtures.publishFourStepProcess(port, PROCEDURE, "Cấp phép thử nghiệm thông báo", "RESTART",
                "2026-01-02");
    }

    String accepted(String email, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("channel", "DIRECT");
        body.put("applicant", Map.of("fullName", "Trịnh Thị Thông Báo", "citizenId", "031085001234", "phone", phone,
                "email", email));
        body.put("documents", List.of(Map.of("documentId", document)));
        Api.Response response = Api.as(port, "tiepnhan").post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asString();
    }

    @Test
    void the_applicant_gets_the_receipt_then_result_ready_then_returned_by_email_and_sms() throws Exception {
        String email = unique();
        String phone = "0913" + String.format("%06d", (int) (Math.random() * 1_000_000));
        String code = accepted(email, phone);
        assertThat(received(email)).as("nothing leaves before the outbox is delivered").isEmpty();
        notices.deliverPending();

        List<MimeMessage> first = received(email);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).getSubject()).isEqualTo("Hồ sơ " + code + " đã được tiếp nhận");
        String text = MailServer.text(first.get(0));
        assertThat(text).contains("Kính gửi Ông/Bà Trịnh Thị Thông Báo").contains("Cấp phép thử nghiệm thông báo")
                .contains("/tra-cuu?ma=" + code);
        byte[] pdf = attachment(first.get(0), "receipt-" + code + ".pdf");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = ? and channel = 'SMS'"
                + " and sent_at is not null").param(phone).query(Integer.class).single()).isEqualTo(1);

        String due = Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code).json().get("dueAt").asString();
        assertThat(Api.as(port, "lanhdao.sxd").post("/api/v1/dossiers/" + code + "/apology", Map.of("reason",
                "Cần lấy thêm ý kiến của cơ quan chuyên môn", "newDueAt",
                java.time.OffsetDateTime.parse(due).plusDays(3).toString())).status()).isEqualTo(200);
        notices.deliverPending();
        MimeMessage apology = received(email).get(1);
        assertThat(apology.getSubject()).isEqualTo("Hồ sơ " + code + ": xin lỗi và đề nghị gia hạn thời gian giải quyết");
        assertThat(MailServer.text(apology)).contains("Cần lấy thêm ý kiến của cơ quan chuyên môn");
        assertThat(attachment(apology, "apology-" + code + ".pdf")).startsWith("%PDF-".getBytes());

        for (String[] step : new String[][] {{"chuyenvien.sxd", "handover"}, {"lanhdao.sxd", "handover"},
                {"tiepnhan", "return-result"}}) {
            assertThat(Api.as(port, step[0]).post("/api/v1/dossiers/" + code + "/" + step[1],
                    Map.of("method", "POSTAL")).status()).isEqualTo(200);
        }
        notices.deliverPending();
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : received(email)) {
            subjects.add(message.getSubject());
        }
        assertThat(subjects).containsExactly("Hồ sơ " + code + " đã được tiếp nhận",
                "Hồ sơ " + code + ": xin lỗi và đề nghị gia hạn thời gian giải quyết", "Hồ sơ " + code + " đã có kết quả",
                "Hồ sơ " + code + " đã trả kết quả");
        assertThat(MailServer.text(received(email).get(3))).contains("qua dịch vụ bưu chính");
        notices.deliverPending();
        assertThat(received(email)).as("none is sent twice").hasSize(4);
    }

    @Test
    void an_online_applicant_hears_of_every_status_change_with_the_agency_the_officer_and_the_time() throws Exception {
        String email = unique();
        String phone = "0914" + String.format("%06d", (int) (Math.random() * 1_000_000));
        String by = "citizen:" + UUID.randomUUID().toString().substring(0, 8);
        IntakeRequest request = new IntakeRequest(PROCEDURE, Channel.ONLINE, new IntakeRequest.Person(
                "Lương Thị Trực Tuyến", "031085001234", phone, email, null, null, null), null,
                List.of(new IntakeRequest.ReceivedDocument(document, null, 1, null, null)), null, null, null, null,
                ReturnMethod.ONLINE);
        DossierDesk.Submission submission = desk.submitOnline(request, by, null);
        String code = submission.receipt().code();
        notices.deliverPending();
        MimeMessage registered = received(email).get(0);
        assertThat(registered.getSubject()).isEqualTo("Hồ sơ " + code + " đã được gửi đến Bộ phận Một cửa");
        assertThat(MailServer.text(registered)).contains("kiểm tra hồ sơ và trả lời Ông/Bà chậm nhất lúc "
                + moment(submission.checkDueAt())).contains("Cơ quan: " + OFFICE + ". Thời gian: "
                + moment(submission.submittedAt()) + ".").doesNotContain("Cán bộ thực hiện");
        assertThat(jdbc.sql("select body from outbox_message where recipient = ? and channel = 'SMS'")
                .param(phone).query(String.class).single()).contains(code);

        Api deskOfficer = Api.as(port, "tiepnhan");
        assertThat(deskOfficer.post("/api/v1/dossiers/" + code + "/request-supplement", Map.of("items",
                List.of(Map.of("description", "Bản sao sổ đỏ có chứng thực")))).status()).isEqualTo(200);
        desk.suppliedOnline(code, "Đã gửi bản sao có chứng thực", List.of(), by);
        assertThat(deskOfficer.post("/api/v1/dossiers/" + code + "/accept", Map.of()).status()).isEqualTo(200);
        for (String[] step : new String[][] {{"chuyenvien.sxd", "handover"}, {"lanhdao.sxd", "handover"},
                {"tiepnhan", "send-back"}, {"lanhdao.sxd", "handover"}, {"tiepnhan", "return-result"}}) {
            if (step[1].equals("return-result")) { // returned online: an electronic result first
                assertThat(deskOfficer.upload("/api/v1/dossiers/" + code + "/results", "ket-qua.pdf",
                        vn.motcua.support.Pdfs.document("GIAY PHEP"), Map.of("name", "Giấy phép")).status())
                        .isEqualTo(201);
            }
            Api.Response acted = Api.as(port, step[0]).post("/api/v1/dossiers/" + code + "/" + step[1],
                    Map.of("method", "ONLINE", "reason", "Thiếu dấu giáp lai"));
            assertThat(acted.status()).as(step[1] + " " + acted).isEqualTo(200);
        }
        notices.deliverPending();
        List<MimeMessage> all = received(email);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : all) {
            subjects.add(message.getSubject());
        }
        // Acceptance hands the dossier on to processing in the same act: one notice, with the receipt.
        assertThat(subjects).containsExactly("Hồ sơ " + code + " đã được gửi đến Bộ phận Một cửa",
                "Hồ sơ " + code + " cần bổ sung, hoàn thiện", "Hồ sơ " + code + ": đã nhận hồ sơ bổ sung",
                "Hồ sơ " + code + " đã được tiếp nhận", "Hồ sơ " + code + " đã có kết quả",
                "Hồ sơ " + code + " được tiếp tục giải quyết", "Hồ sơ " + code + " đã có kết quả",
                "Hồ sơ " + code + " đã trả kết quả");
        assertThat(MailServer.text(all.get(1))).contains("Hồ sơ bổ sung cần gửi trực tuyến chậm nhất lúc")
                .contains("Cán bộ thực hiện: Trần Thị Thu Hà");
        assertThat(attachment(all.get(1), "supplement-request-" + code + ".pdf")).startsWith("%PDF-".getBytes());
        assertThat(MailServer.text(all.get(2))).contains("Bộ phận Một cửa trả lời Ông/Bà chậm nhất lúc")
                .doesNotContain("Cán bộ thực hiện");
        assertThat(MailServer.text(all.get(3))).contains("Cán bộ thực hiện: Trần Thị Thu Hà");
        assertThat(attachment(all.get(3), "receipt-" + code + ".pdf")).startsWith("%PDF-".getBytes());
        // The result is decided at the Department of Construction, by its leader.
        assertThat(MailServer.text(all.get(4))).contains("Cơ quan: Sở Xây dựng thành phố Hải Phòng. Cán bộ thực hiện: Bùi Thị Mai.");
        assertThat(MailServer.text(all.get(5))).contains("Lý do: Thiếu dấu giáp lai");
    }

    @Test
    void the_applicant_hears_when_processing_resumes_after_a_supplement_and_when_the_dossier_is_stopped_or_withdrawn()
            throws Exception {
        String email = unique();
        String code = accepted(email, "0913000333");
        Api specialist = Api.as(port, "chuyenvien.sxd");
        assertThat(specialist.post("/api/v1/dossiers/" + code + "/request-supplement", Map.of("items",
                List.of(Map.of("description", "Ảnh hiện trạng")))).status()).isEqualTo(200);
        assertThat(specialist.post("/api/v1/dossiers/" + code + "/supplement-received", Map.of()).status())
                .isEqualTo(200);
        assertThat(Api.as(port, "tiepnhan").post("/api/v1/dossiers/" + code + "/withdraw",
                Map.of("reason", "Công dân có đơn xin rút")).status()).isEqualTo(200);
        String stoppedEmail = unique();
        String stopped = accepted(stoppedEmail, "0913000444");
        assertThat(Api.as(port, "lanhdao.sxd").post("/api/v1/dossiers/" + stopped + "/stop",
                Map.of("reason", "Thuộc diện quy hoạch")).status()).isEqualTo(200);
        notices.deliverPending();

        List<MimeMessage> all = received(email);
        assertThat(all).extracting(MimeMessage::getSubject).containsExactly("Hồ sơ " + code + " đã được tiếp nhận",
                "Hồ sơ " + code + " cần bổ sung, hoàn thiện",
                "Hồ sơ " + code + ": đã nhận hồ sơ bổ sung, tiếp tục giải quyết",
                "Hồ sơ " + code + " đã được rút theo đề nghị của Ông/Bà");
        assertThat(MailServer.text(all.get(2))).contains("Cán bộ thực hiện: Hoàng Văn Nam");
        assertThat(attachment(all.get(3), "stop-notice-" + code + ".pdf")).startsWith("%PDF-".getBytes());
        MimeMessage stop = received(stoppedEmail).get(1);
        assertThat(stop.getSubject()).isEqualTo("Hồ sơ " + stopped + " đã dừng giải quyết");
        assertThat(MailServer.text(stop)).contains("Lý do: Thuộc diện quy hoạch").contains("Cán bộ thực hiện: Bùi Thị Mai");
        assertThat(attachment(stop, "stop-notice-" + stopped + ".pdf")).startsWith("%PDF-".getBytes());
    }

    static String moment(java.time.OffsetDateTime time) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
                .format(time.atZoneSameInstant(vn.motcua.shared.VietnamTime.ZONE));
    }

    @Test
    void an_smtp_outage_delays_the_notice_and_loses_none() throws Exception {
        smtp.stop();
        String email = unique();
        String code = accepted(email, "0913000222");
        notices.deliverPending();
        Map<String, Object> row = jdbc.sql("select id, attempts, sent_at from outbox_message where recipient = ?")
                .param(email).query().singleRow();
        assertThat(row.get("sent_at")).isNull();
        assertThat(row.get("attempts")).isEqualTo(1);

        smtp.start();
        jdbc.sql("update outbox_message set next_attempt_at = now() - interval '1 second' where id = ?")
                .param(row.get("id")).update();
        notices.deliverPending();
        notices.deliverPending();
        assertThat(received(email)).hasSize(1);
        assertThat(received(email).get(0).getSubject()).contains(code);
    }

    private static String unique() {
        return "dan." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
    }

    private List<MimeMessage> received(String email) throws Exception {
        return smtp.receivedBy(email);
    }

    private static byte[] attachment(Part part, String name) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && name.equals(part.getFileName())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getInputStream().transferTo(bytes);
            return bytes.toByteArray();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                byte[] found = attachment(multipart.getBodyPart(i), name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
