package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The portal's inbox: every status change of a citizen's dossiers kept as a notice with the agency, the officer and
 * the time, counted until read, and nobody else's. The procedure and the accounts are this test's own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxTest {

    static final String ONLINE = "1.985001.000.00.00.H27";
    static final String HOLDER_ID = "031082130001";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    Citizens.CitizenUser filer;
    Citizens.CitizenUser holder;
    Citizens.CitizenUser stranger;

    @BeforeAll
    void accountsAndProcedure() {
        PortalFixtures.procedure(port, ONLINE, "Cấp giấy phép nộp trực tuyến thử nghiệm", "PARTIAL", 1);
        filer = PortalFixtures.citizen(citizens, "hop.thu", "Ngô Văn Thư", "031081130002", 1);
        holder = PortalFixtures.citizen(citizens, "muc.hai", "Lê Thị Hai", HOLDER_ID, 2);
        stranger = PortalFixtures.citizen(citizens, "hop.thu.khac", "Đặng Văn Ngoài", "031080130003", 2);
    }

    static List<String> actions(JsonNode page) {
        return page.get("items").valueStream().map(n -> n.get("action").asString()).toList();
    }

    @Test
    void each_change_of_an_online_dossier_reaches_its_filer_with_agency_officer_and_time_until_read() {
        Api citizen = PortalFixtures.as(port, filer);
        long draft = PortalFixtures.completeDraft(citizen, ONLINE);
        String code = citizen.post("/api/citizen/v1/drafts/" + draft + "/submit", null).json().get("code").asString();
        assertThat(Api.as(port, "tiepnhan").post("/api/v1/dossiers/" + code + "/accept", null).status()).isEqualTo(200);

        JsonNode notices = citizen.get("/api/citizen/v1/notices").json();
        assertThat(actions(notices)).containsExactly("IN_PROCESS", "ACCEPTED", "REGISTERED");
        JsonNode accepted = notices.get("items").get(1);
        assertThat(accepted.get("dossierCode").asString()).isEqualTo(code);
        assertThat(accepted.get("statusCode").asInt()).isEqualTo(2);
        assertThat(accepted.get("statusName").asString()).isEqualTo("Được tiếp nhận");
        assertThat(accepted.get("agencyName").asString()).isEqualTo("Văn phòng Ủy ban nhân dân thành phố Hải Phòng");
        assertThat(accepted.get("officerName").asString()).isEqualTo("Trần Thị Thu Hà");
        assertThat(accepted.get("at").asString()).isNotBlank();
        assertThat(accepted.get("read").asBoolean()).isFalse();
        assertThat(notices.get("items").get(2).has("officerName")).isFalse();
        assertThat(citizen.get("/api/citizen/v1/notices/unread-count").json().get("unread").asLong()).isEqualTo(3);

        long id = accepted.get("id").asLong();
        assertThat(PortalFixtures.as(port, stranger).post("/api/citizen/v1/notices/" + id + "/read", null).status())
                .isEqualTo(404);
        assertThat(citizen.post("/api/citizen/v1/notices/" + id + "/read", null).status()).isEqualTo(204);
        assertThat(citizen.get("/api/citizen/v1/notices/unread-count").json().get("unread").asLong()).isEqualTo(2);
        assertThat(actions(citizen.get("/api/citizen/v1/notices?unread=true").json()))
                .containsExactly("IN_PROCESS", "REGISTERED");
        assertThat(citizen.post("/api/citizen/v1/notices/read", null).status()).isEqualTo(204);
        assertThat(citizen.get("/api/citizen/v1/notices/unread-count").json().get("unread").asLong()).isZero();
        assertThat(PortalFixtures.as(port, stranger).get("/api/citizen/v1/notices").json().get("items").valueStream()
                .map(n -> n.get("dossierCode").asString())).doesNotContain(code);
        assertThat(Api.as(port, "tiepnhan").get("/api/citizen/v1/notices").status()).isEqualTo(403);
    }

    @Test
    void a_level_two_account_hears_of_the_desk_dossiers_filed_under_its_citizen_id() {
        Map<String, Object> body = new HashMap<>(Intakes.accepted(port, ONLINE, "Lê Thị Hai"));
        body.put("applicant", Map.of("fullName", "Lê Thị Hai", "citizenId", HOLDER_ID,
                "address", "2 Trần Phú, Ngô Quyền, Hải Phòng"));
        String code = Api.as(port, "tiepnhan").post("/api/v1/dossiers", body).json().get("code").asString();
        JsonNode notices = PortalFixtures.as(port, holder).get("/api/citizen/v1/notices").json();
        assertThat(notices.get("items").valueStream().filter(n -> n.get("dossierCode").asString().equals(code))
                .map(n -> n.get("action").asString())).contains("ACCEPTED");
    }
}
