package vn.motcua.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Vietnamese first. Machine callers ({@code /api/**}) get English only when their
 * {@code Accept-Language} prefers it; people get the language they chose on a page (a cookie), else
 * Vietnamese, whatever their browser's default language is.
 */
public final class LocaleResolvers implements LocaleResolver {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final String COOKIE = "motcua-lang";

    /** The language chosen in this very request (?lang=), which its cookie only carries from the next one. */
    static final String CHOSEN = LocaleResolvers.class.getName() + ".CHOSEN";

    public static Locale resolve(HttpServletRequest request) {
        Object forwarded = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = (forwarded instanceof String original ? original : request.getRequestURI())
                .substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")) {
            for (Locale candidate : Collections.list(request.getLocales())) {
                if (candidate.getLanguage().equals("vi")) {
                    return VIETNAMESE;
                }
                if (candidate.getLanguage().equals("en")) {
                    return request.getHeader("Accept-Language") == null ? VIETNAMESE : Locale.ENGLISH;
                }
            }
            return VIETNAMESE;
        }
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && "en".equals(cookie.getValue())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return VIETNAMESE;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return resolve(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        boolean english = locale != null && locale.getLanguage().equals("en");
        request.setAttribute(CHOSEN, english ? Locale.ENGLISH : VIETNAMESE);
        Cookie cookie = new Cookie(COOKIE, english ? "en" : "vi");
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
