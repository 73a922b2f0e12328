package vn.motcua.dossier;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Result codes (mã kết quả): twelve characters drawn at random from 32 that cannot be mistaken for one another on
 * paper or in a hurried reading (no 0 beside O, no 1 beside I): 60 bits, so that nobody finds a result by trying
 * codes, the more so as the public check refuses a client after a few wrong ones ({@link LookupGuard}). The
 * database keeps them unique.
 */
final class ResultCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ResultCodes() {}

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * A code as someone typed it: spaces and hyphens dropped, small letters made capitals; {@code null} when it
     * cannot be a result code at all.
     */
    static String typed(String text) {
        if (text == null) {
            return null;
        }
        String code = text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? code : null;
    }

    /**
     * A dossier code as the public check shows it: only its last group (the daily number), the others' characters
     * hidden, {@code ***.**.**.***-******-0042}. Whoever holds the paper reads the full code on it; a stranger
     * who found a result code learns neither the agency nor the day.
     */
    static String masked(String dossierCode) {
        int last = dossierCode.lastIndexOf('-');
        return dossierCode.substring(0, last + 1).replaceAll("[^.\\-]", "*") + dossierCode.substring(last + 1);
    }
}
