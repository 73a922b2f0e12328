package vn.motcua.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.ProblemException;

/** The identity module's public API: who a user is, their unit, agency and roles. */
@Service
@Transactional(readOnly = true)
public class Identity {

    private final Accounts accounts;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Organization organization;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    Identity(Accounts accounts, org.springframework.jdbc.core.simple.JdbcClient jdbc, Organization organization, PasswordEncoder encoder, PasswordPolicy policy,
            AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.organization = organization;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A signed-in member of staff as other modules see them. */
    public record StaffUser(String username, String fullName, Set<Role> roles, String unitCode, String agencyCode) {

        public boolean has(Role role) {
            return roles.contains(role);
        }
    }

    /** One query for the account and its roles (every API call asks this), one for the unit's agency. */
    public Optional<StaffUser> user(String username) {
        return jdbc.sql("""
                select a.username, a.full_name, a.unit_code, array_remove(array_agg(r.role), null) as roles
                from account a left join account_role r on r.username = a.username
                where a.username = ? group by a.username""")
                .param(username)
                .query((rs, n) -> {
                    java.util.EnumSet<Role> roles = java.util.EnumSet.noneOf(Role.class);
                    for (String role : (String[]) rs.getArray("roles").getArray()) {
                        roles.add(Role.valueOf(role));
                    }
                    String unit = rs.getString("unit_code");
                    return new StaffUser(rs.getString("username"), rs.getString("full_name"), roles, unit,
                            organization.unit(unit).map(UnitView::agencyCode).orElse(null));
                })
                .optional();
    }

    /** Every account, by unit then user name (for administrators). */
    public List<StaffUser> accounts() {
        return accounts.findAll().stream()
                .sorted(java.util.Comparator.comparing(Account::unitCode).thenComparing(Account::username))
                .map(account -> user(account.username()).orElseThrow())
                .toList();
    }

    /** Opens an account (ADMIN). The password must satisfy the policy. */
    @Transactional
    public StaffUser open(String username, String fullName, String password, String unitCode, Set<Role> roles) {
        if (username == null || !username.matches("[a-z0-9._-]{3,50}")) {
            throw ProblemException.invalid("username", "identity.username.invalid");
        }
        if (accounts.existsById(username)) {
            throw ProblemException.conflict("identity.username.taken", username);
        }
        if (organization.unit(unitCode).isEmpty()) {
            throw ProblemException.invalid("unitCode", "organization.unit.not-found", unitCode);
        }
        if (fullName == null || fullName.isBlank() || fullName.strip().length() > 100) {
            throw ProblemException.invalid("fullName", "identity.full-name.invalid");
        }
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            throw ProblemException.invalid("roles", "identity.roles.required");
        }
        checkPassword(username, password);
        accounts.save(Account.open(username, fullName, encoder.encode(password), unitCode, EnumSet.copyOf(roles),
                clock.instant()));
        audit.record("ACCOUNT_OPENED", "account/" + username, unitCode + " " + roles);
        return user(username).orElseThrow();
    }

    /** The user changes their own password, proving the current one. */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        Account account = accounts.findById(username)
                .orElseThrow(() -> ProblemException.notFound("identity.account.not-found", username));
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "identity.password.current-wrong");
        }
        checkPassword(username, newPassword);
        account.changePassword(encoder.encode(newPassword), clock.instant());
        accounts.save(account);
        audit.record("PASSWORD_CHANGED", "account/" + username, null);
    }

    private void checkPassword(String username, String password) {
        List<String> problems = policy.problems(username, password);
        if (!problems.isEmpty()) {
            throw new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    problems.stream().map(key -> new ProblemException.FieldError("password", key)).toList(),
                    "identity.password.weak");
        }
    }
}
