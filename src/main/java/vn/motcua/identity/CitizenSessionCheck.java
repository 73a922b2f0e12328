package vn.motcua.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.identity.CitizenDetails.SignedInCitizen;
import vn.motcua.identity.Citizens.CitizenUser;

/**
 * Ends a citizen's page session once the account is disabled or its password changed after the session proved the
 * old one (a reset by one-time code: whoever knew the old password must not stay signed in), as
 * {@link SessionCheck} does for staff; a session opened by an identity provider ends when the account is disabled.
 * Only the citizen's sign-in leaves the session: a member of staff signed in in the same browser stays so.
 */
final class CitizenSessionCheck extends OncePerRequestFilter {

    private final CitizenReader reader;

    CitizenSessionCheck(CitizenReader reader) {
        this.reader = reader;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInCitizen signedIn
                && !reader.passwordChangedAt(signedIn.id()).filter(signedIn.passwordChangedAt()::equals).isPresent()) {
            signOut(request);
        } else if (auth instanceof CitizenAuthentication provided) {
            // Signed in with an identity provider: no password to compare, the account only has to be active still.
            // Its data is read afresh for this request (the session keeps what it was at sign-in).
            Optional<CitizenUser> citizen = reader.activeCitizen(provided.getPrincipal().id());
            if (citizen.isEmpty()) {
                signOut(request);
            } else {
                SecurityContext fresh = SecurityContextHolder.createEmptyContext();
                fresh.setAuthentication(new CitizenAuthentication(citizen.get()));
                SecurityContextHolder.setContext(fresh);
            }
        }
        chain.doFilter(request, response);
    }

    private static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SecurityConfiguration.CITIZEN_CONTEXT_KEY);
        }
        SecurityContextHolder.clearContext();
    }
}
