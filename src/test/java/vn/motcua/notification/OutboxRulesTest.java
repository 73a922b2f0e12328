package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox's pure rules: back-off, SMS shortening, phone masking, notice validation. */
class OutboxRulesTest {

    private final NotificationSettings defaults = new NotificationSettings(null, null, null, null, null, null, null, null);

    @Test
    void backoffDoublesFromOneMinuteUpToOneHour() {
        assertThat(defaults.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(defaults.backoff(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(defaults.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.backoff(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void defaultSender() {
        assertThat(defaults.from()).isEqualTo("Bộ phận Một cửa <motcua@localhost>");
        assertThat(defaults.smsMaxLength()).isEqualTo(160);
    }

    @Test
    void shortSmsTextsAreKeptOnOneLine() {
        assertThat(Sms.shorten("  Hồ sơ 000.00.01.H26-260305-0001\nđã được tiếp nhận.  ", 160))
                .isEqualTo("Hồ sơ 000.00.01.H26-260305-0001 đã được tiếp nhận.");
    }

    @Test
    void longSmsTextsAreCutAtAWordWithAnEllipsis() {
        String body = "Ông/bà Nguyễn Văn An: hồ sơ đăng ký hộ kinh doanh của ông/bà đã được tiếp nhận ngày 05/03/2026, "
                + "hẹn trả kết quả ngày 10/03/2026 tại Bộ phận Một cửa UBND quận Hồng Bàng. Tra cứu tại địa chỉ "
                + "https://motcua.haiphong.gov.vn/tra-cuu với mã hồ sơ và mã tra cứu in trên giấy tiếp nhận.";
        String sms = Sms.shorten(body, 160);
        assertThat(sms.codePointCount(0, sms.length())).isLessThanOrEqualTo(160);
        assertThat(sms).endsWith("…").doesNotContain("  ");
        String kept = sms.substring(0, sms.length() - 1);
        assertThat(body).startsWith(kept);
        assertThat(body.charAt(kept.length())).as("cut at a word boundary").isEqualTo(' ');
    }

    @Test
    void phoneNumbersAreMaskedInTheLog() {
        assertThat(LoggingSmsGateway.mask("0912345678")).isEqualTo("091****678");
        assertThat(LoggingSmsGateway.mask("+84 912 345 678")).isEqualTo("+84******678");
        assertThat(LoggingSmsGateway.mask("12345")).isEqualTo("*****");
    }

    @Test
    void aNoticeNeedsAKindAndABody() {
        assertThatThrownBy(() -> new Notice(" ", "a@example.vn", null, "s", "b", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Notice("K", "a@example.vn", null, "s", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        Notice notice = new Notice("K", " ", "", null, "b", null);
        assertThat(notice.email()).isNull();
        assertThat(notice.phone()).isNull();
        assertThat(notice.attachments()).isEmpty();
    }
}
