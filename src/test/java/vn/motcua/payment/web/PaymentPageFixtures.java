package vn.motcua.payment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.motcua.identity.Citizens;
import vn.motcua.support.Api;
import vn.motcua.support.Intakes;

/**
 * What the payment pages' tests share: procedures of their own with 80.000 đ of fees (desk VP.MC → VP.KSTT
 * specialist → desk), level-2 citizens who own the desk's dossiers under their ID, dossiers received at the desk, and
 * the bank's credit notices, signed as the bank signs them (HMAC-SHA256 of the raw body with the demo's secret).
 */
final class PaymentPageFixtures {

    static final String SECRET = "demo-notification-secret";
    private static final AtomicInteger TRANSACTIONS = new AtomicInteger();

    private PaymentPageFixtures() {}

    /** Publishes a procedure of 50.000 đ + 30.000 đ paid at {@code timing}. */
    static void publish(int port, String code, String name, String timing) {
        Map<String, Object> p = new HashMap<>(Map.of("code", code, "name", name, "field", "Xây dựng",
                "agencyName", "Văn phòng UBND thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 2, "unit", "WORKING_DAYS"), "onlineLevel", "FULL",
                "clockPolicy", "RESTART", "paymentTiming", timing));
        p.put("fees", List.of(Map.of("name", "Lệ phí cấp giấy phép", "amount", 50_000),
                Map.of("name", "Phí thẩm định", "amount", 30_000)));
        p.put("documents", List.of(Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true)));
        p.put("steps", List.of(
                Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                Map.of("order", 2, "name", "Thẩm định", "unitCode", "VP.KSTT", "role", "SPECIALIST", "durationHours", 8),
                Map.of("order", 3, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4)));
        Api admin = Api.as(port, "admin");
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + code + "/publish", Map.of("decisionNumber",
                "71/QĐ-UBND", "decisionDate", "2026-01-05", "effectiveFrom", "2026-01-05"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    /** An active level-2 account with the demo password: the desk's dossiers under {@code citizenId} are its own. */
    static Citizens.CitizenUser citizen(Citizens citizens, String username, String citizenId) {
        return citizens.open(username, new Citizens.Registration("Đỗ Thị Nộp Phí", citizenId, LocalDate.of(1987, 10, 1),
                null, username + "@congdan.example", "12 Lê Lợi, Ngô Quyền, Hải Phòng", null, null),
                Api.DEMO_PASSWORD, 2);
    }

    /** A dossier received and accepted at the desk for the holder of {@code citizenId}: 80.000 đ due. */
    static String received(int port, String procedure, String citizenId) {
        Map<String, Object> body = new HashMap<>(Intakes.accepted(port, procedure, "Đỗ Thị Nộp Phí"));
        body.put("applicant", Map.of("fullName", "Đỗ Thị Nộp Phí", "citizenId", citizenId,
                "address", "12 Lê Lợi, Ngô Quyền, Hải Phòng"));
        Api.Response r = Api.as(port, "tiepnhan").post("/api/v1/dossiers", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("code").asString();
    }

    /** The bank's notice of a credit to the demo's collection account; the answer must be a 200. */
    static HttpResponse<String> notifyCredit(int port, String transactionId, long amount, String content)
            throws IOException, InterruptedException {
        String body = """
                {"transactionId":"%s","accountNumber":"0123456789","amount":%d,"content":"%s",\
                "occurredAt":"2026-12-03T10:15:00+07:00"}""".formatted(transactionId, amount, content);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/public/payments/bank-notifications"))
                .header("Content-Type", "application/json")
                .header("X-Signature", hmacSha256Hex(body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    static String hmacSha256Hex(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A bank transaction ID no other test sends. */
    static String transactionId() {
        return "FT98710" + String.format("%04d", TRANSACTIONS.incrementAndGet()) + System.nanoTime() % 1_000_000;
    }
}
