package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.portal.PortalFixtures.PDF;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Citizens;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.Intakes;

/**
 * "My dossiers" over the citizens' API: which dossiers an account sees, each change told with the agency, the officer
 * and the time, the supplement answered online, the forms, the electronic result and the rating; and nobody else's.
 * The procedure (desk VP.MC → SXD.QLXD → SXD.LD → desk) and the accounts are this test's own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyDossiersApiTest {

    static final String ONLINE = "1.985001.000.00.00.H27";
    static final String OWNER_ID = "031084120001";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    Citizens.CitizenUser owner;
    Citizens.CitizenUser stranger;
    Citizens.CitizenUser typedOnly;

    @BeforeAll
    void accountsAndProcedure() {
        PortalFixtures.procedure(port, ONLINE, "Cấp giấy phép nộp trực tuyến thử nghiệm", "PARTIAL", 1);
        owner = PortalFixtures.citizen(citizens, "chu.hoso", "Vũ Thị Chủ", OWNER_ID, 2);
        stranger = PortalFixtures.citizen(citizens, "la.mat", "Hà Văn Lạ", "031083120002", 2);
        // Level 1: the same citizen ID, typed at sign-up and never proven.
        typedOnly = PortalFixtures.citizen(citizens, "go.tay", "Vũ Thị Chủ", OWNER_ID, 1);
    }

    Api owner() {
        return PortalFixtures.as(port, owner);
    }

    String submit(Api citizen) {
        long draft = PortalFixtures.completeDraft(citizen, ONLINE);
        Api.Response submitted = citizen.post("/api/citizen/v1/drafts/" + draft + "/submit", null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        return submitted.json().get("code").asString();
    }

    /** The desk receives and accepts a dossier of {@code citizenId} in person. */
    String atTheDesk(String citizenId) {
        Map<String, Object> body = new HashMap<>(Intakes.accepted(port, ONLINE, "Vũ Thị Chủ"));
        body.put("applicant", Map.of("fullName", "Vũ Thị Chủ", "citizenId", citizenId,
                "address", "5 Điện Biên Phủ, Hồng Bàng, Hải Phòng"));
        Api.Response received = Api.as(port, "tiepnhan").post("/api/v1/dossiers", body);
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return received.json().get("code").asString();
    }

    static List<String> codes(JsonNode page) {
        return page.get("items").valueStream().map(d -> d.get("code").asString()).toList();
    }

    @Test
    void an_account_sees_what_it_filed_online_and_at_level_two_the_desk_dossiers_under_its_citizen_id_newest_first() {
        String online = submit(owner());
        String desk = atTheDesk(OWNER_ID);
        JsonNode mine = owner().get("/api/citizen/v1/dossiers?size=100").json();
        assertThat(codes(mine)).containsSubsequence(desk, online);
        JsonNode first = mine.get("items").get(codes(mine).indexOf(desk));
        assertThat(first.get("channel").asString()).isEqualTo("DIRECT");
        assertThat(first.get("filedOnline").asBoolean()).isFalse();
        assertThat(first.get("statusName").asString()).isEqualTo("Đang xử lý");
        assertThat(codes(owner().get("/api/citizen/v1/dossiers?status=NEW&size=100").json()))
                .contains(online).doesNotContain(desk);
        assertThat(owner().get("/api/citizen/v1/dossiers/" + desk).json().get("dossier").get("channel").asString())
                .isEqualTo("DIRECT");
        // The same ID typed into a level-1 account proves nothing: neither dossier is its own.
        Api typed = PortalFixtures.as(port, typedOnly);
        assertThat(codes(typed.get("/api/citizen/v1/dossiers?size=100").json())).doesNotContain(desk, online);
        assertThat(typed.get("/api/citizen/v1/dossiers/" + desk).status()).isEqualTo(404);
        assertThat(owner().get("/api/citizen/v1/dossiers?size=101").status()).isEqualTo(400);
    }

    @Test
    void the_whole_life_is_told_with_agency_officer_and_time_and_the_citizen_supplements_downloads_and_rates() {
        String code = submit(owner());
        String path = "/api/citizen/v1/dossiers/" + code;
        Api desk = Api.as(port, "tiepnhan");
        Api.Response asked = desk.post("/api/v1/dossiers/" + code + "/request-supplement", Map.of("items", List.of(
                Map.of("description", "Bản vẽ mặt bằng có chữ ký", "reason", "Bản đã nộp chưa ký"),
                Map.of("description", "Giấy xác nhận nhân thân", "reason", "Đơn ghi khác căn cước"))));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);

        JsonNode waiting = owner().get(path).json();
        JsonNode dossier = waiting.get("dossier");
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(5);
        assertThat(dossier.get("statusName").asString()).isEqualTo("Yêu cầu bổ sung giấy tờ");
        assertThat(dossier.get("awaitingSupplement").asBoolean()).isTrue();
        JsonNode registered = dossier.get("timeline").get(0);
        assertThat(registered.get("action").asString()).isEqualTo("REGISTERED");
        assertThat(registered.has("officerName")).isFalse();
        assertThat(registered.get("agencyName").asString()).isEqualTo("Văn phòng Ủy ban nhân dân thành phố Hải Phòng");
        JsonNode request = dossier.get("timeline").get(1);
        assertThat(request.get("action").asString()).isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(request.get("officerName").asString()).isEqualTo("Trần Thị Thu Hà");
        assertThat(request.get("at").asString()).isNotBlank();
        JsonNode supplement = dossier.get("supplementRequests").get(0);
        assertThat(supplement.get("atIntake").asBoolean()).isTrue();
        assertThat(supplement.get("answered").asBoolean()).isFalse();
        assertThat(supplement.get("items").valueStream().map(i -> i.get("description").asString()))
                .containsExactly("Bản vẽ mặt bằng có chữ ký", "Giấy xác nhận nhân thân");
        assertThat(waiting.get("formLinks").valueStream().map(l -> l.get("url").asString()))
                .containsExactly(path + "/forms/supplement-request.pdf");
        Api.Download form02 = owner().download(path + "/forms/supplement-request.pdf");
        assertThat(form02.status()).as(form02.toString()).isEqualTo(200);
        assertThat(form02.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(new String(form02.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(owner().download(path + "/forms/receipt.pdf").status()).isEqualTo(409);
        assertThat(owner().download(path + "/forms/control-slip.pdf").status()).isEqualTo(404);

        // The citizen answers with two files in one request; the dossier is back at the desk's check.
        long drawing = Api.anonymous(port).get("/api/public/procedures/" + ONLINE).json().get("documents").get(1)
                .get("id").asLong();
        Api.Response answered = owner().uploadAll(path + "/supplement", List.of(
                new Api.Part("file", "ban-ve-da-ky.pdf", PDF), new Api.Part("file", "xac-nhan.pdf", PDF)),
                Map.of("documentId", String.valueOf(drawing), "note", "Đã bổ sung bản vẽ có chữ ký và giấy xác nhận"));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        assertThat(answered.json().get("dossier").get("statusCode").asInt()).isEqualTo(1);
        assertThat(answered.json().get("dossier").get("supplementRequests").get(0).get("answered").asBoolean()).isTrue();
        assertThat(answered.json().get("dossier").get("timeline").get(2).get("note").asString())
                .isEqualTo("Đã bổ sung bản vẽ có chữ ký và giấy xác nhận");
        assertThat(desk.get("/api/v1/dossiers/" + code + "/files").json()).hasSize(4);
        assertThat(owner().upload(path + "/supplement", "muon.pdf", PDF, Map.of("documentId", String.valueOf(drawing)))
                .status()).isEqualTo(409);

        // Accepted, processed, an electronic result issued and returned online.
        assertThat(desk.post("/api/v1/dossiers/" + code + "/accept", null).status()).isEqualTo(200);
        assertThat(Api.as(port, "chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/handover",
                Map.of("note", "Đủ điều kiện")).status()).isEqualTo(200);
        assertThat(Api.as(port, "lanhdao.sxd").post("/api/v1/dossiers/" + code + "/handover",
                Map.of("note", "Đồng ý")).status()).isEqualTo(200);
        Api.Response issued = Api.as(port, "lanhdao.sxd").upload("/api/v1/dossiers/" + code + "/results",
                "giay-phep.pdf", PortalFixtures.resultPdf(), Map.of("name", "Giấy phép xây dựng số 12/GPXD"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(desk.post("/api/v1/dossiers/" + code + "/return-result", Map.of("method", "ONLINE")).status())
                .isEqualTo(200);

        JsonNode returned = owner().get(path).json();
        assertThat(returned.get("dossier").get("statusName").asString()).isEqualTo("Đã trả kết quả");
        assertThat(returned.get("dossier").get("timeline").valueStream().map(e -> e.get("action").asString()))
                .containsSubsequence("REGISTERED", "SUPPLEMENT_REQUESTED", "SUPPLIED", "ACCEPTED", "RESULT_READY",
                        "RETURNED");
        assertThat(returned.get("dossier").get("timeline").valueStream()
                .filter(e -> e.get("action").asString().equals("HANDOVER") || e.get("action").asString().equals("IN_PROCESS"))
                .map(e -> e.has("note"))).containsOnly(false);
        assertThat(returned.get("dossier").get("timeline").valueStream()
                .filter(e -> e.get("action").asString().equals("RESULT_READY"))
                .map(e -> e.get("officerName").asString() + " · " + e.get("agencyName").asString()))
                .containsExactly("Bùi Thị Mai · Sở Xây dựng thành phố Hải Phòng");
        assertThat(returned.get("formLinks").valueStream().map(l -> l.get("name").asString()))
                .contains("receipt", "supplement-request");
        JsonNode result = returned.get("results").get(0);
        assertThat(result.get("name").asString()).isEqualTo("Giấy phép xây dựng số 12/GPXD");
        Api.Download download = owner().download(result.get("url").asString());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(new String(download.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(owner().download(path + "/results/999999").status()).isEqualTo(404);

        assertThat(returned.get("mayRate").asBoolean()).isTrue();
        Map<String, Object> scores = new HashMap<>();
        Api.anonymous(port).get("/api/public/evaluation-criteria").json().valueStream()
                .forEach(c -> scores.put(c.get("code").asString(), c.get("maxPoints").asInt()));
        Api.Response rated = owner().post(path + "/evaluation", Map.of("scores", scores, "comment", "Nhanh, rõ ràng"));
        assertThat(rated.status()).as(rated.toString()).isEqualTo(201);
        assertThat(rated.json().get("total").asInt()).isEqualTo(rated.json().get("maxTotal").asInt());
        assertThat(owner().post(path + "/evaluation", Map.of("scores", scores)).status()).isEqualTo(409);
        JsonNode after = owner().get(path).json();
        assertThat(after.get("rated").asBoolean()).isTrue();
        assertThat(after.get("mayRate").asBoolean()).isFalse();
    }

    @Test
    void a_dossier_is_rated_only_once_returned() {
        String code = submit(owner());
        Api.Response early = owner().post("/api/citizen/v1/dossiers/" + code + "/evaluation", Map.of("scores", Map.of()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(owner().get("/api/citizen/v1/dossiers/" + code).json().get("mayRate").asBoolean()).isFalse();
    }

    @Test
    void another_citizens_dossier_is_unknown_and_staff_are_refused_the_citizens_api() {
        String code = submit(owner());
        String path = "/api/citizen/v1/dossiers/" + code;
        Api other = PortalFixtures.as(port, stranger);
        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(other.get(path).json().get("detail").asString()).contains(code);
        assertThat(other.download(path + "/forms/receipt.pdf").status()).isEqualTo(404);
        assertThat(other.download(path + "/results/1").status()).isEqualTo(404);
        assertThat(other.upload(path + "/supplement", "x.pdf", PDF, Map.of("documentId", "1", "note", "x")).status())
                .isEqualTo(404);
        assertThat(other.post(path + "/evaluation", Map.of("scores", Map.of())).status()).isEqualTo(404);
        assertThat(codes(other.get("/api/citizen/v1/dossiers?size=100").json())).doesNotContain(code);
        assertThat(Api.as(port, "tiepnhan").get("/api/citizen/v1/dossiers").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").get(path).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get(path).status()).isEqualTo(401);
    }
}
