package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.portal.PortalFixtures.PDF;
import static vn.motcua.portal.PortalFixtures.PNG;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Citizens;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * Online filing over the citizens' API: drafts pre-filled from the profile, filing for someone else, files checked
 * as the desk's uploads are, submission with its refusals and its idempotency, and drafts kept to their owner. The
 * procedures and accounts are this test's own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilingApiTest {

    static final String ONLINE = "1.985001.000.00.00.H27";
    static final String LEVEL_TWO = "1.985002.000.00.00.H27";
    static final String NOT_ONLINE = "1.985003.000.00.00.H27";

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    Citizens.CitizenUser holder;
    Citizens.CitizenUser other;
    Citizens.CitizenUser levelOne;

    @BeforeAll
    void accountsAndProcedures() {
        PortalFixtures.procedure(port, ONLINE, "Cấp giấy phép nộp trực tuyến thử nghiệm", "PARTIAL", 1);
        PortalFixtures.procedure(port, LEVEL_TWO, "Cấp giấy phép cần định danh mức 2", "FULL", 2);
        PortalFixtures.procedure(port, NOT_ONLINE, "Cấp giấy phép chỉ nộp trực tiếp", "NONE", 1);
        holder = PortalFixtures.citizen(citizens, "nop.hoso", "Phạm Văn Nộp", "031085110001", 2);
        other = PortalFixtures.citizen(citizens, "nguoi.khac", "Đỗ Thị Khác", "031186110002", 2);
        levelOne = PortalFixtures.citizen(citizens, "muc.mot", "Lý Văn Một", "031087110003", 1);
    }

    Api holder() {
        return PortalFixtures.as(port, holder);
    }

    @Test
    void a_draft_is_pre_filled_from_the_profile_and_lists_the_documents_with_their_copy_kinds_and_the_fees() {
        Api.Response created = holder().post("/api/citizen/v1/drafts", Map.of("procedureCode", ONLINE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode draft = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/citizen/v1/drafts/" + draft.get("id").asLong());
        assertThat(draft.get("applicant").get("fullName").asString()).isEqualTo("Phạm Văn Nộp");
        assertThat(draft.get("applicant").get("citizenId").asString()).isEqualTo("031085110001");
        assertThat(draft.get("applicant").get("address").asString()).isEqualTo("5 Điện Biên Phủ, Hồng Bàng, Hải Phòng");
        assertThat(draft.has("representative")).isFalse();
        assertThat(draft.get("returnMethod").asString()).isEqualTo("ONLINE");
        assertThat(draft.get("documents").valueStream().map(d -> d.get("name").asString() + "/"
                + d.get("copyKind").asString() + "/" + d.get("count").asInt() + "/" + d.get("mandatory").asBoolean()))
                .containsExactly("Đơn đề nghị cấp phép/ORIGINAL/1/true", "Bản vẽ thiết kế/COPY/2/true",
                        "Giấy tờ khác/COPY/1/false");
        assertThat(draft.get("fees").get(0).get("amount").asLong()).isEqualTo(150000);
        assertThat(draft.get("missingDocuments").valueStream().map(JsonNode::asString))
                .containsExactly("Đơn đề nghị cấp phép", "Bản vẽ thiết kế");
        // The holder's own name and ID with another address: still the holder, no representative needed.
        Api.Response moved = holder().put("/api/citizen/v1/drafts/" + draft.get("id").asLong(), Map.of(
                "applicant", Map.of("fullName", "pham van nop", "address", "9 Lạch Tray, Ngô Quyền, Hải Phòng"),
                "returnMethod", "POSTAL"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("applicant").get("citizenId").asString()).isEqualTo("031085110001");
        assertThat(moved.json().get("applicant").get("address").asString()).isEqualTo("9 Lạch Tray, Ngô Quyền, Hải Phòng");
        assertThat(moved.json().get("returnMethod").asString()).isEqualTo("POSTAL");
        assertThat(holder().get("/api/citizen/v1/drafts").json().valueStream().map(d -> d.get("id").asLong()))
                .contains(draft.get("id").asLong());
    }

    @Test
    void filing_for_someone_else_needs_the_authorisation_and_makes_the_holder_the_representative() {
        Map<String, Object> forMother = Map.of("procedureCode", ONLINE,
                "applicant", Map.of("fullName", "Phạm Thị Mẹ", "citizenId", "031160110004",
                        "address", "3 Cầu Đất, Ngô Quyền, Hải Phòng"));
        Api.Response refused = holder().post("/api/citizen/v1/drafts", forMother);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString())
                .isEqualTo("representative.authorizationDocument");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("văn bản ủy quyền");
        Map<String, Object> withAuthorization = new HashMap<>(forMother);
        withAuthorization.put("representative", Map.of("authorizationDocument", "Giấy ủy quyền số 15/UQ ngày 02/03/2026"));
        JsonNode draft = holder().post("/api/citizen/v1/drafts", withAuthorization).json();
        assertThat(draft.get("applicant").get("fullName").asString()).isEqualTo("Phạm Thị Mẹ");
        assertThat(draft.get("applicant").has("phone")).isFalse();
        assertThat(draft.get("representative").get("fullName").asString()).isEqualTo("Phạm Văn Nộp");
        assertThat(draft.get("representative").get("citizenId").asString()).isEqualTo("031085110001");
        assertThat(draft.get("representative").get("authorizationDocument").asString())
                .isEqualTo("Giấy ủy quyền số 15/UQ ngày 02/03/2026");
    }

    @Test
    void files_are_checked_by_content_and_size_and_tied_to_a_document_of_the_procedure() {
        JsonNode draft = holder().post("/api/citizen/v1/drafts", Map.of("procedureCode", ONLINE)).json();
        String files = "/api/citizen/v1/drafts/" + draft.get("id").asLong() + "/files";
        String form = String.valueOf(PortalFixtures.documents(draft).get(0));
        Api.Response pdf = holder().upload(files, "don-de-nghi.pdf", PDF, Map.of("documentId", form));
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(201);
        assertThat(pdf.json().get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(holder().upload(files, "anh-chup.jpg", PNG, Map.of("documentId", form)).json()
                .get("contentType").asString()).isEqualTo("image/png");
        Api.Response text = holder().upload(files, "ghi-chu.pdf", "chỉ là chữ".getBytes(StandardCharsets.UTF_8),
                Map.of("documentId", form));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("detail").asString()).contains("PDF, JPEG hoặc PNG");
        assertThat(holder().upload(files, "rong.pdf", new byte[0], Map.of("documentId", form)).status()).isEqualTo(400);
        byte[] large = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        assertThat(holder().upload(files, "lon.pdf", large, Map.of("documentId", form)).status()).isEqualTo(413);
        Api.Response unknown = holder().upload(files, "khac.pdf", PDF, Map.of("documentId", "987654321"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("documentId");
        Api.Response none = holder().upload(files, "khong-ro.pdf", PDF, Map.of());
        assertThat(none.status()).isEqualTo(400);
        // Two files kept; one removed.
        JsonNode kept = holder().get("/api/citizen/v1/drafts/" + draft.get("id").asLong()).json();
        assertThat(kept.get("documents").get(0).get("files")).hasSize(2);
        assertThat(holder().delete(files + "/" + pdf.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(holder().delete(files + "/" + pdf.json().get("id").asLong()).status()).isEqualTo(404);
        assertThat(holder().get("/api/citizen/v1/drafts/" + draft.get("id").asLong()).json()
                .get("documents").get(0).get("files")).hasSize(1);
    }

    @Test
    void a_submission_without_a_mandatory_document_is_refused_with_422_naming_each() {
        JsonNode draft = holder().post("/api/citizen/v1/drafts", Map.of("procedureCode", ONLINE)).json();
        long id = draft.get("id").asLong();
        holder().upload("/api/citizen/v1/drafts/" + id + "/files", "giay-khac.pdf", PDF,
                Map.of("documentId", String.valueOf(PortalFixtures.documents(draft).get(2))));
        Api.Response refused = holder().post("/api/citizen/v1/drafts/" + id + "/submit", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().get("errors").valueStream().map(e -> e.get("message").asString()))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("Đơn đề nghị cấp phép"))
                .anySatisfy(m -> assertThat(m).contains("Bản vẽ thiết kế"));
        assertThat(holder().get("/api/citizen/v1/drafts/" + id).json().has("dossierCode")).isFalse();
    }

    @Test
    void a_submitted_draft_becomes_a_new_online_dossier_at_the_procedures_desk_with_its_files() {
        long id = PortalFixtures.completeDraft(holder(), ONLINE);
        Api.Response submitted = holder().post("/api/citizen/v1/drafts/" + id + "/submit", null);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        JsonNode dossier = submitted.json();
        String code = dossier.get("code").asString();
        assertThat(dossier.get("status").asString()).isEqualTo("NEW");
        assertThat(dossier.get("statusCode").asInt()).isEqualTo(1);
        assertThat(dossier.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(dossier.get("lookupPin").asString()).matches("[0-9]{6}");
        assertThat(dossier.get("procedureCode").asString()).isEqualTo(ONLINE);
        assertThat(dossier.get("procedureVersion").asInt()).isEqualTo(1);
        assertThat(dossier.get("submittedAt").asString()).isNotBlank();
        assertThat(dossier.get("receivedAt").asString()).isNotBlank();
        assertThat(dossier.has("dueAt")).isFalse();
        // The desk sees it with the applicant's files, each document digitised.
        JsonNode atDesk = Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code).json();
        assertThat(atDesk.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(atDesk.get("applicant").get("fullName").asString()).isEqualTo("Phạm Văn Nộp");
        assertThat(atDesk.get("documents").valueStream().map(d -> d.get("digitised").asBoolean())).containsOnly(true);
        assertThat(Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code + "/files").json()).hasSize(2);
        // The draft keeps the code, leaves the list of drafts and changes no more.
        assertThat(holder().get("/api/citizen/v1/drafts/" + id).json().get("dossierCode").asString()).isEqualTo(code);
        assertThat(holder().get("/api/citizen/v1/drafts").json().valueStream().map(d -> d.get("id").asLong()))
                .doesNotContain(id);
        Api.Response again = holder().upload("/api/citizen/v1/drafts/" + id + "/files", "muon.pdf", PDF,
                Map.of("documentId", "1"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains(code);
        assertThat(holder().post("/api/citizen/v1/drafts/" + id + "/submit", null).status()).isEqualTo(201);
        assertThat(holder().post("/api/citizen/v1/drafts/" + id + "/submit", null).json().get("code").asString())
                .isEqualTo(code);
    }

    @Test
    void the_same_idempotency_key_answers_the_first_dossier_and_another_draft_under_it_is_a_conflict() {
        String key = UUID.randomUUID().toString();
        long first = PortalFixtures.completeDraft(holder(), ONLINE);
        Api keyed = holder().header("Idempotency-Key", key);
        String code = keyed.post("/api/citizen/v1/drafts/" + first + "/submit", null).json().get("code").asString();
        Api.Response repeated = keyed.post("/api/citizen/v1/drafts/" + first + "/submit", null);
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.json().get("code").asString()).isEqualTo(code);
        long second = PortalFixtures.completeDraft(holder(), ONLINE);
        holder().put("/api/citizen/v1/drafts/" + second, Map.of("returnMethod", "DIRECT"));
        assertThat(keyed.post("/api/citizen/v1/drafts/" + second + "/submit", null).status()).isEqualTo(409);
        // The first draft submitted again under another key, or none: it was submitted, as the problem says.
        Api.Response other = holder().header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/citizen/v1/drafts/" + first + "/submit", null);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("detail").asString()).contains(code);
        assertThat(holder().header("Idempotency-Key", " ").post("/api/citizen/v1/drafts/" + second + "/submit", null)
                .status()).isEqualTo(400);
    }

    @Test
    void a_procedure_not_offered_online_is_refused_with_422() {
        Api.Response refused = holder().post("/api/citizen/v1/drafts", Map.of("procedureCode", NOT_ONLINE));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("chưa cung cấp dịch vụ công trực tuyến");
        Api.Response unknown = holder().post("/api/citizen/v1/drafts", Map.of("procedureCode", "9.999999.000.00.00.H27"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(holder().post("/api/citizen/v1/drafts", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void a_level_one_account_is_refused_a_procedure_that_asks_for_level_two_and_told_why() {
        Api.Response refused = PortalFixtures.as(port, levelOne).post("/api/citizen/v1/drafts",
                Map.of("procedureCode", LEVEL_TWO));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString())
                .contains("tài khoản định danh điện tử mức 2", "đang ở mức 1");
        Api.Response english = PortalFixtures.as(port, levelOne).header("Accept-Language", "en")
                .post("/api/citizen/v1/drafts", Map.of("procedureCode", LEVEL_TWO));
        assertThat(english.json().get("detail").asString()).contains("level-2", "your account is level 1");
        assertThat(Api.anonymous(port).get("/api/public/procedures/" + LEVEL_TWO).json()
                .get("requiredAssuranceLevel").asInt()).isEqualTo(2);
        long id = PortalFixtures.completeDraft(holder(), LEVEL_TWO);
        assertThat(holder().post("/api/citizen/v1/drafts/" + id + "/submit", null).status()).isEqualTo(201);
    }

    @Test
    void a_draft_is_its_owners_alone_other_citizens_get_404_and_staff_403() {
        long id = PortalFixtures.completeDraft(holder(), ONLINE);
        long fileId = holder().get("/api/citizen/v1/drafts/" + id).json().get("documents").get(0).get("files").get(0)
                .get("id").asLong();
        Api stranger = PortalFixtures.as(port, other);
        String draft = "/api/citizen/v1/drafts/" + id;
        assertThat(stranger.get(draft).status()).isEqualTo(404);
        assertThat(stranger.put(draft, Map.of("returnMethod", "DIRECT")).status()).isEqualTo(404);
        assertThat(stranger.upload(draft + "/files", "x.pdf", PDF, Map.of("documentId", "1")).status()).isEqualTo(404);
        assertThat(stranger.delete(draft + "/files/" + fileId).status()).isEqualTo(404);
        assertThat(stranger.post(draft + "/submit", null).status()).isEqualTo(404);
        assertThat(stranger.delete(draft).status()).isEqualTo(404);
        assertThat(stranger.get("/api/citizen/v1/drafts").json().valueStream().map(d -> d.get("id").asLong()))
                .doesNotContain(id);
        assertThat(Api.as(port, "tiepnhan").get(draft).status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").post(draft + "/submit", null).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get(draft).status()).isEqualTo(401);
        // The owner still has it, and may discard it.
        assertThat(holder().delete(draft).status()).isEqualTo(204);
        assertThat(holder().get(draft).status()).isEqualTo(404);
    }

    @Test
    void a_draft_names_the_assurance_level_and_the_procedure_in_force() {
        JsonNode draft = holder().post("/api/citizen/v1/drafts", Map.of("procedureCode", LEVEL_TWO)).json();
        assertThat(draft.get("requiredAssuranceLevel").asInt()).isEqualTo(2);
        assertThat(draft.get("procedureName").asString()).isEqualTo("Cấp giấy phép cần định danh mức 2");
        assertThat(List.of(draft.get("createdAt").asString(), draft.get("updatedAt").asString())).doesNotContainNull();
    }
}
