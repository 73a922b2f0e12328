package vn.motcua.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.dossier.apology.*}: the apology and extension request (Form 04).
 *
 * @param allowAfterDue whether an overdue dossier may still get its apology (default {@code true}): the rules
 *     want it before the due time (Decree 118/2025/NĐ-CP), but an overdue dossier still owes the applicant a
 *     letter and a new date; it is recorded as late. {@code false} refuses it (422 {@code dossier.apology.too-late}).
 * @param numberPattern the letter's "Số:" (Decree 30/2020/NĐ-CP Annex II, a letter without a type name: number,
 *     then the issuing agency's abbreviation, then the drafting unit's): {@code {number}} is the number in the
 *     agency's yearly series ("07"), {@code {agency}} the agency's notation ("SXD"). Default
 *     {@code {number}/{agency}-VP}, "07/SXD-VP": drafted by the agency's office.
 */
@ConfigurationProperties("motcua.dossier.apology")
record ApologySettings(Boolean allowAfterDue, String numberPattern) {

    ApologySettings {
        allowAfterDue = allowAfterDue == null || allowAfterDue;
        numberPattern = numberPattern == null || numberPattern.isBlank() ? "{number}/{agency}-VP" : numberPattern.strip();
    }

    /** Decree 30/2020/NĐ-CP Art. 15: numbers below 10 are written with a leading zero. */
    String number(int number, String agencyNotation) {
        return numberPattern.replace("{number}", String.format("%02d", number)).replace("{agency}", agencyNotation);
    }
}
