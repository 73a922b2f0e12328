package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.motcua.payment.VietQr.Transfer;

class VietQrTest {

    /** The public example of an amount and a purpose (BIN 970415, 120.000 đ), dynamic. */
    static final String FLOOD_RELIEF = "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
            + "530370454061200005802VN62170813ung ho lu lut6304C15C";
    /** The public example of a static QR code without an amount. */
    static final String STATIC = "00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN"
            + "6304CBB4";
    /** Our fee example: fictitious account 0123456789 at BIN 970415, 50.000 đ, bill number and purpose. */
    static final String OUR_FEE = "00020101021238540010A00000072701240006970415011001234567890208QRIBFTTA53037045405"
            + "500005802VN62400113DVC26031500420819LEPHI DVC2603150042630495C2";
    /** A widely copied "step by step" example: no NAPAS GUID, and its CRC does not verify. */
    static final String WRONG = "0002010102113838000697042201120023457923440208QRIBFTTA530370454061800005802VN"
            + "62160814ung ho bao lut6304E69F";

    static final Transfer FEE = new Transfer("970415", "0123456789", 50_000L, "DVC2603150042",
            "LEPHI DVC2603150042", true);

    @Test
    void the_crc_is_ccitt_false_with_its_check_value() {
        assertThat(VietQr.crc("123456789")).isEqualTo("29B1");
    }

    @Test
    void a_dynamic_transfer_with_an_amount_and_a_purpose_gives_the_public_example() {
        assertThat(VietQr.payload(new Transfer("970415", "0011001932418", 120_000L, null, "ung ho lu lut", true)))
                .isEqualTo(FLOOD_RELIEF);
    }

    @Test
    void a_static_transfer_without_amount_nor_additional_data_gives_the_public_example() {
        assertThat(VietQr.payload(new Transfer("970423", "0099999999", null, null, null, false))).isEqualTo(STATIC);
    }

    @Test
    void a_dossier_fee_gives_our_verified_example() {
        assertThat(VietQr.payload(FEE)).isEqualTo(OUR_FEE);
    }

    @Test
    void each_example_decodes_and_is_written_back_the_same() {
        for (String payload : new String[] {FLOOD_RELIEF, STATIC, OUR_FEE}) {
            assertThat(VietQr.decode(payload).encode()).isEqualTo(payload);
        }
    }

    @Test
    void the_decoder_reads_the_beneficiary_the_amount_and_the_additional_data() {
        VietQr.Payload fee = VietQr.decode(OUR_FEE);

        assertThat(fee.value("01")).isEqualTo("12");
        assertThat(fee.value("38.00")).isEqualTo("A000000727");
        assertThat(fee.value("38.01.00")).isEqualTo("970415");
        assertThat(fee.value("38.01.01")).isEqualTo("0123456789");
        assertThat(fee.value("38.02")).isEqualTo("QRIBFTTA");
        assertThat(fee.value("54")).isEqualTo("50000");
        assertThat(fee.value("62.01")).isEqualTo("DVC2603150042");
        assertThat(fee.value("62.08")).isEqualTo("LEPHI DVC2603150042");
        assertThat(fee.value("63")).isEqualTo("95C2");
        assertThat(VietQr.decode(STATIC).value("54")).isNull();
    }

    @Test
    void the_wrong_step_by_step_example_fails_the_crc_check() {
        assertThatThrownBy(() -> VietQr.decode(WRONG)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CRC");
    }

    @Test
    void one_changed_character_fails_the_crc_check() {
        assertThatThrownBy(() -> VietQr.decode(OUR_FEE.replace("50000", "90000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CRC");
    }

    @Test
    void vietnamese_text_is_written_without_its_diacritics_and_keeps_its_case() {
        assertThat(VietQr.ascii("Lệ phí hồ sơ")).isEqualTo("Le phi ho so");
        assertThat(VietQr.ascii("ĐĂNG KÝ đất đai")).isEqualTo("DANG KY dat dai");
    }

    @Test
    void characters_outside_printable_ascii_are_dropped() {
        assertThat(VietQr.ascii("Lệ phí\t✓ 50€\n")).isEqualTo("Le phi 50");
    }

    @Test
    void a_purpose_in_vietnamese_is_folded_before_its_length_is_counted() {
        String payload = VietQr.payload(new Transfer("970415", "0123456789", 50_000L, null, "Lệ phí hồ sơ", true));

        assertThat(VietQr.decode(payload).value("62.08")).isEqualTo("Le phi ho so");
        assertThat(payload).contains("62160812Le phi ho so");
    }

    @Test
    void a_bill_number_or_purpose_of_25_characters_fits_and_of_26_is_refused() {
        String max = "X".repeat(VietQr.MAX_ADDITIONAL);
        assertThat(VietQr.decode(VietQr.payload(new Transfer("970415", "0123456789", 1L, max, max, true)))
                .value("62.08")).isEqualTo(max);

        assertThatThrownBy(() -> VietQr.payload(new Transfer("970415", "0123456789", 1L, max + "X", null, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("62-01");
        assertThatThrownBy(() -> VietQr.payload(new Transfer("970415", "0123456789", 1L, null, max + "X", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("62-08");
    }

    @Test
    void a_purpose_with_nothing_left_in_ascii_is_refused() {
        assertThatThrownBy(() -> VietQr.payload(new Transfer("970415", "0123456789", 1L, null, "✓✓", true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_account_of_19_characters_fits_and_of_20_is_refused() {
        String max = "1".repeat(VietQr.MAX_ACCOUNT);
        assertThat(VietQr.decode(VietQr.payload(new Transfer("970415", max, null, null, null, false)))
                .value("38.01.01")).isEqualTo(max);

        assertThatThrownBy(() -> VietQr.payload(new Transfer("970415", max + "1", null, null, null, false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietQr.payload(new Transfer("970415", "", null, null, null, false)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietQr.payload(new Transfer("970415", "0123 456", null, null, null, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_bin_is_exactly_six_digits() {
        for (String bin : new String[] {"97041", "9704150", "97041A", null}) {
            assertThatThrownBy(() -> VietQr.payload(new Transfer(bin, "0123456789", null, null, null, false)))
                    .as(bin).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void an_amount_is_positive_and_at_most_13_digits() {
        assertThat(VietQr.decode(VietQr.payload(new Transfer("970415", "0123456789", 9_999_999_999_999L, null, null,
                true))).value("54")).isEqualTo("9999999999999");

        for (long amount : new long[] {0, -50_000, 10_000_000_000_000L}) {
            assertThatThrownBy(() -> VietQr.payload(new Transfer("970415", "0123456789", amount, null, null, true)))
                    .as(String.valueOf(amount)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_template_over_99_characters_is_refused() {
        assertThat(VietQr.tlv("62", "x".repeat(99))).startsWith("6299");
        assertThatThrownBy(() -> VietQr.tlv("62", "x".repeat(100))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_png_reads_back_as_the_same_payload() throws IOException, NotFoundException {
        byte[] png = VietQr.png(OUR_FEE, 300);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        String read = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        assertThat(read).isEqualTo(OUR_FEE);
        assertThat(image.getWidth()).isBetween(250, 300);
    }
}
