package vn.motcua.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.platform.MissingSettingException;
import vn.motcua.shared.VietnamTime;

/**
 * The client of the national public-service portal's payment platform (Nền tảng thanh toán của Cổng Dịch vụ công
 * quốc gia): initiate a payment and send the citizen to the platform's page, query a payment's state, fetch its
 * e-receipt, and check the citizen's return. The message layout, version {@value #VERSION}, is the one the
 * provinces' production clients send; every message carries {@code MaXacThuc}, the lower-case hex SHA-256 of its
 * fields joined by {@code |} and ended with the shared secret.
 *
 * <p>What comes back is never the last word: the browser's return can be forged, an answer can be lost. A payment
 * is paid once {@link #status} reads {@link State#PAID} with the expected amount, and anything the platform did not
 * clearly answer ({@link PaymentPlatformUnavailableException} included) leaves it pending, to be queried again.
 * Raw request and response bodies are returned so that the caller keeps them with the transaction.
 */
@Component
@EnableConfigurationProperties(PaymentPlatformSettings.class)
class NationalPaymentPlatform {

    static final String VERSION = "1.0.6";
    /**
     * {@code ThoiGianGD}: Vietnam time on the 24-hour clock. One production client writes {@code hh} (12-hour),
     * which makes an afternoon payment's time, and so its checksum, disagree with the platform's.
     */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(VietnamTime.ZONE);
    /** The platform's limit on a procedure's or a service's name in the receipt data. */
    static final int MAX_NAME = 250;
    /** {@code MaDichVu} of a procedure's fees (fines have their own code and fields). */
    static final String PROCEDURE_FEES = "2";

    private static final Logger log = LoggerFactory.getLogger(NationalPaymentPlatform.class);
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final PaymentPlatformSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    NationalPaymentPlatform(PaymentPlatformSettings settings, JsonMapper json) {
        if (settings.enabled()) {
            require(settings.partnerCode(), "partner-code", "the partner code (MaDoiTac) the platform issued");
            require(settings.secret(), "secret", "the secret that ends every checksum (MaXacThuc)");
            require(settings.initUrl(), "init-url", "where payments are initiated");
            require(settings.statusUrl(), "status-url", "where a payment's state is queried");
            require(settings.receiptUrl(), "receipt-url", "where e-receipts are requested");
        }
        this.settings = settings;
        this.json = json;
        // HTTP/1.1: the platform's gateways are plain HTTPS endpoints; no redirect is followed with the body.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static void require(Object value, String name, String purpose) {
        if (value == null || value.toString().isBlank()) {
            String property = "motcua.payment.platform." + name;
            throw new MissingSettingException(property,
                    property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'),
                    purpose + ", needed while motcua.payment.platform.enabled is true");
        }
    }

    /** A fee line of the receipt data ({@code PhiLePhi}): kind (e.g. "Phí", "Lệ phí"), code, name, whole đồng. */
    record Fee(String kind, String code, String name, long amount) {}

    /** The account the fee is paid into ({@code TKThuHuong}, {@code MaNHThuHuong}, {@code TenTKThuHuong}). */
    record Beneficiary(String account, String bankCode, String name) {}

    /** Who pays, as printed on the e-receipt. */
    record Payer(String name, String idNumber, String address, String district, String province) {}

    /**
     * The receipt data ({@code ThongTinBienLai}) of a procedure's fees.
     *
     * @param serviceCode {@code MaDVC}; {@code null}: the procedure code followed by {@code .01}, as the production
     *     clients send it for a procedure's only online service
     * @param serviceName {@code TenDVC}; {@code null}: the procedure's name
     * @param procedureName {@code TenTTHC}, shortened to {@value #MAX_NAME} characters at a word
     * @param agencyCode {@code MaDonVi}, the agency's electronic ID
     * @param content {@code NoiDungThanhToan}; {@code null}: the transaction's description
     */
    record ReceiptInfo(String serviceCode, String serviceName, String procedureCode, String procedureName,
            String agencyCode, String agencyName, String dossierCode, Beneficiary beneficiary, Payer payer,
            String content, List<Fee> fees) {

        ReceiptInfo {
            fees = fees == null ? List.of() : List.copyOf(fees);
            procedureName = shortened(procedureName);
            serviceCode = serviceCode == null && procedureCode != null ? procedureCode + ".01" : serviceCode;
            serviceName = serviceName == null ? procedureName : shortened(serviceName);
        }
    }

