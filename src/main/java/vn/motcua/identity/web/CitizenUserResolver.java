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
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CitizenUser citizen) {
            return citizen; // a bearer token's holder or an identity provider's sign-in, read as it was authenticated
        }
        // A password sign-in is named citizen:<id> (Citizens.actor).
        String name = authentication == null ? "" : authentication.getName();
        return name.startsWith("citizen:") ? citizens.citizen(Long.parseLong(name.substring(8)))
                .orElseThrow(() -> ProblemException.notFound("identity.citizen.not-found"))
                : null;
    }
}
