package vn.motcua.dossier;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.shared.ProblemException;

/**
 * The applicant's satisfaction rating (đánh giá) of a dossier whose result was returned: once, by dossier
 * code and PIN, against the set of criteria in force (kept as versioned data, see V8__evaluation.sql and
 * V16__statistics.sql), whose version the rating records. A wrong code or PIN
 * answers exactly like the public look-up and counts towards its {@link LookupGuard}.
 */
@Service
public class Evaluations {

    /** National portal status code 10: result returned (đã trả kết quả). */
    static final int RETURNED = 10;
    static final int MAX_COMMENT = 2000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final LookupGuard guard;
    private final Clock clock;

    Evaluations(JdbcClient jdbc, JsonMapper json, LookupGuard guard, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.guard = guard;
        this.clock = clock;
    }

    /** One criterion as the citizen sees it; {@code name} in the caller's language. */
    public record Criterion(String code, String name, int maxPoints) {}

    /** The grade of a total: its code and its name in the caller's language. */
    public record Grade(String code, String name) implements Serializable {}

    /**
     * {@code criteriaVersion}: the set of criteria the rating was made against. The rating page keeps it across the
     * redirect in the page session, which lives in the database: hence {@link Serializable}.
     */
    public record Result(int total, int maxTotal, Grade grade, int criteriaVersion) implements Serializable {}

    /** {@code scores}: points per criterion code; JSON values, so that 1.5 or "2" are refused, not rounded. */
    public record Rating(Map<String, JsonNode> scores, String comment) {}

    /** The criteria of the set in force, in order. */
    public List<Criterion> criteria() {
        return criteria(versionInForce());
    }

    /**
     * The criteria of one version of the set, in order: a rating keeps its version, so its scores read against the
     * criteria it was given. Empty for an unknown version.
     */
    public List<Criterion> criteria(int version) {
        boolean english = english();
        return jdbc.sql("select code, name, name_en, max_points from evaluation_criterion where set_version = ?"
                        + " and active order by position, code")
                .param(version)
                .query((rs, n) -> new Criterion(rs.getString("code"),
                        rs.getString(english ? "name_en" : "name"), rs.getInt("max_points")))
                .list();
    }

    /** The version of the criteria new ratings are made against (data: {@code evaluation_criterion_set}). */
    public int versionInForce() {
        return jdbc.sql("select version from evaluation_criterion_set where in_force").query(Integer.class).optional()
                .orElseThrow(() -> new IllegalStateException("No evaluation criterion set is in force"));
    }

    /** Records the rating of a returned dossier; 404 for a wrong code or PIN, 409 if not returned or rated. */
    public Result rate(String code, String pin, String clientAddress, Rating rating) {
        String key = code == null ? "" : code.length() > 60 ? code.substring(0, 60) : code;
        guard.check(key, clientAddress);
        record Row(long id, String pin, int statusCode) {}
        Row dossier = pin == null || !pin.matches("[0-9]{6}") ? null
                : jdbc.sql("select id, lookup_pin, status_code from dossier where code = ?")
                        .param(key)
                        .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                        .optional()
                        .filter(row -> MessageDigest.isEqual(row.pin().getBytes(StandardCharsets.US_ASCII),
                                pin.getBytes(StandardCharsets.US_ASCII)))
                        .orElse(null);
        if (dossier == null) {
            guard.failed(key, clientAddress);
            throw ProblemException.notFound("dossier.lookup.not-found");
        }
        if (dossier.statusCode() != RETURNED) {
            throw ProblemException.conflict("evaluation.not-returned", key);
        }
        if (rated(dossier.id())) {
            throw ProblemException.conflict("evaluation.already-rated", key);
        }
        int version = versionInForce();
        List<Criterion> criteria = criteria(version);
        Map<String, Integer> scores = validate(criteria, rating);
        int total = scores.values().stream().mapToInt(Integer::intValue).sum();
        int maxTotal = criteria.stream().mapToInt(Criterion::maxPoints).sum();
        Grade grade = grade(total);
        String comment = rating.comment() == null || rating.comment().isBlank() ? null : rating.comment().strip();
        // The primary key on dossier_id decides between concurrent submits: only one row gets in.
        int inserted = jdbc.sql("""
                insert into dossier_evaluation (dossier_id, scores, total, max_total, grade, comment, rated_at,
                                                criteria_version)
                values (:id, cast(:scores as jsonb), :total, :maxTotal, :grade, :comment, :at, :version)
                on conflict (dossier_id) do nothing""")
                .param("id", dossier.id())
                .param("scores", json.writeValueAsString(scores))
                .param("total", total)
                .param("maxTotal", maxTotal)
                .param("grade", grade.code())
                .param("comment", comment)
                .param("at", Timestamp.from(clock.instant()))
                .param("version", version)
                .update();
        if (inserted == 0) {
            throw ProblemException.conflict("evaluation.already-rated", key);
        }
        return new Result(total, maxTotal, grade, version);
    }

