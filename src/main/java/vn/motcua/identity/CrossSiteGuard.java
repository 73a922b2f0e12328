package vn.motcua.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motcua.platform.PublicAddress;
import vn.motcua.shared.web.Problems;

/**
 * Refuses a state-changing API request that a web page of another site could have sent with the credentials a
 * browser keeps (HTTP Basic, once typed, is sent again by the browser on its own; the API has no CSRF token, being
 * meant for programs): a POST, PUT, PATCH or DELETE whose {@code Origin} is not this application's, or whose body is
 * of a kind an HTML form can send without scripts and no endpoint here expects ({@code
 * application/x-www-form-urlencoded}, {@code text/plain}). It runs before authentication, so the credentials do not
 * matter. Programs send no {@code Origin} and are not affected; uploads ({@code multipart/form-data}) from another
 * site are caught by their {@code Origin}, which every current browser sends on a cross-site POST.
 */
final class CrossSiteGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "text/plain");

    private final PublicAddress address;
    private final Problems problems;

    CrossSiteGuard(PublicAddress address, Problems problems) {
        this.address = address;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && (foreign(request) || formEncoded(request))) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "problem.cross-site");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean foreign(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        // The public address, or the address the request was sent to (which a page of another site cannot choose:
        // the browser names the host it sends to, and names the page's own site in Origin).
        String own = origin(address.url());
        String requested = origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        String sent = origin(origin);
        return sent == null || !sent.equals(own) && !sent.equals(requested);
    }

    private static boolean formEncoded(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && FORM_TYPES.contains(type.split(";")[0].strip().toLowerCase(Locale.ROOT));
    }

    /** {@code scheme://host:port}, the port written even when it is the scheme's default; null when not a URL. */
    private static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
