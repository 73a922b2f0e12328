package vn.motcua.identity;

import java.security.SecureRandom;

/**
 * A password drawn for someone else to type once: 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I),
 * always with upper and lower case, a digit and a symbol, so it passes {@link PasswordPolicy}. About 94 bits.
 */
final class OneTimePassword {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+=@";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePassword() {}

    static String draw() {
        char[] password = new char[16];
        for (int i = 0; i < password.length; i++) {
            password[i] = pick(ALL);
        }
        // One of each kind at distinct random places.
        String[] kinds = {UPPER, LOWER, DIGITS, SYMBOLS};
        java.util.List<Integer> places = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 16).boxed().toList());
        java.util.Collections.shuffle(places, RANDOM);
        for (int k = 0; k < kinds.length; k++) {
            password[places.get(k)] = pick(kinds[k]);
        }
        return new String(password);
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
