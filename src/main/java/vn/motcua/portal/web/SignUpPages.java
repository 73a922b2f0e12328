package vn.motcua.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Citizens.Registration;
import vn.motcua.portal.CodeSent;
import vn.motcua.portal.PasswordRecovery;
import vn.motcua.portal.PortalSettings;
import vn.motcua.portal.SignUp;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.web.PageForms;
import vn.motcua.shared.web.Problems;

/**
 * The citizens' pages to open an account ({@code /cong-dan/dang-ky}), activate it with the code sent to them
 * ({@code /cong-dan/kich-hoat}) and set a new password after forgetting it ({@code /cong-dan/quen-mat-khau}): the
 * same rules, limits and refusals as the API ({@link SignUp}, {@link PasswordRecovery}), each refusal next to its
 * input. A signed-in citizen is sent to their own page instead.
 */
@Controller
class SignUpPages {

    /** Field labels in the bundles: {@code portal.field.<field>}. */
    private static final String LABELS = "portal.field.";

    private final Citizens citizens;
    private final SignUp signUp;
    private final PasswordRecovery recovery;
    private final Problems problems;
    private final Messages messages;
    private final Duration codeValidity;
    private final int codeAttempts;

    SignUpPages(Citizens citizens, SignUp signUp, PasswordRecovery recovery, Problems problems, Messages messages,
            PortalSettings settings) {
        this.citizens = citizens;
        this.signUp = signUp;
        this.recovery = recovery;
        this.problems = problems;
        this.messages = messages;
        this.codeValidity = settings.codeValidity();
        this.codeAttempts = settings.codeAttempts();
    }

    /**
     * The sign-up form as typed. The declaration is the applicant's statement that what they declare is true, and
     * their consent to the processing of these personal data for their procedures (Decree 13/2023/NĐ-CP, Art. 11).
     */
    record SignUpForm(@Size(max = 100, message = "{validation.too-long}") String fullName, String citizenId,
            String dateOfBirth, String phone, String email, String address, String organizationName, String taxCode,
            String password, String passwordConfirm, Boolean declaration) {

        static SignUpForm blank() {
            return new SignUpForm(null, null, null, null, null, null, null, null, null, null, null);
        }

        Registration registration(LocalDate born) {
            return new Registration(fullName, citizenId, born, phone, email, address, organizationName, taxCode);
        }
    }

    /** The code form of the activation page and the forgotten-password page; the new password for the latter. */
    record CodeForm(String login, String code, String newPassword, String passwordConfirm) {}

    // --- sign-up -------------------------------------------------------------------------------

    @GetMapping("/cong-dan/dang-ky")
    @PreAuthorize("permitAll()")
    String signUpPage(Model model) {
        if (citizens.current().isPresent()) {
            return "redirect:/cong-dan/ho-so";
        }
        model.addAttribute("form", SignUpForm.blank());
        return "portal/sign-up";
    }

