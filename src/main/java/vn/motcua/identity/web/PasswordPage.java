package vn.motcua.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.motcua.identity.Identity;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Problems;

/**
 * A member of staff changes their own password; an account signed in with a password someone else set is sent here
 * first. The change ends every other session of the account and revokes its tokens; this session goes on, under a new
 * session id, with the principal that carries the new password's stamp.
 */
@Controller
class PasswordPage {

    private final Identity identity;
    private final Problems problems;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordPage(Identity identity, Problems problems) {
        this.identity = identity;
        this.problems = problems;
    }

    @GetMapping("/mat-khau")
    @PreAuthorize("isAuthenticated()")
    String form(Principal principal, Model model) {
        model.addAttribute("forced", identity.mustChangePassword(principal.getName()));
        return "password";
    }

    @PostMapping("/mat-khau")
    @PreAuthorize("isAuthenticated()")
    String change(Authentication authentication, @RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw ProblemException.invalid("confirmPassword", "identity.password.mismatch");
            }
            identity.changePassword(authentication.getName(), currentPassword, newPassword);
        } catch (ProblemException refused) {
            model.addAttribute("forced", identity.mustChangePassword(authentication.getName()));
            model.addAttribute("error", problems.describe(refused, null));
            response.setStatus(refused.status().value());
            return "password";
        }
        request.changeSessionId();
        sessions.saveContext(SecurityContextHolder.getContext(), request, response);
        return "redirect:/mat-khau?changed";
    }
}
