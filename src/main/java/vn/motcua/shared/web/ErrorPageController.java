package vn.motcua.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The container's error page (errors raised outside controllers: unknown paths, filters). API paths and
 * non-HTML callers get a problem detail; people get a page in the layout. Never a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final Problems problems;

    ErrorPageController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        String accept = request.getHeader("Accept");
        boolean page = accept != null && accept.contains("text/html") && !path.startsWith("/api/");
        if (!page) {
            problems.write(request, response, status, detailKey(status));
            return null;
        }
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", detailKey(status));
        return "error";
    }

    private static String detailKey(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "problem.invalid-input";
            case 401 -> "problem.unauthenticated";
            case 403 -> "problem.forbidden";
            case 404 -> "problem.not-found";
            case 405 -> "problem.method-not-allowed.generic";
            case 413 -> "problem.upload-too-large";
            case 415 -> "problem.media-type-unsupported";
            default -> status.is4xxClientError() ? "problem.invalid-input" : "problem.unexpected";
        };
    }
}
