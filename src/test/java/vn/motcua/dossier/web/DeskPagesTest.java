package vn.motcua.dossier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WebSession;

/** The desk's pages and the public look-up over plain HTTP. */
@IntegrationTest
class DeskPagesTest {

    static final String BUILDING_PERMIT = "1.009794.000.00.00.H27";
    static final Pattern CODE = Pattern.compile("000\\.00\\.01\\.H27-\\d{6}-\\d{4,}");

    @LocalServerPort
    int port;

    /** The intake form of the building permit, every mandatory document ticked, as the browser posts it. */
    Map<String, String> intake(String fullName, String citizenId, String phone, String key) {
        JsonNode documents = Api.anonymous(port).get("/api/public/procedures/" + BUILDING_PERMIT).json().get("documents");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("procedureCode", BUILDING_PERMIT);
        form.put("idempotencyKey", key);
        form.put("channel", "DIRECT");
        for (int i = 0; i < documents.size(); i++) {
            JsonNode d = documents.get(i);
            form.put("documents[" + i + "].documentId", d.get("id").asString());
            form.put("documents[" + i + "].copyKind", d.get("copyKind").asString());
            form.put("documents[" + i + "].count", "1");
            if (d.get("mandatory").asBoolean()) {
                form.put("documents[" + i + "].received", "true");
            }
        }
        form.put("applicant.fullName", fullName);
        form.put("applicant.citizenId", citizenId);
        form.put("applicant.phone", phone);
        form.put("applicant.address", "18 Hoàng Diệu, Hồng Bàng, Hải Phòng");
        form.put("decision", "ACCEPT");
        return form;
    }

