package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.payment.NationalPaymentPlatform.Beneficiary;
import vn.motcua.payment.NationalPaymentPlatform.Fee;
import vn.motcua.payment.NationalPaymentPlatform.Init;
import vn.motcua.payment.NationalPaymentPlatform.InitRequest;
import vn.motcua.payment.NationalPaymentPlatform.Payer;
import vn.motcua.payment.NationalPaymentPlatform.ReceiptInfo;
import vn.motcua.payment.NationalPaymentPlatform.State;
import vn.motcua.payment.NationalPaymentPlatform.Status;
import vn.motcua.platform.MissingSettingException;
import vn.motcua.support.PaymentPlatformStub;
import vn.motcua.support.Pdfs;

/** The client against {@link PaymentPlatformStub}, which checks every checksum with the province's secret. */
class NationalPaymentPlatformTest {

    static final String SECRET = "bi-mat-cua-tinh-hai-phong";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DOSSIER = "000.00.01.H27-260315-9901";
    /** 09:05:07 in Vietnam. */
    static final Instant MORNING = Instant.parse("2026-03-15T02:05:07Z");
    /** 14:30:05 in Vietnam: a 12-hour clock would write 02. */
    static final Instant AFTERNOON = Instant.parse("2026-03-15T07:30:05Z");

    private final PaymentPlatformStub platform = PaymentPlatformStub.start(SECRET);

    @AfterEach
    void stop() {
        platform.close();
    }

    NationalPaymentPlatform client(String secret, String bearerToken, Duration readTimeout) {
        return new NationalPaymentPlatform(new PaymentPlatformSettings(true, "HPG-MOTCUA", secret, platform.initUrl(),
                platform.statusUrl(), platform.receiptUrl(), bearerToken, URI.create("https://motcua.example/ket-qua"),
                null, readTimeout), JSON);
    }

    NationalPaymentPlatform client() {
        return client(SECRET, null, null);
    }

    static InitRequest fee(String reference, Instant at) {
        return new InitRequest(reference, 150_000, null, at, "203.0.113.7", new ReceiptInfo(null, null,
                "1.999901.000.00.00.H27", "Cấp giấy phép thử nghiệm thanh toán trực tuyến", "000.00.01.H27",
                "Văn phòng Ủy ban nhân dân thành phố Hải Phòng", DOSSIER,
                new Beneficiary("0123456789", "970415", "VAN PHONG UBND TP HAI PHONG"),
                new Payer("Nguyễn Thị Nộp Phí", "031190001234", "Số 1 Lạch Tray, phường Gia Viên", null, "Hải Phòng"),
                null, List.of(new Fee("Lệ phí", "LP01", "Lệ phí cấp giấy phép", 100_000),
                        new Fee("Phí", "P01", "Phí thẩm định hồ sơ", 50_000))));
    }

    @Test
    void an_initiation_sends_every_field_of_the_init_message_and_returns_the_payment_url() {
        Init init = client().init(fee("dvc00000001H272603159901", MORNING));

        assertThat(init.success()).isTrue();
        assertThat(init.paymentUrl()).startsWith(platform.initUrl().resolve("/pay").toString())
                .endsWith("ref=dvc00000001H272603159901");
        JsonNode sent = platform.last().json();
        assertThat(platform.last().body()).isEqualTo(init.requestBody());
        assertThat(init.responseBody()).contains("UrlThanhToan");
        assertThat(sent.propertyNames()).containsExactly("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu", "SoTien",
                "LoaiHinhThanhToan", "MaKenhThanhToan", "MaThietBi", "NgonNgu", "MaTienTe", "MaNganHang",
                "ThongTinGiaoDich", "ThoiGianGD", "Ip", "MaXacThuc", "ThongTinBienLai");
        assertThat(text(sent, "LoaiBanTin", "PhienBan", "MaDoiTac", "SoTien", "LoaiHinhThanhToan", "MaKenhThanhToan",
                "MaThietBi", "NgonNgu", "MaTienTe", "MaNganHang", "ThongTinGiaoDich", "ThoiGianGD", "Ip"))
                .containsExactly("INIT", "1.0.6", "HPG-MOTCUA", "150000", "PAY", "1", "1", "vi-VN", "VND", "PAYMENT",
                        "THANH TOAN HO SO " + DOSSIER, "20260315090507", "203.0.113.7");
        assertThat(sent.get("MaXacThuc").asString()).matches("[0-9a-f]{64}");
    }

