package vn.motcua.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads citizens' accounts for sign-in (form and HTTP Basic), as {@link AccountDetailsService} does staff's: always
 * from the database, a locked account refused before its password is checked, a PENDING one (never confirmed)
 * refused as disabled. Not a {@code UserDetailsService} bean, so that staff sign-in stays the application's default.
 */
@Component
class CitizenDetails {

    static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_" + Citizens.ROLE));

    private final CitizenReader reader;
    private final Clock clock;

    CitizenDetails(CitizenReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    UserDetails load(String login) {
        CitizenReader.Credentials account = reader.credentials(login)
                .filter(c -> c.passwordHash() != null && !c.status().equals("DISABLED"))
                .orElseThrow(() -> new UsernameNotFoundException(login));
        boolean locked = account.lockedUntil() != null && account.lockedUntil().isAfter(clock.instant());
        return new SignedInCitizen(account.id(), account.passwordHash(), account.status().equals("ACTIVE"), !locked,
                account.passwordChangedAt(), account.failedAttempts());
    }

    /** The principal of a citizen's password sign-in: named {@code citizen:<id>} in the audit log. */
    static final class SignedInCitizen extends User {

        private static final long serialVersionUID = 1L;

        private final long id;
        private final Instant passwordChangedAt;
        private final int failedAttemptsBefore;

        SignedInCitizen(long id, String passwordHash, boolean enabled, boolean nonLocked, Instant passwordChangedAt,
                int failedAttemptsBefore) {
            super(Citizens.actor(id), passwordHash, enabled, true, true, nonLocked, AUTHORITIES);
            this.id = id;
            this.passwordChangedAt = passwordChangedAt;
            this.failedAttemptsBefore = failedAttemptsBefore;
        }

        long id() {
            return id;
        }

        Instant passwordChangedAt() {
            return passwordChangedAt;
        }

        int failedAttemptsBefore() {
            return failedAttemptsBefore;
        }
    }
}
