package vn.motcua.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.identity.AccountDetailsService.SignedInAccount;
import vn.motcua.identity.PrincipalCache.AccountState;

/**
 * Holds a page session to the account as it is now, not as it was at sign-in, at no database cost on a warm
 * request ({@link PrincipalCache}):
 * <ul>
 * <li>a session ends when its account is deactivated or removed, or when the password changes after the
 * session proved the old one (whoever knew it must not stay signed in); the request goes on as anonymous, so a
 * staff page sends the person to the sign-in form;</li>
 * <li>a session acts with the account's current roles, so that roles taken away stop counting at the next
 * request.</li>
 * </ul>
 * A temporary lockout (too many failed sign-ins) does not end sessions: anyone who knows a user name could
 * otherwise sign that person out by guessing five times.
 */
final class SessionCheck extends OncePerRequestFilter {

    private final PrincipalCache cache;
    private final AccountReader reader;

    SessionCheck(PrincipalCache cache, AccountReader reader) {
        this.cache = cache;
        this.reader = reader;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount signedIn) {
            Optional<AccountState> account = cache.account(signedIn.getUsername(), reader::account);
            if (account.isEmpty() || !account.get().enabled()
                    || !account.get().passwordChangedAt().equals(signedIn.passwordChangedAt())) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                List<GrantedAuthority> roles = StaffAuthentication.authorities(account.get().user());
                if (!new HashSet<>(authentication.getAuthorities()).equals(new HashSet<>(roles))) {
                    var current = UsernamePasswordAuthenticationToken.authenticated(signedIn, null, roles);
                    current.setDetails(authentication.getDetails());
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(current);
                    SecurityContextHolder.setContext(context);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
