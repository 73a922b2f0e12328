package vn.motcua.identity;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What motcua needs to know about each identity provider that citizens sign in with, beyond the standard OpenID
 * Connect registration ({@code spring.security.oauth2.client.registration.<id>}): {@code motcua.portal.oidc.<id>.*},
 * the same {@code <id>}. Nothing about VNeID is assumed: the names of its claims are not published, so each one is a
 * setting, and a provider that gives no assurance claim signs citizens in at level 1.
 *
 * @param oidc the providers by registration id
 */
@ConfigurationProperties("motcua.portal")
record IdentityProviderSettings(Map<String, Provider> oidc) {

    IdentityProviderSettings {
        oidc = oidc == null ? Map.of() : Map.copyOf(oidc);
    }

    /** A registration without settings of its own: its client name on the button, everyone at level 1. */
    Provider of(String registrationId) {
        return oidc.getOrDefault(registrationId, new Provider(null, null, null, null, null, null, null, null));
    }

    /**
     * @param displayName the provider's name on the sign-in page ("Đăng nhập bằng VNeID"); default the registration's
     *        {@code client-name}
     * @param assuranceClaim the claim that tells the level of the citizen's electronic identification (mức độ định
     *        danh điện tử, Decree 69/2024/ND-CP Art. 12); unset: level 1 for everyone
     * @param assuranceLevels the claim's values and the level (1 or 2) each gives; a value not listed gives level 1
     * @param citizenIdClaim the claim with the 12-digit personal identification number; unset: none is read, and no
     *        sign-in joins an existing account
     * @param phoneClaim default {@code phone_number} (OpenID Connect's)
     * @param nameClaim default {@code name}; without it, {@code family_name}, {@code middle_name} and
     *        {@code given_name} in the Vietnamese order
     * @param emailClaim default {@code email}
     * @param birthDateClaim default {@code birthdate}, {@code yyyy-MM-dd} (or {@code dd/MM/yyyy})
     */
    record Provider(String displayName, String assuranceClaim, Map<String, Integer> assuranceLevels,
            String citizenIdClaim, String phoneClaim, String nameClaim, String emailClaim, String birthDateClaim) {

        Provider {
            assuranceLevels = assuranceLevels == null ? Map.of() : Map.copyOf(assuranceLevels);
            phoneClaim = phoneClaim == null ? "phone_number" : phoneClaim;
            nameClaim = nameClaim == null ? "name" : nameClaim;
            emailClaim = emailClaim == null ? "email" : emailClaim;
            birthDateClaim = birthDateClaim == null ? "birthdate" : birthDateClaim;
        }
    }
}
