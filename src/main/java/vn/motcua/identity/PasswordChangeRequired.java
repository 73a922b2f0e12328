package vn.motcua.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.identity.AccountDetailsService.SignedInAccount;
import vn.motcua.shared.web.Problems;

/**
 * An account signed in with a password someone else set (an administrator's reset, the first administrator's
 * one-time password) may do one thing: change it. On the API everything else is a 403 naming the rule, but
 * {@code GET /api/v1/me} and {@code POST /api/v1/me/password}; a page request goes to the password page.
 */
final class PasswordChangeRequired extends OncePerRequestFilter {

    static final String PAGE = "/mat-khau";

    private final Problems problems;
    private final boolean api;

    PasswordChangeRequired(Problems problems, boolean api) {
        this.problems = problems;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInAccount account && account.mustChangePassword()
                && !allowed(request)) {
            if (api) {
                problems.write(request, response, HttpStatus.FORBIDDEN, "identity.password.must-change");
            } else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (api) {
            return path.equals("/api/v1/me") && request.getMethod().equals("GET")
                    || path.equals("/api/v1/me/password") && request.getMethod().equals("POST");
        }
        return path.equals(PAGE) || path.equals("/logout") || path.equals("/error") || path.startsWith("/css/")
                || path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/img/")
                || path.equals("/favicon.ico");
    }
}
