package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.identity.ProviderSignIn.Identity;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * Which account an identity provider's sign-in reaches: the rules of {@link ProviderSignIn}, given what
 * {@link ProviderClaims} read (phone numbers normalised), on the shared application's database (the browser test
 * signs in through a real provider).
 */
@IntegrationTest
class ProviderSignInTest {

    @LocalServerPort
    int port;

    @Autowired
    ProviderSignIn signIn;

    @Autowired
    Citizens citizens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_first_sign_in_opens_an_active_account_without_password_and_later_ones_find_it_by_subject_alone() {
        CitizenUser first = signIn.signIn(new Identity("vneid", "sub-hoa", 1, "Đỗ Thị Hoa", "031195001357",
                LocalDate.of(1995, 7, 1), "0977100201", "hoa@example.vn"));
        assertThat(first.fullName()).isEqualTo("Đỗ Thị Hoa");
        assertThat(first.citizenId()).isEqualTo("031195001357");
        assertThat(first.dateOfBirth()).isEqualTo(LocalDate.of(1995, 7, 1));
        assertThat(first.email()).isEqualTo("hoa@example.vn");
        assertThat(first.assuranceLevel()).isEqualTo(1);
        assertThat(jdbc.sql("select status from citizen_account where id = ?").param(first.id()).query(String.class)
                .single()).isEqualTo("ACTIVE");
        // No password was ever set: the account does not open with one.
        assertThat(Api.as(port, "hoa@example.vn", "Bat-ky@mat-khau1").get("/api/citizen/v1/me").status())
                .isEqualTo(401);

        CitizenUser later = signIn.signIn(new Identity("vneid", "sub-hoa", 1, "Tên khác", null, null, null, null));
        assertThat(later.id()).isEqualTo(first.id());
        assertThat(later.fullName()).isEqualTo("Đỗ Thị Hoa");
        // The same subject at another provider is another person.
        assertThat(signIn.signIn(new Identity("sso-tinh", "sub-hoa", 1, "Đỗ Thị Hoa", null, null, null, null)).id())
                .isNotEqualTo(first.id());
    }

    @Test
    void a_level_2_identity_joins_the_account_whose_citizen_id_was_proven_in_person() {
        CitizenUser inPerson = citizens.open("tran.quang", registration("Trần Văn Quang", "031088002468", "0977 100 202"),
                "Tai-quay#2024", 2);
        CitizenUser signedIn = signIn.signIn(new Identity("vneid", "sub-quang", 2, "TRAN VAN QUANG", "031088002468",
                null, "0977999000", null));
        assertThat(signedIn.id()).isEqualTo(inPerson.id());
        assertThat(signedIn.fullName()).isEqualTo("Trần Văn Quang");
        assertThat(auditActions(inPerson.id())).contains("CITIZEN_PROVIDER_LINKED", "CITIZEN_PROVIDER_SIGN_IN");
    }

    @Test
    void a_level_2_identity_joins_a_level_1_account_of_the_same_citizen_id_that_proved_the_same_phone_and_raises_it() {
        CitizenUser selfRegistered = registered("Vũ Thị Mai", "031192003579", "0977 100 203", null);
        CitizenUser signedIn = signIn.signIn(new Identity("vneid", "sub-mai", 2, "Vũ Thị Mai", "031192003579", null,
                "0977100203", null));
        assertThat(signedIn.id()).isEqualTo(selfRegistered.id());
        assertThat(signedIn.assuranceLevel()).isEqualTo(2);
    }

    @Test
    void a_citizen_id_typed_at_sign_up_alone_lets_no_provider_identity_take_the_account() {
        CitizenUser typed = registered("Ngô Văn Tú", "031087004680", "0977 100 204", "tu@example.vn");
        // Level 2, same citizen ID, but another phone: the account never proved it belongs to this person.
        CitizenUser other = signIn.signIn(new Identity("vneid", "sub-tu", 2, "Ngô Văn Tú", "031087004680", null,
                "0977100299", "tu@example.vn"));
        assertThat(other.id()).isNotEqualTo(typed.id());
        // The address stays with the account that proved it.
        assertThat(other.email()).isNull();
        assertThat(other.phone()).isEqualTo("0977100299");
        assertThat(citizens.citizen(typed.id()).orElseThrow().assuranceLevel()).isEqualTo(1);
    }

