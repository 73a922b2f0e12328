package vn.motcua.dossier.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Api;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;

class DeskBrowserTest extends BrowserTest {

    static final String BUILDING_PERMIT = "1.009794.000.00.00.H27";

    @Test
    void theDeskReceivesABuildingPermitDossierTypedWithoutDiacriticsAndPrintsTheReceipt() {
        Page page = browser.signIn(port, "tiepnhan");
        page.navigate("/desk/new");

        page.locator("#procedure-q").fill("giay phep xay dung");
        page.locator(".procedure-option", new Page.LocatorOptions().setHasText("Cấp giấy phép xây dựng mới")).first().click();
        assertThat(page.locator("#procedure-chosen")).containsText("Cấp giấy phép xây dựng mới");
        // The whole checklist, not the rows a slow server has sent so far.
        page.waitForLoadState(LoadState.LOAD);
        for (var check : page.locator(".document-check[data-mandatory=true]").all()) {
            check.check();
        }
        page.getByLabel("Họ và tên").first().fill("Nguyễn Văn Dân");
        page.locator("#applicant-cid").fill("031085001234");
        page.locator("#applicant-phone").fill("0912345678");
        page.locator("#applicant-address").fill("18 Hoàng Diệu, Hồng Bàng, Hải Phòng");
        page.locator("#decision-SUPPLEMENT").check();
        assertThat(page.locator("#supplement-items")).isVisible();
        page.locator("#supplement-items .add-item").click();
        assertThat(page.locator("#supplement-items .supplement-row")).hasCount(2);
        Accessibility.check(page);
        page.locator("#decision-ACCEPT").check();
        assertThat(page.locator("#supplement-items")).isHidden();
        Browser.screenshot(page, "/tmp/desk-form.png");
        page.locator("#intake-submit").click();

        page.waitForURL(Pattern.compile(".*/desk/dossiers/.*"));
        assertThat(page.locator("#dossier-code")).hasText(Pattern.compile("000\\.00\\.01\\.H27-\\d{6}-\\d{4}"));
        // Accepted, the intake step is done at once: the dossier is being processed.
        assertThat(page.locator("#history")).containsText("Đã tiếp nhận (2)");
        assertThat(page.locator("#dossier-status")).containsText("Đang giải quyết (4)");
        assertThat(page.locator("#due-at")).hasText(Pattern.compile("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"));
        Browser.screenshot(page, "/tmp/desk-dossier.png");
        String receipt = page.locator("#print-receipt").getAttribute("href");
        APIResponse pdf = page.request().get(receipt);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
    }

    @Test
    void aCitizenLooksUpTheirDossierWithTheCodeAndPinAndAWrongPinFindsNothing() {
        JsonNode created = intake("ACCEPT");
        String code = created.get("code").asString();
        String pin = created.get("lookupPin").asString();

        Page page = browser.newPage(port);
        page.navigate("/tra-cuu?ma=" + code + "&pin=" + pin);
        assertThat(page.locator("#lookup-applicant")).hasText("Nguyễn V*** D***");
        // The citizen reads the National Public Service Portal's wording, not the desk's ("Đang giải quyết").
        assertThat(page.locator("#lookup-status")).hasText("Đang xử lý");
        assertThat(page.locator("#lookup-history")).containsText("Được tiếp nhận");
        assertThat(page.locator("#user-menu")).hasCount(0);
        Browser.screenshot(page, "/tmp/desk-lookup.png");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "/tmp/desk-lookup-mobile.png");

        String wrong = pin.equals("000000") ? "111111" : "000000";
        page.locator("#lookup-pin").fill(wrong);
        page.locator("#lookup-submit").click();
        assertThat(page.locator("#lookup-problem")).containsText("Không tìm thấy hồ sơ");
        Accessibility.check(page);
        assertThat(page.locator("#lookup-result")).hasCount(0);
    }

    /** A dossier registered through the API by the desk, for Nguyễn Văn Dân, every mandatory document given. */
    JsonNode intake(String decision) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", BUILDING_PERMIT);
        body.put("channel", "DIRECT");
        body.put("applicant", Map.of("fullName", "Nguyễn Văn Dân", "citizenId", "031085001234", "phone", "0912345678",
                "address", "18 Hoàng Diệu, Hồng Bàng, Hải Phòng"));
        JsonNode documents = Api.anonymous(port).get("/api/public/procedures/" + BUILDING_PERMIT).json().get("documents");
        List<Map<String, Object>> received = new java.util.ArrayList<>();
        for (JsonNode d : documents) {
            if (d.get("mandatory").asBoolean()) {
                received.add(Map.of("documentId", d.get("id").asLong(), "copyKind", d.get("copyKind").asString(), "count", 1));
            }
        }
        body.put("documents", received);
        body.put("decision", decision);
        if (decision.equals("SUPPLEMENT")) {
            body.put("supplementItems", List.of(Map.of("description", "Bản vẽ mặt bằng có chữ ký", "reason", "Bản nộp chưa ký")));
        }
        Api.Response created = Api.as(port, "tiepnhan").post("/api/v1/dossiers", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void theDeskRecordsTheSupplementThenRefusesTheDossierAndOffersTheRefusalForm() {
        String code = intake("SUPPLEMENT").get("code").asString();
        Page page = browser.signIn(port, "tiepnhan");
        page.navigate("/desk/dossiers/" + code);
        assertThat(page.locator("#dossier-status")).containsText("Yêu cầu bổ sung (5)");
        assertThat(page.locator("#print-supplement")).isVisible();

        page.locator("#supplied-note").fill("Đã nộp bản vẽ có chữ ký");
        page.locator("#action-supplied").click();
        assertThat(page.locator("#flash")).containsText(code);
        Browser.screenshot(page, "/tmp/desk-dossier-actions.png");
        page.locator("#desk-actions summary", new Page.LocatorOptions().setHasText("Từ chối")).click();
        page.locator("#refuse-reason").fill("Công trình không thuộc thẩm quyền cấp phép của thành phố.");
        Accessibility.check(page);
        page.locator("#action-refuse").click();

        assertThat(page.locator("#dossier-status")).containsText("Từ chối tiếp nhận (3)");
        assertThat(page.locator("#print-refusal")).isVisible();
        assertThat(page.locator("#desk-actions")).hasCount(0);
        page.navigate("/desk?q=" + code);
        assertThat(page.locator("#desk-table")).containsText("Từ chối tiếp nhận");
        Browser.screenshot(page, "/tmp/desk-list.png");
    }
}
