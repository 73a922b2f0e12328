package vn.motcua.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;

/**
 * Builds RFC 9457 problem details whose {@code title} and {@code detail} come from the message
 * bundles in the caller's language (Vietnamese unless English is asked for).
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final Messages texts;
    private final JsonMapper json;

    Problems(MessageSource messages, Messages texts, JsonMapper json) {
        this.texts = texts;
        this.messages = messages;
        this.json = json;
    }

    public ProblemDetail of(HttpStatus status, String detailKey, Object... args) {
        return of(status, LocaleContextHolder.getLocale(), detailKey, args);
    }

    public ProblemDetail of(HttpStatus status, Locale locale, String detailKey, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(text(locale, "problem.title." + status.value(), status.getReasonPhrase()));
        problem.setDetail(messages.getMessage(detailKey, args, detailKey, locale));
        return problem;
    }

    /** A 400 whose {@code errors} list names each invalid field with a message in the caller's language. */
    public ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "problem.invalid-input");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The first reason of a refusal: its first field's message, or its own when it names no field. */
    public String firstReason(ProblemException problem) {
        if (problem.errors().isEmpty()) {
            return texts.text(problem.messageKey(), problem.args());
        }
        ProblemException.FieldError first = problem.errors().get(0);
        return texts.text(first.messageKey(), first.args());
    }

    /**
     * A refusal in words for a page's flash message: its message, then each field's that says more, prefixed
     * with the field's label {@code <labelPrefix><field>} when the bundle has one ("Lý do: Vui lòng nhập.").
     */
    public String describe(ProblemException problem, String labelPrefix) {
        Locale locale = LocaleContextHolder.getLocale();
        String message = texts.text(problem.messageKey(), problem.args());
        Set<String> parts = new LinkedHashSet<>();
        parts.add(message);
        for (ProblemException.FieldError error : problem.errors()) {
            String detail = texts.text(error.messageKey(), error.args());
            String label = labelPrefix == null || error.field() == null ? null : messages.getMessage(
                    labelPrefix + error.field().replaceAll("\\[\\d+\\]", ""), null, null, locale);
            if (label != null) {
                parts.add(label + ": " + detail);
            } else if (!detail.equals(message)) {
                parts.add(detail);
            }
        }
        return String.join(" ", parts);
    }

    /**
     * A refusal of a page form's action shown on the form, the way every page form shows it: an invalid field
     * (400) next to its input when the form has that input; everything else (a rule, a conflict) above the
     * form in one sentence, as {@link #describe} words it.
     */
    public void reject(ProblemException problem, BindingResult form, String labelPrefix) {
        List<ProblemException.FieldError> elsewhere = new ArrayList<>();
        for (ProblemException.FieldError error : problem.errors()) {
            if (problem.status() == HttpStatus.BAD_REQUEST && error.field() != null && hasInput(form, error.field())) {
                form.rejectValue(error.field(), error.messageKey(), error.args(),
                        texts.text(error.messageKey(), error.args()));
            } else {
                elsewhere.add(error);
            }
        }
        if (problem.errors().isEmpty() || !elsewhere.isEmpty()) {
            // With its arguments: the page resolves the code again, and "Hồ sơ {0}" would be shown as written.
            form.reject(problem.messageKey(), problem.args(), describe(new ProblemException(problem.status(),
                    elsewhere, problem.messageKey(), problem.args()), labelPrefix));
        }
    }

    /**
     * What is wrong with a form in one sentence, for a page that shows it above the form: each field's message,
     * prefixed with its label {@code <labelPrefix><field>} when the bundle has one.
     */
    public String describe(BindingResult form, String labelPrefix) {
        Set<String> parts = new LinkedHashSet<>();
        form.getGlobalErrors().forEach(error -> parts.add(texts.text(error)));
        for (org.springframework.validation.FieldError error : form.getFieldErrors()) {
            String label = labelPrefix == null ? null : texts.textOr(labelPrefix + error.getField(), null);
            parts.add(label == null ? texts.text(error) : label + ": " + texts.text(error));
        }
        return String.join(" ", parts);
    }

    private static boolean hasInput(BindingResult form, String field) {
        try {
            return form.getFieldType(field) != null;
        } catch (RuntimeException notAProperty) {
            return false;
        }
    }

    private String text(Locale locale, String key, String fallback) {
        return messages.getMessage(key, null, fallback, locale);
    }

    /** Writes a problem outside Spring MVC (security filters, error page). */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey,
            Object... args) throws IOException {
        Locale locale = RequestContextUtils.getLocaleResolver(request) != null
                ? RequestContextUtils.getLocale(request)
                : LocaleResolvers.resolve(request);
        ProblemDetail problem = of(status, locale, detailKey, args);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