    /**
     * A payment to initiate.
     *
     * @param reference {@code MaThamChieu}, unique per attempt: the caller makes it (the production pattern is
     *     {@code dvc} + the dossier code without its punctuation + the time) and keeps it to query the payment
     * @param amount whole đồng, the sum of the receipt's fees
     * @param description {@code ThongTinGiaoDich}; {@code null}: {@code THANH TOAN HO SO <dossier code>}
     * @param initiatedAt {@code ThoiGianGD}; kept by the caller, it signs every later query of the payment
     * @param clientIp the citizen's address ({@code Ip})
     */
    record InitRequest(String reference, long amount, String description, Instant initiatedAt, String clientIp,
            ReceiptInfo receipt) {

        InitRequest {
            if (reference == null || reference.isBlank()) {
                throw new IllegalArgumentException("A payment needs its reference (MaThamChieu)");
            }
            if (amount <= 0) {
                throw new IllegalArgumentException("A payment is of more than 0 đồng: " + amount);
            }
            if (initiatedAt == null || clientIp == null || clientIp.isBlank() || receipt == null) {
                throw new IllegalArgumentException("A payment needs its time, the citizen's address and its receipt data");
            }
            long fees = receipt.fees().stream().mapToLong(Fee::amount).sum();
            if (!receipt.fees().isEmpty() && fees != amount) {
                throw new IllegalArgumentException("The fees add up to " + fees + " đồng, the payment is " + amount);
            }
            description = description == null ? "THANH TOAN HO SO " + receipt.dossierCode() : description;
        }
    }

    /**
     * The platform's answer to an initiation.
     *
     * @param success the platform accepted the payment: send the citizen to {@code paymentUrl}
     * @param errorCode {@code error_code} (or {@code MaLoi}) as answered, {@code null} if none could be read
     */
    record Init(boolean success, String paymentUrl, String errorCode, String errorMessage, String requestBody,
            String responseBody) {}

    /** A payment's state as the platform knows it ({@code TrangThaiGD}). */
    enum State {
        /** 1: paid. */
        PAID,
        /** 3, or anything not clearly answered: the final state is not known yet; query again later. */
        PENDING,
        /** 4: the payment failed; the citizen may try again with a new reference. */
        FAILED
    }

    /**
     * The answer to a status query.
     *
     * @param platformState {@code TrangThaiGD} as answered ({@code null} if none): a {@link State#PENDING} from
     *     "3" is the platform's, from anything else is ours
     * @param errorCode {@code MaLoi}; {@code 00} for an answer that counts
     * @param amount {@code SoTien} as answered: the caller compares it with the fee before confirming
     * @param transactionId {@code MaGiaoDich}, the platform's (or bank's) transaction number
     */
    record Status(State state, String platformState, String errorCode, String errorMessage, Long amount,
            String transactionId, String requestBody, String responseBody) {}

