package vn.motcua.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motcua.identity.CitizenSignInProviders;
import vn.motcua.identity.Citizens;
import vn.motcua.portal.Inbox;

/**
 * The citizens' sign-in page (a password, or one of the identity providers configured), and what every citizen's
 * page shows in its frame ({@code portal/layout}): the signed-in citizen as {@code citizen}, or none, and the number
 * of their notices not read ({@code unreadNotices}).
 */
@Controller
class PortalPages implements WebMvcConfigurer, HandlerInterceptor {

    private final Citizens citizens;
    private final CitizenSignInProviders providers;
    private final Inbox inbox;
    private final int maxFailedLogins;
    private final Duration lockoutDuration;

    PortalPages(Citizens citizens, CitizenSignInProviders providers, Inbox inbox,
            @Value("${motcua.security.max-failed-logins:5}") int maxFailedLogins,
            @Value("${motcua.security.lockout-duration:15m}") Duration lockoutDuration) {
        this.citizens = citizens;
        this.providers = providers;
        this.inbox = inbox;
        this.maxFailedLogins = maxFailedLogins;
        this.lockoutDuration = lockoutDuration;
    }

    @GetMapping("/cong-dan/dang-nhap")
    @PreAuthorize("permitAll()")
    String signIn(Model model) {
        if (citizens.current().isPresent()) {
            return "redirect:/cong-dan/ho-so";
        }
        model.addAttribute("maxFailedLogins", String.valueOf(maxFailedLogins));
        model.addAttribute("lockoutMinutes", String.valueOf(lockoutDuration.toMinutes()));
        model.addAttribute("providers", providers.all());
        return "portal/sign-in";
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/cong-dan/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view != null && view.isReference() && view.getViewName() != null
                && !view.getViewName().startsWith("redirect:") && !view.getModel().containsKey("citizen")) {
            Citizens.CitizenUser citizen = citizens.current().orElse(null);
            view.addObject("citizen", citizen);
            // The navigation's badge: notices not read yet.
            view.addObject("unreadNotices", citizen == null ? 0L : inbox.unread(citizen.id()));
        }
    }
}