    @PostMapping("/cong-dan/dang-ky")
    @PreAuthorize("permitAll()")
    String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult errors, HttpServletRequest request,
            RedirectAttributes redirect) {
        LocalDate born = PageForms.date(form.dateOfBirth(), "dateOfBirth", "portal.sign-up.date-invalid", errors);
        if (form.password() != null && !form.password().isEmpty()
                && !Objects.equals(form.password(), form.passwordConfirm())) {
            errors.rejectValue("passwordConfirm", "portal.sign-up.password-mismatch");
        }
        if (!Boolean.TRUE.equals(form.declaration())) {
            errors.rejectValue("declaration", "portal.sign-up.declaration.required");
        }
        try {
            if (errors.hasErrors()) {
                // What else the account's rules refuse, so that every mistake shows at once.
                citizens.validate(form.registration(born), form.password());
            } else {
                CodeSent sent = signUp.signUp(form.registration(born), form.password(), request.getRemoteAddr());
                redirect.addFlashAttribute("sent", sent);
                return "redirect:" + withLogin("/cong-dan/kich-hoat", sent.login());
            }
        } catch (ProblemException e) {
            problems.reject(e, errors, LABELS);
        }
        return "portal/sign-up";
    }

    // --- activation ----------------------------------------------------------------------------

    @GetMapping("/cong-dan/kich-hoat")
    @PreAuthorize("permitAll()")
    String activationPage(@RequestParam(required = false) String login, Model model) {
        if (citizens.current().isPresent()) {
            return "redirect:/cong-dan/ho-so";
        }
        return activationView(new CodeForm(login, null, null, null), model);
    }

    @PostMapping("/cong-dan/kich-hoat")
    @PreAuthorize("permitAll()")
    String activate(@ModelAttribute("form") CodeForm form, BindingResult errors, HttpServletRequest request,
            Model model) {
        try {
            signUp.verify(form.login(), form.code(), request.getRemoteAddr());
            return "redirect:" + withLogin("/cong-dan/dang-nhap?activated", form.login());
        } catch (ProblemException e) {
            problems.reject(e, errors, LABELS);
        }
        return activationView(form, model);
    }

    @PostMapping(path = "/cong-dan/kich-hoat", params = "resend")
    @PreAuthorize("permitAll()")
    String resend(@ModelAttribute("form") CodeForm form, BindingResult errors, HttpServletRequest request,
            Model model) {
        try {
            signUp.resend(form.login(), request.getRemoteAddr());
            model.addAttribute("resent", true);
        } catch (ProblemException e) {
            problems.reject(e, errors, LABELS);
        }
        return activationView(new CodeForm(form.login(), null, null, null), model);
    }

    private String activationView(CodeForm form, Model model) {
        if (model.getAttribute("sent") instanceof CodeSent sent) {
            // Just signed up: where the code went, and until when it works.
            model.addAttribute("sentChannels", String.join(messages.text("portal.channel.and"),
                    sent.channels().stream().map(channel -> messages.text("portal.channel." + channel)).toList()));
            model.addAttribute("sentUntil", until(sent));
        }
        model.addAttribute("form", form);
        model.addAttribute("validityMinutes", String.valueOf(codeValidity.toMinutes()));
        model.addAttribute("codeAttempts", String.valueOf(codeAttempts));
        return "portal/activate";
    }

    // --- forgotten password --------------------------------------------------------------------

    @GetMapping("/cong-dan/quen-mat-khau")
    @PreAuthorize("permitAll()")
    String forgotPage(@RequestParam(required = false) String login, Model model) {
        if (citizens.current().isPresent()) {
            return "redirect:/cong-dan/ho-so";
        }
        model.addAttribute("form", new CodeForm(login, null, null, null));
        return "portal/forgot-password";
    }

    @PostMapping(path = "/cong-dan/quen-mat-khau", params = "request")
    @PreAuthorize("permitAll()")
    String requestCode(@ModelAttribute("form") CodeForm form, BindingResult errors, HttpServletRequest request,
            Model model) {
        try {
            CodeSent sent = recovery.request(form.login(), request.getRemoteAddr());
            model.addAttribute("form", new CodeForm(sent.login(), null, null, null));
            model.addAttribute("sentUntil", until(sent));
            model.addAttribute("confirming", true);
        } catch (ProblemException e) {
            problems.reject(e, errors, LABELS);
        }
        return "portal/forgot-password";
    }

    @PostMapping("/cong-dan/quen-mat-khau")
    @PreAuthorize("permitAll()")
    String setPassword(@ModelAttribute("form") CodeForm form, BindingResult errors, HttpServletRequest request,
            Model model) {
        model.addAttribute("confirming", true);
        if (form.newPassword() != null && !form.newPassword().isEmpty()
                && !Objects.equals(form.newPassword(), form.passwordConfirm())) {
            errors.rejectValue("passwordConfirm", "portal.sign-up.password-mismatch");
            return "portal/forgot-password";
        }
        try {
            recovery.confirm(form.login(), form.code(), form.newPassword(), request.getRemoteAddr());
            return "redirect:" + withLogin("/cong-dan/dang-nhap?reset", form.login());
        } catch (ProblemException e) {
            problems.reject(e, errors, LABELS);
        }
        return "portal/forgot-password";
    }

    private static String withLogin(String path, String login) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(path);
        if (login != null && !login.isBlank()) {
            url.queryParam("login", "{login}");
        }
        return url.encode().buildAndExpand(login == null ? "" : login.strip()).toUriString();
    }

    /** The expiry of a code as the pages show it: {@code 03/12/2026 14:35}. */
    private static String until(CodeSent sent) {
        return VietnamTime.DATE_TIME.format(sent.expiresAt().atZoneSameInstant(VietnamTime.ZONE));
    }
}