    /** Sends an initiation ({@code INIT}). */
    Init init(InitRequest r) {
        requireEnabled();
        String time = TIME.format(r.initiatedAt());
        ObjectNode message = json.createObjectNode();
        message.put("LoaiBanTin", "INIT");
        message.put("PhienBan", VERSION);
        message.put("MaDoiTac", settings.partnerCode());
        message.put("MaThamChieu", r.reference());
        message.put("SoTien", String.valueOf(r.amount()));
        message.put("LoaiHinhThanhToan", "PAY");
        message.put("MaKenhThanhToan", "1");
        message.put("MaThietBi", "1");
        message.put("NgonNgu", "vi-VN");
        message.put("MaTienTe", "VND");
        message.put("MaNganHang", "PAYMENT");
        message.put("ThongTinGiaoDich", r.description());
        message.put("ThoiGianGD", time);
        message.put("Ip", r.clientIp());
        message.put("MaXacThuc", checksum("INIT", VERSION, settings.partnerCode(), r.reference(),
                String.valueOf(r.amount()), "PAY", "1", "1", "vi-VN", "VND", "PAYMENT", r.description(), time,
                r.clientIp(), settings.secret()));
        receipt(message.putObject("ThongTinBienLai"), r);
        String request = json.writeValueAsString(message);

        HttpResponse<String> response = post(settings.initUrl(), request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = parse(response.body());
        if (answer == null || !answer.isObject()) {
            return new Init(false, null, null, "HTTP " + response.statusCode() + ": no JSON answer", request,
                    response.body());
        }
        JsonNode inner = inner(answer);
        String maLoi = first(text(inner, "MaLoi"), text(answer, "MaLoi"));
        String errorCode = first(text(answer, "error_code"), maLoi);
        String url = first(text(inner, "UrlThanhToan"), text(answer, "UrlThanhToan"));
        // error_code "0" as the platform answers, or MaLoi "00" as some of its gateways do.
        boolean accepted = "0".equals(text(answer, "error_code")) || "00".equals(maLoi);
        if (accepted && url != null && !url.isBlank()) {
            return new Init(true, url, errorCode, null, request, response.body());
        }
        String why = accepted ? "accepted without a payment URL"
                : first(text(inner, "MoTaLoi"), text(answer, "message"), "HTTP " + response.statusCode());
        return new Init(false, null, errorCode, why, request, response.body());
    }

    private void receipt(ObjectNode node, InitRequest r) {
        ReceiptInfo info = r.receipt();
        Beneficiary to = info.beneficiary() == null ? new Beneficiary(null, null, null) : info.beneficiary();
        Payer payer = info.payer() == null ? new Payer(null, null, null, null, null) : info.payer();
        String content = info.content() == null ? r.description() : info.content();
        node.put("MaDichVu", PROCEDURE_FEES);
        node.put("MaDVC", blank(info.serviceCode()));
        node.put("TenDVC", blank(info.serviceName()));
        node.put("MaTTHC", blank(info.procedureCode()));
        node.put("TenTTHC", blank(info.procedureName()));
        node.put("MaDonVi", blank(info.agencyCode()));
        node.put("TenDonVi", blank(info.agencyName()));
        node.put("MaHoSo", blank(info.dossierCode()));
        node.put("TKThuHuong", blank(to.account()));
        node.put("MaNHThuHuong", blank(to.bankCode()));
        node.put("TenTKThuHuong", blank(to.name()));
        node.put("HoTenNguoiNop", blank(payer.name()));
        node.put("SoCMNDNguoiNop", blank(payer.idNumber()));
        node.put("DiaChiNguoiNop", blank(payer.address()));
        node.put("HuyenNguoiNop", blank(payer.district()));
        node.put("TinhNguoiNop", blank(payer.province()));
        node.put("NoiDungThanhToan", content);
        List<Fee> fees = info.fees().isEmpty()
                ? List.of(new Fee("", "", content, r.amount())) : info.fees();
        ArrayNode lines = node.putArray("PhiLePhi");
        ArrayNode items = node.putArray("DSKhoanNop");
        for (Fee fee : fees) {
            ObjectNode line = lines.addObject();
            line.put("LoaiPhiLePhi", blank(fee.kind()));
            line.put("MaPhiLePhi", blank(fee.code()));
            line.put("TenPhiLePhi", blank(fee.name()));
            line.put("SoTien", String.valueOf(fee.amount()));
            ObjectNode item = items.addObject();
            item.put("NoiDung", blank(fee.name()));
            item.put("SoTien", String.valueOf(fee.amount()));
        }
    }

    /**
     * Queries the state of the payment {@code reference} initiated at {@code initiatedAt} ({@code QUERY}).
     *
     * @throws PaymentPlatformUnavailableException when the platform cannot be reached or does not answer in time
     */
    Status status(String reference, Instant initiatedAt) {
        requireEnabled();
        String request = signed("QUERY", reference, initiatedAt);
        HttpResponse<String> response = post(settings.statusUrl(), request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = inner(parse(response.body()));
        if (answer == null || !answer.isObject()) {
            return new Status(State.PENDING, null, null, "HTTP " + response.statusCode() + ": no JSON answer", null,
                    null, request, response.body());
        }
        String errorCode = text(answer, "MaLoi");
        String platformState = text(answer, "TrangThaiGD");
        String answeredReference = text(answer, "MaThamChieu");
        // Only an answer without error, about this payment, says anything about it.
        boolean counts = "00".equals(errorCode) && (answeredReference == null || answeredReference.equals(reference));
        State state = !counts ? State.PENDING : switch (platformState == null ? "" : platformState) {
            case "1" -> State.PAID;
            case "4" -> State.FAILED;
            default -> State.PENDING;
        };
        return new Status(state, platformState, errorCode, text(answer, "MoTaLoi"), amount(text(answer, "SoTien")),
                text(answer, "MaGiaoDich"), request, response.body());
    }

    /**
     * The e-receipt (biên lai điện tử) of the payment {@code reference} as the platform issues it ({@code GET_BILL}):
     * the PDF's bytes, or none (an empty array) when the platform answers anything but a PDF, as it does for a
     * payment not paid.
     *
     * @throws PaymentPlatformUnavailableException when the platform cannot be reached or does not answer in time
     */
    byte[] receipt(String reference, Instant initiatedAt) {
        requireEnabled();
        String request = signed("GET_BILL", reference, initiatedAt);
        HttpResponse<byte[]> response = post(settings.receiptUrl(), request, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        if (response.statusCode() / 100 == 2 && body.length > PDF.length
                && MessageDigest.isEqual(PDF, Arrays.copyOf(body, PDF.length))) {
            return body;
        }
        log.warn("No e-receipt for payment {}: HTTP {}, {} bytes that are no PDF", reference, response.statusCode(),
                body.length);
        return new byte[0];
    }

    /**
     * Whether the citizen's return from the platform ({@code ?data=…&responseCode=…&secureCode=…}) is signed with
     * the province's secret, compared in constant time.
     *
     * <p>Which fields {@code secureCode} covers is not documented in the sources available: it is taken here as the
     * lower-case hex SHA-256 of {@code data|responseCode|secret}, the platform's pattern for its other messages.
     * <b>This is an assumption to confirm with the platform's operator.</b> Either way a verified return only says
     * that the citizen came back: the payment is confirmed by {@link #status}, never by the browser.
     */
    boolean returnVerified(String data, String responseCode, String secureCode) {
        if (!settings.enabled() || data == null || responseCode == null || secureCode == null) {
            return false;
        }
        byte[] expected = checksum(data, responseCode, settings.secret()).getBytes(StandardCharsets.US_ASCII);
        byte[] given = secureCode.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** A status query or receipt request: both sign the same fields. */
    private String signed(String kind, String reference, Instant initiatedAt) {
        String time = TIME.format(initiatedAt);
        ObjectNode message = json.createObjectNode();
        message.put("LoaiBanTin", kind);
        message.put("PhienBan", VERSION);
        message.put("MaDoiTac", settings.partnerCode());
        message.put("MaThamChieu", reference);
        message.put("ThoiGianGD", time);
        message.put("MaXacThuc", checksum(kind, VERSION, settings.partnerCode(), reference, time, settings.secret()));
        return json.writeValueAsString(message);
    }

    /** Lower-case hex SHA-256 of the fields joined by {@code |}, over their UTF-8 bytes. */
    static String checksum(String... fields) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("|", fields).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> HttpResponse<T> post(URI url, String body, BodyHandler<T> handler) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.readTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (settings.bearerToken() != null) {
            request.header("Authorization", "Bearer " + settings.bearerToken());
        }
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new PaymentPlatformUnavailableException(url, body, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentPlatformUnavailableException(url, body, e);
        }
    }

    private void requireEnabled() {
        if (!settings.enabled()) {
            throw new IllegalStateException("The national payment platform is not enabled "
                    + "(motcua.payment.platform.enabled)");
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The platform wraps some answers as {@code {error_code, message}} with JSON inside {@code message}. */
    private JsonNode inner(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return answer;
        }
        JsonNode message = answer.get("message");
        if (message != null && message.isObject()) {
            return message;
        }
        if (message != null && message.isString()) {
            JsonNode parsed = parse(message.asString());
            if (parsed != null && parsed.isObject()) {
                return parsed;
            }
        }
        return answer;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Long amount(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    /** A name within {@value #MAX_NAME} characters: cut at a word, with "…", rather than refused (the code identifies). */
    static String shortened(String name) {
        if (name == null || name.length() <= MAX_NAME) {
            return name;
        }
        int cut = name.lastIndexOf(' ', MAX_NAME - 1);
        return name.substring(0, cut > MAX_NAME / 2 ? cut : MAX_NAME - 1).stripTrailing() + "…";
    }
}
