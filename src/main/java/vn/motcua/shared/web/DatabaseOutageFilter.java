package vn.motcua.shared.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import vn.motcua.shared.DatabaseUnavailable;
import vn.motcua.shared.ProblemException;

/**
 * The outermost answer to a database that cannot be reached ({@link DatabaseUnavailable}), before the security
 * filters so that it covers their look-ups too (a bearer token, a page session, a password): {@code 503} with
 * {@code Retry-After}, as a problem detail on the API and as a plain page for people, which needs neither the
 * database nor the layout (the layout shows who is signed in).
 *
 * <p>A connection that broke while in use (the server restarted under it) is retried once on a new one when repeating
 * the request is harmless: a read ({@code GET}, {@code HEAD}), or a write carrying an {@code Idempotency-Key}, which
 * answers the first result if the first attempt did commit (RFC 9110 §9.2.2). Its body is kept to be read again, up to
 * {@link #MAX_REPEATED_BODY}; a form or a multipart upload is not retried (the container parses those itself and
 * cannot parse them twice). A write without the key is answered 503 at once: the client knows it did not get an
 * answer, and only it can tell whether to send again.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    /** Set while a retry would still follow a broken connection: {@link ApiExceptionHandler} then lets it through. */
    static final String RETRY_PENDING = DatabaseOutageFilter.class.getName() + ".RETRY_PENDING";
    /** The largest body kept for a repeat: an API's JSON, not a scan. */
    static final int MAX_REPEATED_BODY = 1024 * 1024;

    private final Problems problems;
    private final MessageSource messages;
    private final Runnable evictPooledConnections;
    private final Counter retries;
    private final Counter unavailable;

    /**
     * {@code evictPooledConnections}: the pool's other connections are most likely broken too (a restart ends them
     * all), and the pool hands out one used in the last 500 ms without checking it; so the retry would meet the next
     * broken one. Evicted, they are replaced by new ones.
     */
    DatabaseOutageFilter(Problems problems, MessageSource messages, MeterRegistry registry,
            Runnable evictPooledConnections) {
        this.problems = problems;
        this.messages = messages;
        this.evictPooledConnections = evictPooledConnections;
        this.retries = Counter.builder("motcua.database.retries")
                .description("Requests repeated once on a new connection after their database connection broke")
                .register(registry);
        this.unavailable = Counter.builder("motcua.database.unavailable")
                .description("Requests answered 503 because the database could not be reached")
                .register(registry);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest attempt = repeatable(request);
        Set<String> attributes = attempt == null ? Set.of() : new HashSet<>(Collections.list(request.getAttributeNames()));
        try {
            if (attempt != null) {
                request.setAttribute(RETRY_PENDING, Boolean.TRUE);
            }
            chain.doFilter(attempt == null ? request : attempt, response);
            return;
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            if (attempt == null || !DatabaseUnavailable.isBrokenConnection(e)) {
                answer(request, response, e);
                return;
            }
            log.warn("Database connection broke during {} {}; repeating it once on a new connection: {}",
                    request.getMethod(), request.getRequestURI(), e.toString());
        } finally {
            request.removeAttribute(RETRY_PENDING);
        }
        retries.increment();
        evictPooledConnections.run();
        // What the first attempt left behind: its request attributes (the security context's, the handler's) and
        // its answer's headers.
        for (String name : Collections.list(request.getAttributeNames())) {
            if (!attributes.contains(name)) {
                request.removeAttribute(name);
            }
        }
        response.reset();
        try {
            // Not chain.doFilter once more: the container's chain is used up (it would go straight to the servlet,
            // past the security filters). A forward to the same path runs them afresh (Spring Security filters every
            // dispatch), with the request's parameters; the forward's own query string is left empty, or each
            // parameter would be counted twice.
            request.getRequestDispatcher(request.getRequestURI().substring(request.getContextPath().length()))
                    .forward(attempt instanceof RepeatableBody kept ? kept.again() : attempt, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            answer(request, response, e);
        }
    }

    /** The error dispatch of a failure has no second chance; async dispatches are not repeated. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    /**
     * The request as it can be sent through the chain twice, or {@code null} when it is not to be repeated.
     * A body is read into memory once (the first call) and the same wrapper reads it again on the repeat.
     */
    private HttpServletRequest repeatable(HttpServletRequest request) throws IOException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return request;
        }
        if (request.getHeader("Idempotency-Key") == null) {
            return null;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        long length = request.getContentLengthLong();
        if (type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")
                || length > MAX_REPEATED_BODY || (length < 0 && request.getHeader("Transfer-Encoding") != null)) {
            return null;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_REPEATED_BODY + 1);
        if (body.length > MAX_REPEATED_BODY) {
            return null; // cannot happen with a truthful Content-Length; such a request is simply not repeated
        }
        return new RepeatableBody(request, body);
    }

    /** 503 with {@code Retry-After}: a problem detail for machines, a page without the layout for people. */
    private void answer(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        log.warn("Database unavailable: {} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
                e.toString());
        unavailable.increment();
        response.reset();
        response.setHeader("Retry-After", ProblemException.retryAfterSeconds(DatabaseUnavailable.RETRY_AFTER));
        String accept = request.getHeader("Accept");
        if (ApiExceptionHandler.isApi(request) || accept == null || !accept.contains("text/html")) {
            problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.database-unavailable");
            return;
        }
        Locale locale = LocaleResolvers.resolve(request);
        String title = messages.getMessage("problem.title.503", null, "Service unavailable", locale);
        String detail = messages.getMessage("problem.database-unavailable", null, "", locale);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + " · motcua</title></head><body id=\"error-page\" "
                + "data-status=\"503\" style=\"font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; "
                + "padding: 0 1rem; text-align: center\"><p style=\"font-size: 3rem; margin: 0\">503</p><h1>"
                + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p></body></html>");
    }

    /** A request whose body was read into memory, so that it can be read once per attempt. */
    private static final class RepeatableBody extends HttpServletRequestWrapper {

        private final byte[] body;

        RepeatableBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        RepeatableBody again() {
            return new RepeatableBody((HttpServletRequest) getRequest(), body);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("A kept body is read synchronously");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
