package vn.motcua.payment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.motcua.shared.VietnameseText;

/**
 * The VietQR payload of a bank transfer (NAPAS's profile of EMVCo QR Code, merchant-presented mode) that a
 * citizen scans with any Vietnamese banking app to pay a fee into the agency's account, and its QR image.
 *
 * <p>Every data object is {@code ID (2 digits) + length (2 digits) + value}; templates (38, 62) nest the same
 * encoding. The payload is ASCII only: lengths are counted in characters and the CRC over bytes, so a multibyte
 * letter would make both wrong. Vietnamese text is therefore written without its diacritics (the way public VietQR
 * libraries do) and any other character outside printable ASCII is dropped. A value longer than its field allows
 * is refused, never cut: the caller knows which part of a dossier code may be shortened, the codec does not.
 */
final class VietQr {

    /** NAPAS's application identifier in template 38. */
    static final String NAPAS = "A000000727";
    /** Service code: a 24/7 transfer to an account (QRIBFTTC would be to a card). */
    static final String TO_ACCOUNT = "QRIBFTTA";
    /** ISO 4217 numeric code of the đồng. */
    static final String VND = "704";
    /** Template 62's sub-fields (bill number, purpose) hold at most this many characters (EMVCo). */
    static final int MAX_ADDITIONAL = 25;
    static final int MAX_ACCOUNT = 19;
    static final int MAX_AMOUNT_DIGITS = 13;

    private static final Pattern BIN = Pattern.compile("\\d{6}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9]+");

    private VietQr() {}

    /**
     * A transfer to show as a QR code.
     *
     * @param bankBin the beneficiary bank's 6-digit BIN (e.g. {@code 970415})
     * @param accountNumber the beneficiary account, at most 19 letters or digits
     * @param amount whole đồng, {@code null} for an amount the payer types
     * @param billNumber 62-01, the dossier code as the agency shortens it; {@code null} for none
     * @param purpose 62-08, the transfer content most banks post to the statement (reconciliation reads it);
     *     {@code null} for none
     * @param dynamic {@code true}: for one payment (01 = 12), as a dossier's fee; {@code false}: reusable (01 = 11)
     */
    record Transfer(String bankBin, String accountNumber, Long amount, String billNumber, String purpose,
            boolean dynamic) {}

    /**
     * The payload of {@code t}: 00 01 38 53 [54] 58 [62] 63, in that order. No merchant category (52) nor
     * merchant name and city (59, 60): a transfer to an account needs none, and the public VietQR examples carry none.
     *
     * @throws IllegalArgumentException when a value does not fit its field
     */
    static String payload(Transfer t) {
        if (t.bankBin() == null || !BIN.matcher(t.bankBin()).matches()) {
            throw new IllegalArgumentException("A bank BIN is exactly 6 digits: " + t.bankBin());
        }
        String account = t.accountNumber() == null ? "" : t.accountNumber();
        if (!ACCOUNT.matcher(account).matches() || account.length() > MAX_ACCOUNT) {
            throw new IllegalArgumentException(
                    "An account number is 1 to " + MAX_ACCOUNT + " letters or digits: " + t.accountNumber());
        }
        StringBuilder out = new StringBuilder(160);
        out.append(tlv("00", "01"));
        out.append(tlv("01", t.dynamic() ? "12" : "11"));
        out.append(tlv("38", tlv("00", NAPAS) + tlv("01", tlv("00", t.bankBin()) + tlv("01", account))
                + tlv("02", TO_ACCOUNT)));
        out.append(tlv("53", VND));
        if (t.amount() != null) {
            String amount = String.valueOf(t.amount());
            if (t.amount() <= 0 || amount.length() > MAX_AMOUNT_DIGITS) {
                throw new IllegalArgumentException(
                        "An amount is more than 0 and at most " + MAX_AMOUNT_DIGITS + " digits: " + t.amount());
            }
            out.append(tlv("54", amount));
        }
        out.append(tlv("58", "VN"));
        String additional = additional("01", t.billNumber()) + additional("08", t.purpose());
        if (!additional.isEmpty()) {
            out.append(tlv("62", additional));
        }
        out.append("6304");
        return out.append(crc(out.toString())).toString();
    }

    private static String additional(String id, String text) {
        if (text == null) {
            return "";
        }
        String value = ascii(text);
        if (value.isBlank()) {
            throw new IllegalArgumentException("62-" + id + " has nothing left once written in ASCII: " + text);
        }
        if (value.length() > MAX_ADDITIONAL) {
            throw new IllegalArgumentException("62-" + id + " holds at most " + MAX_ADDITIONAL + " characters, "
                    + value.length() + " given: " + value);
        }
        return tlv(id, value);
    }

