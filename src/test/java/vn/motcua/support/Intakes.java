package vn.motcua.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Intake bodies for a published procedure, as the public catalogue describes it. */
public final class Intakes {

    private Intakes() {}

    /** One of each mandatory document of {@code procedureCode}, as the desk ticks them. */
    public static List<Map<String, Object>> mandatoryDocuments(int port, String procedureCode) {
        return Api.anonymous(port).get("/api/public/procedures/" + procedureCode).json().get("documents").valueStream()
                .filter(d -> d.get("mandatory").asBoolean())
                .map(d -> Map.<String, Object>of("documentId", d.get("id").asLong(), "count", 1)).toList();
    }

    /** The code of the first published procedure that the catalogue finds for {@code query}. */
    public static String procedure(int port, String query) {
        JsonNode items = Api.anonymous(port).get("/api/public/procedures?q=" + query.replace(' ', '+') + "&size=1")
                .json().get("items");
        return items.get(0).get("code").asString();
    }

    /** A direct intake of {@code procedureCode}, accepted at once, for a citizen named {@code applicant}. */
    public static Map<String, Object> accepted(int port, String procedureCode, String applicant) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", procedureCode);
        body.put("channel", "DIRECT");
        body.put("decision", "ACCEPT");
        body.put("applicant", Map.of("fullName", applicant, "citizenId", "031085001234",
                "address", "1 Lạch Tray, Ngô Quyền, Hải Phòng"));
        body.put("documents", mandatoryDocuments(port, procedureCode));
        return body;
    }
}
