package vn.motcua.shared;

import java.text.Normalizer;

/**
 * What typed text may hold, for every module. Refused, each with its own message: control characters (C0 and C1)
 * other than tab and line breaks, and no line break at all where one line is expected (names, titles); the
 * bidirectional overrides and isolates U+202A–U+202E and U+2066–U+2069, which make a name read differently on
 * screen and on paper than it is stored (a trick known as "Trojan Source"); a lone surrogate, which no encoding
 * can store; U+FFFD–U+FFFF, the replacement character left by text decoded in the wrong encoding and two
 * non-characters. PostgreSQL refuses NUL in text outright, so a NUL that got through would fail the write after
 * the dossier's number is drawn.
 *
 * <p>Text is kept in Unicode normalization form C (NFC), trimmed: what is stored, and read back, is
 * {@code NFC(input).strip()}. Vietnamese typed with a combining-mark keyboard and with a precomposed one compare
 * equal, and a length is the length stored. Lengths are counted after NFC in code points, as PostgreSQL counts
 * the characters of a {@code varchar(n)}: an emoji is one character, as a decomposed "ệ" becomes one. NFC can
 * make a text longer (U+0958 becomes two code points, U+FB2C three), so the bound is checked on the stored form.
 *
 * <p>The character rules apply to every string of every JSON body before the request reaches a controller (the
 * web layer's guard); a field's length, and whether it is one line, is the field's own rule, checked with
 * {@link #line} or {@link #text} where the request is checked.
 */
public final class TextPolicy {

    /** Notes and reasons written by staff or applicants (hand-over, supplement, refusal, apology...). */
    public static final int NOTE = 2000;

    /**
     * No string of a JSON body is longer than this, whatever its field: a bound on the work done with a string
     * (normalized, checked, stored) before its field's own, much smaller bound refuses it.
     */
    public static final int ANY = 100_000;

    private TextPolicy() {}

    /**
     * The message key of what the text holds that no text may hold, or {@code null} when it holds none. Tab, line
     * feed and carriage return (a line break sent by a browser's form) are allowed here; {@link #line} refuses them.
     */
    public static String flaw(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return "validation.text.control";
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return "validation.text.bidi";
            }
            if (c >= 0xFFFD) {
                return "validation.text.replacement";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "validation.text.surrogate";
            }
        }
        return null;
    }

    /** The text as stored: NFC, trimmed; blank or {@code null} is {@code null}. Characters are not checked. */
    public static String stored(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    /** The length of {@code text} in characters as PostgreSQL counts them: code points. */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /**
     * A one-line field (a name, a title, an address): its stored form, or {@code null} when blank; a 400 naming
     * {@code field} when it holds a flaw or a line break, or is longer than {@code max} once stored.
     */
    public static String line(String field, String text, int max) {
        String flaw = flaw(text);
        if (flaw == null && text != null && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\t') >= 0)) {
            flaw = "validation.text.line-break";
        }
        return checked(field, text, max, flaw);
    }

    /** A text of several lines (a note, a reason): as {@link #line}, line breaks and tabs allowed. */
    public static String text(String field, String text, int max) {
        return checked(field, text, max, flaw(text));
    }

    /**
     * What is wrong with a one-line field, or {@code null}: for checks that collect every error of a request before
     * answering.
     */
    public static ProblemException.FieldError lineError(String field, String text, int max) {
        try {
            line(field, text, max);
            return null;
        } catch (ProblemException e) {
            return e.errors().get(0);
        }
    }

    /** As {@link #lineError}, for a text of several lines. */
    public static ProblemException.FieldError textError(String field, String text, int max) {
        try {
            text(field, text, max);
            return null;
        } catch (ProblemException e) {
            return e.errors().get(0);
        }
    }

    private static String checked(String field, String text, int max, String flaw) {
        if (flaw != null) {
            throw ProblemException.invalid(field, flaw);
        }
        // Bounded before NFC too: normalizing a text of megabytes is the work the bound is there to spare.
        if (text != null && text.length() > 4 * max + 64) {
            throw ProblemException.invalid(field, "validation.too-long.n", max);
        }
        String stored = stored(text);
        if (length(stored) > max) {
            throw ProblemException.invalid(field, "validation.too-long.n", max);
        }
        return stored;
    }
}