    /**
     * The text as a VietQR value: Vietnamese letters without their diacritics ({@code đ} as {@code d}), case kept,
     * anything else outside printable ASCII (0x20–0x7E) dropped. "Lệ phí hồ sơ" → "Le phi ho so".
     */
    static String ascii(String text) {
        String plain = VietnameseText.withoutDiacritics(text);
        StringBuilder out = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c >= 0x20 && c <= 0x7E) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One data object; a value of more than 99 characters has no two-digit length. */
    static String tlv(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("Data object " + id + " holds at most 99 characters, " + value.length()
                    + " given");
        }
        return id + (value.length() < 10 ? "0" : "") + value.length() + value;
    }

    /**
     * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR) as 4 upper-case hex digits;
     * over a payload it covers everything up to and including {@code 6304}. {@code crc("123456789")} is {@code 29B1}.
     */
    static String crc(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc & 0xFFFF);
    }

    /** A data object read back: a value, or the data objects of a template. */
    record Field(String id, String value, List<Field> fields) {

        Field {
            fields = List.copyOf(fields);
        }

        String encoded() {
            if (fields.isEmpty()) {
                return tlv(id, value);
            }
            StringBuilder inner = new StringBuilder();
            fields.forEach(f -> inner.append(f.encoded()));
            return tlv(id, inner.toString());
        }
    }

    /** A decoded payload: its data objects in order, the CRC (63) last. */
    record Payload(List<Field> fields) {

        Payload {
            fields = List.copyOf(fields);
        }

        /**
         * The value at {@code path}, IDs separated by dots: {@code "54"} the amount, {@code "38.01.01"} the
         * account, {@code "62.08"} the purpose; {@code null} where there is none.
         */
        String value(String path) {
            List<Field> level = fields;
            Field found = null;
            for (String id : path.split("\\.")) {
                found = level.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
                if (found == null) {
                    return null;
                }
                level = found.fields();
            }
            return found.fields().isEmpty() ? found.value() : found.encoded().substring(4);
        }

        /** The payload written again from its data objects, with its CRC computed afresh. */
        String encode() {
            StringBuilder out = new StringBuilder();
            fields.stream().filter(f -> !f.id().equals("63")).forEach(f -> out.append(f.encoded()));
            out.append("6304");
            return out.append(crc(out.toString())).toString();
        }
    }

    /**
     * Reads a payload, checking its CRC first.
     *
     * @throws IllegalArgumentException when the CRC does not verify or the data objects do not parse
     */
    static Payload decode(String payload) {
        int crcAt = payload.length() - 8;
        if (crcAt < 0 || !payload.startsWith("6304", crcAt)) {
            throw new IllegalArgumentException("A VietQR payload ends with its CRC, 6304 and 4 hex digits");
        }
        String expected = crc(payload.substring(0, crcAt + 4));
        if (!expected.equalsIgnoreCase(payload.substring(crcAt + 4))) {
            throw new IllegalArgumentException("The CRC " + payload.substring(crcAt + 4) + " does not verify: "
                    + expected + " expected");
        }
        return new Payload(fields(payload, 0, payload.length(), true));
    }

    private static List<Field> fields(String text, int from, int to, boolean root) {
        List<Field> fields = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (at + 4 > to) {
                throw new IllegalArgumentException("A data object is cut short at " + at);
            }
            String id = text.substring(at, at + 2);
            int length = length(text.substring(at + 2, at + 4), at);
            int start = at + 4;
            int end = start + length;
            if (end > to) {
                throw new IllegalArgumentException("Data object " + id + " at " + at + " runs past its end");
            }
            String value = text.substring(start, end);
            List<Field> inner = root && template(id) ? fields(text, start, end, false) : List.of();
            if (!root && id.equals("01") && NAPAS.equals(value(fields, "00"))) {
                // Inside NAPAS's template the beneficiary (01) is itself a template: the bank's BIN and the account.
                inner = fields(text, start, end, false);
            }
            fields.add(new Field(id, inner.isEmpty() ? value : null, inner));
            at = end;
        }
        return fields;
    }

    /** EMVCo's templates at the root: merchant account information 26–51, additional data 62, 64, 80–99. */
    private static boolean template(String id) {
        int n = Integer.parseInt(id);
        return (n >= 26 && n <= 51) || n == 62 || n == 64 || n >= 80;
    }

    private static String value(List<Field> fields, String id) {
        return fields.stream().filter(f -> f.id().equals(id)).map(Field::value).findFirst().orElse(null);
    }

    private static int length(String digits, int at) {
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("The length at " + (at + 2) + " is no number: " + digits);
        }
        return Integer.parseInt(digits);
    }

    /**
     * The payload as a square PNG QR code about {@code pixels} wide: error correction level M (it survives a crease
     * or a smudge, and banking apps read it from a phone's screen), the standard's quiet zone of 4 modules.
     */
    static byte[] png(String payload, int pixels) {
        try {
            // No character set hint: the payload is ASCII, and an ECI header some banking apps do not expect is
            // what a UTF-8 hint would add.
            BitMatrix matrix = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, pixels, pixels, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + payload.length() + " characters", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
