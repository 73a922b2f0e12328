package vn.motcua.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.identity.CitizenSessions;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.portal.CodeSent;
import vn.motcua.portal.ContactChange;
import vn.motcua.portal.PortalSettings;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.web.PageForms;
import vn.motcua.shared.web.Problems;

/**
 * "Tài khoản" ({@code /cong-dan/tai-khoan}): the signed-in citizen's own account on a page, as the API offers it
 * ({@link Citizens#changeProfile}, {@link Citizens#changePassword}, {@link ContactChange}): the profile that
 * pre-fills every form, the password, and the phone number or e-mail address, this last confirmed with a code sent
 * to the new one ({@code /cong-dan/tai-khoan/lien-he}). Each refusal is shown next to its input (the form kept across
 * the redirect).
 */
@Controller
@PreAuthorize("hasRole('CITIZEN')")
class AccountPages {

    private static final String LABELS = "portal.field.";
    private static final String PAGE = "/cong-dan/tai-khoan";
    private static final String CODE_PAGE = "/cong-dan/tai-khoan/lien-he";

    private final Citizens citizens;
    private final ContactChange contactChange;
    private final CitizenSessions sessions;
    private final Problems problems;
    private final Messages messages;
    private final PortalSettings settings;

    AccountPages(Citizens citizens, ContactChange contactChange, CitizenSessions sessions, Problems problems,
            Messages messages, PortalSettings settings) {
        this.citizens = citizens;
        this.contactChange = contactChange;
        this.sessions = sessions;
        this.problems = problems;
        this.messages = messages;
        this.settings = settings;
    }

    /** The profile as typed; the date of birth as the citizen writes it (dd/MM/yyyy). */
    record ProfileForm(String address, String dateOfBirth, String organizationName, String taxCode)
            implements Serializable {

        static ProfileForm of(CitizenUser citizen) {
            return new ProfileForm(citizen.address(), citizen.dateOfBirth() == null ? null
                    : VietnamTime.DATE.format(citizen.dateOfBirth()), citizen.organizationName(), citizen.taxCode());
        }
    }

    record PasswordForm(String currentPassword, String newPassword, String passwordConfirm) implements Serializable {}

    /** A new phone number or address (one of the two), with the password; then the code sent to it. */
    record ContactForm(String phone, String email, String currentPassword, String code) implements Serializable {}

    @GetMapping(PAGE)
    String page(CitizenUser citizen, Model model) {
        PageForms.show(model, "profileForm", () -> ProfileForm.of(citizen));
        PageForms.show(model, "passwordForm", () -> new PasswordForm(null, null, null));
        PageForms.show(model, "contactForm", () -> new ContactForm(null, null, null, null));
        model.addAttribute("hasPassword", citizens.hasPassword(citizen.id()));
        return "portal/account";
    }

    @PostMapping(PAGE)
    String changeProfile(@ModelAttribute("profileForm") ProfileForm form, BindingResult errors, CitizenUser citizen,
            RedirectAttributes redirect) {
        LocalDate born = PageForms.date(form.dateOfBirth(), "dateOfBirth", "portal.sign-up.date-invalid", errors);
        if (!errors.hasErrors()) {
            try {
                citizens.changeProfile(citizen.id(), new Citizens.Profile(form.address(), born,
                        form.organizationName(), form.taxCode()));
                redirect.addFlashAttribute("flash", messages.text("portal.account.profile-saved"));
                return "redirect:" + PAGE;
            } catch (ProblemException e) {
                problems.reject(e, errors, LABELS);
            }
        }
        PageForms.keep(redirect, "profileForm", form, errors);
        return "redirect:" + PAGE + "#profile-form";
    }

    @PostMapping(PAGE + "/mat-khau")
    String changePassword(@ModelAttribute("passwordForm") PasswordForm form, BindingResult errors,
            CitizenUser citizen, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form.newPassword() != null && !form.newPassword().isEmpty()
                && !Objects.equals(form.newPassword(), form.passwordConfirm())) {
            errors.rejectValue("passwordConfirm", "portal.sign-up.password-mismatch");
        } else {
            try {
                citizens.changePassword(citizen.id(), form.currentPassword(), form.newPassword());
                sessions.keepAfterPasswordChange(request, response);
                redirect.addFlashAttribute("flash", messages.text("portal.account.password-changed"));
                return "redirect:" + PAGE;
            } catch (ProblemException e) {
                problems.reject(e, errors, LABELS);
            }
        }
        // Passwords are never sent back into a page.
        PageForms.keep(redirect, "passwordForm", new PasswordForm(null, null, null), errors);
        return "redirect:" + PAGE + "#password-form";
    }

    @PostMapping(PAGE + "/lien-he/ma")
    String requestContactChange(@ModelAttribute("contactForm") ContactForm form, BindingResult errors,
            CitizenUser citizen, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            CodeSent sent = contactChange.request(citizen, form.phone(), form.email(), form.currentPassword(),
                    request.getRemoteAddr());
            redirect.addFlashAttribute("sentTo", form.phone() != null && !form.phone().isBlank()
                    ? messages.text("portal.channel.SMS") : messages.text("portal.channel.EMAIL"));
            redirect.addFlashAttribute("sentUntil",
                    VietnamTime.DATE_TIME.format(sent.expiresAt().atZoneSameInstant(VietnamTime.ZONE)));
            return "redirect:" + CODE_PAGE;
        } catch (ProblemException e) {
            problems.reject(e, errors, LABELS);
        }
        PageForms.keep(redirect, "contactForm", new ContactForm(form.phone(), form.email(), null, null), errors);
        return "redirect:" + PAGE + "#contact-form";
    }

    @GetMapping(CODE_PAGE)
    String codePage(Model model) {
        PageForms.show(model, "contactForm", () -> new ContactForm(null, null, null, null));
        model.addAttribute("validityMinutes", String.valueOf(settings.codeValidity().toMinutes()));
        model.addAttribute("codeAttempts", String.valueOf(settings.codeAttempts()));
        return "portal/contact-code";
    }

    @PostMapping(CODE_PAGE)
    String confirmContactChange(@ModelAttribute("contactForm") ContactForm form, BindingResult errors,
            CitizenUser citizen, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            contactChange.confirm(citizen, form.code(), request.getRemoteAddr());
            redirect.addFlashAttribute("flash", messages.text("portal.account.contact-changed"));
            return "redirect:" + PAGE;
        } catch (ProblemException e) {
            problems.reject(e, errors, LABELS);
        }
        PageForms.keep(redirect, "contactForm", new ContactForm(null, null, null, null), errors);
        return "redirect:" + CODE_PAGE;
    }
}
