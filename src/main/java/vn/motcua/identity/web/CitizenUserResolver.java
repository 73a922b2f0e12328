package vn.motcua.identity.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.shared.ProblemException;

/**
 * Lets a citizen's handler take the signed-in citizen as a parameter ({@code CitizenUser citizen}), as
 * {@link StaffUserResolver} does for staff. Only for handlers that require a citizen's sign-in.
 */
@Configuration(proxyBeanMethods = false)
class CitizenUserResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Citizens citizens;

    CitizenUserResolver(Citizens citizens) {
        this.citizens = citizens;
    }

    @Override
    public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(CitizenUser.class);
    }

    @Override
    public CitizenUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        // A token's citizen is already read into the security context: taken from there, without a call through the
        // transactional proxy at each request of a program.
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && signedIn.getPrincipal() instanceof CitizenUser citizen) {
            return citizen;
        }
        return citizens.current().orElseThrow(() -> ProblemException.notFound("identity.citizen.not-found"));
    }
}
