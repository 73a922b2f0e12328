package vn.motcua.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import vn.motcua.shared.DatabaseUnavailable;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;

/**
 * Turns every failure of an API call into an RFC 9457 problem detail in the caller's language; never
 * a stack trace. For pages the status is handed to the error page instead.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;
    private final Messages messages;

    ApiExceptionHandler(Problems problems, Messages messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        ProblemDetail problem = problems.of(e.status(), e.messageKey(), e.args());
        if (e.retryAfter() != null) {
            response.setHeader("Retry-After", ProblemException.retryAfterSeconds(e.retryAfter()));
        }
        if (!e.errors().isEmpty()) {
            List<Map<String, String>> errors = e.errors().stream()
                    .map(error -> error(error.field(), messages.text(error.messageKey(), error.args())))
                    .toList();
            problem.setProperty("errors", errors);
            if (e.status() != HttpStatus.BAD_REQUEST) {
                // A refused business action says everything that stands in its way, in one sentence.
                problem.setDetail(problem.getDetail() + " "
                        + String.join("; ", errors.stream().map(error -> error.get("message")).toList()) + ".");
            }
        }
        return respond(problem, request, response);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(error(error.getField(), message(error)));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(error(error.getObjectName(), error.getDefaultMessage())));
        return respond(problems.invalid(errors), request, response);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(error(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return respond(problems.invalid(errors), request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        return respond(problems.invalid(List.of(error(e.getParameterName(),
                messages.text("problem.parameter-missing", e.getParameterName())))), request, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        boolean outOfRange = false;
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            outOfRange |= cause instanceof DateTimes.OutOfRange;
        }
        String message = outOfRange ? messages.text("validation.date-range")
                : DateTimes.TYPES.contains(e.getRequiredType())
                ? messages.text("validation.date-time")
                : messages.text("problem.parameter-malformed", e.getName(), String.valueOf(e.getValue()));
        return respond(problems.invalid(List.of(error(e.getName(), message))), request, response);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        log.debug("Unreadable request body: {}", e.getMessage());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedValue refused) {
                // A string that no text may hold (TextPolicy), a date out of range: say which field, and why.
                // As a ProblemException.invalid: the detail says why, the errors name the field.
                ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, refused.messageKey(), refused.args());
                problem.setProperty("errors", List.of(error(path(refused),
                        messages.text(refused.messageKey(), refused.args()))));
                return respond(problem, request, response);
            }
            if (cause instanceof MismatchedInputException mismatch
                    && DateTimes.TYPES.contains(mismatch.getTargetType())) {
                // A date-time in a wrong form: say which field, and which forms are read (DateTimes).
                return respond(problems.invalid(List.of(error(path(mismatch),
                        messages.text("validation.date-time")))), request, response);
            }
        }
        return respond(problems.of(HttpStatus.BAD_REQUEST, "problem.body-unreadable"), request, response);
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ProblemDetail> binding(ServletRequestBindingException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "problem.invalid-input"), request, response);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(problems.of(HttpStatus.NOT_FOUND, "problem.not-found"), request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(problems.of(HttpStatus.METHOD_NOT_ALLOWED, "problem.method-not-allowed", e.getMethod()),
                request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.media-type-unsupported"),
                request, response);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        return respond(problems.of(HttpStatus.NOT_ACCEPTABLE, "problem.not-acceptable"), request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(problems.of(HttpStatus.CONTENT_TOO_LARGE, "problem.upload-too-large"), request, response);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(problems.of(HttpStatus.BAD_REQUEST, "problem.body-unreadable"), request, response);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        return respond(problems.of(HttpStatus.CONFLICT, "problem.concurrent-change"), request, response);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        log.info("Data integrity violation: {}", e.getMostSpecificCause().getMessage());
        return respond(problems.of(HttpStatus.CONFLICT, "problem.data-conflict"), request, response);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        return respond(problems.of(HttpStatus.FORBIDDEN, "problem.forbidden"), request, response);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        if (DatabaseUnavailable.isCause(e)) {
            return unavailable(e, request, response);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected"), request, response);
    }

    /**
     * The database could not be reached: the server's failure, 503 with {@code Retry-After}, however the layers
     * wrapped it. Let through to {@link DatabaseOutageFilter} when it will repeat the request on a new connection,
     * and for pages, whose error page it writes without the layout (which needs the database).
     */
    private ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        if (!isApi(request) || (request.getAttribute(DatabaseOutageFilter.RETRY_PENDING) != null
                && DatabaseUnavailable.isBrokenConnection(e))) {
            throw e;
        }
        log.warn("Database unavailable: {} {} answered 503: {}", request.getMethod(), request.getRequestURI(),
                e.toString());
        response.setHeader("Retry-After", ProblemException.retryAfterSeconds(DatabaseUnavailable.RETRY_AFTER));
        return respond(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "problem.database-unavailable"), request, response);
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        if (!isApi(request)) {
            // Pages show the error page of that status (templates/error.html), in the layout.
            response.sendError(problem.getStatus());
            return null;
        }
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/actuator");
    }

    /** The JSON path of the value, as a field name: {@code newDueAt}, {@code items[0].at}. */
    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage();
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }
}