    /**
     * Whether the dossier with this code has been rated; for the look-up page, after the code and PIN were
     * checked there (so it says nothing to someone without the PIN).
     */
    public boolean rated(String code) {
        return jdbc.sql("select exists (select 1 from dossier_evaluation e join dossier d on d.id = e.dossier_id"
                        + " where d.code = ?)")
                .param(code).query(Boolean.class).single();
    }

    private boolean rated(long dossierId) {
        return jdbc.sql("select exists (select 1 from dossier_evaluation where dossier_id = ?)")
                .param(dossierId).query(Boolean.class).single();
    }

    /** Every active criterion scored with a whole number within its range, nothing else: else one 400 naming each. */
    private static Map<String, Integer> validate(List<Criterion> criteria, Rating rating) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, JsonNode> sent = rating == null || rating.scores() == null ? Map.of() : rating.scores();
        if (sent.isEmpty()) {
            errors.add(new ProblemException.FieldError("scores", "evaluation.scores.required"));
        } else {
            Map<String, Criterion> known = new LinkedHashMap<>();
            criteria.forEach(c -> known.put(c.code(), c));
            for (String code : sent.keySet()) {
                if (!known.containsKey(code)) {
                    String shown = code.length() > 40 ? code.substring(0, 40) + "…" : code;
                    errors.add(new ProblemException.FieldError("scores." + shown, "evaluation.criterion.unknown", shown));
                }
            }
            for (Criterion criterion : criteria) {
                JsonNode points = sent.get(criterion.code());
                String field = "scores." + criterion.code();
                if (points == null || points.isNull()) {
                    errors.add(new ProblemException.FieldError(field, "evaluation.criterion.missing", criterion.name()));
                } else if (!points.isIntegralNumber() || !points.canConvertToInt() || points.intValue() < 0
                        || points.intValue() > criterion.maxPoints()) {
                    errors.add(new ProblemException.FieldError(field, "evaluation.points.range", criterion.name(),
                            criterion.maxPoints()));
                } else {
                    scores.put(criterion.code(), points.intValue());
                }
            }
        }
        String comment = rating == null ? null : rating.comment();
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            errors.add(new ProblemException.FieldError("comment", "evaluation.comment.too-long", MAX_COMMENT));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        return scores;
    }

    /** The grade with the highest threshold the total reaches (thresholds are data: evaluation_grade). */
    private Grade grade(int total) {
        boolean english = english();
        return jdbc.sql("select code, name, name_en from evaluation_grade where min_total <= ?"
                        + " order by min_total desc limit 1")
                .param(total)
                .query((rs, n) -> new Grade(rs.getString("code"), rs.getString(english ? "name_en" : "name")))
                .optional()
                .orElseThrow(() -> new IllegalStateException("No evaluation grade for a total of " + total));
    }

    private static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }
}
