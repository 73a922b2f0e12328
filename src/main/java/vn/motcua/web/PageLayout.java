package vn.motcua.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Role;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.organization.OrganizationViews.UnitView;

/**
 * Gives every full page (not htmx fragments, not redirects, not JSON) what the layout shows: the signed-in
 * user ({@code me}), the current section for the navigation ({@code section}) and the links that switch
 * the language while staying on the same page ({@code langVi}, {@code langEn}).
 */
@Configuration(proxyBeanMethods = false)
class PageLayout implements WebMvcConfigurer, HandlerInterceptor {

    /** The signed-in member of staff as the layout shows them. */
    record Me(String username, String fullName, String unitName, String agencyName, List<Role> roles) {}

    private final Identity identity;
    private final Organization organization;

    PageLayout(Identity identity, Organization organization) {
        this.identity = identity;
        this.organization = organization;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/webjars/**", "/css/**", "/js/**", "/img/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || !view.isReference() || view.getViewName() == null
                || view.getViewName().startsWith("redirect:") || view.getViewName().contains("::")) {
            return;
        }
        if (!view.getModel().containsKey("me")) {
            view.addObject("me", me());
        }
        boolean error = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
        String path = error ? "/" : request.getRequestURI().substring(request.getContextPath().length());
        view.addObject("section", path.equals("/") ? "home" : path.split("/")[1]);
        // Relative (path and query only): a link built from the request's Host header would lead wherever the
        // sender of a forged Host wanted.
        UriComponentsBuilder here = UriComponentsBuilder.fromPath(request.getContextPath() + (error ? "/" : path));
        if (!error && !"POST".equals(request.getMethod()) && request.getQueryString() != null) {
            here.query(request.getQueryString());
        }
        view.addObject("langVi", here.cloneBuilder().replaceQueryParam("lang", "vi").build().toUriString());
        view.addObject("langEn", here.cloneBuilder().replaceQueryParam("lang", "en").build().toUriString());
    }

    Me me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return identity.user(auth.getName()).map(user -> {
            UnitView unit = organization.unit(user.unitCode()).orElse(null);
            String agency = unit == null ? null : organization.agencies().stream()
                    .filter(a -> a.code().equals(unit.agencyCode())).map(AgencyView::name).findFirst().orElse(null);
            return new Me(user.username(), user.fullName(), unit == null ? user.unitCode() : unit.name(), agency,
                    user.roles().stream().sorted().toList());
        }).orElse(null);
    }
}
