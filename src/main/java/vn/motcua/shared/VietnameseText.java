package vn.motcua.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text helpers. Search must ignore diacritics the way people type without an IME:
 * {@code ho so} finds {@code hồ sơ} and {@code d} finds {@code đ}.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private VietnameseText() {}

    /** Lower case, without diacritics, {@code đ} as {@code d}, runs of white space as one space. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return SPACES.matcher(withoutDiacritics(text).toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * The text without its diacritics, {@code đ} as {@code d}, case and spaces kept: "Lệ phí Đăng ký" → "Le phi
     * Dang ky", as Vietnamese is written where only ASCII goes through (a bank transfer's content).
     */
    public static String withoutDiacritics(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    }

    /** Text as it is to be stored: NFC-normalised, trimmed; {@code null} stays {@code null}. */
    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }
}
