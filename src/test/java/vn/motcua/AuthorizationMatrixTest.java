package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.ApiTokens;
import vn.motcua.identity.CitizenTokens;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Identity;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.Pdfs;

/**
 * Who may call what: every operation of the API description ({@code /v3/api-docs}) called by every kind of caller,
 * each answer held to the table {@value #TABLE}, which a person reads and reviews. An operation the description
 * has and the table lacks fails the test, and so does a row for an operation that is gone: a new endpoint comes
 * with its row. The callers and the objects the paths name are {@link MatrixWorld}'s.
 *
 * <p>An answer is read as ALLOW (authorization let the call through: 2xx, or 400, 409, 410, 415, 422 about the
 * request or the object's state), DENY (401 without credentials, 403 for the caller's roles, unit or kind of
 * account) or HIDDEN (404: the object is not the caller's to see, answered as an unknown one). Writes are made to
 * fail after authorization where they can (a stale {@code expectedVersion}, a missing field) so that the rows do
 * not change what later rows find; reads run first, deletions last.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    static final String TABLE = "/authorization-matrix.tsv";
    static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    static final List<String> PHASES = List.of("GET", "PUT", "PATCH", "POST", "DELETE");
    /** The order of the calls: every read before any write, deletions last. */
    static final Comparator<Operation> READS_FIRST = Comparator.comparing((Operation o) -> PHASES.indexOf(o.method()))
            .thenComparing(Operation::path);
    /** The order of the table's rows: by path, then method. */
    static final Comparator<Operation> AS_LISTED = Comparator.comparing(Operation::path)
            .thenComparing(o -> PHASES.indexOf(o.method()));

    @LocalServerPort
    int port;

    @Autowired
    Identity identity;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    Citizens citizens;

    @Autowired
    CitizenTokens citizenTokens;

    MatrixWorld world;

    @BeforeAll
    void buildTheWorld() {
        world = new MatrixWorld(port);
        world.build(identity, apiTokens, citizens, citizenTokens);
    }

    /** One operation of the description: its method, path template and whether its body is multipart. */
    record Operation(String method, String path, boolean multipart) {
        String key() {
            return method + " " + path;
        }
    }

    @Test
    void every_operation_answers_every_kind_of_caller_as_the_table_says() throws IOException {
        Map<String, Operation> described = described();
        Map<String, List<String>> table = new LinkedHashMap<>();
        List<String> columns = read(table);
        assertThat(columns).as("the table's columns are the callers").isEqualTo(List.copyOf(world.callers.keySet()));

        Set<String> missing = new TreeSet<>(described.keySet());
        missing.removeAll(table.keySet());
        Set<String> gone = new TreeSet<>(table.keySet());
        gone.removeAll(described.keySet());
        assertThat(missing).as("operations of the API description without a row in " + TABLE).isEmpty();
        assertThat(gone).as("rows of " + TABLE + " for operations the API description no longer has").isEmpty();

        List<String> wrong = new ArrayList<>();
        Map<Operation, List<String>> answered = new TreeMap<>(AS_LISTED);
        List<Operation> operations = described.values().stream().sorted(READS_FIRST).toList();
        for (Operation operation : operations) {
            List<String> expected = table.get(operation.key());
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String caller = columns.get(i);
                Api.Response response = call(operation, caller);
                outcomes.add(outcome(response.status()));
                if (!outcomes.get(i).equals(expected.get(i))) {
                    wrong.add(operation.key() + " as " + caller + ": " + expected.get(i) + " expected, "
                            + outcomes.get(i) + " answered (" + abbreviated(response) + ")");
                }
            }
            answered.put(operation, outcomes);
        }
        StringBuilder review = new StringBuilder("operation\t" + String.join("\t", columns) + "\n");
        answered.forEach((operation, outcomes) -> review.append(operation.key()).append('\t')
                .append(String.join("\t", outcomes)).append('\n'));
        assertThat(wrong).as("answers that differ from " + TABLE + "; the table of the answers, to review:\n" + review)
                .isEmpty();
    }

    /** The operations of {@code /v3/api-docs}, by {@code METHOD /path}. */
    Map<String, Operation> described() {
        JsonNode paths = Api.anonymous(port).get("/v3/api-docs").json().get("paths");
        Map<String, Operation> operations = new LinkedHashMap<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode content = method.getValue().at("/requestBody/content");
            boolean multipart = content.has("multipart/form-data") && !content.has("application/json");
            Operation operation = new Operation(method.getKey().toUpperCase(), path.getKey(), multipart);
            operations.put(operation.key(), operation);
        }));
        return operations;
    }

    /** Reads the table's rows into {@code rows}; answers its columns (the callers). */
    static List<String> read(Map<String, List<String>> rows) throws IOException {
        List<String> columns = null;
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.strip().split("\t+"));
                if (columns == null) {
                    assertThat(cells.get(0)).isEqualTo("operation");
                    columns = cells.subList(1, cells.size());
                    continue;
                }
                assertThat(cells).as(line).hasSize(columns.size() + 1);
                assertThat(rows.put(cells.get(0), cells.subList(1, cells.size()))).as("a second row " + cells.get(0))
                        .isNull();
            }
        }
        return columns;
    }

    /** Issued only to a call with the password: with a token every caller would read DENY. */
    static final Set<String> TOKEN_ISSUING = Set.of("POST /api/v1/me/tokens", "POST /api/citizen/v1/me/tokens");

    static String outcome(int status) {
        if (status == 401 || status == 403) {
            return "DENY";
        }
        if (status == 404) {
            return "HIDDEN";
        }
        if (status >= 200 && status < 300 || Set.of(400, 409, 410, 415, 422).contains(status)) {
            return "ALLOW";
        }
        return "UNEXPECTED-" + status;
    }

    static String abbreviated(Api.Response response) {
        String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
        return response.status() + (body.length() > 160 ? " " + body.substring(0, 160) + "…" : " " + body);
    }

    Api.Response call(Operation operation, String caller) {
        String path = filled(operation, caller) + query(operation.path());
        Api api = TOKEN_ISSUING.contains(operation.key()) ? world.withPassword(caller) : world.as(caller);
        if (operation.multipart()) {
            return api.uploadAll(path, files(operation.path()), fields(operation.path()));
        }
        return api.send(operation.method(), path, body(operation));
    }

    /** The path with every variable replaced by a real value of the world. */
    String filled(Operation operation, String caller) {
        String path = operation.path();
        Matcher variable = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(filled, Matcher.quoteReplacement(value(operation, variable.group(1), caller)));
        }
        return variable.appendTail(filled).toString();
    }

    private String value(Operation operation, String name, String caller) {
        String path = operation.path();
        return switch (name) {
            case "code" -> path.contains("/procedures/") ? world.throwaway
                    // The desk's decisions before acceptance (by the wrong roles of its unit among others), and the
                    // forms, which a dossier not yet accepted answers with 409 rather than a PDF drawn for each caller.
                    : path.endsWith("/request-supplement") || path.endsWith("/supplement-received")
                            || path.startsWith("/api/v1/dossiers/{code}/") && path.endsWith(".pdf")
                                    && !path.contains("/payments/") ? world.newDossier
                    : world.dossier;
            case "id" -> String.valueOf(id(operation, caller));
            case "username" -> MatrixWorld.TARGET;
            case "date" -> MatrixWorld.DAY;
            case "version", "requestId" -> "1";
            case "documentId" -> String.valueOf(world.throwawayDocument);
            case "attachmentId" -> String.valueOf(world.taskAttachment);
            case "fileId" -> String.valueOf(world.draftFile);
            case "resultCode" -> world.resultCode;
            case "form" -> "receipt";
            default -> throw new AssertionError("No value for {" + name + "} of " + operation.key()
                    + ": give one in AuthorizationMatrixTest.value");
        };
    }

    private long id(Operation operation, String caller) {
        String path = operation.path();
        if (path.contains("/me/tokens/")) {
            return world.spareTokens.getOrDefault(caller, 0L);
        }
        if (path.startsWith("/api/v1/tasks/")) {
            return world.task;
        }
        if (path.startsWith("/api/v1/payments/")) {
            return path.endsWith("/assign") ? world.creditToAssign : world.creditToReturn;
        }
        if (path.startsWith("/api/citizen/v1/drafts/")) {
            return operation.method().equals("DELETE") && path.endsWith("/drafts/{id}") ? world.draftToDiscard
                    : world.draft;
        }
        if (path.startsWith("/api/citizen/v1/notices/")) {
            return world.notice;
        }
        if (path.contains("/files/")) {
            return world.file;
        }
        if (path.contains("/results/")) {
            return world.result;
        }
        if (path.contains("/payments/{id}/receipt")) {
            return world.cash;
        }
        throw new AssertionError("No value for {id} of " + operation.key() + ": give one in AuthorizationMatrixTest.id");
    }

    /** The query parameters an operation cannot do without. */
    private String query(String path) {
        return switch (path) {
            case "/api/public/calendar/lunar" -> "?date=2026-12-03";
            case "/api/public/calendar/solar" -> "?lunarDay=1&lunarMonth=1&lunarYear=2026";
            case "/api/public/calendar/days" -> "?from=2026-12-01&to=2026-12-07";
            case "/api/public/calendar/deadline" -> "?from=2026-12-03T08:00&workingDays=5";
            case "/api/public/dossiers/{code}", "/api/public/dossiers/{code}/evaluation" -> "?pin=" + world.pin;
            case "/api/v1/reports/dossiers", "/api/v1/reports/tracking-book", "/api/v1/payments/statistics" ->
                    "?from=2026-01-01&to=2026-01-31";
            // A format it does not write (400): every member of staff may export, and a workbook costs half a second.
            case "/api/v1/tasks/export" -> "?format=pdf";
            default -> "";
        };
    }

    /**
     * A JSON body: for the dossier's transitions one with a stale {@code expectedVersion} (or of a state that refuses
     * them), so that those let through are answered 409 and nothing changes; elsewhere an empty or invalid one, which
     * those let through are answered 400 for.
     */
    private Object body(Operation operation) {
        String path = operation.path();
        if (operation.method().equals("GET") || operation.method().equals("DELETE")) {
            return null;
        }
        Map<String, Object> stale = new LinkedHashMap<>(Map.of("expectedVersion", -1));
        if (path.startsWith("/api/v1/dossiers/{code}/")) {
            switch (path.substring(path.lastIndexOf('/') + 1)) {
                case "request-supplement" -> stale.put("items", List.of(Map.of("description", "Bản sao sổ đỏ",
                        "reason", "Bản đã nộp là bản chụp")));
                case "apology" -> {
                    stale.put("reason", "Cần xác minh thêm");
                    stale.put("newDueAt", "2099-01-05T08:00:00+07:00");
                }
                case "send-back", "stop", "withdraw", "refuse" -> stale.put("reason", "Thử quyền");
                case "return-result" -> stale.put("method", "DIRECT");
                default -> { }
            }
            return stale;
        }
        return switch (path) {
            case "/api/v1/payments/{id}/assign" -> Map.of("dossierCode", world.closedDossier);
            case "/api/v1/accounts/{username}/roles" -> List.of("SPECIALIST");
            case "/api/v1/procedures/import" -> List.of();
            case "/api/v1/tasks/{id}/progress" -> Map.of("percent", 101);
            case "/api/v1/tasks/{id}/complete" -> Map.of("completedOn", "2099-01-05");
            case "/api/v1/me/tokens", "/api/citizen/v1/me/tokens" -> Map.of("name", "");
            case "/api/citizen/v1/me" -> Map.of("taxCode", "123");
            case "/api/public/payments/bank-notifications" -> "{}";
            default -> Map.of();
        };
    }

    /** The file parts of a multipart operation: a PDF, or none where a missing file is what it is answered for. */
    private List<Api.Part> files(String path) {
        if (path.endsWith("/template")) {
            return List.of();
        }
        if (path.equals("/api/v1/tasks/{id}/attachments")) {
            return List.of(new Api.Part("file", "ghi-chu.txt", "not a PDF".getBytes(StandardCharsets.UTF_8)));
        }
        return List.of(new Api.Part("file", "thu-quyen.pdf", Pdfs.document("Thu quyen")));
    }

    /** The text parts of a multipart operation, chosen so that those let through are refused after authorization. */
    private Map<String, String> fields(String path) {
        return switch (path) {
            case "/api/v1/dossiers/{code}/files" -> Map.of("documentId", "999999999");
            case "/api/citizen/v1/dossiers/{code}/supplement" -> Map.of("note", "Bổ sung bản vẽ");
            case "/api/citizen/v1/drafts/{id}/files" -> Map.of("documentId", "999999999");
            default -> Map.of();
        };
    }
}
