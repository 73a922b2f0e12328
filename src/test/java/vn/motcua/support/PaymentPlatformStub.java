package vn.motcua.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The national payment platform as a test meets it: a small HTTP server on a free local port that checks every
 * message's checksum ({@code MaXacThuc}) with a secret of its own and answers as the platform does.
 * <ul>
 * <li>{@code INIT} ({@link #initUrl()}): {@code {"error_code":"0","message":"{\"UrlThanhToan\":…}"}}; the payment
 *     is then pending ({@code TrangThaiGD} 3) until a test sets another state.</li>
 * <li>status query ({@link #statusUrl()}): {@code MaLoi} 00 and the state set for the reference.</li>
 * <li>e-receipt ({@link #receiptUrl()}): a PDF for a paid payment, an error otherwise.</li>
 * </ul>
 * A checksum that does not verify is answered {@code bad checksum} (error code {@value #BAD_CHECKSUM}, this stub's
 * own: the platform's codes are not published). The checksum is computed here independently of the client.
 * {@code try (PaymentPlatformStub platform = PaymentPlatformStub.start("secret")) { … }}
 */
public final class PaymentPlatformStub implements AutoCloseable {

    public static final String PAID = "1";
    public static final String PENDING = "3";
    public static final String FAILED = "4";
    public static final String BAD_CHECKSUM = "96";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> INIT_FIELDS = List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu",
            "SoTien", "LoaiHinhThanhToan", "MaKenhThanhToan", "MaThietBi", "NgonNgu", "MaTienTe", "MaNganHang",
            "ThongTinGiaoDich", "ThoiGianGD", "Ip");
    private static final List<String> QUERY_FIELDS = List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu",
            "ThoiGianGD");

    /** A message received, as the platform read it. */
    public record Received(String path, String authorization, String body, JsonNode json) {}

    private final String secret;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final Map<String, String> amounts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<String> nextAnswer = new AtomicReference<>();
    private final AtomicInteger transactions = new AtomicInteger(100_000);
    private final AtomicBoolean closed = new AtomicBoolean();

    private PaymentPlatformStub(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/init", exchange -> handle(exchange, this::init));
        server.createContext("/query", exchange -> handle(exchange, this::query));
        server.createContext("/bill", exchange -> handle(exchange, this::bill));
        server.createContext("/pay", exchange -> answer(exchange, 200, "text/html", new byte[0]));
        server.start();
    }

    /** A platform whose partners sign with {@code secret}. */
    public static PaymentPlatformStub start(String secret) {
        try {
            return new PaymentPlatformStub(secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI initUrl() {
        return url("/init");
    }

    public URI statusUrl() {
        return url("/query");
    }

    public URI receiptUrl() {
        return url("/bill");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The payment's state from now on: {@link #PAID}, {@link #PENDING}, {@link #FAILED} or any other code. */
    public void state(String reference, String code) {
        states.put(reference, code);
    }

    /** Answers come this much later: a slow platform. */
    public void delay(Duration wait) {
        delay.set(wait);
    }

    /** The next request, whatever it is, is answered with this body (HTTP 200) instead. */
    public void answerNextWith(String body) {
        nextAnswer.set(body);
    }

    /** Every message received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The last message received. */
    public Received last() {
        return received.get(received.size() - 1);
    }

    /**
     * The {@code secureCode} the platform puts on the citizen's return: SHA-256 of {@code data|responseCode|secret}
     * (the assumed layout, see the client).
     */
    public String secureCode(String data, String responseCode) {
        return sha256(data + "|" + responseCode + "|" + secret);
    }

    /** Stops the platform: from now on nothing answers at its addresses. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private interface Handler {
        void handle(HttpExchange exchange, JsonNode message) throws IOException;
    }

    private void handle(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode message;
            try {
                message = JSON.readTree(body);
            } catch (JacksonException e) {
                answer(exchange, 400, "text/plain", "no JSON".getBytes(StandardCharsets.UTF_8));
                return;
            }
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body, message));
            Thread.sleep(delay.get().toMillis());
            String forced = nextAnswer.getAndSet(null);
            if (forced != null) {
                answer(exchange, 200, "application/json", forced.getBytes(StandardCharsets.UTF_8));
                return;
            }
            handler.handle(exchange, message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void init(HttpExchange exchange, JsonNode message) throws IOException {
        if (!signed(message, INIT_FIELDS) || !"INIT".equals(text(message, "LoaiBanTin"))) {
            json(exchange, Map.of("error_code", "1", "message", "bad checksum"));
            return;
        }
        String reference = text(message, "MaThamChieu");
        amounts.put(reference, text(message, "SoTien"));
        states.putIfAbsent(reference, PENDING);
        String inner = JSON.writeValueAsString(Map.of("UrlThanhToan", url("/pay") + "?ref=" + reference));
        json(exchange, Map.of("error_code", "0", "message", inner));
    }

    private void query(HttpExchange exchange, JsonNode message) throws IOException {
        if (!signed(message, QUERY_FIELDS) || !"QUERY".equals(text(message, "LoaiBanTin"))) {
            json(exchange, Map.of("MaLoi", BAD_CHECKSUM, "MoTaLoi", "bad checksum"));
            return;
        }
        String reference = text(message, "MaThamChieu");
        String state = states.get(reference);
        if (state == null) {
            json(exchange, Map.of("MaLoi", "01", "MoTaLoi", "unknown reference"));
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("LoaiBanTin", "QUERY");
        answer.put("MaLoi", "00");
        answer.put("MoTaLoi", "Thành công");
        answer.put("MaDoiTac", text(message, "MaDoiTac"));
        answer.put("MaThamChieu", reference);
        if (amounts.containsKey(reference)) {
            answer.put("SoTien", Long.parseLong(amounts.get(reference)));
        }
        answer.put("MaTienTe", "VND");
        answer.put("MaGiaoDich", PAID.equals(state) ? "PG" + transactions.incrementAndGet() : "");
        answer.put("ThoiGianGD", text(message, "ThoiGianGD"));
        answer.put("TrangThaiGD", state);
        answer(exchange, 200, "application/json", JSON.writeValueAsBytes(answer));
    }

    private void bill(HttpExchange exchange, JsonNode message) throws IOException {
        if (!signed(message, QUERY_FIELDS) || !"GET_BILL".equals(text(message, "LoaiBanTin"))) {
            json(exchange, Map.of("MaLoi", BAD_CHECKSUM, "MoTaLoi", "bad checksum"));
            return;
        }
        String reference = text(message, "MaThamChieu");
        if (!PAID.equals(states.get(reference))) {
            json(exchange, Map.of("MaLoi", "02", "MoTaLoi", "not paid"));
            return;
        }
        answer(exchange, 200, "application/pdf", Pdfs.document("BIEN LAI THU PHI " + reference));
    }

    /** The checksum verifies over {@code fields} and the secret, and the time is a real 24-hour time. */
    private boolean signed(JsonNode message, List<String> fields) {
        List<String> values = new ArrayList<>();
        for (String field : fields) {
            String value = text(message, field);
            if (value == null) {
                return false;
            }
            values.add(value);
        }
        try {
            LocalDateTime.parse(text(message, "ThoiGianGD"), TIME);
        } catch (DateTimeParseException e) {
            return false;
        }
        values.add(secret);
        String expected = sha256(String.join("|", values));
        String given = text(message, "MaXacThuc");
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    private static void json(HttpExchange exchange, Map<String, String> answer) throws IOException {
        answer(exchange, 200, "application/json", JSON.writeValueAsBytes(answer));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
