package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Citizens;
import vn.motcua.platform.FileStore;
import vn.motcua.support.Api;
import vn.motcua.support.Intakes;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PaymentPlatformStub;
import vn.motcua.support.Pdfs;
import vn.motcua.support.TestClock;
import vn.motcua.support.WebSession;

/**
 * A citizen's payment through the national payment platform from end to end, against {@link PaymentPlatformStub}
 * (which checks every checksum with the secret it shares with motcua): the start and its INIT, the citizen's return
 * confirmed by the status query, the e-receipt kept, and the reconciliation of what neither settled. The application
 * runs in a context of its own, the platform enabled and pointed at the stub, closed after this class. The procedure
 * (1.987201) and the citizens are this test's own; the dossiers are received at the desk under the owner's proven
 * citizen ID (80.000 đ of fees). Reconciliation tests each set the clock to days of their own, years ahead and weeks
 * apart, so that no test's payments fall into another's window.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PlatformPaymentTest {

    static final String SECRET = "bi-mat-nen-tang-thanh-toan-thu-nghiem";
    static final String PROCEDURE = "1.987201.000.00.00.H27";
    static final String PASSWORD = "Cong-dan#2026";
    static final String OWNER_ID = "031086120201";
    static final long FEES = 80_000;

    static PaymentPlatformStub platform;

    @DynamicPropertySource
    static void platformSettings(DynamicPropertyRegistry registry) {
        if (platform == null) {
            platform = PaymentPlatformStub.start(SECRET);
        }
        registry.add("motcua.payment.platform.enabled", () -> "true");
        registry.add("motcua.payment.platform.partner-code", () -> "HPG-MOTCUA");
        registry.add("motcua.payment.platform.secret", () -> SECRET);
        registry.add("motcua.payment.platform.init-url", () -> platform.initUrl().toString());
        registry.add("motcua.payment.platform.status-url", () -> platform.statusUrl().toString());
        registry.add("motcua.payment.platform.receipt-url", () -> platform.receiptUrl().toString());
        registry.add("motcua.payment.platform.return-url", () -> "http://localhost/cong-dan/thanh-toan/ket-qua");
        // A slow platform is one that has not answered within a second (the stub is told to wait longer).
        registry.add("motcua.payment.platform.read-timeout", () -> "1s");
        // Tests run the reconciliation when they mean to.
        registry.add("motcua.payment.platform.reconcile-interval", () -> "1h");
        // This context needs the demo's accounts and desk, not its year of dossiers.
        registry.add("motcua.demo.history-dossiers", () -> "0");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Citizens citizens;

    @Autowired
    TestClock clock;

    @Autowired
    PaymentReconciliation reconciliation;

    @Autowired
    FileStore files;

    @Autowired
    DataSource dataSource;

    Citizens.CitizenUser owner;
    Citizens.CitizenUser stranger;

    @BeforeAll
    void procedureAndCitizens() {
        publish();
        owner = citizens.open("nop.phi.truc.tuyen", registration("Lê Thị Nộp Phí", OWNER_ID), PASSWORD, 2);
        stranger = citizens.open("nguoi.khac.nop", registration("Đỗ Văn Khác", "031087120202"), PASSWORD, 2);
    }

    @AfterEach
    void resetClockAndPlatform() {
        clock.reset();
        platform.delay(Duration.ZERO);
    }

    // --- starting ----------------------------------------------------------------------------------------------

    @Test
    void a_citizen_starts_paying_what_the_dossier_owes_and_the_init_and_its_answer_are_kept_without_the_secret() {
        String code = received();

        Api.Response started = start(code, null);

        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String reference = started.json().get("reference").asString();
        assertThat(reference).matches("dvc" + code.replaceAll("\\W", "") + "\\d{14}");
        assertThat(started.json().get("paymentUrl").asString()).isEqualTo(platform.initUrl().resolve("/pay")
                + "?ref=" + reference);
        assertThat(started.json().get("amount").asLong()).isEqualTo(FEES);
        JsonNode init = platform.last().json();
        assertThat(init.get("LoaiBanTin").asString()).isEqualTo("INIT");
        assertThat(init.get("MaThamChieu").asString()).isEqualTo(reference);
        assertThat(init.get("SoTien").asString()).isEqualTo("80000");
        assertThat(init.get("ThongTinGiaoDich").asString()).isEqualTo("THANH TOAN HO SO " + code);
        JsonNode receipt = init.get("ThongTinBienLai");
        assertThat(receipt.get("MaHoSo").asString()).isEqualTo(code);
        assertThat(receipt.get("MaTTHC").asString()).isEqualTo(PROCEDURE);
        assertThat(receipt.get("HoTenNguoiNop").asString()).isEqualTo("Lê Thị Nộp Phí");
        assertThat(receipt.get("SoCMNDNguoiNop").asString()).isEqualTo(OWNER_ID);
        assertThat(receipt.get("PhiLePhi").valueStream()
                .map(f -> f.get("LoaiPhiLePhi").asString() + "|" + f.get("TenPhiLePhi").asString() + "|"
                        + f.get("SoTien").asString()))
                .containsExactly("Lệ phí|Lệ phí cấp giấy phép|50000", "Phí|Phí thẩm định|30000");

        assertThat(row(reference)).containsEntry("method", "PLATFORM").containsEntry("state", "INITIATED")
                .containsEntry("amount", FEES).containsEntry("dossier_code", code)
                .containsEntry("created_by", "citizen:" + owner.id());
        List<String[]> messages = messages(reference);
        assertThat(messages).extracting(m -> m[0] + " " + m[1]).containsExactly("OUT INIT", "IN INIT");
        assertThat(messages.get(0)[2]).isEqualTo(platform.last().body()).contains("\"MaXacThuc\":\"");
        assertThat(messages.get(1)[2]).contains("UrlThanhToan");
        assertThat(messages).allSatisfy(m -> assertThat(m[2]).doesNotContain(SECRET));
        assertThat(owner().get("/api/citizen/v1/dossiers/" + code + "/payment").json().get("status").asString())
                .isEqualTo("PENDING");
    }

    @Test
    void a_second_start_within_15_minutes_is_sent_to_the_same_page_and_after_them_to_a_new_payment() {
        String code = received();
        clock.set(LocalDateTime.of(2027, 2, 1, 9, 0));
        Api.Response first = start(code, null);
        int inits = inits();

        clock.advance(Duration.ofMinutes(14));
        Api.Response again = start(code, null);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("reference").asString()).isEqualTo(first.json().get("reference").asString());
        assertThat(again.json().get("paymentUrl").asString()).isEqualTo(first.json().get("paymentUrl").asString());
        assertThat(inits()).isEqualTo(inits);

        clock.advance(Duration.ofMinutes(2));
        Api.Response later = start(code, null);
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.json().get("reference").asString()).isNotEqualTo(first.json().get("reference").asString())
                .endsWith("20270201091600");
        assertThat(inits()).isEqualTo(inits + 1);
    }

    @Test
    void the_same_idempotency_key_answers_the_first_attempt_even_after_15_minutes() {
        String code = received();
        String key = UUID.randomUUID().toString();
        clock.set(LocalDateTime.of(2027, 2, 8, 9, 0));
        Api.Response first = start(code, key);
        assertThat(first.status()).isEqualTo(201);

        clock.advance(Duration.ofHours(1));
        Api.Response repeated = start(code, key);

        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().get("reference").asString()).isEqualTo(first.json().get("reference").asString());
        assertThat(platformTransactions(code)).isEqualTo(1);
        // The key names that attempt: another dossier may not use it.
        assertThat(start(received(), key).status()).isEqualTo(409);
    }

    @Test
    void another_citizens_dossier_is_unknown_and_nothing_is_sent() {
        String code = received();
        int before = platform.received().size();

        Api.Response refused = Api.as(port, stranger.username(), PASSWORD)
                .post("/api/citizen/v1/dossiers/" + code + "/payments/platform", null);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(platform.received()).hasSize(before);
        assertThat(platformTransactions(code)).isZero();
    }

    @Test
    void nothing_due_is_a_conflict() {
        String code = received();
        Api.Response cash = Api.as(port, "tiepnhan").post("/api/v1/dossiers/" + code + "/payments/cash",
                Map.of("amount", FEES, "receiptNumber", "BL-TT-" + code));
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);

        Api.Response refused = start(code, null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString())
                .isEqualTo("Hồ sơ không còn khoản phí, lệ phí nào phải nộp.");
        assertThat(platformTransactions(code)).isZero();
    }

    @Test
    void an_init_the_platform_refuses_fails_the_payment_with_a_502_in_vietnamese() {
        String code = received();
        platform.answerNextWith("{\"error_code\":\"1\",\"message\":\"bad checksum\"}");

        Api.Response refused = start(code, null);

        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("detail").asString()).startsWith("Nền tảng thanh toán không nhận giao dịch.");
        assertThat(refused.json().get("title").asString()).isEqualTo("Hệ thống bên ngoài trả lời lỗi");
        String reference = onlyReference(code);
        assertThat(row(reference)).containsEntry("state", "FAILED");
        assertThat(messages(reference)).extracting(m -> m[0] + " " + m[1] + " " + m[2])
                .containsExactly("OUT INIT " + platform.last().body(),
                        "IN INIT {\"error_code\":\"1\",\"message\":\"bad checksum\"}");
    }

    @Test
    void a_platform_that_does_not_answer_leaves_the_payment_initiated_with_a_503() {
        String code = received();
        platform.delay(Duration.ofSeconds(3));

        Api.Response unavailable = start(code, null);

        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.json().get("detail").asString()).startsWith("Chưa kết nối được với Nền tảng thanh toán.");
        String reference = onlyReference(code);
        assertThat(row(reference)).containsEntry("state", "INITIATED");
        assertThat(messages(reference)).extracting(m -> m[0] + " " + m[1]).containsExactly("OUT INIT");
    }

    @Test
    void a_citizen_signed_in_to_the_portal_pays_from_the_payment_page_and_is_told_on_return() {
        String code = received();
        WebSession session = WebSession.anonymous(port);
        session.get("/cong-dan/dang-nhap");
        Api.Response signedIn = session.post("/cong-dan/dang-nhap", Map.of("login", owner.username(),
                "password", PASSWORD));
        assertThat(signedIn.header("Location")).as(signedIn.toString()).endsWith("/cong-dan/ho-so");
        String paymentPage = "/cong-dan/ho-so/" + code + "/thanh-toan";
        assertThat(session.get(paymentPage).body()).contains("id=\"pay-online\"", "Thanh toán trực tuyến");

        Api.Response toPlatform = session.post(paymentPage + "/truc-tuyen", Map.of());

        assertThat(toPlatform.status()).isEqualTo(302);
        String reference = onlyReference(code);
        assertThat(toPlatform.header("Location")).isEqualTo(platform.initUrl().resolve("/pay") + "?ref=" + reference);
        // The platform sends the browser back, the payment made.
        platform.state(reference, PaymentPlatformStub.PAID);
        String data = reference + "_" + UUID.randomUUID();
        Api.Response back = session.get(returnPath(data, "00", platform.secureCode(data, "00")));
        assertThat(back.header("Location")).endsWith(paymentPage);
        String told = session.get(paymentPage).body();
        assertThat(told).contains("Thanh toán thành công: đã ghi nhận phí, lệ phí của hồ sơ " + code + ".")
                .contains("alert-success").doesNotContain("id=\"pay-online\"");
        // Nothing left to pay: back to the payment page, which says why; no second payment.
        Api.Response nothingDue = session.post(paymentPage + "/truc-tuyen", Map.of());
        assertThat(nothingDue.header("Location")).endsWith(paymentPage);
        assertThat(session.get(paymentPage).body()).contains("Hồ sơ không còn khoản phí, lệ phí nào phải nộp.");
        assertThat(platformTransactions(code)).isEqualTo(1);
    }

    // --- the citizen's return ----------------------------------------------------------------------------------

    @Test
    void a_verified_return_the_platform_confirms_paid_pays_the_dossier_and_keeps_the_platforms_e_receipt()
            throws IOException {
        String code = received();
        String reference = start(code, null).json().get("reference").asString();
        platform.state(reference, PaymentPlatformStub.PAID);

        Api.Response back = returned(reference, "00", null);

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location")).endsWith("/cong-dan/ho-so/" + code + "/thanh-toan");
        Map<String, Object> row = row(reference);
        assertThat(row).containsEntry("state", "PAID");
        assertThat(row.get("paid_at")).isNotNull();
        String sha256 = (String) row.get("receipt_sha256");
        try (InputStream in = files.open(sha256)) {
            byte[] pdf = in.readAllBytes();
            assertThat(Pdfs.sha256(pdf)).isEqualTo(sha256);
            assertThat(Pdfs.text(pdf)).contains("BIEN LAI THU PHI " + reference);
        }
        assertThat(messages(reference)).extracting(m -> m[0] + " " + m[1]).containsExactly("OUT INIT", "IN INIT",
                "IN RETURN", "OUT STATUS", "IN STATUS", "IN RECEIPT");
        assertThat(platform.received()).extracting(r -> r.json().get("LoaiBanTin").asString()
                + " " + r.json().get("MaThamChieu").asString()).contains("QUERY " + reference, "GET_BILL " + reference);

        JsonNode payment = owner().get("/api/citizen/v1/dossiers/" + code + "/payment").json();
        assertThat(payment.get("status").asString()).isEqualTo("PAID");
        assertThat(payment.get("amountPaid").asLong()).isEqualTo(FEES);
        assertThat(Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code).json().get("history").valueStream()
                .map(h -> h.get("action").asString())).contains("FEES_PAID");
        // The receipt the citizen downloads is the platform's own.
        long id = payment.get("transactions").get(0).get("id").asLong();
        Api.Download receipt = owner().download("/api/citizen/v1/dossiers/" + code + "/payments/" + id + "/receipt.pdf");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(Pdfs.sha256(receipt.body())).isEqualTo(sha256);
        // The same return again (a reload) changes nothing and asks nothing.
        int asked = platform.received().size();
        assertThat(returned(reference, "00", null).header("Location")).endsWith("/cong-dan/ho-so/" + code + "/thanh-toan");
        assertThat(platform.received()).hasSize(asked);
        assertThat(row(reference)).containsEntry("state", "PAID");
    }

    @Test
    void a_return_without_a_good_secure_code_is_a_400_page_and_changes_nothing() {
        String code = received();
        String reference = start(code, null).json().get("reference").asString();
        platform.state(reference, PaymentPlatformStub.PAID);
        int asked = platform.received().size();
        String data = reference + "_" + UUID.randomUUID();

        Api.Response forged = Api.anonymous(port).get(returnPath(data, "00",
                platform.secureCode(data, "01")));
        Api.Response unsigned = Api.anonymous(port).get("/cong-dan/thanh-toan/ket-qua?data=" + data + "&responseCode=00");

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("Kết quả thanh toán chuyển về không có mã xác thực hợp lệ");
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(platform.received()).hasSize(asked);
        assertThat(row(reference)).containsEntry("state", "INITIATED");
        assertThat(messages(reference)).extracting(m -> m[0] + " " + m[1]).containsExactly("OUT INIT", "IN INIT");
    }

    @Test
    void a_return_that_says_success_is_pending_while_the_platform_does_not_confirm_it() {
        String code = received();
        String reference = start(code, null).json().get("reference").asString();

        Api.Response back = returned(reference, "00", null);

        assertThat(back.header("Location")).endsWith("/cong-dan/ho-so/" + code + "/thanh-toan");
        assertThat(row(reference)).containsEntry("state", "PENDING");
        assertThat(owner().get("/api/citizen/v1/dossiers/" + code + "/payment").json().get("amountPaid").asLong())
                .isZero();

        platform.state(reference, PaymentPlatformStub.FAILED);
        returned(reference, "01", null);
        assertThat(row(reference)).containsEntry("state", "FAILED");
    }

    @Test
    void a_payment_confirmed_after_the_desk_took_the_cash_is_kept_for_the_desk() {
        String code = received();
        String reference = start(code, null).json().get("reference").asString();
        payCash(code);
        platform.state(reference, PaymentPlatformStub.PAID);

        returned(reference, "00", null);

        assertThat(row(reference)).containsEntry("state", "UNMATCHED").containsEntry("dossier_code", code);
        assertThat(row(reference).get("receipt_sha256")).isNotNull();
        assertThat(Api.as(port, "tiepnhan").get("/api/v1/payments/unmatched").json().valueStream()
                .map(t -> t.get("reference").asString())).contains(reference);
        assertThat(owner().get("/api/citizen/v1/dossiers/" + code + "/payment").json().get("amountPaid").asLong())
                .isEqualTo(FEES);
    }

    // --- reconciliation ----------------------------------------------------------------------------------------

    @Test
    void the_reconciliation_records_what_the_platform_answers_paid_failed_pending_and_a_bad_checksum() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        String badChecksum = startedAt(received());
        String paid = startedAt(received());
        String pending = startedAt(received());
        String failed = startedAt(received());
        platform.state(paid, PaymentPlatformStub.PAID);
        platform.state(failed, PaymentPlatformStub.FAILED);
        clock.advance(Duration.ofMinutes(31));
        // The first payment asked about (the oldest) meets the platform's answer to a checksum it cannot verify.
        platform.answerNextWith("{\"MaLoi\":\"" + PaymentPlatformStub.BAD_CHECKSUM + "\",\"MoTaLoi\":\"bad checksum\"}");

        PaymentReconciliation.Pass pass = reconciliation.run();

        assertThat(pass).isEqualTo(new PaymentReconciliation.Pass(true, 4, 1, 0, 1, 2, 1, false));
        assertThat(row(badChecksum)).containsEntry("state", "PENDING");
        assertThat(messages(badChecksum).get(messages(badChecksum).size() - 1)[2]).contains("bad checksum");
        assertThat(row(paid)).containsEntry("state", "PAID");
        assertThat(row(paid).get("receipt_sha256")).isNotNull();
        assertThat(owner().get("/api/citizen/v1/dossiers/" + dossierOf(paid) + "/payment").json().get("status")
                .asString()).isEqualTo("PAID");
        assertThat(row(pending)).containsEntry("state", "PENDING");
        assertThat(messages(pending).get(messages(pending).size() - 1)[2]).contains("\"TrangThaiGD\":\"3\"");
        assertThat(row(failed)).containsEntry("state", "FAILED");

        // Asked again, only those still pending are queried; the bad checksum's payment is now seen paid.
        platform.state(badChecksum, PaymentPlatformStub.PAID);
        assertThat(reconciliation.run()).isEqualTo(new PaymentReconciliation.Pass(true, 2, 1, 0, 0, 1, 1, false));
        assertThat(row(badChecksum)).containsEntry("state", "PAID");
    }

    @Test
    void the_reconciliation_asks_only_about_payments_between_3_days_and_30_minutes_old() {
        LocalDateTime pass = LocalDateTime.of(2027, 4, 10, 15, 0);
        clock.set(pass.minusDays(3).minusMinutes(1));
        String tooOld = startedAt(received());
        clock.set(pass.minusMinutes(31));
        String due = startedAt(received());
        clock.set(pass.minusMinutes(10));
        String tooYoung = startedAt(received());
        clock.set(pass);
        int before = platform.received().size();

        PaymentReconciliation.Pass done = reconciliation.run();

        assertThat(done.queried()).isEqualTo(1);
        assertThat(platform.received().subList(before, platform.received().size()))
                .extracting(r -> r.json().get("LoaiBanTin").asString() + " " + r.json().get("MaThamChieu").asString())
                .containsExactly("QUERY " + due);
        assertThat(row(due)).containsEntry("state", "PENDING");
        assertThat(row(tooOld)).containsEntry("state", "INITIATED");
        assertThat(row(tooYoung)).containsEntry("state", "INITIATED");
    }

    @Test
    void the_reconciliation_does_nothing_while_another_node_holds_its_lock() throws SQLException {
        clock.set(LocalDateTime.of(2027, 5, 20, 8, 0));
        String reference = startedAt(received());
        platform.state(reference, PaymentPlatformStub.PAID);
        clock.advance(Duration.ofHours(1));
        int before = platform.received().size();

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // As platform.ClusterLock takes it: namespace "mc", the job's name hashed.
            try (PreparedStatement lock = other.prepareStatement("select pg_try_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, 0x6d63);
                lock.setString(2, "payment-reconciliation");
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next() && rs.getBoolean(1)).isTrue();
                }
            }

            assertThat(reconciliation.run().ran()).isFalse();
            assertThat(platform.received()).hasSize(before);
            assertThat(row(reference)).containsEntry("state", "INITIATED");
            other.rollback();
        }

        assertThat(reconciliation.run().paid()).isEqualTo(1);
        assertThat(row(reference)).containsEntry("state", "PAID");
    }

    // --- fixtures ----------------------------------------------------------------------------------------------

    Api owner() {
        return Api.as(port, owner.username(), PASSWORD);
    }

    Api.Response start(String code, String idempotencyKey) {
        Api api = idempotencyKey == null ? owner() : owner().header("Idempotency-Key", idempotencyKey);
        return api.post("/api/citizen/v1/dossiers/" + code + "/payments/platform", null);
    }

    /** Starts a payment of the dossier at the clock's time and returns its reference. */
    String startedAt(String code) {
        Api.Response started = start(code, null);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json().get("reference").asString();
    }

    /** The platform's redirect back, signed as the platform signs it (or with {@code secureCode}). */
    Api.Response returned(String reference, String responseCode, String secureCode) {
        String data = reference + "_" + UUID.randomUUID();
        return Api.anonymous(port).get(returnPath(data, responseCode,
                secureCode == null ? platform.secureCode(data, responseCode) : secureCode));
    }

    static String returnPath(String data, String responseCode, String secureCode) {
        return "/cong-dan/thanh-toan/ket-qua?data=" + URLEncoder.encode(data, StandardCharsets.UTF_8)
                + "&responseCode=" + responseCode + "&secureCode=" + secureCode;
    }

    /** A dossier of the owner's, received and accepted at the desk under their citizen ID. */
    String received() {
        Map<String, Object> body = new HashMap<>(Intakes.accepted(port, PROCEDURE, "Lê Thị Nộp Phí"));
        body.put("applicant", Map.of("fullName", "Lê Thị Nộp Phí", "citizenId", OWNER_ID,
                "address", "12 Trần Phú, Ngô Quyền, Hải Phòng"));
        Api.Response r = Api.as(port, "tiepnhan").post("/api/v1/dossiers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("code").asString();
    }

    void payCash(String code) {
        Api.Response cash = Api.as(port, "tiepnhan").post("/api/v1/dossiers/" + code + "/payments/cash",
                Map.of("amount", FEES, "receiptNumber", "BL-TT-" + code));
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
    }

    Map<String, Object> row(String reference) {
        return jdbc.sql("""
                select method, state, amount, dossier_code, created_by, paid_at, receipt_sha256
                from payment_transaction where method = 'PLATFORM' and external_id = ?""")
                .param(reference).query().singleRow();
    }

    String dossierOf(String reference) {
        return (String) row(reference).get("dossier_code");
    }

    /** The transaction's messages, oldest first: direction, kind, body. */
    List<String[]> messages(String reference) {
        return jdbc.sql("""
                select m.direction, m.kind, m.body from payment_message m join payment_transaction t
                  on t.id = m.transaction_id
                where t.method = 'PLATFORM' and t.external_id = ? order by m.id""")
                .param(reference)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    }

    long platformTransactions(String code) {
        return jdbc.sql("select count(*) from payment_transaction where method = 'PLATFORM' and dossier_code = ?")
                .param(code).query(Long.class).single();
    }

    String onlyReference(String code) {
        return jdbc.sql("select external_id from payment_transaction where method = 'PLATFORM' and dossier_code = ?")
                .param(code).query(String.class).single();
    }

    int inits() {
        return (int) platform.received().stream().filter(r -> r.path().equals("/init")).count();
    }

    static Citizens.Registration registration(String fullName, String citizenId) {
        return new Citizens.Registration(fullName, citizenId, LocalDate.of(1986, 5, 12), null,
                citizenId + "@congdan.example", "12 Trần Phú, Ngô Quyền, Hải Phòng", null, null);
    }

    void publish() {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of("code", PROCEDURE, "name", "Cấp giấy phép thanh toán trực tuyến thử nghiệm",
                "field", "Xây dựng", "agencyName", "Văn phòng UBND thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 2, "unit", "WORKING_DAYS"), "onlineLevel", "FULL",
                "clockPolicy", "RESTART", "paymentTiming", "NONE"));
        p.put("fees", List.of(Map.of("name", "Lệ phí cấp giấy phép", "amount", 50_000),
                Map.of("name", "Phí thẩm định", "amount", 30_000, "onlineAmount", 15_000)));
        p.put("documents", List.of(Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true)));
        p.put("steps", List.of(
                Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                Map.of("order", 2, "name", "Thẩm định", "unitCode", "VP.KTN", "role", "SPECIALIST", "durationHours", 8),
                Map.of("order", 3, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4)));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + PROCEDURE + "/publish", Map.of("decisionNumber",
                "21/QĐ-UBND", "decisionDate", "2026-01-05", "effectiveFrom", "2026-01-05"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }
}