    String accepted(String fullName) {
        WebSession desk = WebSession.signIn(port, "tiepnhan");
        desk.get("/desk/new?procedure=" + BUILDING_PERMIT);
        Api.Response response = desk.post("/desk/new", intake(fullName, "031085001234", "0912345678",
                UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        return response.header("Location").replaceAll(".*/desk/dossiers/", "");
    }

    @Test
    void anonymousVisitorsAreSentToSignInForTheDeskButMayOpenTheLookUp() {
        WebSession anonymous = WebSession.anonymous(port);

        for (String path : List.of("/desk", "/desk/new", "/desk/dossiers/000.00.01.H27-260101-0001",
                "/desk/dossiers/000.00.01.H27-260101-0001/receipt.pdf")) {
            Api.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(302);
            assertThat(response.header("Location")).as(path).endsWith("/login");
        }
        Api.Response lookup = anonymous.get("/tra-cuu");
        assertThat(lookup.status()).isEqualTo(200);
        assertThat(lookup.body()).contains("Tra cứu hồ sơ").doesNotContain("id=\"user-menu\"");
    }

    @Test
    void theDeskSearchFindsTheBuildingPermitWithoutDiacritics() {
        String fragment = WebSession.signIn(port, "tiepnhan").get("/desk/procedures?q=giay+phep+xay+dung").body();

        assertThat(fragment).contains("Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II")
                .contains("/desk/new?procedure=" + BUILDING_PERMIT);
    }

    @Test
    void theFormShowsTheChecklistWithTheMandatoryDocumentsMarked() {
        String page = WebSession.signIn(port, "tiepnhan").get("/desk/new?procedure=" + BUILDING_PERMIT).body();

        assertThat(page).contains("Đơn đề nghị cấp giấy phép xây dựng").contains("Bắt buộc")
                .containsPattern("name=\"idempotencyKey\" value=\"[0-9a-f-]{36}\"");
    }

    @Test
    void aDoubleSubmitWithTheSameKeyCreatesOneDossier() {
        WebSession desk = WebSession.signIn(port, "tiepnhan");
        desk.get("/desk/new?procedure=" + BUILDING_PERMIT);
        Map<String, String> form = intake("Phạm Văn Bấm Đúp", "031085001234", "0912345678", UUID.randomUUID().toString());

        Api.Response first = desk.post("/desk/new", form);
        Api.Response second = desk.post("/desk/new", form);

        assertThat(first.status()).as(first.toString()).isEqualTo(302);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        String list = desk.get("/desk?q=pham+van+bam+dup").body();
        assertThat(Pattern.compile("data-code=").matcher(list).results().count()).isEqualTo(1);
    }

    @Test
    void aBadCitizenIdAndPhoneAreShownNextToTheirFieldsAndTheFormKeepsWhatWasTyped() {
        WebSession desk = WebSession.signIn(port, "tiepnhan");
        desk.get("/desk/new?procedure=" + BUILDING_PERMIT);

        Api.Response response = desk.post("/desk/new", intake("Lê Văn Sai Số", "031485001234", "12345",
                UUID.randomUUID().toString()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsPattern("id=\"applicant-cid-error\"[^>]*>Số định danh cá nhân phải gồm 12 chữ số")
                .containsPattern("id=\"applicant-phone-error\"[^>]*>Số điện thoại không đúng")
                .contains("Sai Số\"").contains("value=\"031485001234\"");
    }

    @Test
    void theDeskRecordsTheNumberOfSetsAndHowTheApplicantWantsTheResult() {
        WebSession desk = WebSession.signIn(port, "tiepnhan");
        assertThat(desk.get("/desk/new?procedure=" + BUILDING_PERMIT).body()).contains("Số bộ hồ sơ")
                .contains("id=\"return-method-POSTAL\"");
        Map<String, String> form = intake("Đoàn Thị Hai Bộ", "031085001234", "0912345678", UUID.randomUUID().toString());
        form.put("sets", "2");
        form.put("returnMethod", "POSTAL");

        Api.Response created = desk.post("/desk/new", form);

        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        String code = created.header("Location").replaceAll(".*/desk/dossiers/", "");
        JsonNode detail = Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code).json();
        assertThat(detail.get("sets").asInt()).isEqualTo(2);
        assertThat(detail.get("requestedReturnMethod").asString()).isEqualTo("POSTAL");
    }

    @Test
    void acceptingWithoutTheMandatoryDocumentsNamesWhatIsMissing() {
        WebSession desk = WebSession.signIn(port, "tiepnhan");
        desk.get("/desk/new?procedure=" + BUILDING_PERMIT);
        Map<String, String> form = intake("Trần Văn Thiếu", "031085001234", "0912345678", UUID.randomUUID().toString());
        form.keySet().removeIf(k -> k.endsWith(".received"));

        Api.Response response = desk.post("/desk/new", form);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"form-errors\"").contains("thiếu &quot;Đơn đề nghị cấp giấy phép xây dựng");
    }

    @Test
    void aSpecialistOfAnotherUnitNeitherSeesTheDossierNorReceivesOne() {
        String code = accepted("Đỗ Văn Riêng");
        WebSession specialist = WebSession.signIn(port, "chuyenvien");

        assertThat(specialist.get("/desk/dossiers/" + code).status()).isEqualTo(404);
        assertThat(specialist.get("/desk/dossiers/" + code + "/receipt.pdf").status()).isEqualTo(404);
        assertThat(specialist.get("/desk/new").status()).isEqualTo(403);
        assertThat(specialist.post("/desk/new", intake("Đỗ Văn Lén", "031085001234", "0912345678",
                UUID.randomUUID().toString())).status()).isEqualTo(403);
    }

    @Test
    void theDossierPageShowsCodeStatusDueTimeAndTheReceiptPrintsAsPdf() {
        String code = accepted("Vũ Thị Xem");
        WebSession desk = WebSession.signIn(port, "tiepnhan");

        String page = desk.get("/desk/dossiers/" + code).body();
        Api.Download pdf = downloadAs(desk, "/desk/dossiers/" + code + "/receipt.pdf");

        assertThat(code).matches(CODE);
        assertThat(page).contains(code).contains("Đã tiếp nhận (2)").contains("Vũ Thị Xem")
                .containsPattern("id=\"due-at\">\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}<").contains("receipt.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
    }

    /** A dossier the desk asked a supplement for at intake (one item, one spare row left blank); its page's path. */
    String supplementRequested(WebSession desk, String fullName) {
        desk.get("/desk/new?procedure=" + BUILDING_PERMIT);
        Map<String, String> form = intake(fullName, "031085001234", "0912345678", UUID.randomUUID().toString());
        form.put("decision", "SUPPLEMENT");
        form.put("supplementItems[0].description", "Bản vẽ mặt bằng");
        form.put("supplementItems[0].reason", "Thiếu chữ ký");
        form.put("supplementItems[1].description", "");
        form.put("supplementItems[1].reason", "");
        Api.Response created = desk.post("/desk/new", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        return created.header("Location").replaceAll("^https?://[^/]+", "");
    }

    @Test
    void theDeskRequestsASupplementThenRecordsItAndAccepts() {
        WebSession desk = WebSession.signIn(port, "tiepnhan");
        String path = supplementRequested(desk, "Hoàng Văn Bổ Sung");

        String requested = desk.get(path).body();
        desk.post(path + "/supplied", Map.of("note", "Đã nộp bản vẽ"));
        desk.get(path);
        desk.post(path + "/accept", Map.of());
        String accepted = desk.get(path).body();

        assertThat(requested).contains("Yêu cầu bổ sung (5)").contains("Bản vẽ mặt bằng").contains("supplement-request.pdf");
        assertThat(accepted).contains("Đã tiếp nhận (2)").contains("receipt.pdf");
    }

    @Test
    void aRefusedDecisionIsSaidOnTheDossierPageWhichShowsWhatWasTypedAgain() {
        WebSession desk = WebSession.signIn(port, "tiepnhan");
        String path = supplementRequested(desk, "Lê Thị Giữ Nguyên");
        String note = "Đã nộp bản vẽ, kèm ghi chú rất dài. ".repeat(60);

        Api.Response refused = desk.post(path + "/supplied", Map.of("note", note));
        String page = HtmlUtils.htmlUnescape(desk.get(path).body());

        assertThat(refused.status()).isEqualTo(302);
        assertThat(page).contains("id=\"action-error\"").contains("Không được dài quá 2000 ký tự.")
                .contains("Yêu cầu bổ sung (5)");
        assertThat(page).containsPattern("id=\"supplied-note\"[^>]*value=\"" + java.util.regex.Pattern.quote(note) + "\"");
        assertThat(HtmlUtils.htmlUnescape(desk.get(path).body())).as("kept for the next page only").doesNotContain(note);
    }

    @Test
    void theListFiltersByStatusAndReceivedDate() {
        String code = accepted("Ngô Thị Lọc Danh Sách");
        WebSession desk = WebSession.signIn(port, "tiepnhan");
        String today = code.replaceAll(".*-(\\d{2})(\\d{2})(\\d{2})-.*", "$3/$2/20$1");

        String found = desk.get("/desk?q=ngo+thi+loc&status=IN_PROCESS&from=" + today + "&to=" + today).body();
        String none = desk.get("/desk?q=ngo+thi+loc&status=REFUSED").body();
        String badDate = desk.get("/desk?from=31/02/2026").body();

        assertThat(found).contains(code).contains("Ngô Thị Lọc Danh Sách");
        assertThat(none).doesNotContain(code).contains("id=\"desk-none\"");
        assertThat(badDate).contains("id=\"date-error\"");
    }

    @Test
    void theLookUpAsksForBothCodeAndPinWithoutCountingItAsAFailure() {
        String page = WebSession.anonymous(port).get("/tra-cuu?ma=000.00.01.H27-260101-0001").body();

        assertThat(page).contains("Vui lòng nhập cả mã hồ sơ và mã tra cứu (PIN).");
    }

    @Test
    void theLookUpEscapesWhatWasTyped() {
        String page = WebSession.anonymous(port).get("/tra-cuu?ma=%3Cscript%3Ealert(1)%3C/script%3E").body();

        assertThat(page).doesNotContain("<script>alert(1)").contains("&lt;script&gt;");
    }

    private Api.Download downloadAs(WebSession session, String path) {
        return session.download(path);
    }
}
