package vn.motcua.notification;

/** The text of an SMS made from a notice's body. */
final class Sms {

    private Sms() {}

    /**
     * The body on one line (line breaks and runs of spaces become one space), and when longer than {@code max}
     * characters cut at the last word boundary before it with "…" appended. Diacritics are kept: whether the
     * provider sends Unicode or folds them is the provider's business.
     */
    static String shorten(String body, int max) {
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        int space = text.lastIndexOf(' ', end);
        if (space > max / 2) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + "…";
    }
}
