package vn.motcua.dossier.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.dossier.ProcessFixtures;
import vn.motcua.support.Api;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Intakes;
import vn.motcua.support.Pdfs;
import vn.motcua.support.WebSession;

/**
 * Electronic results and form templates in a real browser: the specialist issues a result from the dossier page,
 * a citizen checks it at the address of its QR code and compares the file they hold; a visitor downloads the demo
 * building permit's form from the procedure page. Screenshots go to /tmp/result-*.png for people to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsBrowserTest extends BrowserTest {

    static final String PROCEDURE = "1.986002.000.00.00.H27";
    static final String BUILDING_PERMIT = "1.009794.000.00.00.H27";

    @BeforeAll
    void publish() {
        ProcessFixtures.publishFourStepProcess(port, PROCEDURE, "Cấp phép thử nghiệm kết quả trên trang",
                "RESTART", "2025-01-02");
    }

    String accepted(String applicant) {
        Api.Response response = Api.as(port, "tiepnhan").post("/api/v1/dossiers",
                Intakes.accepted(port, PROCEDURE, applicant));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asString();
    }

    @Test
    void theSpecialistIssuesAResultOnTheDossierPageAndACitizenChecksItAndTheFileTheyHold() throws IOException {
        String code = accepted("Lý Thị Kết Quả");
        Path original = Files.createTempFile("giay-phep-", ".pdf");
        Files.write(original, Pdfs.document("GIAY PHEP THU NGHIEM SO 7/GP"));

        Page page = browser.signIn(port, "chuyenvien.sxd");
        page.navigate("/desk/dossiers/" + code);
        Locator section = page.locator("#results");
        assertThat(section).containsText("Chưa cấp kết quả điện tử");
        page.getByLabel("Tên kết quả").fill("Giấy phép thử nghiệm số 7/GP");
        page.locator("#result-file").setInputFiles(original);
        page.locator("#result-submit").click();

        assertThat(page.locator("#result-done")).containsText("Đã cấp kết quả điện tử \"Giấy phép thử nghiệm số 7/GP\"");
        Locator result = page.locator("#result-list .result");
        assertThat(result).hasCount(1);
        String resultCode = result.locator(".result-code").innerText().strip();
        assertThat(resultCode).matches("[2-9A-HJ-NP-Z]{12}");
        assertThat(page.locator("#history")).containsText("Cấp kết quả điện tử");
        Browser.screenshot(page, "/tmp/result-dossier.png");

        Download download = page.waitForDownload(() -> result.locator(".result-name").click());
        assertThat(download.suggestedFilename()).isEqualTo(original.getFileName().toString());
        Path stamped = Files.createTempFile("ket-qua-", ".pdf");
        download.saveAs(stamped);
        assertThat(Pdfs.qrCode(Pdfs.firstPage(Files.readAllBytes(stamped))).getText())
                .endsWith("/xac-thuc/" + resultCode);

        Page citizen = browser.newPage(port);
        citizen.navigate("/xac-thuc");
        citizen.getByLabel("Mã kết quả").fill(resultCode.substring(0, 6).toLowerCase() + "-" + resultCode.substring(6));
        citizen.locator("#check-submit").click();
        assertThat(citizen.locator("#check-valid")).containsText("được cấp qua hệ thống một cửa");
        assertThat(citizen.locator("#check-result-code")).hasText(resultCode);
        assertThat(citizen.locator("#check-procedure")).hasText("Cấp phép thử nghiệm kết quả trên trang");
        assertThat(citizen.locator("#check-agency")).hasText("Sở Xây dựng thành phố Hải Phòng");
        String daily = code.substring(code.lastIndexOf('-') + 1);
        assertThat(citizen.locator("#check-dossier")).hasText(
                code.substring(0, code.lastIndexOf('-') + 1).replaceAll("[^.-]", "*") + daily);
        assertThat(citizen.locator("#check-sha256")).hasText(Pdfs.sha256(Files.readAllBytes(stamped)));
        assertThat(citizen.locator("body")).not().containsText("Lý Thị Kết Quả");

        citizen.locator("#compare-file").setInputFiles(stamped);
        assertThat(citizen.locator("#compare-outcome")).hasText("Tệp trùng khớp với kết quả đã cấp.");
        citizen.locator("#compare-file").setInputFiles(original);
        assertThat(citizen.locator("#compare-outcome")).hasText("Tệp KHÔNG trùng khớp với kết quả đã cấp.");
        Browser.screenshot(citizen, "/tmp/result-check.png");
    }

    @Test
    void aVisitorDownloadsTheDemoBuildingPermitsApplicationFormFromItsPage() throws IOException {
        Page page = browser.newPage(port);
        page.navigate("/procedures/" + BUILDING_PERMIT);
        Locator link = page.locator("#document-table .template-download").first();
        assertThat(link).containsText("Tải về (PDF, ");
        assertThat(page.locator("#document-table")).containsText("Mau-01-don-de-nghi-cap-GPXD.docx");
        assertThat(page.locator("#document-table")).not().containsText("sẽ sớm có");
        Download download = page.waitForDownload(link::click);
        assertThat(download.suggestedFilename()).isEqualTo("Mau-01-don-de-nghi-cap-GPXD.pdf");
        Path saved = Files.createTempFile("mau-don-", ".pdf");
        download.saveAs(saved);
        byte[] form = Files.readAllBytes(saved);
        assertThat(Pdfs.text(form, 1)).contains("ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG", "Kính gửi:");
        Browser.screenshot(page, "/tmp/result-procedure-template.png");
    }

    @Test
    void the_check_page_answers_an_unknown_code_with_404_and_only_those_who_may_issue_see_the_form() {
        // One unknown code only: the look-up guard counts failures from this address for every test.
        Api.Response unknown = WebSession.anonymous(port).get("/xac-thuc/ZZZZ2222ZZZZ?lang=en");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("No electronic result has this code");
        Api.Response form = WebSession.anonymous(port).get("/xac-thuc");
        assertThat(form.body()).contains("Xác thực kết quả điện tử");
        assertThat(form.header("Set-Cookie")).as("no session for visitors").isNull();

        String code = accepted("Tạ Văn Xem");
        String leaderPage = WebSession.signIn(port, "lanhdao.sxd").get("/desk/dossiers/" + code).body();
        assertThat(leaderPage).contains("id=\"results\"").doesNotContain("id=\"result-form\"");
        String deskPage = WebSession.signIn(port, "tiepnhan").get("/desk/dossiers/" + code).body();
        assertThat(deskPage).contains("id=\"result-form\"");
    }
}
