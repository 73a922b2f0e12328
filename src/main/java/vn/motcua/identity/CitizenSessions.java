package vn.motcua.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A citizen's page session after the citizen changed the password on a page: {@link Citizens#changePassword} ended
 * every other session and put the new password's stamp in this request's security context; this keeps the session
 * going under a new id (whoever knew the old id learns nothing from it) with that context.
 */
@Component
public class CitizenSessions {

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    CitizenSessions() {
        contexts.setSpringSecurityContextKey(SecurityConfiguration.CITIZEN_CONTEXT_KEY);
    }

    public void keepAfterPasswordChange(HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        contexts.saveContext(SecurityContextHolder.getContext(), request, response);
    }
}
