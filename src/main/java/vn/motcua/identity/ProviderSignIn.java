package vn.motcua.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.identity.Citizens.CitizenUser;

/**
 * A citizen signed in with an identity provider: the account their identity there names, found, joined or opened.
 *
 * <ul>
 * <li>Later sign-ins find the account by the provider's subject identifier ({@code citizen_identity}), whatever the
 * provider now says about name, phone or address.
 * <li>A first sign-in joins an existing account only when the provider vouches for the citizen ID at level 2 (mức độ 2:
 * registered in person with the chip card, Decree 69/2024/ND-CP Art. 12) and that account is active and carries the
 * same citizen ID, itself proven: the account is at level 2 already, or it proved (by one-time code) the phone number
 * the provider gives. Never by e-mail address or phone number alone, and never at level 1: whoever controls an
 * identity at a provider that did not check it could otherwise name anyone's address or number and take over their
 * account, dossiers included; and a citizen ID merely typed at sign-up proves nothing either way.
 * <li>Otherwise the sign-in opens a new account, active at once (the provider vouched for the person), without a
 * password, with the name, citizen ID, date of birth, phone number and address the provider gives; a phone number or an
 * address that another account holds stays with that account.
 * </ul>
 * Each sign-in raises the account's assurance level to what the provider vouches for this time, and never lowers it.
 * A disabled account is refused. The link, the new account and each sign-in go to the audit log.
 */
@Component
class ProviderSignIn {

    /** What a provider said about the citizen, as {@link ProviderClaims} read it. */
    record Identity(String provider, String subject, int level, String fullName, String citizenId,
            LocalDate dateOfBirth, String phone, String email) {}

    /** The first key of the advisory locks that serialise the first sign-ins of one identity. */
    private static final int IDENTITY_LOCK = 0x6F696463;

    private final JdbcClient jdbc;
    private final CitizenReader reader;
    private final Citizens citizens;
    private final AuditLog audit;
    private final Clock clock;

    ProviderSignIn(JdbcClient jdbc, CitizenReader reader, Citizens citizens, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.citizens = citizens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The account this identity signs in to, at its level now.
     *
     * @throws DisabledException when the account linked to the identity was disabled
     */
    @Transactional
    CitizenUser signIn(Identity identity) {
        // Two first sign-ins of the same identity at once (a double click) must not open two accounts.
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(? || ' ' || ?))")
                .params(IDENTITY_LOCK, identity.provider(), identity.subject()).query().singleRow();
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                update citizen_identity set last_sign_in_at = ? where provider = ? and subject = ? returning citizen""")
                .params(now, identity.provider(), identity.subject()).query(Long.class).optional()
                .orElseGet(() -> link(identity, now));
        String status = jdbc.sql("select status from citizen_account where id = ?").param(id).query(String.class)
                .single();
        if (!status.equals("ACTIVE")) {
            throw new DisabledException(Citizens.actor(id) + " is " + status);
        }
        citizens.raiseAssurance(id, identity.level());
        audit.append(Citizens.actor(id), "CITIZEN_PROVIDER_SIGN_IN", "citizen/" + id,
                "provider " + identity.provider() + ", level " + identity.level(), AuditLog.currentAddress());
        return reader.citizen(id).orElseThrow();
    }

    private long link(Identity identity, Timestamp now) {
        Optional<Long> existing = provenAccount(identity);
        long id = existing.orElseGet(() -> open(identity, now));
        jdbc.sql("""
                insert into citizen_identity (provider, subject, citizen, linked_at, last_sign_in_at)
                values (?, ?, ?, ?, ?)""")
                .params(identity.provider(), identity.subject(), id, now, now).update();
        audit.append(Citizens.actor(id), "CITIZEN_PROVIDER_LINKED", "citizen/" + id, "provider "
                + identity.provider() + (existing.isPresent() ? ", existing account of the same citizen ID"
                        : ", new account"), AuditLog.currentAddress());
        return id;
    }

    /** The active account whose proven citizen ID a level-2 identity shares (the class comment says why). */
    private Optional<Long> provenAccount(Identity identity) {
        if (identity.level() < 2 || identity.citizenId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id from citizen_account
                where citizen_id = :citizenId and status = 'ACTIVE' and (assurance_level = 2 or phone = :phone)
                order by assurance_level desc, id limit 1""")
                .param("citizenId", identity.citizenId()).param("phone", identity.phone())
                .query(Long.class).optional();
    }

    private long open(Identity identity, Timestamp now) {
        if (identity.fullName() == null) {
            throw new MissingClaimException("name");
        }
        String phone = identity.phone() != null && jdbc.sql("select count(*) from citizen_account where phone = ?")
                .param(identity.phone()).query(Integer.class).single() == 0 ? identity.phone() : null;
        String email = identity.email() != null && jdbc.sql(
                "select count(*) from citizen_account where lower(email) = ?").param(identity.email())
                .query(Integer.class).single() == 0 ? identity.email() : null;
        long id = jdbc.sql("""
                insert into citizen_account (full_name, citizen_id, date_of_birth, phone, email, status,
                    password_changed_at, created_at, activated_at)
                values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?) returning id""")
                .params(identity.fullName(), identity.citizenId(), identity.dateOfBirth(), phone, email, now, now, now)
                .query(Long.class).single();
        audit.append(Citizens.actor(id), "CITIZEN_REGISTERED", "citizen/" + id,
                "by identity provider " + identity.provider(), AuditLog.currentAddress());
        return id;
    }

    /** The provider gave no name: an account cannot be opened without one. */
    static final class MissingClaimException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MissingClaimException(String claim) {
            super("the identity provider gave no " + claim);
        }
    }
}
