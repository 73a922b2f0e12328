package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.identity.ApiTokens;
import vn.motcua.identity.CitizenTokens;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Identity;
import vn.motcua.shared.TextPolicy;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * Hostile text in every string field of every write operation of the API description ({@code /v3/api-docs}): a
 * generated set of values (control characters, NUL, bidirectional overrides, combining marks, emoji, 10 MB, SQL and
 * HTML metacharacters, strings that grow under normalization, a lone surrogate, invalid UTF-8). Held to: never a
 * 5xx, nor a "data conflict" (text only the database refused); no dossier number drawn for a refused request
 * (the daily sequences grow exactly by the dossiers written); what the intake accepts reads back as stored,
 * {@code NFC(value).strip()} (see {@link TextPolicy}).
 *
 * <p>Two passes. The sweep sends, for every POST, PUT and PATCH with a JSON body and every string field its schema
 * names (nested objects and lists included), a body with that field alone, to the objects of
 * {@link MatrixWorld}: the JSON guard refuses what no text may hold before any endpoint sees it, and what is left
 * must be refused as a 4xx by the endpoint. The intake, where dossier numbers are drawn, is called with valid
 * requests otherwise, field by field, and what it accepts is read back. An operation the sweep cannot call is
 * listed in {@link #SKIPPED} with the reason; a write operation neither swept nor listed fails the test.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** Write operations the sweep does not call, and why. */
    static final Map<String, String> SKIPPED = Map.of(
            "POST /api/public/payments/bank-notifications",
            "the bank's signed bytes: the body is read only once its HMAC signature matches (a hostile one: 401)");

    /** Stands for a lone surrogate, written as the JSON escape a Java string cannot carry through a JSON writer. */
    static final String LONE_SURROGATE = "⟦lone-surrogate⟧";
    static final String TEN_MEGABYTES = "Hồ sơ ".repeat(10 * 1024 * 1024 / 8);

    /** The generated set: what a hostile or careless client sends. */
    static final Map<String, String> HOSTILE = hostile();

    static Map<String, String> hostile() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NUL", "Nguyễn\u0000Văn");
        values.put("C0 control", "Nguyễn\u001bVăn");
        values.put("C1 control", "Nguyễn\u0085Văn");
        values.put("line break", "Nguyễn\nVăn");
        values.put("right-to-left override", "Nguyễn \u202Egnàv");
        values.put("isolate", "Nguyễn \u2067Văn\u2069");
        values.put("combining marks", "Nguye\u0302\u0303n Va\u0306n");
        values.put("stacked combining marks", "Z" + "\u0301\u0302\u0303\u0304".repeat(50));
        values.put("emoji", "Nguyễn 👨‍👩‍👧 Văn 📄");
        values.put("SQL", "O'Brien'); DROP TABLE dossier;--");
        values.put("HTML", "<script>alert('x')</script><img src=x onerror=alert(1)>");
        values.put("normalization expander", "\uFB2C".repeat(120));
        values.put("replacement character", "Nguy\uFFFDn");
        values.put("lone surrogate", "Nguyễn" + LONE_SURROGATE);
        values.put("blank", "   ");
        values.put("long", "Nguyễn Văn ".repeat(400));
        return values;
    }

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

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();
    final HttpClient client = HttpClient.newHttpClient();
    final List<String> failures = new ArrayList<>();
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final Set<String> acceptedBy = new java.util.TreeSet<>();
    /** Text the database refused (a "data conflict"): a bound or a rule the request's checks lack. */
    final Set<String> conflicts = new java.util.TreeSet<>();
    AuthorizationMatrixTest matrix;
    JsonNode description;

    @BeforeAll
    void buildTheWorld() {
        matrix = new AuthorizationMatrixTest();
        matrix.port = port;
        // Procedures of its own: the matrix's rows abolish and strip the matrix world's throwaway procedure.
        matrix.world = new MatrixWorld(port, "1.988010.000.00.00.H27", "1.988011.000.00.00.H27");
        matrix.world.build(identity, apiTokens, citizens, citizenTokens);
        description = Api.anonymous(port).get("/v3/api-docs").json();
    }

    @Test
    void hostile_text_in_any_field_is_never_a_5xx_and_draws_no_dossier_number() {
        // The citizen's profile is the demo citizen's, which other tests read: put back as it was afterwards.
        JsonNode profile = matrix.world.as("citizen").get("/api/citizen/v1/me").json();
        try {
            sweep();
        } finally {
            Map<String, Object> restored = new LinkedHashMap<>();
            for (String field : List.of("address", "dateOfBirth", "organizationName", "taxCode")) {
                JsonNode value = profile.get(field);
                restored.put(field, value == null || value.isNull() ? null : value.asString());
            }
            assertThat(matrix.world.as("citizen").put("/api/citizen/v1/me", restored).status()).isEqualTo(200);
        }
    }

    void sweep() {
        long drawnBefore = drawn();
        long writtenBefore = written();
        Map<String, List<String>> swept = new TreeMap<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            String verb = method.getKey().toUpperCase();
            String key = verb + " " + path.getKey();
            JsonNode schema = method.getValue().at("/requestBody/content/application~1json/schema");
            if (!Set.of("POST", "PUT", "PATCH").contains(verb) || schema.isMissingNode() || SKIPPED.containsKey(key)) {
                return;
            }
            List<String> fields = new ArrayList<>();
            strings(schema, "", fields, 0);
            swept.put(key, fields);
            AuthorizationMatrixTest.Operation operation = new AuthorizationMatrixTest.Operation(verb, path.getKey(),
                    false);
            String caller = caller(path.getKey());
            String target = matrix.filled(operation, caller);
            boolean first = true;
            for (String field : fields) {
                for (var value : HOSTILE.entrySet()) {
                    send(key, caller, verb, target, field, value.getKey(), value.getValue());
                }
                if (first) {
                    send(key, caller, verb, target, field, "10 MB", TEN_MEGABYTES);
                    first = false;
                }
            }
        }));
        System.out.printf("Hostile sweep: %d operations, %d string fields, answers by status %s%n", swept.size(),
                swept.values().stream().mapToInt(List::size).sum(), statuses);
        System.out.println("Accepted: " + acceptedBy);
        System.out.println("Data conflicts: " + conflicts);
        assertThat(swept).as("write operations with a JSON body").isNotEmpty();
        assertThat(swept.values().stream().mapToInt(List::size).sum()).as("string fields swept").isGreaterThan(50);
        assertThat(failures).as("5xx answers").isEmpty();
        assertThat(conflicts).as("hostile text the database refused (409 data conflict), not the request's checks")
                .isEmpty();
        assertThat(drawn() - drawnBefore).as("dossier numbers drawn, against dossiers written")
                .isEqualTo(written() - writtenBefore);
    }

    @Test
    void every_write_operation_with_a_json_body_is_swept_or_skipped_with_a_reason() {
        description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            String key = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode content = method.getValue().at("/requestBody/content");
            if (content.has("application/json")) {
                assertThat(content.at("/application~1json/schema").isMissingNode() && !SKIPPED.containsKey(key))
                        .as(key + " has a JSON body without a schema: list it in SKIPPED").isFalse();
            }
        }));
        SKIPPED.keySet().forEach(key -> {
            String[] parts = key.split(" ", 2);
            assertThat(description.at("/paths").get(parts[1])).as(key + " is skipped but no longer described")
                    .isNotNull();
        });
    }

    @Test
    void the_intake_refuses_before_drawing_a_number_and_what_it_accepts_reads_back_as_stored() {
        long drawnBefore = drawn();
        long writtenBefore = written();
        List<String> fields = List.of("applicant.fullName", "applicant.address", "applicant.organizationName",
                "applicant.email", "applicant.phone", "applicant.citizenId", "representative.fullName",
                "representative.authorizationDocument", "representative.phone", "documents[0].copyKind",
                "procedureCode");
        Set<String> echoed = Set.of("applicant.fullName", "applicant.address", "applicant.organizationName",
                "representative.fullName", "representative.authorizationDocument");
        int accepted = 0;
        for (String field : fields) {
            for (var value : HOSTILE.entrySet()) {
                ObjectNode body = intake();
                put(body, field, value.getValue());
                HttpResponse<String> response = post("tiepnhan", "/api/v1/dossiers", body);
                check("POST /api/v1/dossiers", field, value.getKey(), response);
                if (response.statusCode() == 201) {
                    accepted++;
                    // Blank is stored as nothing: there is no text to read back.
                    if (echoed.contains(field) && TextPolicy.stored(value.getValue()) != null) {
                        String code = json.readTree(response.body()).get("code").asString();
                        JsonNode dossier = matrix.world.as("tiepnhan").get("/api/v1/dossiers/" + code).json();
                        String stored = TextPolicy.stored(value.getValue());
                        assertThat(texts(dossier)).as(field + " = " + value.getKey() + " reads back as stored")
                                .contains(stored);
                    }
                }
            }
        }
        for (String field : List.of("supplementItems[0].description", "supplementItems[0].reason", "refusalReason")) {
            for (var value : HOSTILE.entrySet()) {
                ObjectNode body = intake();
                body.put("decision", field.equals("refusalReason") ? "REFUSE" : "SUPPLEMENT");
                put(body, field, value.getValue());
                HttpResponse<String> response = post("tiepnhan", "/api/v1/dossiers", body);
                check("POST /api/v1/dossiers", field, value.getKey(), response);
                accepted += response.statusCode() == 201 ? 1 : 0;
            }
        }
        assertThat(failures).as("5xx answers").isEmpty();
        assertThat(accepted).as("intakes accepted (emoji, SQL, HTML, combining marks are text)").isPositive();
        assertThat(written() - writtenBefore).isEqualTo(accepted);
        assertThat(drawn() - drawnBefore).as("no number drawn for a refused intake").isEqualTo(accepted);
    }

    @Test
    void invalid_utf_8_is_a_400() throws Exception {
        byte[] prefix = "{\"procedureCode\":\"x\",\"applicant\":{\"fullName\":\"Nguy".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "n\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);
        HttpResponse<String> response = client.send(request("tiepnhan", "/api/v1/dossiers")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    }

    /** A valid intake at the desk of the world's procedure, with a representative. */
    ObjectNode intake() {
        ObjectNode body = json.createObjectNode();
        body.put("procedureCode", matrix.world.procedure);
        body.put("channel", "DIRECT");
        body.put("decision", "ACCEPT");
        ObjectNode applicant = body.putObject("applicant");
        applicant.put("fullName", "Lý Thị Thử");
        applicant.put("citizenId", "031085001234");
        applicant.put("phone", "0912 345 678");
        applicant.put("email", "ly@example.vn");
        applicant.put("address", "3 Điện Biên Phủ, Hồng Bàng, Hải Phòng");
        ObjectNode representative = body.putObject("representative");
        representative.put("fullName", "Lý Văn Đại Diện");
        representative.put("citizenId", "031185001234");
        representative.put("phone", "0912 345 679");
        representative.put("authorizationDocument", "Giấy ủy quyền số 12/2026");
        ArrayNode documents = body.putArray("documents");
        Api.anonymous(port).get("/api/public/procedures/" + matrix.world.procedure).json().get("documents")
                .forEach(d -> documents.addObject().put("documentId", d.get("id").asLong()).put("copyKind", "ORIGINAL")
                        .put("count", 1));
        ObjectNode item = body.putArray("supplementItems").addObject();
        item.put("description", "Bản sao sổ hộ khẩu");
        item.put("reason", "Bản đã nộp bị mờ");
        body.put("refusalReason", "Không thuộc thẩm quyền");
        return body;
    }

    /** Sends {@code value} as {@code field}, alone in the body (a stale revision where the body has one). */
    void send(String key, String caller, String verb, String target, String field, String label, String value) {
        JsonNode body = field.startsWith("[") ? json.createArrayNode() : json.createObjectNode();
        put(body, field, value);
        if (body instanceof ObjectNode object && target.startsWith("/api/v1/dossiers/")
                && !field.equals("expectedVersion")) {
            object.put("expectedVersion", -1);
        }
        HttpRequest.Builder request = request(caller, target).method(verb, HttpRequest.BodyPublishers.ofString(
                raw(body), StandardCharsets.UTF_8));
        check(key, field, label, send(request));
    }

    void check(String key, String field, String label, HttpResponse<String> response) {
        statuses.merge(response.statusCode(), 1, Integer::sum);
        if (response.statusCode() < 300) {
            acceptedBy.add(key + " " + field);
        }
        if (response.statusCode() == 409 && response.body().contains("\"title\":\"Xung đột dữ liệu\"")
                && response.body().contains("Dữ liệu trùng hoặc mâu thuẫn")) {
            conflicts.add(key + " " + field + " = " + label);
        }
        if (response.statusCode() >= 500) {
            String body = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
            failures.add(key + " " + field + " = " + label + ": " + response.statusCode() + " " + body);
        }
    }

    HttpResponse<String> post(String caller, String path, JsonNode body) {
        return send(request(caller, path).POST(HttpRequest.BodyPublishers.ofString(raw(body), StandardCharsets.UTF_8)));
    }

    HttpRequest.Builder request(String caller, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-Forwarded-For", MatrixWorld.CLIENT_ADDRESS);
        String authorization = matrix.world.callers.get(caller);
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as sent: JSON, with the lone surrogate as its escape. */
    String raw(JsonNode body) {
        return json.writeValueAsString(body).replace(LONE_SURROGATE, "\\ud800");
    }

    /** Staff calls as the administrator, the portal as the citizen, public operations anonymously. */
    static String caller(String path) {
        return path.startsWith("/api/citizen/") ? "citizen" : path.startsWith("/api/public/") ? "anonymous" : "admin";
    }

    /** The paths of the string fields of {@code schema}: {@code applicant.fullName}, {@code items[0].reason}. */
    void strings(JsonNode schema, String prefix, List<String> fields, int depth) {
        JsonNode resolved = resolve(schema);
        if (depth > 4 || resolved == null) {
            return;
        }
        if (isType(resolved, "string")) {
            fields.add(prefix);
            return;
        }
        if (isType(resolved, "array")) {
            strings(resolved.get("items"), prefix + "[0]", fields, depth + 1);
            return;
        }
        JsonNode properties = resolved.get("properties");
        if (properties != null) {
            properties.properties().forEach(property -> strings(property.getValue(),
                    prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey(), fields, depth + 1));
        }
    }

    JsonNode resolve(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return null;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return description.at("/components/schemas").get(name);
        }
        for (String combination : List.of("oneOf", "anyOf", "allOf")) {
            if (schema.has(combination)) {
                return resolve(schema.get(combination).get(0));
            }
        }
        return schema;
    }

    static boolean isType(JsonNode schema, String type) {
        JsonNode types = schema.get("type");
        if (types == null) {
            return false;
        }
        return types.isArray() ? types.valueStream().anyMatch(t -> t.asString().equals(type))
                : types.asString().equals(type);
    }

    /** Sets {@code value} at {@code path} ({@code a.b[0].c}, {@code [0]}), making the objects and lists on the way. */
    static void put(JsonNode root, String path, String value) {
        JsonNode node = root;
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                if (bracket > 0) {
                    steps.add(part.substring(0, bracket));
                }
                steps.add("[0]");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            boolean last = i == steps.size() - 1;
            boolean nextIsIndex = !last && steps.get(i + 1).equals("[0]");
            if (step.equals("[0]")) {
                ArrayNode array = (ArrayNode) node;
                if (last) {
                    if (array.isEmpty()) {
                        array.add(value);
                    } else {
                        array.set(0, value);
                    }
                    return;
                }
                if (array.isEmpty()) {
                    if (nextIsIndex) {
                        array.addArray();
                    } else {
                        array.addObject();
                    }
                }
                node = array.get(0);
            } else {
                ObjectNode object = (ObjectNode) node;
                if (last) {
                    object.put(step, value);
                    return;
                }
                JsonNode child = object.get(step);
                if (child == null || !(child.isObject() || child.isArray())) {
                    child = nextIsIndex ? object.putArray(step) : object.putObject(step);
                }
                node = child;
            }
        }
    }

    /** Every text of {@code node}, at any depth. */
    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isString()) {
            texts.add(node.asString());
        }
        node.forEach(child -> texts.addAll(texts(child)));
        return texts;
    }

    long drawn() {
        return jdbc.sql("select coalesce(sum(last), 0) from dossier_sequence").query(Long.class).single();
    }

    long written() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }
}
