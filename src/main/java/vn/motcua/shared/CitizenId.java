package vn.motcua.shared;

import java.time.Year;
import java.util.Set;

/**
 * The 12-digit personal identification number on the citizen identity card (CCCD, Circular 59/2021/TT-BCA
 * Art. 7): three digits of the province of birth registration, one digit of gender and century, two of
 * the year of birth, six random. Province codes keep the 63 pre-2025 provinces: cards issued before the
 * 2025 mergers remain valid.
 */
public final class CitizenId {

    static final Set<String> PROVINCES = Set.of("001", "002", "004", "006", "008", "010", "011", "012", "014",
            "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036",
            "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
            "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084",
            "086", "087", "089", "091", "092", "093", "094", "095", "096");

    private CitizenId() {}

    /**
     * Whether the number is well-formed: 12 digits, a known province, a gender-and-century digit whose
     * century and the year digits give a year of birth not in the future. 0/1 = 1900s male/female,
     * 2/3 = 2000s, 4/5 = 2100s … (Circular 59/2021 Art. 7(2)).
     */
    public static boolean isValid(String number, Year now) {
        if (number == null || !number.matches("[0-9]{12}")) {
            return false;
        }
        if (!PROVINCES.contains(number.substring(0, 3))) {
            return false;
        }
        int centuryCode = number.charAt(3) - '0';
        int year = 1900 + 100 * (centuryCode / 2) + Integer.parseInt(number.substring(4, 6));
        return year <= now.getValue();
    }
}
