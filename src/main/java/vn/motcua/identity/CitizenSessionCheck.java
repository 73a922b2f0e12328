package vn.motcua.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.identity.CitizenDetails.SignedInCitizen;

/**
 * Ends a citizen's page session once the account is disabled or its password changed after the session proved the
 * old one (a reset by one-time code: whoever knew the old password must not stay signed in), as
 * {@link SessionCheck} does for staff. Only the citizen's sign-in leaves the session: a member of staff signed in
 * in the same browser stays so.
 */
final class CitizenSessionCheck extends OncePerRequestFilter {

    private final CitizenReader reader;

    CitizenSessionCheck(CitizenReader reader) {
        this.reader = reader;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof SignedInCitizen signedIn
                && !reader.passwordChangedAt(signedIn.id()).filter(signedIn.passwordChangedAt()::equals).isPresent()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(SecurityConfiguration.CITIZEN_CONTEXT_KEY);
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