    @Test
    void the_receipt_data_carries_the_service_the_agency_the_beneficiary_the_payer_and_each_fee() {
        client().init(fee("dvc00000001H272603159902", MORNING));

        JsonNode receipt = platform.last().json().get("ThongTinBienLai");
        assertThat(text(receipt, "MaDichVu", "MaDVC", "TenDVC", "MaTTHC", "TenTTHC", "MaDonVi", "TenDonVi", "MaHoSo",
                "TKThuHuong", "MaNHThuHuong", "TenTKThuHuong", "HoTenNguoiNop", "SoCMNDNguoiNop", "DiaChiNguoiNop",
                "TinhNguoiNop", "NoiDungThanhToan")).containsExactly("2", "1.999901.000.00.00.H27.01",
                "Cấp giấy phép thử nghiệm thanh toán trực tuyến", "1.999901.000.00.00.H27",
                "Cấp giấy phép thử nghiệm thanh toán trực tuyến", "000.00.01.H27",
                "Văn phòng Ủy ban nhân dân thành phố Hải Phòng", DOSSIER, "0123456789", "970415",
                "VAN PHONG UBND TP HAI PHONG", "Nguyễn Thị Nộp Phí", "031190001234", "Số 1 Lạch Tray, phường Gia Viên",
                "Hải Phòng", "THANH TOAN HO SO " + DOSSIER);
        assertThat(receipt.get("PhiLePhi").valueStream()
                .map(f -> text(f, "LoaiPhiLePhi", "MaPhiLePhi", "TenPhiLePhi", "SoTien")).toList()).containsExactly(
                List.of("Lệ phí", "LP01", "Lệ phí cấp giấy phép", "100000"),
                List.of("Phí", "P01", "Phí thẩm định hồ sơ", "50000"));
        assertThat(receipt.get("DSKhoanNop").valueStream().map(f -> text(f, "NoiDung", "SoTien")).toList())
                .containsExactly(List.of("Lệ phí cấp giấy phép", "100000"), List.of("Phí thẩm định hồ sơ", "50000"));
    }

    @Test
    void an_afternoon_time_is_written_on_the_24_hour_clock() {
        Init init = client().init(fee("dvc00000001H272603159903", AFTERNOON));

        // The stub verifies the checksum over the time as sent: a 12-hour "02" would still verify, so look at it.
        assertThat(init.success()).isTrue();
        String time = platform.last().json().get("ThoiGianGD").asString();
        assertThat(time).isEqualTo("20260315143005");
        assertThat(Integer.parseInt(time.substring(8, 10))).isGreaterThanOrEqualTo(13);

        client().status("dvc00000001H272603159903", AFTERNOON);
        assertThat(platform.last().json().get("ThoiGianGD").asString()).isEqualTo("20260315143005");
    }

    @Test
    void a_wrong_secret_is_refused_by_the_platform() {
        NationalPaymentPlatform wrong = client("not-the-secret", null, null);

        Init init = wrong.init(fee("dvc00000001H272603159904", MORNING));
        assertThat(init.success()).isFalse();
        assertThat(init.paymentUrl()).isNull();
        assertThat(init.errorMessage()).isEqualTo("bad checksum");

        platform.state("dvc00000001H272603159904", PaymentPlatformStub.PAID);
        Status status = wrong.status("dvc00000001H272603159904", MORNING);
        assertThat(status.state()).isEqualTo(State.PENDING);
        assertThat(status.errorCode()).isEqualTo(PaymentPlatformStub.BAD_CHECKSUM);
        assertThat(status.errorMessage()).isEqualTo("bad checksum");
        assertThat(wrong.receipt("dvc00000001H272603159904", MORNING)).isEmpty();
    }

    @Test
    void a_paid_payment_reads_paid_with_its_amount_and_transaction_number() {
        client().init(fee("dvc00000001H272603159905", MORNING));
        platform.state("dvc00000001H272603159905", PaymentPlatformStub.PAID);

        Status status = client().status("dvc00000001H272603159905", MORNING);

        assertThat(status.state()).isEqualTo(State.PAID);
        assertThat(status.platformState()).isEqualTo("1");
        assertThat(status.errorCode()).isEqualTo("00");
        assertThat(status.amount()).isEqualTo(150_000L);
        assertThat(status.transactionId()).startsWith("PG");
        assertThat(status.responseBody()).contains("\"TrangThaiGD\":\"1\"");
        assertThat(platform.last().body()).isEqualTo(status.requestBody());
        assertThat(platform.last().json().propertyNames()).containsExactly("LoaiBanTin", "PhienBan", "MaDoiTac",
                "MaThamChieu", "ThoiGianGD", "MaXacThuc");
        assertThat(platform.last().json().get("LoaiBanTin").asString()).isEqualTo("QUERY");
    }

