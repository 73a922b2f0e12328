package vn.motcua.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.shared.web.Problems;

/**
 * Authenticates {@code Authorization: Bearer …} on the API, a member of staff's token ({@code mc_…}) or a citizen's
 * ({@code mcc_…}) alike, so that each is refused where it does not belong (403) rather than taken for an unknown
 * token; a wrong token is a 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final CitizenTokens citizenTokens;
    private final Problems problems;

    BearerTokenFilter(ApiTokens tokens, CitizenTokens citizenTokens, Problems problems) {
        this.tokens = tokens;
        this.citizenTokens = citizenTokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).strip();
        Optional<? extends AbstractAuthenticationToken> holder = CitizenTokens.looksLikeOne(token)
                ? citizenTokens.holder(token)
                        .map(h -> authenticated(new CitizenAuthentication(h.citizen()), h.tokenId()))
                : tokens.holder(token).map(h -> authenticated(new StaffAuthentication(h.user()), h.tokenId()));
        if (holder.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"motcua\", error=\"invalid_token\"");
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "identity.token.invalid");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(holder.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Which token it was: tokens may not issue tokens, and a password changed with one keeps it (PresentedToken). */
    private static AbstractAuthenticationToken authenticated(AbstractAuthenticationToken authentication, long tokenId) {
        authentication.setDetails(new PresentedToken(tokenId));
        return authentication;
    }
}
