package vn.motcua.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.Organization;
import vn.motcua.shared.ProblemException;

/** The identity module's public API: who a user is, their unit, agency and roles. */
@Service
@Transactional(readOnly = true)
public class Identity {

    private final Accounts accounts;
    private final AccountReader reader;
    private final PrincipalCache cache;
    private final ApiTokens tokens;
    private final Organization organization;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final AccountDetailsService accountDetails;
    private final Clock clock;

    Identity(Accounts accounts, AccountReader reader, PrincipalCache cache, ApiTokens tokens,
            Organization organization, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit,
            AccountDetailsService accountDetails, Clock clock) {
        this.accounts = accounts;
        this.reader = reader;
        this.cache = cache;
        this.tokens = tokens;
        this.organization = organization;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.accountDetails = accountDetails;
        this.clock = clock;
    }

    /** A signed-in member of staff as other modules see them. */
    public record StaffUser(String username, String fullName, Set<Role> roles, String unitCode, String agencyCode) {

        public boolean has(Role role) {
            return roles.contains(role);
        }
    }

    /**
     * Any account, enabled or not, with its roles, unit and agency. Every request of a signed-in person asks
     * this (often twice: the handler and the page layout), so it comes from {@link PrincipalCache} when this
     * node read it recently, else from one statement, in no transaction of its own.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<StaffUser> user(String username) {
        return cache.account(username, reader::account).map(PrincipalCache.AccountState::user);
    }

    /** Whether the account's password was set by someone else and must be changed before anything else. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean mustChangePassword(String username) {
        return reader.credentials(username).map(AccountReader.Credentials::mustChangePassword).orElse(false);
    }

    /** Whether some enabled account holds the ADMIN role: someone can administer. */
    @Transactional(propagation = Propagation.SUPPORTS)
    boolean activeAdministratorExists() {
        return reader.activeAdministratorExists();
    }

    /** Every account, by unit then user name (for administrators). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<StaffUser> accounts() {
        return reader.all();
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

    /**
     * The user changes their own password, proving the current one. Whoever knew the old password may have issued
     * tokens or signed in elsewhere: every token of the account is revoked and every session ends at its next request
     * (its password stamp no longer matches), but the credential this request came with: its token, or its page
     * session, whose security context now carries the new stamp for the page to store in the session.
     */
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
        tokens.revokeAll(username, PresentedToken.currentId(), "password changed");
        cache.evict(username);
        renewSignIn(username);
    }

    private void renewSignIn(String username) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AccountDetailsService.SignedInAccount signedIn
                && signedIn.getUsername().equals(username)) {
            // Read back as stored (PostgreSQL keeps microseconds): what SessionCheck will compare the session with.
            renewSignIn(accountDetails.loadUserByUsername(username), auth);
        }
    }

    /**
     * Puts {@code renewed} (the same account, with its new password's stamp) in this request's security context in
     * place of {@code signedIn}'s principal: the page that changed the password stores it in its session.
     */
    static void renewSignIn(org.springframework.security.core.userdetails.User renewed, Authentication signedIn) {
        renewed.eraseCredentials();
        var current = UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities());
        current.setDetails(signedIn.getDetails());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(current);
        SecurityContextHolder.setContext(context);
    }

    /**
     * An administrator moves an account to another unit, gives it other roles, or deactivates or reactivates it
     * ({@code null}: unchanged). It takes effect on the next request of the account's tokens and sessions (on
     * other nodes within {@code motcua.security.principal-cache-ttl}). An administrator may neither deactivate
     * their own account nor give up their own ADMIN role, so that there is always someone to undo a change.
     */
    @Transactional
    public StaffUser change(String username, String unitCode, Set<Role> roles, Boolean enabled, String changedBy) {
        Account account = accounts.findById(username)
                .orElseThrow(() -> ProblemException.notFound("identity.account.not-found", username));
        if (unitCode != null && organization.unit(unitCode).isEmpty()) {
            throw ProblemException.invalid("unitCode", "organization.unit.not-found", unitCode);
        }
        if (roles != null && (roles.isEmpty() || roles.contains(null))) {
            throw ProblemException.invalid("roles", "identity.roles.required");
        }
        if (username.equals(changedBy) && (Boolean.FALSE.equals(enabled)
                || roles != null && account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN))) {
            throw ProblemException.ruleViolated("identity.account.own-access");
        }
        List<String> changes = new java.util.ArrayList<>();
        if (unitCode != null && !unitCode.equals(account.unitCode())) {
            changes.add("unit " + account.unitCode() + " → " + unitCode);
            account.moveTo(unitCode);
        }
        if (roles != null && !EnumSet.copyOf(roles).equals(account.roles())) {
            changes.add("roles " + account.roles() + " → " + EnumSet.copyOf(roles));
            account.grant(EnumSet.copyOf(roles));
        }
        if (enabled != null && enabled != account.enabled()) {
            changes.add(enabled ? "reactivated" : "deactivated");
            account.activate(enabled);
        }
        if (!changes.isEmpty()) {
            accounts.save(account);
            audit.record("ACCOUNT_CHANGED", "account/" + username, String.join("; ", changes));
            cache.evict(username);
        }
        return user(username).orElseThrow();
    }

    /**
     * An administrator sets a one-time password for someone who lost theirs: returned once, to hand over in person;
     * the owner must change it at the next sign-in before doing anything else. The account's tokens are revoked and
     * its sessions end at their next request, as whoever knew the old password must be shut out.
     */
    @Transactional
    public String resetPassword(String username, String resetBy) {
        Account account = accounts.findById(username)
                .orElseThrow(() -> ProblemException.notFound("identity.account.not-found", username));
        String oneTime = OneTimePassword.draw();
        account.setPasswordForOwner(encoder.encode(oneTime), clock.instant());
        accounts.save(account);
        audit.record("PASSWORD_RESET", "account/" + username, "one-time password set by " + resetBy);
        tokens.revokeAll(username, PresentedToken.NONE, "password reset by " + resetBy);
        cache.evict(username);
        return oneTime;
    }

    /** An administrator revokes every token of an account (an integration retired, a laptop lost). */
    @Transactional
    public void revokeTokens(String username, String revokedBy) {
        if (!accounts.existsById(username)) {
            throw ProblemException.notFound("identity.account.not-found", username);
        }
        tokens.revokeAll(username, PresentedToken.NONE, "revoked by " + revokedBy);
    }

    /**
     * Opens the first administrator's account with a one-time password that must be changed at the first sign-in:
     * production never starts with a known password. Returns the one-time password.
     */
    @Transactional
    String openFirstAdministrator(String username, String fullName, String unitCode) {
        if (username == null || !username.matches("[a-z0-9._-]{3,50}")) {
            throw ProblemException.invalid("username", "identity.username.invalid");
        }
        String oneTime = OneTimePassword.draw();
        Account account = Account.open(username, fullName, encoder.encode(oneTime), unitCode, EnumSet.of(Role.ADMIN),
                clock.instant());
        account.setPasswordForOwner(account.passwordHash(), clock.instant());
        accounts.save(account);
        audit.append("system", "ACCOUNT_OPENED", "account/" + username, unitCode + " [ADMIN], first administrator",
                null);
        return oneTime;
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