    @Test
    void a_payment_just_initiated_reads_pending() {
        client().init(fee("dvc00000001H272603159906", MORNING));

        Status status = client().status("dvc00000001H272603159906", MORNING);

        assertThat(status.state()).isEqualTo(State.PENDING);
        assertThat(status.platformState()).isEqualTo("3");
    }

    @Test
    void a_failed_payment_reads_failed() {
        client().init(fee("dvc00000001H272603159907", MORNING));
        platform.state("dvc00000001H272603159907", PaymentPlatformStub.FAILED);

        assertThat(client().status("dvc00000001H272603159907", MORNING).state()).isEqualTo(State.FAILED);
    }

    @Test
    void a_state_the_platform_does_not_define_reads_pending() {
        platform.state("dvc00000001H272603159908", "2");

        Status status = client().status("dvc00000001H272603159908", MORNING);

        assertThat(status.state()).isEqualTo(State.PENDING);
        assertThat(status.platformState()).isEqualTo("2");
    }

    @Test
    void an_answer_that_is_no_json_or_about_another_payment_or_with_an_error_reads_pending() {
        platform.state("dvc00000001H272603159909", PaymentPlatformStub.PAID);

        platform.answerNextWith("<html>Bad gateway</html>");
        Status html = client().status("dvc00000001H272603159909", MORNING);
        assertThat(html.state()).isEqualTo(State.PENDING);
        assertThat(html.responseBody()).isEqualTo("<html>Bad gateway</html>");

        platform.answerNextWith("{\"MaLoi\":\"00\",\"MaThamChieu\":\"dvc-another\",\"TrangThaiGD\":\"1\"}");
        assertThat(client().status("dvc00000001H272603159909", MORNING).state()).isEqualTo(State.PENDING);

        platform.answerNextWith("{\"MaLoi\":\"99\",\"TrangThaiGD\":\"1\"}");
        assertThat(client().status("dvc00000001H272603159909", MORNING).state()).isEqualTo(State.PENDING);

        assertThat(client().status("dvc00000001H272603159909", MORNING).state()).isEqualTo(State.PAID);
    }

    @Test
    void a_status_wrapped_in_the_platforms_envelope_is_read_too() {
        platform.answerNextWith("{\"error_code\":\"0\",\"message\":\"{\\\"MaLoi\\\":\\\"00\\\",\\\"TrangThaiGD\\\":\\\"4\\\"}\"}");

        assertThat(client().status("dvc00000001H272603159910", MORNING).state()).isEqualTo(State.FAILED);
    }

    @Test
    void an_initiation_accepted_with_maloi_00_counts_as_a_success() {
        platform.answerNextWith("{\"MaLoi\":\"00\",\"UrlThanhToan\":\"https://thanhtoan.example/p/1\"}");

        Init init = client().init(fee("dvc00000001H272603159911", MORNING));

        assertThat(init.success()).isTrue();
        assertThat(init.paymentUrl()).isEqualTo("https://thanhtoan.example/p/1");
    }

    @Test
    void an_initiation_accepted_without_a_payment_url_is_no_success() {
        platform.answerNextWith("{\"error_code\":\"0\",\"message\":\"{}\"}");

        Init init = client().init(fee("dvc00000001H272603159912", MORNING));

        assertThat(init.success()).isFalse();
        assertThat(init.errorMessage()).isEqualTo("accepted without a payment URL");
    }

