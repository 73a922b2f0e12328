package vn.motcua.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description's frame ({@code /v3/api-docs}): title, licence, and the errors every operation can answer,
 * each an RFC 9457 problem ({@code application/problem+json}, schema {@code Problem}), so that a generated client
 * knows them. Which errors an operation documents follows from its shape, as the handlers answer them: 400 when
 * it takes parameters or a body (validation), 404 when its path names a resource, 409 and 422 when it changes
 * one (a concurrent edit or an illegal transition; a rule that refuses the change); 503 with {@code Retry-After}
 * for every operation (the database cannot be reached: {@code DatabaseOutageFilter}). Who may call an operation
 * (and its 401 and 403) is described by the identity module.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    public static final String PROBLEM = "Problem";
    private static final Set<PathItem.HttpMethod> CHANGES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** A response whose body is a {@link #PROBLEM}. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** Adds the response unless the operation already documents that status. */
    public static void document(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(status, problem(description));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.info(new Info().title("motcua — Một cửa").version("v1")
                    .description("Bộ phận Một cửa và cải cách hành chính: danh mục thủ tục, hồ sơ, nhiệm vụ, lịch làm việc. "
                            + "One-stop desk and administrative reform: procedures, dossiers, tasks, working calendar. "
                            + "Times without an offset are Vietnam time (UTC+7); answers carry the offset.")
                    .license(new License().name("Apache-2.0").identifier("Apache-2.0")
                            .url("https://www.apache.org/licenses/LICENSE-2.0")));
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                boolean input = operation.getRequestBody() != null
                        || (operation.getParameters() != null && !operation.getParameters().isEmpty());
                if (input) {
                    document(operation, "400", "Invalid input: the problem's errors name each field");
                }
                if (path.contains("{")) {
                    document(operation, "404", "No such resource, or not one the caller may see");
                }
                if (CHANGES.contains(method)) {
                    document(operation, "409", "Changed meanwhile (expectedVersion) or not allowed in its status");
                    document(operation, "422", "Refused by a rule; the detail says which");
                }
                if (operation.getResponses().keySet().stream().noneMatch(status -> status.startsWith("4"))) {
                    // Nothing to get wrong but the media type: Spring answers 406 when none can be produced.
                    document(operation, "406", "None of the accepted media types can be produced");
                }
                // Any operation, whatever it needs: the database (or the whole node) may be unreachable for a moment.
                operation.getResponses().putIfAbsent("503", problem("The database cannot be reached for the moment "
                        + "(a restart, a failover): try again after Retry-After seconds; a GET, or a write with an "
                        + "Idempotency-Key, whose connection broke was already retried once")
                        .addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                                .schema(new IntegerSchema())));
            }));
        };
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem detail, in Vietnamese (English with Accept-Language: en)")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())))
                .required(List.of("title", "status"));
    }
}
