package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.identity.IdentityProviderSettings.Provider;

/** What motcua reads from a provider's claims, under the provider's settings. */
class ProviderClaimsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

    static final Provider VNEID = new Provider("VNeID", "loa", Map.of("urn:vn:loa:2", 2, "urn:vn:loa:1", 1, "2", 2),
            "so_dinh_danh", null, null, null, null);

    @Test
    void only_a_value_the_settings_map_to_level_2_gives_level_2_and_anything_else_level_1() {
        assertThat(ProviderClaims.level(VNEID, Map.of("loa", "urn:vn:loa:2"))).isEqualTo(2);
        assertThat(ProviderClaims.level(VNEID, Map.of("loa", 2))).isEqualTo(2);
        assertThat(ProviderClaims.level(VNEID, Map.of("loa", List.of("pwd", "urn:vn:loa:2")))).isEqualTo(2);
        assertThat(ProviderClaims.level(VNEID, Map.of("loa", "urn:vn:loa:1"))).isEqualTo(1);
        assertThat(ProviderClaims.level(VNEID, Map.of("loa", "URN:VN:LOA:2"))).isEqualTo(1);
        assertThat(ProviderClaims.level(VNEID, Map.of("loa", "3"))).isEqualTo(1);
        assertThat(ProviderClaims.level(VNEID, Map.of())).isEqualTo(1);
        // A provider without an assurance claim in its settings vouches for level 1 only, whatever it sends.
        Provider sso = new Provider("SSO", null, Map.of("2", 2), null, null, null, null, null);
        assertThat(ProviderClaims.level(sso, Map.of("loa", "2"))).isEqualTo(1);
    }

    @Test
    void the_citizen_id_is_read_from_its_claim_even_as_a_number_and_left_out_when_it_is_not_one() {
        assertThat(read(Map.of("so_dinh_danh", "001090001234")).citizenId()).isEqualTo("001090001234");
        assertThat(read(Map.of("so_dinh_danh", 1090001234L)).citizenId()).isEqualTo("001090001234");
        assertThat(read(Map.of("so_dinh_danh", "123456789012")).citizenId()).isNull();
        // Not configured: not read, whatever the claims hold.
        Provider sso = new Provider("SSO", null, null, null, null, null, null, null);
        assertThat(ProviderClaims.read("sso", sso, "s", Map.of("so_dinh_danh", "001090001234"), TODAY).citizenId())
                .isNull();
    }

    @Test
    void the_name_comes_from_its_claim_or_from_its_parts_in_the_vietnamese_order() {
        assertThat(read(Map.of("name", "  Nguyễn   Văn An ")).fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(read(Map.of("family_name", "Nguyễn", "middle_name", "Văn", "given_name", "An")).fullName())
                .isEqualTo("Nguyễn Văn An");
        assertThat(read(Map.of()).fullName()).isNull();
    }

    @Test
    void a_phone_or_an_address_marked_unverified_is_left_out_and_the_others_are_normalised() {
        ProviderSignIn.Identity identity = read(Map.of("phone_number", "+84 912 000 111", "email", "An@Example.VN"));
        assertThat(identity.phone()).isEqualTo("0912000111");
        assertThat(identity.email()).isEqualTo("an@example.vn");
        ProviderSignIn.Identity unverified = read(Map.of("phone_number", "0912000111", "phone_number_verified", false,
                "email", "an@example.vn", "email_verified", false));
        assertThat(unverified.phone()).isNull();
        assertThat(unverified.email()).isNull();
        assertThat(read(Map.of("phone_number", "12345", "email", "khong-phai-thu")).phone()).isNull();
    }

    @Test
    void the_birth_date_is_read_in_the_standard_or_the_vietnamese_form_and_left_out_otherwise() {
        assertThat(read(Map.of("birthdate", "1990-03-08")).dateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 8));
        assertThat(read(Map.of("birthdate", "08/03/1990")).dateOfBirth()).isEqualTo(LocalDate.of(1990, 3, 8));
        assertThat(read(Map.of("birthdate", "1990")).dateOfBirth()).isNull();
        assertThat(read(Map.of("birthdate", "0000-03-08")).dateOfBirth()).isNull();
        assertThat(read(Map.of("birthdate", "2027-01-01")).dateOfBirth()).isNull();
    }

    private static ProviderSignIn.Identity read(Map<String, Object> claims) {
        return ProviderClaims.read("vneid", VNEID, "subject", claims, TODAY);
    }
}