    @Test
    void the_receipt_of_a_paid_payment_is_its_pdf() {
        client().init(fee("dvc00000001H272603159913", MORNING));
        platform.state("dvc00000001H272603159913", PaymentPlatformStub.PAID);

        byte[] pdf = client().receipt("dvc00000001H272603159913", MORNING);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Pdfs.text(pdf)).contains("BIEN LAI THU PHI dvc00000001H272603159913");
        assertThat(platform.last().json().get("LoaiBanTin").asString()).isEqualTo("GET_BILL");
    }

    @Test
    void a_payment_not_paid_has_no_receipt() {
        client().init(fee("dvc00000001H272603159914", MORNING));

        assertThat(client().receipt("dvc00000001H272603159914", MORNING)).isEmpty();
    }

    @Test
    void a_platform_that_does_not_answer_in_time_is_unavailable_with_what_was_sent() {
        platform.delay(Duration.ofSeconds(5));
        NationalPaymentPlatform impatient = client(SECRET, null, Duration.ofMillis(300));

        assertThatThrownBy(() -> impatient.status("dvc00000001H272603159915", MORNING))
                .isInstanceOfSatisfying(PaymentPlatformUnavailableException.class,
                        e -> assertThat(e.requestBody()).contains("dvc00000001H272603159915"));
    }

    @Test
    void a_platform_that_cannot_be_reached_is_unavailable() {
        NationalPaymentPlatform client = client();
        platform.close();

        assertThatThrownBy(() -> client.init(fee("dvc00000001H272603159916", MORNING)))
                .isInstanceOf(PaymentPlatformUnavailableException.class);
    }

    @Test
    void a_bearer_token_is_sent_only_when_configured() {
        client(SECRET, "token-cua-cong", null).status("dvc00000001H272603159917", MORNING);
        assertThat(platform.last().authorization()).isEqualTo("Bearer token-cua-cong");

        client().status("dvc00000001H272603159917", MORNING);
        assertThat(platform.last().authorization()).isNull();
    }

    @Test
    void the_citizens_return_is_verified_with_the_secret() {
        NationalPaymentPlatform client = client();
        String code = platform.secureCode("1234_6f1c2a", "00");

        assertThat(client.returnVerified("1234_6f1c2a", "00", code)).isTrue();
        assertThat(client.returnVerified("1234_6f1c2a", "00", code.toUpperCase())).isTrue();
        assertThat(client.returnVerified("1234_6f1c2a", "01", code)).isFalse();
        assertThat(client.returnVerified("1235_6f1c2a", "00", code)).isFalse();
        assertThat(client.returnVerified("1234_6f1c2a", "00", code.substring(1))).isFalse();
        assertThat(client.returnVerified("1234_6f1c2a", "00", null)).isFalse();
        assertThat(client("not-the-secret", null, null).returnVerified("1234_6f1c2a", "00", code)).isFalse();
    }

    @Test
    void fees_that_do_not_add_up_to_the_payment_are_refused() {
        InitRequest good = fee("dvc00000001H272603159918", MORNING);

        assertThatThrownBy(() -> new InitRequest(good.reference(), 140_000, null, MORNING, "203.0.113.7",
                good.receipt())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("150000");
    }

    @Test
    void a_procedure_name_over_250_characters_is_shortened_at_a_word() {
        String name = "Cấp giấy phép " + "xây dựng công trình ".repeat(20);

        String shortened = NationalPaymentPlatform.shortened(name);

        assertThat(shortened).hasSizeLessThanOrEqualTo(NationalPaymentPlatform.MAX_NAME).endsWith("…");
        assertThat(name).startsWith(shortened.substring(0, shortened.length() - 1) + " ");
        assertThat(NationalPaymentPlatform.shortened("Cấp giấy phép")).isEqualTo("Cấp giấy phép");
    }

    @Test
    void a_platform_not_enabled_is_never_called() {
        NationalPaymentPlatform off = new NationalPaymentPlatform(settings(Map.of()), JSON);

        assertThatThrownBy(() -> off.status("dvc00000001H272603159919", MORNING))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not enabled");
        assertThat(off.returnVerified("a", "00", "b")).isFalse();
        assertThat(platform.received()).isEmpty();
    }

    @Test
    void an_enabled_platform_without_its_partner_code_refuses_to_start() {
        PaymentPlatformSettings settings = settings(Map.of("motcua.payment.platform.enabled", "true",
                "motcua.payment.platform.secret", SECRET, "motcua.payment.platform.init-url", "https://pay.example/i",
                "motcua.payment.platform.status-url", "https://pay.example/s",
                "motcua.payment.platform.receipt-url", "https://pay.example/r"));

        assertThatThrownBy(() -> new NationalPaymentPlatform(settings, JSON))
                .isInstanceOf(MissingSettingException.class)
                .hasMessageContaining("MOTCUA_PAYMENT_PLATFORM_PARTNER_CODE");
    }

    @Test
    void settings_are_written_as_an_operator_writes_them_and_keep_the_secret_out_of_logs() {
        PaymentPlatformSettings settings = settings(Map.of("motcua.payment.platform.enabled", "true",
                "motcua.payment.platform.partner-code", "HPG", "motcua.payment.platform.secret", SECRET,
                "motcua.payment.platform.init-url", "https://pay.example/init",
                "motcua.payment.platform.bearer-token", "token-cua-cong",
                "motcua.payment.platform.read-timeout", "20s"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.partnerCode()).isEqualTo("HPG");
        assertThat(settings.initUrl()).isEqualTo(URI.create("https://pay.example/init"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.toString()).doesNotContain(SECRET, "token-cua-cong");
        assertThat(settings(Map.of()).enabled()).isFalse();
    }

    static PaymentPlatformSettings settings(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("motcua.payment.platform", PaymentPlatformSettings.class);
    }

    private static List<String> text(JsonNode node, String... fields) {
        return Arrays.stream(fields).map(f -> node.get(f) == null ? null : node.get(f).asString()).toList();
    }
}
