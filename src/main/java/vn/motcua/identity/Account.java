package vn.motcua.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A staff account: belongs to a unit, holds roles, signs in with a password. */
@Table("account")
class Account {

    @Id
    private final String username;
    private String fullName;
    private String passwordHash;
    private String unitCode;
    private boolean enabled;
    private int failedAttempts;
    private Instant lockedUntil;
    private Instant passwordChangedAt;
    private boolean mustChangePassword;
    private final Instant createdAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "username")
    private Set<AccountRole> roles = new HashSet<>();

    @PersistenceCreator
    Account(String username, String fullName, String passwordHash, String unitCode, boolean enabled,
            int failedAttempts, Instant lockedUntil, Instant passwordChangedAt, boolean mustChangePassword,
            Instant createdAt, Integer version) {
        this.username = username;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.unitCode = unitCode;
        this.enabled = enabled;
        this.failedAttempts = failedAttempts;
        this.lockedUntil = lockedUntil;
        this.passwordChangedAt = passwordChangedAt;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Account open(String username, String fullName, String passwordHash, String unitCode, Set<Role> roles,
            Instant now) {
        Account account = new Account(username, fullName, passwordHash, unitCode, true, 0, null, now, false, now,
                null);
        account.grant(roles);
        return account;
    }

    void grant(Set<Role> newRoles) {
        roles.clear();
        newRoles.forEach(role -> roles.add(new AccountRole(role)));
    }

    void moveTo(String newUnitCode) {
        this.unitCode = newUnitCode;
    }

    /** A deactivated account can neither sign in nor use its tokens; it is kept, as the history names it. */
    void activate(boolean active) {
        this.enabled = active;
    }

    /** The owner sets a password they chose: whatever was set for them is gone. */
    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.mustChangePassword = false;
    }

    /**
     * Someone else set this password (an administrator's reset, the first administrator's set-up): the owner must
     * change it at the next sign-in. A lockout ends with it, as the owner is known to be locked out.
     */
    void setPasswordForOwner(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.mustChangePassword = true;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    String username() {
        return username;
    }

    String fullName() {
        return fullName;
    }

    String passwordHash() {
        return passwordHash;
    }

    String unitCode() {
        return unitCode;
    }

    boolean enabled() {
        return enabled;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Set<Role> roles() {
        return roles.stream().map(AccountRole::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    @Table("account_role")
    record AccountRole(Role role) {}
}
