package vn.motcua.identity;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motcua.shared.web.ApiDescription;

/**
 * How the API description says who may call what, as {@link SecurityConfiguration} decides it: under
 * {@code /api/public} anyone (an empty security list: public on purpose, not forgotten); everything else under
 * {@code /api} with HTTP Basic or a bearer token from {@code POST /api/v1/me/tokens}, answering 401 without valid
 * credentials and 403 when the caller's roles or unit do not allow it; but tokens are issued to HTTP Basic only
 * ({@link PresentedToken#refuseIssuing}).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityDescription {

    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String PUBLIC = "/api/public/";
    /** Issuing a token: {@code POST /api/v1/me/tokens}, {@code POST /api/citizen/v1/me/tokens}. */
    static final String TOKENS = "/me/tokens";

    @Bean
    OpenApiCustomizer securityDescription() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                            .description("Staff account: username and password (each request checks the password)"))
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .bearerFormat("opaque")
                            .description("API token of a staff account, from POST /api/v1/me/tokens"));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                if (path.startsWith(PUBLIC)) {
                    operation.setSecurity(List.of());
                    return;
                }
                ApiDescription.document(operation, "401",
                        "No valid credentials, or a password while the account is locked (its tokens still work)");
                if (operation == item.getPost() && path.endsWith(TOKENS)) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
                    ApiDescription.document(operation, "403", "The caller's roles do not allow it, or the call came "
                            + "with a bearer token: tokens are issued to the password only");
                    return;
                }
                operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC),
                        new SecurityRequirement().addList(BEARER)));
                ApiDescription.document(operation, "403", "The caller's roles or unit do not allow it");
            }));
        };
    }
}
