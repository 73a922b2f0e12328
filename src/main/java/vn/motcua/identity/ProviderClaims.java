package vn.motcua.identity;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.motcua.shared.CitizenId;
import vn.motcua.shared.PhoneNumber;

/**
 * Reads what an identity provider says about a citizen, under that provider's settings. What cannot be read as what it
 * claims to be (a citizen ID that is not one, a phone number that is not Vietnamese, a date that is not a date) is left
 * out rather than refused: the citizen still signs in, and types it on the form that needs it. A phone number or an
 * address the provider marks as not verified ({@code <claim>_verified: false}) is left out too.
 */
final class ProviderClaims {

    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private ProviderClaims() {}

    static ProviderSignIn.Identity read(String provider, IdentityProviderSettings.Provider settings, String subject,
            Map<String, Object> claims, LocalDate today) {
        return new ProviderSignIn.Identity(provider, subject, level(settings, claims), fullName(settings, claims),
                citizenId(settings, claims, Year.from(today)), dateOfBirth(settings, claims, today),
                phone(settings, claims), email(settings, claims));
    }

    /**
     * The highest level any of the claim's values is mapped to (a claim may be a list, as {@code amr} is); 1 when the
     * claim is absent or none of its values is listed: only what the settings name gives level 2.
     */
    static int level(IdentityProviderSettings.Provider settings, Map<String, Object> claims) {
        if (settings.assuranceClaim() == null) {
            return 1;
        }
        Object value = claims.get(settings.assuranceClaim());
        Stream<?> values = value instanceof Collection<?> many ? many.stream() : Stream.ofNullable(value);
        return values.filter(Objects::nonNull).map(v -> settings.assuranceLevels().get(text(v)))
                .filter(level -> level != null && level == 2).findAny().map(level -> 2).orElse(1);
    }

    static String fullName(IdentityProviderSettings.Provider settings, Map<String, Object> claims) {
        String name = string(claims, settings.nameClaim());
        if (name == null) {
            // Vietnamese order: họ, tên đệm, tên.
            name = Stream.of("family_name", "middle_name", "given_name").map(claim -> string(claims, claim))
                    .filter(Objects::nonNull).collect(Collectors.joining(" "));
        }
        name = name.replaceAll("\\s+", " ").strip();
        return name.isEmpty() ? null : name.length() > 100 ? name.substring(0, 100).strip() : name;
    }

    static String citizenId(IdentityProviderSettings.Provider settings, Map<String, Object> claims, Year now) {
        if (settings.citizenIdClaim() == null) {
            return null;
        }
        Object value = claims.get(settings.citizenIdClaim());
        // A provider that sends the number as a JSON number loses its leading zero (Hà Nội's 001…).
        String number = value instanceof Number n ? String.format(Locale.ROOT, "%012d", n.longValue()) : string(claims,
                settings.citizenIdClaim());
        return CitizenId.isValid(number, now) ? number : null;
    }

    static LocalDate dateOfBirth(IdentityProviderSettings.Provider settings, Map<String, Object> claims,
            LocalDate today) {
        String text = string(claims, settings.birthDateClaim());
        if (text == null) {
            return null;
        }
        try {
            LocalDate born = text.contains("/") ? LocalDate.parse(text, VIETNAMESE_DATE) : LocalDate.parse(text);
            return born.getYear() < 1900 || born.isAfter(today) ? null : born;
        } catch (DateTimeParseException e) {
            // OpenID Connect allows a year alone, or 0000 for a year withheld: no date then.
            return null;
        }
    }

    static String phone(IdentityProviderSettings.Provider settings, Map<String, Object> claims) {
        String phone = verified(claims, settings.phoneClaim());
        return phone == null ? null : PhoneNumber.normalize(phone);
    }

    static String email(IdentityProviderSettings.Provider settings, Map<String, Object> claims) {
        String email = verified(claims, settings.emailClaim());
        return email == null || email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? null
                : email.toLowerCase(Locale.ROOT);
    }

    private static String verified(Map<String, Object> claims, String claim) {
        Object verified = claims.get(claim + "_verified");
        return Boolean.FALSE.equals(verified) || "false".equals(verified) ? null : string(claims, claim);
    }

    private static String string(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
        String text = value == null ? null : text(value).strip();
        return text == null || text.isEmpty() ? null : text;
    }

    private static String text(Object value) {
        return value instanceof Number n && n.doubleValue() == n.longValue() ? String.valueOf(n.longValue())
                : value.toString();
    }
}
