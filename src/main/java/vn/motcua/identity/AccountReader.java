package vn.motcua.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.PrincipalCache.AccountState;
import vn.motcua.identity.PrincipalCache.TokenHolder;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;

/**
 * What authentication reads about accounts, each in one statement (account and roles together) and without a
 * transaction of its own: a single statement needs none, and authentication runs on every request.
 */
@Component
class AccountReader {

    /** What a password check needs; never cached, so that a new password counts at once on every node. */
    record Credentials(String username, String passwordHash, EnumSet<Role> roles, boolean enabled,
            Instant lockedUntil, Instant passwordChangedAt, int failedAttempts, boolean mustChangePassword) {}

    private final JdbcClient jdbc;
    private final Organization organization;
    private final Clock clock;
    /**
     * The agency of each unit seen. A unit never moves to another agency (its agency is fixed when it is
     * created; a reorganisation creates new units), so what was read once stays true.
     */
    private final Map<String, String> agencyOfUnit = new ConcurrentHashMap<>();

    AccountReader(JdbcClient jdbc, Organization organization, Clock clock) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.clock = clock;
    }

    /**
     * The holder of an unexpired, unrevoked token of an enabled account. A lockout (too many wrong passwords) does
     * not count: it stops password sign-ins, and a token is a credential of its own, so that anyone who knows a user
     * name cannot stop an integration by typing five wrong passwords.
     */
    Optional<TokenHolder> tokenHolder(String tokenHash) {
        return jdbc.sql("""
                select a.username, a.full_name, a.unit_code, t.id, t.expires_at,
                       array_remove(array_agg(r.role), null) as roles
                from api_token t join account a on a.username = t.username
                     left join account_role r on r.username = a.username
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and a.enabled
                group by a.username, t.id""")
                .params(tokenHash, Timestamp.from(clock.instant()))
                .query((rs, n) -> new TokenHolder(staffUser(rs), rs.getLong("id"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional()
                .map(holder -> new TokenHolder(withAgency(holder.user()), holder.tokenId(), holder.expiresAt()));
    }

    /** Any account, enabled or not. */
    Optional<AccountState> account(String username) {
        return jdbc.sql("""
                select a.username, a.full_name, a.unit_code, a.enabled, a.password_changed_at,
                       array_remove(array_agg(r.role), null) as roles
                from account a left join account_role r on r.username = a.username
                where a.username = ? group by a.username""")
                .param(username)
                .query((rs, n) -> new AccountState(staffUser(rs), rs.getBoolean("enabled"),
                        rs.getTimestamp("password_changed_at").toInstant()))
                .optional()
                .map(state -> new AccountState(withAgency(state.user()), state.enabled(), state.passwordChangedAt()));
    }

    /** The account with its password hash, for signing in. */
    Optional<Credentials> credentials(String username) {
        return jdbc.sql("""
                select a.username, a.password_hash, a.enabled, a.locked_until, a.password_changed_at,
                       a.failed_attempts, a.must_change_password, array_remove(array_agg(r.role), null) as roles
                from account a left join account_role r on r.username = a.username
                where a.username = ? group by a.username""")
                .param(username)
                .query((rs, n) -> new Credentials(rs.getString("username"), rs.getString("password_hash"),
                        roles(rs.getArray("roles")), rs.getBoolean("enabled"), instant(rs, "locked_until"),
                        rs.getTimestamp("password_changed_at").toInstant(), rs.getInt("failed_attempts"),
                        rs.getBoolean("must_change_password")))
                .optional();
    }

    boolean activeAdministratorExists() {
        return jdbc.sql("""
                select exists (select 1 from account a join account_role r on r.username = a.username
                               where r.role = 'ADMIN' and a.enabled)""").query(Boolean.class).single();
    }

    /** Every account, by unit then user name. */
    List<StaffUser> all() {
        return jdbc.sql("""
                select a.username, a.full_name, a.unit_code, array_remove(array_agg(r.role), null) as roles
                from account a left join account_role r on r.username = a.username
                group by a.username order by a.unit_code collate "C", a.username collate "C"
                """)
                .query((rs, n) -> staffUser(rs))
                .list().stream().map(this::withAgency).toList();
    }

    /** Without the agency: that is looked up once the statement is done, never while it holds a connection. */
    private static StaffUser staffUser(ResultSet rs) throws SQLException {
        return new StaffUser(rs.getString("username"), rs.getString("full_name"), roles(rs.getArray("roles")),
                rs.getString("unit_code"), null);
    }

    private StaffUser withAgency(StaffUser user) {
        String unit = user.unitCode();
        String agency = unit == null ? null : agencyOfUnit.get(unit);
        if (agency == null && unit != null) {
            agency = organization.unit(unit).map(UnitView::agencyCode).orElse(null);
            if (agency != null) {
                agencyOfUnit.put(unit, agency);
            }
        }
        return new StaffUser(user.username(), user.fullName(), user.roles(), unit, agency);
    }

    static EnumSet<Role> roles(Array array) throws SQLException {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) array.getArray()) {
            roles.add(Role.valueOf(role));
        }
        return roles;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
