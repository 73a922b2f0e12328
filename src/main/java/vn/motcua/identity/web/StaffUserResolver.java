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
import vn.motcua.identity.Identity;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.ProblemException;

/**
 * Lets any controller take the signed-in member of staff as a parameter ({@code StaffUser caller}) instead of
 * looking the principal up itself. Only for handlers that require authentication.
 */
@Configuration(proxyBeanMethods = false)
class StaffUserResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final Identity identity;

    StaffUserResolver(Identity identity) {
        this.identity = identity;
    }

    @Override
    public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(StaffUser.class);
    }

    @Override
    public StaffUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffUser user) {
            return user; // a bearer token's holder, read (or found in the cache) as the request was authenticated
        }
        String name = authentication == null ? null : authentication.getName();
        return identity.user(name)
                .orElseThrow(() -> ProblemException.notFound("identity.account.not-found", name));
    }
}
