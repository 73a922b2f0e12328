package vn.motcua.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.dossier.ProcessFixtures;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestClock;
import vn.motcua.support.WebSession;

/**
 * The work queue, the leader's view and the processing actions of the dossier page over plain HTTP, on a
 * procedure of this test's own (desk VP.MC → SXD.QLXD specialist → SXD.LD leader → desk), in force since
 * 2010 so that a dossier can be made long overdue.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkPagesTest {

    static final String PROCEDURE = "1.960002.000.00.00.H27";
    /** Monday 1 March 2010, 09:00: a dossier accepted then is overdue at every step today. */
    static final LocalDateTime LONG_AGO = LocalDateTime.of(2010, 3, 1, 9, 0);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    long document;

    @BeforeAll
    void publishTheProcedure() {
        document = ProcessFixtures.publishFourStepProcess(port, PROCEDURE, "Thủ tục thử nghiệm trang hồ sơ chờ xử lý", "RESTART", "2010-01-04");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A dossier accepted by the desk through the API: it waits at SXD.QLXD. */
    String accepted(String applicant) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("channel", "DIRECT");
        body.put("applicant", Map.of("fullName", applicant, "citizenId", "031085001234", "phone", "0912345678",
                "address", "5 Lê Lợi, Ngô Quyền, Hải Phòng"));
        body.put("documents", List.of(Map.of("documentId", document)));
        Api.Response response = Api.as(port, "tiepnhan").post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asString();
    }

    /**
     * Every page of a queue, one after the other: other tests leave overdue dossiers at the same unit, and
     * those come first.
     */
    static String allPages(WebSession session, String path) {
        StringBuilder pages = new StringBuilder();
        String next = path;
        for (int n = 0; next != null && n < 50; n++) {
            Api.Response response = session.get(next);
            assertThat(response.status()).as(next).isEqualTo(200);
            pages.append(response.body());
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"([^\"]+)\" rel=\"next\"")
                    .matcher(response.body());
            next = link.find() ? link.group(1).replace("&amp;", "&") : null;
        }
        return pages.toString();
    }

    int revision(String code) {
        return Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code).json().get("revision").asInt();
    }

    @Test
    void theQueueShowsADossierAtItsUnitAndNotInAnotherUnitsQueue() {
        String code = accepted("Trần Thị Hàng Đợi");

        WebSession specialist = WebSession.signIn(port, "chuyenvien.sxd");
        String queue = allPages(specialist, "/work");
        assertThat(queue).contains("Hồ sơ chờ xử lý").contains("data-code=\"" + code + "\"")
                .contains("href=\"/desk/dossiers/" + code + "\"").contains("Trần Thị Hàng Đợi")
                .contains("Thẩm định").contains("id=\"nav-work\"");
        assertThat(allPages(specialist, "/work?scope=mine")).contains("data-code=\"" + code + "\"");
        assertThat(allPages(WebSession.signIn(port, "chuyenvien"), "/work")).doesNotContain(code);
        assertThat(allPages(WebSession.signIn(port, "lanhdao.sxd"), "/work")).doesNotContain(code);
        assertThat(allPages(WebSession.signIn(port, "tiepnhan"), "/work")).doesNotContain(code);
        // A monitor has no unit queue of their own.
        assertThat(WebSession.signIn(port, "giamsat").get("/work").status()).isEqualTo(403);
    }

    @Test
    void theOverdueTabShowsOnlyOverdueDossiersInRed() {
        clock.set(LONG_AGO);
        String late = accepted("Lê Văn Quá Hạn");
        clock.reset();
        String fresh = accepted("Lê Văn Còn Hạn");

        WebSession specialist = WebSession.signIn(port, "chuyenvien.sxd");
        // The long-overdue dossier is the most urgent of all: first on the first page.
        String overdue = specialist.get("/work?due=overdue").body();
        String soon = allPages(specialist, "/work?due=soon");
        String all = allPages(specialist, "/work");

        assertThat(overdue).contains("data-code=\"" + late + "\"");
        assertThat(allPages(specialist, "/work?due=overdue")).doesNotContain(fresh);
        assertThat(overdue)
                .containsPattern("class=\"table-danger work-overdue\"\\s+data-code=\"" + java.util.regex.Pattern.quote(late)
                        + "\"|data-code=\"" + java.util.regex.Pattern.quote(late) + "\"\\s+class=\"table-danger work-overdue\"");
        assertThat(overdue).contains("Quá hạn");
        assertThat(soon).doesNotContain(late).doesNotContain(fresh);
        assertThat(all).contains(fresh);
        // The most urgent first: the long-overdue dossier comes before the fresh one.
        assertThat(all.indexOf(late)).isNotNegative().isLessThan(all.indexOf(fresh));
    }

    @Test
    void theLeaderSeesEachUnitsFiguresAndAnAccessibleChart() {
        String code = accepted("Phạm Văn Biểu Đồ");
        Api.Response handedOver = Api.as(port, "chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/handover",
                Map.of("note", "Đủ điều kiện"));
        assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(200);

        Api.Response view = WebSession.signIn(port, "lanhdao.sxd").get("/work/units");

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).contains("Theo dõi tình hình giải quyết theo đơn vị")
                .containsPattern("<tr data-unit=\"SXD.QLXD\">")
                .containsPattern("<tr data-unit=\"SXD.LD\">")
                .containsPattern("<svg id=\"on-time-chart\"[^>]*role=\"img\"")
                .contains("<title id=\"chart-title\">Tỉ lệ xử lý đúng hạn theo đơn vị</title>")
                .containsPattern("<g class=\"chart-row\" data-unit=\"SXD.QLXD\">")
                .containsPattern("\\d+(,\\d)? %</text>")
                .contains("id=\"nav-units\"");
        // the chart's <title> stays in the chart: the page's head has one title, the page's own
        String head = view.body().substring(0, view.body().indexOf("</head>"));
        assertThat(head.split("<title", -1)).hasSize(2);
        assertThat(head).doesNotContain("Tỉ lệ xử lý đúng hạn theo đơn vị");
        assertThat(WebSession.signIn(port, "giamsat").get("/work/units").status()).isEqualTo(200);
        assertThat(WebSession.signIn(port, "chuyenvien.sxd").get("/work/units").status()).isEqualTo(403);
    }

    @Test
    void theDossierPageShowsTheStepTheSlipAndOnlyTheActionsTheUserMayTake() {
        String code = accepted("Đỗ Thị Phiếu Kiểm Soát");

        String specialistPage = WebSession.signIn(port, "chuyenvien.sxd").get("/desk/dossiers/" + code).body();
        assertThat(specialistPage).contains("id=\"current-step\"").contains("Bước 2: Thẩm định")
                .contains("Phiếu kiểm soát quá trình giải quyết hồ sơ").contains("Bước 1: Tiếp nhận")
                .contains("id=\"handover-form\"").contains("name=\"expectedVersion\" value=\"" + revision(code) + "\"")
                .doesNotContain("id=\"return-form\"").doesNotContain("id=\"apology-form\"");
        String deskPage = WebSession.signIn(port, "tiepnhan").get("/desk/dossiers/" + code).body();
        assertThat(deskPage).doesNotContain("id=\"handover-form\"").contains("id=\"apology-form\"")
                .contains("id=\"close-form\"").contains("id=\"process-supplement-form\"");
    }

    @Test
    void aSpecialistOfAnotherUnitCannotActAndANonParticipantIsRefused() {
        String code = accepted("Vũ Văn Không Phận Sự");

        WebSession other = WebSession.signIn(port, "chuyenvien");
        other.get("/work");
        assertThat(other.get("/desk/dossiers/" + code).status()).isEqualTo(404);
        Api.Response post = other.post("/desk/dossiers/" + code + "/handover", Map.of("note", "Không phải của tôi"));
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).doesNotContain("Exception").doesNotContain("Whitelabel");

        WebSession monitor = WebSession.signIn(port, "giamsat");
        assertThat(monitor.post("/desk/dossiers/" + code + "/handover", Map.of()).status()).isEqualTo(403);

        // The leader takes part in the process, but the dossier is not at their step yet: a message, no change.
        WebSession leader = WebSession.signIn(port, "lanhdao.sxd");
        leader.get("/desk/dossiers/" + code);
        Api.Response early = leader.post("/desk/dossiers/" + code + "/handover", Map.of("expectedVersion",
                String.valueOf(revision(code))));
        assertThat(early.status()).isEqualTo(302);
        assertThat(leader.get("/desk/dossiers/" + code).body()).contains("id=\"action-error\"")
                .contains("hiện không ở bước bạn được xử lý");
        assertThat(Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code).json().get("step").get("order").asInt())
                .isEqualTo(2);
    }

    @Test
    void aStaleRevisionShowsThatSomeoneActedFirst() {
        String code = accepted("Hoàng Văn Chậm Chân");
        int seen = revision(code);
        WebSession specialist = WebSession.signIn(port, "chuyenvien.sxd");
        specialist.get("/desk/dossiers/" + code);
        // Meanwhile another specialist of the unit asks for a supplement through the API.
        Api.Response meanwhile = Api.as(port, "chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/request-supplement",
                Map.of("items", List.of(Map.of("description", "Bản vẽ mặt cắt", "reason", "Thiếu mặt cắt A-A"))));
        assertThat(meanwhile.status()).as(meanwhile.toString()).isEqualTo(200);

        Api.Response stale = specialist.post("/desk/dossiers/" + code + "/send-back",
                Map.of("reason", "Chưa đủ", "expectedVersion", String.valueOf(seen)));
        assertThat(stale.status()).isEqualTo(302);
        assertThat(stale.header("Location")).endsWith("/desk/dossiers/" + code);
        String page = specialist.get("/desk/dossiers/" + code).body();
        assertThat(page).contains("id=\"action-error\"").contains("vừa được người khác cập nhật")
                .contains("Hãy tải lại hồ sơ");
    }

    @Test
    void aHandOverFromThePageMovesTheDossierAndSaysSo() {
        String code = accepted("Ngô Văn Chuyển Bước");
        WebSession specialist = WebSession.signIn(port, "chuyenvien.sxd");
        specialist.get("/desk/dossiers/" + code);

        Api.Response done = specialist.post("/desk/dossiers/" + code + "/handover",
                Map.of("note", "Đủ điều kiện cấp phép", "expectedVersion", String.valueOf(revision(code))));

        assertThat(done.status()).isEqualTo(302);
        String page = specialist.get("/desk/dossiers/" + code).body();
        assertThat(page).contains("id=\"flash\"").contains("Đã chuyển hồ sơ " + code + " sang bước tiếp theo.")
                .contains("Bước 3: Phê duyệt").contains("Đủ điều kiện cấp phép").doesNotContain("id=\"handover-form\"");
        // A missing reason is explained, not a stack trace.
        WebSession leader = WebSession.signIn(port, "lanhdao.sxd");
        leader.get("/desk/dossiers/" + code);
        leader.post("/desk/dossiers/" + code + "/send-back", Map.of("reason", " "));
        assertThat(leader.get("/desk/dossiers/" + code).body()).contains("id=\"action-error\"").contains("Lý do:");
    }

    @Test
    void theRatingFormExplainsWhatIsMissing() {
        String code = accepted("Bùi Thị Đánh Giá");
        Api.as(port, "chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/handover", Map.of());
        Api.as(port, "lanhdao.sxd").post("/api/v1/dossiers/" + code + "/handover", Map.of());
        Api.Response returned = Api.as(port, "tiepnhan").post("/api/v1/dossiers/" + code + "/return-result",
                Map.of("method", "DIRECT"));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        String pin = Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code).json().get("lookupPin").asString();

        WebSession citizen = WebSession.anonymous(port);
        String form = citizen.get("/tra-cuu?ma=" + code + "&pin=" + pin).body();
        assertThat(form).contains("id=\"rating-form\"").contains("Đánh giá mức độ hài lòng");
        Api.Response incomplete = citizen.post("/tra-cuu", Map.of("ma", code, "pin", pin, "score.TOTAL_TIME", "2", "comment", "Tốt"));
        assertThat(incomplete.status()).isEqualTo(200);
        assertThat(incomplete.body()).contains("id=\"rating-error\"").contains("Chưa chấm điểm tiêu chí")
                .containsPattern("id=\"score-TOTAL_TIME-2\"[^>]*checked");
    }
}