    @Test
    void a_level_1_identity_never_joins_an_existing_account_even_with_its_citizen_id_phone_and_e_mail() {
        CitizenUser inPerson = citizens.open("le.binh", registration("Lê Văn Bình", "031080005791", "0977 100 205"),
                "Tai-quay#2024", 2);
        CitizenUser claimed = signIn.signIn(new Identity("sso-tinh", "sub-binh", 1, "Lê Văn Bình", "031080005791", null,
                "0977100205", null));
        assertThat(claimed.id()).isNotEqualTo(inPerson.id());
        assertThat(claimed.phone()).isNull();
        assertThat(claimed.assuranceLevel()).isEqualTo(1);
        assertThat(citizens.citizen(inPerson.id()).orElseThrow().phone()).isEqualTo("0977100205");
    }

    @Test
    void each_sign_in_raises_the_level_to_what_the_provider_vouches_for_and_never_lowers_it() {
        long id = signIn.signIn(new Identity("vneid", "sub-son", 1, "Hoàng Văn Sơn", null, null, null, null)).id();
        assertThat(signIn.signIn(new Identity("vneid", "sub-son", 2, "Hoàng Văn Sơn", null, null, null, null))
                .assuranceLevel()).isEqualTo(2);
        assertThat(signIn.signIn(new Identity("vneid", "sub-son", 1, "Hoàng Văn Sơn", null, null, null, null))
                .assuranceLevel()).isEqualTo(2);
        assertThat(auditActions(id)).containsSubsequence("CITIZEN_REGISTERED", "CITIZEN_PROVIDER_LINKED",
                "CITIZEN_PROVIDER_SIGN_IN", "CITIZEN_ASSURANCE_RAISED", "CITIZEN_PROVIDER_SIGN_IN",
                "CITIZEN_PROVIDER_SIGN_IN");
    }

    @Test
    void a_disabled_account_is_refused_and_an_identity_without_a_name_opens_nothing() {
        long id = signIn.signIn(new Identity("vneid", "sub-tam", 1, "Bùi Văn Tâm", null, null, null, null)).id();
        jdbc.sql("update citizen_account set status = 'DISABLED' where id = ?").param(id).update();
        assertThatThrownBy(() -> signIn.signIn(new Identity("vneid", "sub-tam", 2, "Bùi Văn Tâm", null, null, null,
                null))).isInstanceOf(DisabledException.class);
        assertThat(jdbc.sql("select assurance_level from citizen_account where id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);

        assertThatThrownBy(() -> signIn.signIn(new Identity("vneid", "sub-vo-danh", 1, null, null, null, null, null)))
                .isInstanceOf(ProviderSignIn.MissingClaimException.class);
        assertThat(jdbc.sql("select count(*) from citizen_identity where subject = 'sub-vo-danh'").query(Integer.class)
                .single()).isZero();
    }

    private CitizenUser registered(String name, String citizenId, String phone, String email) {
        CitizenUser citizen = citizens.register(new Citizens.Registration(name, citizenId, null, phone, email, null,
                null, null), "Tu-dang-ky#2024");
        citizens.activate(citizen.id());
        return citizen;
    }

    private static Citizens.Registration registration(String name, String citizenId, String phone) {
        return new Citizens.Registration(name, citizenId, null, phone, null, null, null, null);
    }

    private java.util.List<String> auditActions(long citizen) {
        return jdbc.sql("select action from audit_entry where actor = ? order by id").param(Citizens.actor(citizen))
                .query(String.class).list();
    }
}
