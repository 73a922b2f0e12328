package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.Intakes;
import vn.motcua.support.IntegrationTest;

/**
 * The fees of a dossier and their payment over the API, against the demo's collection account and notification
 * secret: cash at the desk, signed bank notifications (accepted, refused, repeated, partial, concurrent), the
 * desk's resolution of an unmatched credit, and the fees that hold a dossier in status 6. The procedures are this
 * test's own (1.98700x).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentApiTest {

    static final String UNGATED = "1.987001.000.00.00.H27";
    static final String BEFORE_ACCEPTANCE = "1.987002.000.00.00.H27";
    static final String SECRET = "demo-notification-secret";
    static final AtomicInteger TRANSACTIONS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void procedures() {
        publish(UNGATED, "Cấp giấy phép thu phí thử nghiệm", "NONE");
        publish(BEFORE_ACCEPTANCE, "Cấp giấy phép nộp phí trước khi tiếp nhận", "BEFORE_ACCEPTANCE");
    }

    void publish(String code, String name, String timing) {
        Api admin = Api.as(port, "admin");
        if (Api.anonymous(port).get("/api/public/procedures/" + code).status() == 200) {
            return;
        }
        Map<String, Object> p = new HashMap<>(Map.of("code", code, "name", name, "field", "Xây dựng",
                "agencyName", "Văn phòng UBND thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 2, "unit", "WORKING_DAYS"), "onlineLevel", "FULL",
                "clockPolicy", "RESTART", "paymentTiming", timing));
        p.put("fees", List.of(Map.of("name", "Lệ phí cấp giấy phép", "amount", 50_000),
                Map.of("name", "Phí thẩm định", "amount", 30_000, "onlineAmount", 15_000)));
        p.put("documents", List.of(Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true)));
        p.put("steps", List.of(
                Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                Map.of("order", 2, "name", "Thẩm định", "unitCode", "VP.KTN", "role", "SPECIALIST", "durationHours", 8),
                Map.of("order", 3, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4)));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + code + "/publish", Map.of("decisionNumber",
                "15/QĐ-UBND", "decisionDate", "2026-01-05", "effectiveFrom", "2026-01-05"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    Api desk() {
        return Api.as(port, "tiepnhan");
    }

    /** A dossier received at the desk (DIRECT: the fee lines at their desk amounts, 80.000 đ). */
    String received(String procedure, String decision) {
        Map<String, Object> body = Intakes.accepted(port, procedure, "Trần Thị Nộp Phí");
        body.put("decision", decision);
        Api.Response r = desk().post("/api/v1/dossiers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("code").asString();
    }

    JsonNode payment(String code) {
        Api.Response r = desk().get("/api/v1/dossiers/" + code + "/payment");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** A bank notification, signed with {@code secret} (none when null). */
    HttpResponse<String> notify(String body, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/public/payments/bank-notifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header("X-Signature", HexFormat.of().formatHex(
                    BankCredits.hmac(secret, body.getBytes(StandardCharsets.UTF_8))));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String credit(String transactionId, long amount, String content) {
        return """
                {"transactionId":"%s","accountNumber":"0123456789","amount":%d,"content":"%s",\
                "occurredAt":"2026-12-03T10:15:00+07:00"}""".formatted(transactionId, amount, content);
    }

    static String transactionId() {
        return "FT26337" + String.format("%08d", TRANSACTIONS.incrementAndGet()) + System.nanoTime() % 100_000;
    }

    long transactions(String externalId) {
        return jdbc.sql("select count(*) from payment_transaction where external_id = ?").param(externalId)
                .query(Long.class).single();
    }

    @Test
    void a_dossier_owes_its_fee_lines_and_offers_a_vietqr_code_of_the_amount_with_its_reference() {
        String code = received(UNGATED, "ACCEPT");
        JsonNode p = payment(code);
        assertThat(p.get("amountDue").asLong()).isEqualTo(80_000);
        assertThat(p.get("amountPaid").asLong()).isZero();
        assertThat(p.get("currency").asString()).isEqualTo("VND");
        assertThat(p.get("status").asString()).isEqualTo("UNPAID");
        assertThat(p.get("lines").valueStream().map(l -> l.get("name").asString() + "=" + l.get("amount").asLong()))
                .containsExactly("Lệ phí cấp giấy phép=50000", "Phí thẩm định=30000");
        String reference = p.get("reference").asString();
        assertThat(reference).matches("MC\\d{8}");
        VietQr.Payload qr = VietQr.decode(p.get("vietQr").get("payload").asString());
        assertThat(p.get("vietQr").get("payload").asString()).contains("0010A000000727", "970415", "0123456789",
                "5405" + "80000", "LEPHI " + reference);
        assertThat(qr).isNotNull();
        Api.Download image = desk().download(p.get("vietQr").get("imageUrl").asString());
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/png");
    }

    @Test
    void cash_at_the_desk_pays_the_dossier_and_the_same_receipt_again_is_answered_with_the_first_record() {
        String code = received(UNGATED, "ACCEPT");
        Api.Response cash = desk().post("/api/v1/dossiers/" + code + "/payments/cash",
                Map.of("amount", 80_000, "receiptNumber", "BL-" + code));
        assertThat(cash.status()).as(cash.toString()).isEqualTo(201);
        Api.Response again = desk().post("/api/v1/dossiers/" + code + "/payments/cash",
                Map.of("amount", 80_000, "receiptNumber", "BL-" + code));
        assertThat(again.json().get("id").asLong()).isEqualTo(cash.json().get("id").asLong());
        JsonNode p = payment(code);
        assertThat(p.get("status").asString()).isEqualTo("PAID");
        assertThat(p.get("amountPaid").asLong()).isEqualTo(80_000);
        assertThat(p.has("vietQr")).isFalse();
        assertThat(p.get("transactions")).hasSize(1);
        assertThat(p.get("transactions").get(0).get("method").asString()).isEqualTo("CASH");
        assertThat(desk().get("/api/v1/dossiers/" + code).json().get("history").valueStream()
                .map(h -> h.get("action").asString())).contains("FEES_PAID");
        Api.Download receipt = desk().download("/api/v1/dossiers/" + code + "/payments/"
                + cash.json().get("id").asLong() + "/receipt.pdf");
        assertThat(receipt.status()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(receipt.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("BIÊN LAI THU PHÍ, LỆ PHÍ", code, "Tám mươi nghìn đồng", "80.000 đ", "BL-" + code,
                    "Lệ phí cấp giấy phép");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(desk().download("/api/v1/dossiers/" + code + "/payments/999999999/receipt.pdf").status())
                .isEqualTo(404);
    }

    @Test
    void cash_is_refused_with_a_reason_for_bad_input_and_to_staff_who_are_not_the_dossiers_desk() {
        String code = received(UNGATED, "ACCEPT");
        Api.Response bad = desk().post("/api/v1/dossiers/" + code + "/payments/cash", Map.of("amount", -5));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("amount", "receiptNumber");
        Api.Response more = desk().post("/api/v1/dossiers/" + code + "/payments/cash",
                Map.of("amount", 90_000, "receiptNumber", "BL-X-" + code));
        assertThat(more.status()).isEqualTo(409);
        assertThat(more.body()).contains("80.000 đ");
        // A specialist of the Office sees the dossier in its process but does not take money (403); staff of the
        // Department of Construction do not see it at all (404).
        assertThat(Api.as(port, "chuyenvien").post("/api/v1/dossiers/" + code + "/payments/cash",
                Map.of("amount", 80_000, "receiptNumber", "X1")).status()).isIn(403, 404);
        assertThat(Api.as(port, "chuyenvien.sxd").get("/api/v1/dossiers/" + code + "/payment").status()).isEqualTo(404);
        assertThat(Api.as(port, "chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/payments/cash",
                Map.of("amount", 80_000, "receiptNumber", "X2")).status()).isEqualTo(403);
        assertThat(payment(code).get("transactions")).isEmpty();
    }

    @Test
    void a_signed_notification_of_the_exact_amount_pays_the_dossier_and_a_repeat_changes_nothing() {
        String code = received(UNGATED, "ACCEPT");
        String reference = payment(code).get("reference").asString();
        String id = transactionId();
        String body = credit(id, 80_000, "NGUYEN VAN A CHUYEN TIEN LEPHI " + reference + " FT123");
        HttpResponse<String> first = notify(body, SECRET);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"state\":\"PAID\"", code);
        HttpResponse<String> repeat = notify(body, SECRET);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).contains("\"repeated\":true");
        assertThat(transactions(id)).isEqualTo(1);
        JsonNode p = payment(code);
        assertThat(p.get("status").asString()).isEqualTo("PAID");
        assertThat(p.get("amountPaid").asLong()).isEqualTo(80_000);
        assertThat(jdbc.sql("select count(*) from payment_message m join payment_transaction t on t.id = m.transaction_id"
                + " where t.external_id = ? and m.kind = 'BANK_NOTIFICATION' and m.body = ?").params(id, body)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_notification_without_a_valid_signature_is_refused_and_nothing_is_stored() {
        String code = received(UNGATED, "ACCEPT");
        String reference = payment(code).get("reference").asString();
        String id = transactionId();
        String body = credit(id, 80_000, "LEPHI " + reference);
        assertThat(notify(body, null).statusCode()).isEqualTo(401);
        HttpResponse<String> forged = notify(body, "another-secret");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(transactions(id)).isZero();
        assertThat(payment(code).get("status").asString()).isEqualTo("UNPAID");
    }

    @Test
    void a_partial_transfer_is_kept_unmatched_until_the_desk_assigns_it_and_then_it_counts() {
        String code = received(UNGATED, "ACCEPT");
        String reference = payment(code).get("reference").asString();
        String id = transactionId();
        HttpResponse<String> partial = notify(credit(id, 50_000, "LEPHI " + reference), SECRET);
        assertThat(partial.body()).contains("\"state\":\"UNMATCHED\"");
        JsonNode p = payment(code);
        assertThat(p.get("amountPaid").asLong()).isZero();
        assertThat(p.get("status").asString()).isEqualTo("UNPAID");
        JsonNode credit = desk().get("/api/v1/payments/unmatched").json().valueStream()
                .filter(t -> t.get("reference").asString().equals(id)).findFirst().orElseThrow();
        assertThat(credit.get("dossierCode").asString()).isEqualTo(code);
        assertThat(Api.as(port, "chuyenvien").get("/api/v1/payments/unmatched").status()).isEqualTo(403);
        Api.Response assigned = desk().post("/api/v1/payments/" + credit.get("id").asLong() + "/assign",
                Map.of("dossierCode", code, "note", "Nộp thiếu, phần còn lại nộp tiền mặt"));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        p = payment(code);
        assertThat(p.get("amountPaid").asLong()).isEqualTo(50_000);
        assertThat(p.get("outstanding").asLong()).isEqualTo(30_000);
        assertThat(p.get("vietQr").get("payload").asString()).contains("5405" + "30000");
        desk().post("/api/v1/dossiers/" + code + "/payments/cash", Map.of("amount", 30_000, "receiptNumber", "BL2-" + code));
        assertThat(payment(code).get("status").asString()).isEqualTo("PAID");
    }

    @Test
    void two_full_transfers_arriving_at_once_pay_the_dossier_exactly_once_and_lose_neither() throws Exception {
        String code = received(UNGATED, "ACCEPT");
        String reference = payment(code).get("reference").asString();
        List<String> ids = List.of(transactionId(), transactionId(), transactionId(), transactionId());
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            ids.forEach(id -> calls.add(() -> notify(credit(id, 80_000, "LEPHI " + reference), SECRET)));
            for (Future<HttpResponse<String>> f : pool.invokeAll(calls)) {
                assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        List<String> states = jdbc.sql("select state from payment_transaction where external_id in (?, ?, ?, ?)")
                .params(ids.toArray()).query(String.class).list();
        assertThat(states).hasSize(4);
        assertThat(states).filteredOn("PAID"::equals).hasSize(1);
        assertThat(states).filteredOn("UNMATCHED"::equals).hasSize(3);
        assertThat(payment(code).get("amountPaid").asLong()).isEqualTo(80_000);
    }

    @Test
    void a_transfer_naming_no_dossier_waits_for_any_desk_and_can_be_sent_back_to_the_payer() {
        String id = transactionId();
        assertThat(notify(credit(id, 20_000, "CHUYEN NHAM"), SECRET).body()).contains("UNMATCHED");
        JsonNode credit = desk().get("/api/v1/payments/unmatched").json().valueStream()
                .filter(t -> t.get("reference").asString().equals(id)).findFirst().orElseThrow();
        assertThat(credit.has("dossierCode")).isFalse();
        Api.Response returned = desk().post("/api/v1/payments/" + credit.get("id").asLong() + "/return",
                Map.of("note", "Chuyển nhầm, kế toán đã hoàn lại"));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(desk().get("/api/v1/payments/unmatched").body()).doesNotContain(id);
    }

    @Test
    void fees_asked_before_acceptance_hold_the_dossier_in_status_6_and_a_payment_releases_it_to_the_desk() {
        String code = received(BEFORE_ACCEPTANCE, "ACCEPT");
        JsonNode dossier = desk().get("/api/v1/dossiers/" + code).json();
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(6);
        Api.Response accept = desk().post("/api/v1/dossiers/" + code + "/accept", Map.of());
        assertThat(accept.status()).isEqualTo(409);
        assertThat(accept.body()).contains("80.000 đ");
        JsonNode p = payment(code);
        assertThat(p.get("awaiting").asBoolean()).isTrue();
        notify(credit(transactionId(), 80_000, "LEPHI " + p.get("reference").asString()), SECRET);
        assertThat(desk().get("/api/v1/dossiers/" + code).json().get("statusCode").asInt()).isEqualTo(1);
        Api.Response accepted = desk().post("/api/v1/dossiers/" + code + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    @Test
    void the_figures_count_each_payment_by_day_method_and_procedure_and_the_online_payment_rate() throws Exception {
        String cash = received(UNGATED, "ACCEPT");
        desk().post("/api/v1/dossiers/" + cash + "/payments/cash", Map.of("amount", 80_000, "receiptNumber", "BL-" + cash));
        String transfer = received(UNGATED, "ACCEPT");
        notify(credit(transactionId(), 80_000, "LEPHI " + payment(transfer).get("reference").asString()), SECRET);
        String today = java.time.LocalDate.now(vn.motcua.shared.VietnamTime.ZONE).toString();
        String path = "/api/v1/payments/statistics?from=" + today + "&to=" + today;
        JsonNode figures = Api.as(port, "lanhdao").get(path).json();
        List<String> lines = figures.get("lines").valueStream()
                .filter(l -> l.get("procedureCode").asString().equals(UNGATED))
                .map(l -> l.get("method").asString()).toList();
        assertThat(lines).contains("CASH", "VIETQR");
        JsonNode rate = figures.get("onlinePaymentRate");
        assertThat(rate.get("owingFees").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(rate.get("paidOnline").asLong()).isGreaterThanOrEqualTo(1).isLessThan(rate.get("owingFees").asLong());
        // The Department of Construction's leader sees his agency's figures only: none of the Office's dossiers.
        assertThat(Api.as(port, "lanhdao.sxd").get(path).json().get("lines").valueStream()
                .map(l -> l.get("procedureCode").asString())).doesNotContain(UNGATED);
        assertThat(Api.as(port, "chuyenvien").get(path).status()).isEqualTo(403);
        Api.Download xlsx = Api.as(port, "lanhdao").download(path + "&format=xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheet("Thu phí, lệ phí");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("TỔNG HỢP THU PHÍ, LỆ PHÍ");
            boolean found = false;
            for (var row : sheet) {
                var code = row.getCell(2);
                found |= code != null && UNGATED.equals(code.getStringCellValue());
            }
            assertThat(found).isTrue();
        }
        assertThat(Api.as(port, "lanhdao").get("/api/v1/payments/statistics?from=" + today + "&to=2020-01-01").status())
                .isEqualTo(400);
    }
}
