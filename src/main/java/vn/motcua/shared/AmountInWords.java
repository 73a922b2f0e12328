package vn.motcua.shared;

/**
 * An amount of đồng written in Vietnamese words, as receipts print it under the figures ("Số tiền bằng chữ"):
 * {@code 1_500_000} → "Một triệu năm trăm nghìn đồng". The figures themselves are
 * {@link vn.motcua.shared.web.Formats#vnd(long)}.
 *
 * <p>The usual reading rules: digits are read in groups of three (nghìn, triệu, tỷ; past a tỷ the groups start
 * again: "một nghìn tỷ"); a group after a higher one is read whole, "không trăm" included ("một triệu không trăm
 * linh bốn nghìn"); a zero ten before a unit is "linh"; 10 is "mười"; a 1 after a ten from twenty on is "mốt", a
 * 5 after any ten "lăm"; 4 is always "bốn" (the southern "tư" is not used). Groups of zeros are left out
 * ("một tỷ", not "một tỷ không triệu").
 */
public final class AmountInWords {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final String[] GROUPS = {"", " nghìn", " triệu"};
    private static final long BILLION = 1_000_000_000L;

    private AmountInWords() {}

    /**
     * {@code amount} đồng in words, the first letter capital, ending with "đồng": 50000 → "Năm mươi nghìn đồng",
     * 0 → "Không đồng".
     *
     * @throws IllegalArgumentException for a negative amount: a receipt never carries one
     */
    public static String of(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("A negative amount has no words on a receipt: " + amount);
        }
        String words = amount == 0 ? DIGITS[0] : read(amount, false);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
    }

    /** {@code n} > 0; {@code full}: a higher group was read before, so this one is read with its hundreds. */
    private static String read(long n, boolean full) {
        if (n >= BILLION) {
            // The part above a tỷ is itself a number of tỷ: 1 000 000 000 000 = "một nghìn tỷ".
            String words = read(n / BILLION, full) + " tỷ";
            long rest = n % BILLION;
            return rest == 0 ? words : words + " " + belowBillion(rest, true);
        }
        return belowBillion(n, full);
    }

    private static String belowBillion(long n, boolean full) {
        StringBuilder words = new StringBuilder();
        boolean before = full;
        for (int group = GROUPS.length - 1; group >= 0; group--) {
            int digits = (int) (n / pow1000(group) % 1000);
            if (digits == 0) {
                continue;
            }
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(hundreds(digits, before)).append(GROUPS[group]);
            before = true;
        }
        return words.toString();
    }

    private static long pow1000(int group) {
        return group == 0 ? 1 : group == 1 ? 1_000 : 1_000_000;
    }

    /** A group of three digits, 1–999. */
    private static String hundreds(int digits, boolean full) {
        int h = digits / 100;
        int t = digits / 10 % 10;
        int u = digits % 10;
        StringBuilder words = new StringBuilder();
        if (h > 0 || full) {
            words.append(DIGITS[h]).append(" trăm");
        }
        if (t == 0) {
            if (u != 0 && !words.isEmpty()) {
                words.append(" linh");
            }
        } else {
            words.append(words.isEmpty() ? "" : " ").append(t == 1 ? "mười" : DIGITS[t] + " mươi");
        }
        if (u != 0) {
            String unit = u == 1 && t >= 2 ? "mốt" : u == 5 && t >= 1 ? "lăm" : DIGITS[u];
            words.append(words.isEmpty() ? "" : " ").append(unit);
        }
        return words.toString();
    }
}
