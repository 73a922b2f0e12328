package vn.motcua.identity;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.motcua.shared.ProblemException;

/**
 * The bearer token (a member of staff's or a citizen's) that the current request was authenticated with, kept by
 * {@link BearerTokenFilter} as the authentication's details.
 */
record PresentedToken(long id) {

    /** No token: ids are drawn from 1 on. */
    static final long NONE = 0;

    static Optional<PresentedToken> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof PresentedToken token ? Optional.of(token) : Optional.empty();
    }

    /**
     * Tokens are issued to a call made with the password (HTTP Basic), never with a token: a token lives in programs,
     * their settings and logs, and one that leaked could otherwise mint tokens of its own, each valid the longest
     * allowed and still standing once the leaked one is revoked.
     */
    static void refuseIssuing() {
        if (current().isPresent()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "identity.token.needs-password");
        }
    }

    /** The id of the current request's token, or {@link #NONE}: what a password change keeps. */
    static long currentId() {
        return current().map(PresentedToken::id).orElse(NONE);
    }
}
