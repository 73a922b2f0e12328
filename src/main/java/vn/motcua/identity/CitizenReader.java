package vn.motcua.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.identity.PrincipalCache.CitizenTokenHolder;
import vn.motcua.shared.PhoneNumber;

/**
 * What authentication reads about citizens' accounts, each in one statement. A citizen signs in with what they know
 * best: the phone number (in any usual writing, {@link PhoneNumber}), the e-mail address (any case), or a user name
 * where the account has one.
 */
@Component
class CitizenReader {

    /** What a password check needs; never cached, so that a new password counts at once on every node. */
    record Credentials(long id, String passwordHash, String status, Instant lockedUntil, Instant passwordChangedAt,
            int failedAttempts) {}

    static final String COLUMNS = """
            c.id, c.username, c.full_name, c.citizen_id, c.date_of_birth, c.phone, c.email, c.address,
            c.organization_name, c.tax_code, c.assurance_level""";

    private final JdbcClient jdbc;
    private final Clock clock;

    CitizenReader(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The account a typed login names, in whatever status. */
    Optional<Credentials> credentials(String login) {
        if (login == null || login.isBlank() || login.length() > 254) {
            return Optional.empty();
        }
        String typed = login.strip();
        return jdbc.sql("""
                select id, password_hash, status, locked_until, password_changed_at, failed_attempts
                from citizen_account where phone = :phone or lower(email) = lower(:login) or username = :login
                order by (phone = :phone) desc nulls last, (lower(email) = lower(:login)) desc nulls last
                limit 1""")
                .param("phone", PhoneNumber.normalize(typed)).param("login", typed)
                .query((rs, n) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getTimestamp(5).toInstant(), rs.getInt(6)))
                .optional();
    }

    /** When the password of an active account was set; empty for an account that may no longer sign in. */
    Optional<Instant> passwordChangedAt(long id) {
        return jdbc.sql("select password_changed_at from citizen_account where id = ? and status = 'ACTIVE'").param(id)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** An account that may still sign in: what a session opened by an identity provider acts as, read afresh. */
    Optional<CitizenUser> activeCitizen(long id) {
        return jdbc.sql("select " + COLUMNS + " from citizen_account c where c.id = ? and c.status = 'ACTIVE'").param(id)
                .query((rs, n) -> citizen(rs)).optional();
    }

    Optional<CitizenUser> citizen(long id) {
        return jdbc.sql("select " + COLUMNS + " from citizen_account c where c.id = ?").param(id)
                .query((rs, n) -> citizen(rs)).optional();
    }

    /** The holder of an unexpired, unrevoked token of an active account, locked or not, as for staff's tokens. */
    Optional<CitizenTokenHolder> tokenHolder(String tokenHash) {
        return jdbc.sql("select " + COLUMNS + """
                , t.id as token_id, t.expires_at from citizen_token t join citizen_account c on c.id = t.citizen
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and c.status = 'ACTIVE'""")
                .params(tokenHash, Timestamp.from(clock.instant()))
                .query((rs, n) -> new CitizenTokenHolder(citizen(rs), rs.getLong("token_id"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    static CitizenUser citizen(ResultSet rs) throws SQLException {
        java.sql.Date born = rs.getDate("date_of_birth");
        return new CitizenUser(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                rs.getString("citizen_id"), born == null ? null : born.toLocalDate(), rs.getString("phone"),
                rs.getString("email"), rs.getString("address"), rs.getString("organization_name"),
                rs.getString("tax_code"), rs.getInt("assurance_level"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
