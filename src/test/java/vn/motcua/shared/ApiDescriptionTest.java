package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/** The API description is one a generated client can use: who may call each operation, and its errors. */
@IntegrationTest
class ApiDescriptionTest {

    @LocalServerPort
    int port;

    JsonNode docs;

    @BeforeEach
    void read() {
        Api.Response response = Api.anonymous(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        docs = response.json();
    }

    @Test
    void every_operation_is_either_public_on_purpose_or_asks_for_basic_or_a_bearer_token_but_tokens_for_basic() {
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                JsonNode security = operation.getValue().get("security");
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                if (security == null) {
                    wrong.add(name + ": no security stated");
                } else if (path.getKey().startsWith("/api/public/")) {
                    if (!security.isEmpty()) {
                        wrong.add(name + ": public, yet asks for credentials");
                    }
                } else if (name.equals("POST /api/v1/me/tokens") || name.equals("POST /api/citizen/v1/me/tokens")) {
                    // Tokens are issued to the password only, never to a token.
                    if (!security.toString().equals("[{\"basic\":[]}]")) {
                        wrong.add(name + ": " + security);
                    }
                } else if (!security.toString().equals("[{\"basic\":[]},{\"bearer\":[]}]")) {
                    wrong.add(name + ": " + security);
                }
            }
        }
        assertThat(operations).isGreaterThan(60);
        assertThat(wrong).isEmpty();
        assertThat(docs.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(docs.at("/paths/~1api~1v1~1dossiers/post/responses/401").isMissingNode()).isFalse();
    }

    @Test
    void every_operation_documents_its_client_errors_and_the_database_outage_as_rfc_9457_problems() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                List<String> clientErrors = new ArrayList<>();
                for (Map.Entry<String, JsonNode> response : operation.getValue().get("responses").properties()) {
                    if (response.getKey().startsWith("4")) {
                        clientErrors.add(response.getKey());
                        JsonNode schema = response.getValue().at("/content/application~1problem+json/schema/$ref");
                        if (!schema.asString("").equals("#/components/schemas/Problem")) {
                            wrong.add(name + " " + response.getKey() + ": not a problem");
                        }
                    }
                }
                if (clientErrors.isEmpty()) {
                    wrong.add(name + ": no 4xx response");
                }
                JsonNode unavailable = operation.getValue().at("/responses/503");
                if (!unavailable.at("/content/application~1problem+json/schema/$ref").asString("")
                        .equals("#/components/schemas/Problem") || unavailable.at("/headers/Retry-After").isMissingNode()) {
                    wrong.add(name + ": no 503 problem with Retry-After");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(docs.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
        // A change of a dossier can be refused because someone changed it meanwhile.
        assertThat(docs.at("/paths/~1api~1v1~1dossiers~1{code}~1handover/post/responses/409").isMissingNode()).isFalse();
    }

    @Test
    void the_description_names_its_licence() {
        assertThat(docs.at("/info/license/name").asString()).isEqualTo("Apache-2.0");
        assertThat(docs.at("/info/license/url").asString()).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
    }
}
