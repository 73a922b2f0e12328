package vn.motcua.shared;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on. It carries a message key (resolved in the caller's language from
 * the message bundles) and becomes an RFC 9457 problem detail with the given status; never a 500.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] args;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(HttpStatus status, String messageKey, Object... args) {
        this(status, List.of(), messageKey, args);
    }

    public ProblemException(HttpStatus status, List<FieldError> errors, String messageKey, Object... args) {
        this(status, errors, (Duration) null, messageKey, args);
    }

    private ProblemException(HttpStatus status, List<FieldError> errors, Duration retryAfter, String messageKey,
            Object... args) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
        this.args = args;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** 404: the thing asked for does not exist (or the caller may not know it exists). */
    public static ProblemException notFound(String messageKey, Object... args) {
        return new ProblemException(HttpStatus.NOT_FOUND, messageKey, args);
    }

    /** 422: the request is well-formed but breaks a business rule. */
    public static ProblemException ruleViolated(String messageKey, Object... args) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, args);
    }

    /** 409: the request conflicts with the current state (e.g. a concurrent change). */
    public static ProblemException conflict(String messageKey, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, messageKey, args);
    }

    /** 429: too many attempts; the answer's {@code Retry-After} says in how long the caller may try again. */
    public static ProblemException tooManyRequests(Duration retryAfter, String messageKey, Object... args) {
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, List.of(), retryAfter, messageKey, args);
    }

    /** 400 naming the offending parameter or field. */
    public static ProblemException invalid(String field, String messageKey, Object... args) {
        return new ProblemException(HttpStatus.BAD_REQUEST, List.of(new FieldError(field, messageKey, args)),
                messageKey, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** How long to wait before trying again (a 429's {@code Retry-After}), or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@code Retry-After} in whole seconds, rounded up, at least 1. */
    public static String retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return String.valueOf(Math.max(1, seconds));
    }

    /** One invalid field or parameter, with a message key for its explanation. */
    public record FieldError(String field, String messageKey, Object... args) {}
}
