package vn.motcua.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts for sign-in (form and HTTP Basic), in one statement and always from the database: the password
 * hash is never cached, so that a new password counts at once on every node. A locked account is refused before
 * its password is even checked.
 */
@Service
class AccountDetailsService implements UserDetailsService {

    private final AccountReader reader;
    private final Clock clock;

    AccountDetailsService(AccountReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public SignedInAccount loadUserByUsername(String username) {
        AccountReader.Credentials account = reader.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException(username));
        boolean locked = account.lockedUntil() != null && account.lockedUntil().isAfter(clock.instant());
        return new SignedInAccount(account.username(), account.passwordHash(), account.enabled(), !locked,
                account.roles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                        .toList(),
                account.passwordChangedAt(), account.failedAttempts(), account.mustChangePassword());
    }

    /**
     * The principal of a password sign-in. A session keeps it, with the moment the password it proved was set:
     * once the account's password changes, the session no longer matches and ends ({@link SessionCheck}).
     */
    static final class SignedInAccount extends User {

        private static final long serialVersionUID = 1L;

        private final Instant passwordChangedAt;
        private final int failedAttemptsBefore;
        private final boolean mustChangePassword;

        SignedInAccount(String username, String passwordHash, boolean enabled, boolean nonLocked,
                Collection<? extends GrantedAuthority> authorities, Instant passwordChangedAt, int failedAttemptsBefore,
                boolean mustChangePassword) {
            super(username, passwordHash, enabled, true, true, nonLocked, authorities);
            this.passwordChangedAt = passwordChangedAt;
            this.failedAttemptsBefore = failedAttemptsBefore;
            this.mustChangePassword = mustChangePassword;
        }

        /**
         * The password it proved was set by someone else: only changing it is allowed. A session keeps this as it was
         * at sign-in; the change ends the session ({@link SessionCheck}), and the next sign-in reads it anew.
         */
        boolean mustChangePassword() {
            return mustChangePassword;
        }

        Instant passwordChangedAt() {
            return passwordChangedAt;
        }

        /** Failed sign-ins counted when the account was read: a success need reset nothing when there were none. */
        int failedAttemptsBefore() {
            return failedAttemptsBefore;
        }
    }
}
