package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationTest {

    static final String PROCEDURE = "1.930101.000.00.00.H27";
    /** The set in force: version 2, the nine criteria of the classic index. */
    static final List<String> CRITERIA = List.of("TOTAL_TIME", "AGENCY_TIME", "CONTACTS", "AGENCIES", "POSTAL_ONLINE",
            "EXTRA_COST", "ATTITUDE", "DISCLOSURE", "FEEDBACK");
    /** The first set, which earlier ratings were made against. */
    static final List<String> FIRST_CRITERIA = List.of("WAITING_TIME", "TIME_LIMIT", "CONTACTS", "GUIDANCE",
            "ATTITUDE", "FEES", "DISCLOSURE", "FACILITIES", "RESULT");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LookupGuard guard;

    long document;

    @BeforeAll
    void publishAProcedure() {
        document = ProcessFixtures.publishFourStepProcess(port, PROCEDURE, "Cấp giấy phép thử nghiệm đánh giá",
                "RESTART", "2026-01-02");
    }

    @AfterEach
    void unblock() {
        guard.forgetAll(); // every test calls from 127.0.0.1: do not leave it blocked for the others
    }

    /** A dossier accepted at the desk: {code, lookupPin}. */
    JsonNode accepted(String fullName) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("channel", "DIRECT");
        body.put("applicant", Map.of("fullName", fullName, "citizenId", "031085001234", "phone", "0912 345 678"));
        body.put("documents", List.of(Map.of("documentId", document, "copyKind", "ORIGINAL", "count", 1)));
        body.put("decision", "ACCEPT");
        Api.Response response = Api.as(port, "tiepnhan").post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** A dossier whose result was returned to the applicant: {code, lookupPin}. */
    JsonNode returned(String fullName) {
        JsonNode receipt = accepted(fullName);
        returnResult(receipt.get("code").asString());
        return receipt;
    }

    /** Appraised, approved and returned through the processing API. */
    void returnResult(String code) {
        for (String[] step : new String[][] {{"chuyenvien.sxd", "handover"}, {"lanhdao.sxd", "handover"},
                {"tiepnhan", "return-result"}}) {
            Api.Response done = Api.as(port, step[0]).post("/api/v1/dossiers/" + code + "/" + step[1],
                    Map.of("method", "DIRECT"));
            assertThat(done.status()).as(done.toString()).isEqualTo(200);
        }
    }

    static Map<String, Object> rating(int points) {
        Map<String, Object> scores = new LinkedHashMap<>();
        CRITERIA.forEach(code -> scores.put(code, points));
        Map<String, Object> body = new HashMap<>();
        body.put("scores", scores);
        body.put("comment", "Cán bộ hướng dẫn tận tình.");
        return body;
    }

    Api.Response rate(JsonNode receipt, Object body) {
        return Api.anonymous(port).post("/api/public/dossiers/" + receipt.get("code").asString() + "/evaluation?pin="
                + receipt.get("lookupPin").asString(), body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> scores(Map<String, Object> body) {
        return (Map<String, Object>) body.get("scores");
    }

    static List<String> fields(Api.Response response) {
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    @Test
    void the_criteria_are_listed_in_order_in_vietnamese_or_english() {
        JsonNode vi = Api.anonymous(port).get("/api/public/evaluation-criteria").json();
        assertThat(vi.valueStream().map(c -> c.get("code").asString())).containsExactlyElementsOf(CRITERIA);
        assertThat(vi.valueStream().mapToInt(c -> c.get("maxPoints").asInt()).sum()).isEqualTo(18);
        JsonNode first = vi.get(0);
        assertThat(first.propertyNames()).containsExactly("code", "name", "maxPoints");
        assertThat(first.get("name").asString())
                .isEqualTo("Tổng thời gian giải quyết thủ tục hành chính so với thời gian tối đa theo quy định");
        assertThat(vi.get(6).get("name").asString()).startsWith("Thái độ");

        JsonNode en = Api.anonymous(port).header("Accept-Language", "en").get("/api/public/evaluation-criteria").json();
        assertThat(en.valueStream().map(c -> c.get("code").asString())).containsExactlyElementsOf(CRITERIA);
        assertThat(en.get(0).get("name").asString()).startsWith("Total time");
    }

    @Test
    void the_criteria_are_versioned_a_rating_records_its_version_and_earlier_ratings_read_against_theirs() {
        Api.Response current = Api.anonymous(port).get("/api/public/evaluation-criteria");
        assertThat(current.header("X-Criteria-Version")).isEqualTo("2");
        JsonNode first = Api.anonymous(port).get("/api/public/evaluation-criteria?version=1").json();
        assertThat(first.valueStream().map(c -> c.get("code").asString())).containsExactlyElementsOf(FIRST_CRITERIA);
        assertThat(first.get(0).get("name").asString()).isEqualTo("Thời gian chờ đợi khi nộp hồ sơ và nhận kết quả");
        Api.Response unknown = Api.anonymous(port).get("/api/public/evaluation-criteria?version=99");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("application/problem+json");

        JsonNode receipt = returned("Đặng Văn Phiên Bản");
        JsonNode rated = rate(receipt, rating(1)).json();
        assertThat(rated.get("criteriaVersion").asInt()).isEqualTo(2);
        assertThat(rated.get("total").asInt()).isEqualTo(9);
        assertThat(rated.get("grade").get("code").asString()).isEqualTo("FAIL");
        // Every stored rating's scores name criteria of its own version (the earlier ones, version 1).
        assertThat(jdbc.sql("""
                select count(*) from dossier_evaluation e, jsonb_object_keys(e.scores) k
                where not exists (select 1 from evaluation_criterion c
                                  where c.set_version = e.criteria_version and c.code = k)""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select e.criteria_version from dossier_evaluation e join dossier d on d.id = e.dossier_id"
                + " where d.code = ?").param(receipt.get("code").asString()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void a_dossier_is_rated_only_after_its_result_is_returned_and_only_once() {
        JsonNode receipt = accepted("Nguyễn Văn Đánh Giá");
        Api.Response early = rate(receipt, rating(2));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("chưa được trả kết quả");

        returnResult(receipt.get("code").asString());
        Api.Response rated = rate(receipt, rating(2));
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        JsonNode result = rated.json();
        assertThat(result.get("total").asInt()).isEqualTo(18);
        assertThat(result.get("maxTotal").asInt()).isEqualTo(18);
        assertThat(result.get("grade").get("code").asString()).isEqualTo("VERY_GOOD");
        assertThat(result.get("grade").get("name").asString()).isEqualTo("Rất tốt");
        assertThat(jdbc.sql("select comment from dossier_evaluation e join dossier d on d.id = e.dossier_id"
                + " where d.code = ?").param(receipt.get("code").asString()).query(String.class).single())
                .isEqualTo("Cán bộ hướng dẫn tận tình.");

        Api.Response again = rate(receipt, rating(0));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("đã được đánh giá");
    }

    @Test
    void totals_are_graded_by_the_thresholds() {
        Map<String, Object> good = rating(2);
        scores(good).put("TOTAL_TIME", 0);
        scores(good).put("AGENCIES", 0); // 14
        JsonNode gradeGood = rate(returned("Trần Thị Tốt"), good).json().get("grade");
        assertThat(gradeGood.get("code").asString()).isEqualTo("GOOD");

        Map<String, Object> pass = rating(1);
        scores(pass).put("FEEDBACK", 2); // 10
        JsonNode receipt = returned("Lê Văn Đạt");
        Api.Response english = Api.anonymous(port).header("Accept-Language", "en").post("/api/public/dossiers/"
                + receipt.get("code").asString() + "/evaluation?pin=" + receipt.get("lookupPin").asString(), pass);
        assertThat(english.json().get("total").asInt()).isEqualTo(10);
        assertThat(english.json().get("grade").get("code").asString()).isEqualTo("PASS");
        assertThat(english.json().get("grade").get("name").asString()).isEqualTo("Pass");

        Map<String, Object> fail = rating(1); // 9
        fail.remove("comment");
        JsonNode failed = rate(returned("Phạm Văn Trượt"), fail).json();
        assertThat(failed.get("total").asInt()).isEqualTo(9);
        assertThat(failed.get("grade").get("code").asString()).isEqualTo("FAIL");
        assertThat(failed.get("grade").get("name").asString()).isEqualTo("Không đạt");
    }

    @Test
    void a_wrong_pin_reads_as_an_unknown_dossier_and_counts_towards_the_lookup_guard() {
        JsonNode receipt = returned("Đỗ Văn Sai Mã");
        String code = receipt.get("code").asString();
        Api citizen = Api.anonymous(port);
        Api.Response wrongPin = citizen.post("/api/public/dossiers/" + code + "/evaluation?pin=000000", rating(2));
        Api.Response unknown = citizen.post("/api/public/dossiers/000.00.01.H27-000101-9998/evaluation?pin="
                + receipt.get("lookupPin").asString(), rating(2));
        Api.Response lookup = citizen.get("/api/public/dossiers/" + code + "?pin=000000");
        assertThat(wrongPin.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(wrongPin.json().get("detail")).isEqualTo(unknown.json().get("detail"))
                .isEqualTo(lookup.json().get("detail"));
        assertThat(citizen.post("/api/public/dossiers/" + code + "/evaluation", rating(2)).status()).isEqualTo(404);
        assertThat(citizen.post("/api/public/dossiers/" + code + "/evaluation?pin=", rating(2)).status()).isEqualTo(404);
        for (int i = 0; i < 6; i++) { // with the 4 failures of this code above: 10
            citizen.post("/api/public/dossiers/" + code + "/evaluation?pin=22222" + i, rating(2));
        }
        assertThat(rate(receipt, rating(2)).status()).isEqualTo(429);
        assertThat(citizen.get("/api/public/dossiers/" + code + "?pin=" + receipt.get("lookupPin").asString()).status())
                .isEqualTo(429);
        guard.forgetAll();
        assertThat(rate(receipt, rating(2)).status()).isEqualTo(201);
    }

    @Test
    void invalid_scores_are_refused_naming_each_field() {
        JsonNode receipt = returned("Vũ Thị Chấm Sai");

        Map<String, Object> unknown = rating(2);
        scores(unknown).put("SPEED", 2);
        Api.Response response = rate(receipt, unknown);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("scores.SPEED");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Không có tiêu chí đánh giá mã \"SPEED\".");

        Map<String, Object> outOfRange = rating(2);
        scores(outOfRange).put("ATTITUDE", 3);
        scores(outOfRange).put("EXTRA_COST", -1);
        response = rate(receipt, outOfRange);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("scores.EXTRA_COST", "scores.ATTITUDE");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .contains("phải là số nguyên từ 0 đến 2");

        Map<String, Object> missing = rating(2);
        scores(missing).remove("FEEDBACK");
        response = rate(receipt, missing);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("scores.FEEDBACK");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Chưa chấm điểm tiêu chí \"Việc tiếp thu, giải trình ý kiến phản ánh, kiến nghị của tổ chức,"
                        + " cá nhân\".");

        Map<String, Object> notWhole = rating(2);
        scores(notWhole).put("AGENCIES", 1.5);
        scores(notWhole).put("CONTACTS", "2");
        response = rate(receipt, notWhole);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("scores.CONTACTS", "scores.AGENCIES");

        Map<String, Object> longComment = rating(2);
        longComment.put("comment", "ý".repeat(2001));
        response = Api.anonymous(port).header("Accept-Language", "en").post("/api/public/dossiers/"
                + receipt.get("code").asString() + "/evaluation?pin=" + receipt.get("lookupPin").asString(), longComment);
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("comment");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("2,000 characters");

        response = rate(receipt, Map.of("comment", "Không chấm điểm"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("scores");

        // None of this counted as a rating: a valid one still gets in.
        Map<String, Object> exactly2000 = rating(2);
        exactly2000.put("comment", "ý".repeat(2000));
        assertThat(rate(receipt, exactly2000).status()).isEqualTo(201);
    }

    @Test
    void of_two_simultaneous_ratings_only_one_is_kept() throws Exception {
        JsonNode receipt = returned("Hoàng Văn Đồng Thời");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> submit = () -> rate(receipt, rating(2)).status();
            List<Future<Integer>> results = pool.invokeAll(List.of(submit, submit));
            assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from dossier_evaluation e join dossier d on d.id = e.dossier_id"
                + " where d.code = ?").param(receipt.get("code").asString()).query(Long.class).single()).isEqualTo(1);
    }
}
