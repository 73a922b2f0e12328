package vn.motcua.shared;

/**
 * Vietnamese phone numbers as people write them: {@code 0912 345 678}, {@code 0912.345.678},
 * {@code +84 912 345 678}, landlines {@code 0225 3842 123} (Hải Phòng's area code is 225).
 */
public final class PhoneNumber {

    private PhoneNumber() {}

    /** The number in national form ({@code 0xxxxxxxxx}), or {@code null} when it is not a Vietnamese number. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String digits = text.strip().replaceAll("[\\s.()-]", "");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        // Mobile: 10 digits, prefixes 03, 05, 07, 08, 09. Landline: 02 + area code, 11 digits.
        if (digits.matches("0[35789][0-9]{8}") || digits.matches("02[0-9]{9}")) {
            return digits;
        }
        return null;
    }
}
