package vn.motcua.portal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.support.Api;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;

/**
 * Online filing clicked through in Chromium, on a procedure of this test's own (desk VP.MC → SXD.QLXD specialist →
 * SXD.LD leader → desk, full online): the demo citizen files with uploads, the desk asks for a supplement, the
 * citizen supplements, the desk accepts, the Department processes and issues an electronic result, the desk
 * returns it online, and the citizen downloads it and rates the service. Also the pages at 390 px wide and with the
 * keyboard alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineFilingBrowserTest extends BrowserTest {

    static final String PROCEDURE = "1.980010.000.00.00.H27";
    static final String NAME = "Cấp giấy phép thử nghiệm nộp trực tuyến trọn vòng đời";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    void publishTheProcedure() {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", PROCEDURE, "name", NAME, "field", "Xây dựng",
                "agencyName", "Sở Xây dựng thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", "FULL",
                "clockPolicy", "RESTART",
                "fees", List.of(Map.of("name", "Lệ phí cấp giấy phép", "amount", 150000))));
        p.put("documents", List.of(
                Map.of("name", "Đơn đề nghị cấp phép", "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                Map.of("name", "Bản vẽ thiết kế", "copyKind", "COPY", "count", 2, "mandatory", true)));
        p.put("steps", List.of(
                Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4)));
        assertThat(admin.post("/api/v1/procedures", p).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/procedures/" + PROCEDURE + "/publish", Map.of("decisionNumber", "98/QĐ-UBND",
                "decisionDate", "2026-01-02", "effectiveFrom", "2026-01-02")).status()).isEqualTo(200);
    }

    static FilePayload pdf(String name) {
        return new FilePayload(name, "application/pdf", PDF);
    }

    /** Opens the desk's page of the dossier. */
    static void open(Page staff, String code) {
        staff.navigate("/desk/dossiers/" + code);
        assertThat(staff.locator("#dossier-code")).hasText(code);
    }

    @Test
    void the_citizen_files_online_supplements_receives_the_electronic_result_and_rates_the_service() throws IOException {
        // 1. From the public procedure page to a draft pre-filled from the profile.
        Page citizen = browser.signInAsCitizen(port, "congdan");
        citizen.navigate("/procedures/" + PROCEDURE);
        citizen.locator("#file-online").click();
        citizen.waitForURL(Pattern.compile(".*/cong-dan/nop/" + Pattern.quote(PROCEDURE) + "$"));
        assertThat(citizen.locator("#applicant-name")).hasValue("Nguyễn Thị Minh Thư");
        assertThat(citizen.locator("#applicant-cid")).hasValue("031190004217");
        assertThat(citizen.locator("#return-ONLINE")).isChecked();
        citizen.locator("#applicant-save").click();
        citizen.waitForURL(Pattern.compile(".*/cong-dan/ho-so-nhap/[0-9]+$"));
        assertThat(citizen.locator("#missing-documents")).containsText("Đơn đề nghị cấp phép");
        assertThat(citizen.locator("#fees")).containsText("150.000 đ");

        // 2. A file for each document; a text file is refused as what it is.
        Locator form = citizen.locator(".document-slot").nth(0);
        form.locator("input[type=file]").setInputFiles(new FilePayload("ghi-chu.pdf", "application/pdf",
                "chỉ là chữ".getBytes(StandardCharsets.UTF_8)));
        form.locator(".upload-button").click();
        assertThat(citizen.locator("#action-error")).containsText("Chỉ nhận tệp PDF, JPEG hoặc PNG");
        for (int i = 0; i < 2; i++) {
            Locator slot = citizen.locator(".document-slot").nth(i);
            slot.locator("input[type=file]").setInputFiles(pdf("giay-to-" + (i + 1) + ".pdf"));
            slot.locator(".upload-button").click();
            assertThat(citizen.locator("#flash")).containsText("giay-to-" + (i + 1) + ".pdf");
        }
        assertThat(citizen.locator("#missing-documents")).hasCount(0);
        // The draft is kept: leaving and coming back resumes it.
        citizen.navigate("/cong-dan/ho-so");
        citizen.locator("#drafts a").filter(new Locator.FilterOptions().setHasText(NAME)).first().click();
        assertThat(citizen.locator(".document-file")).hasCount(2);

        // 3. Submitted once the declaration is ticked: the code and the PIN.
        // Without the declaration the browser does not send the form.
        citizen.locator("#submit-dossier").click();
        assertThat(citizen.locator("#declaration:invalid")).hasCount(1);
        assertThat(citizen).hasURL(Pattern.compile(".*/cong-dan/ho-so-nhap/[0-9]+$"));
        citizen.locator("#declaration").check();
        citizen.locator("#submit-dossier").click();
        citizen.waitForURL(Pattern.compile(".*/cong-dan/ho-so/[^/]+$"));
        String code = citizen.locator("#submitted-code").textContent().strip();
        assertThat(citizen.locator("#submitted-pin")).hasText(Pattern.compile("[0-9]{6}"));
        assertThat(citizen.locator("#dossier-status")).hasText("Mới đăng ký");
        Browser.screenshot(citizen, "/tmp/pages-portal-submitted.png");

        // 4. The desk asks for a supplement.
        Page desk = browser.signIn(port, "tiepnhan");
        open(desk, code);
        desk.locator("#desk-actions details summary").first().click();
        desk.locator("#s-item-d-0").fill("Bản vẽ mặt bằng có chữ ký của chủ đầu tư");
        desk.locator("#s-item-r-0").fill("Bản vẽ đã nộp chưa có chữ ký");
        desk.locator("#action-supplement").click();
        assertThat(desk.locator("#dossier-status")).containsText("(5)");

        // 5. The citizen sees it in the inbox and answers with a file.
        citizen.navigate("/cong-dan/ho-so");
        assertThat(citizen.locator("#unread-badge")).isVisible();
        citizen.locator("#nav-notices").click();
        assertThat(citizen.locator(".notice-unread").first()).containsText("Yêu cầu bổ sung giấy tờ");
        assertThat(citizen.locator(".notice-unread").first()).containsText("Trần Thị Thu Hà");
        citizen.locator(".notice-unread .dossier-code").first().click();
        assertThat(citizen.locator("#supplements")).containsText("Bản vẽ mặt bằng có chữ ký của chủ đầu tư");
        citizen.locator("#supplement-note").fill("Đã ký bản vẽ mặt bằng");
        citizen.locator("#supplement-document-1").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Bản vẽ thiết kế"));
        citizen.locator("#supplement-file-1").setInputFiles(pdf("ban-ve-da-ky.pdf"));
        citizen.locator("#supplement-submit").click();
        assertThat(citizen.locator("#flash")).containsText("Đã gửi bổ sung cho hồ sơ " + code);
        assertThat(citizen.locator("#dossier-status")).hasText("Mới đăng ký");
        assertThat(citizen.locator("#supplement-form")).hasCount(0);

        // 6. The desk accepts; the Department processes and issues the electronic result; the desk returns it online.
        open(desk, code);
        desk.locator("#action-accept").click();
        assertThat(desk.locator("#dossier-status")).containsText("(4)");
        Page specialist = browser.signIn(port, "chuyenvien.sxd");
        open(specialist, code);
        specialist.locator("#handover-note").fill("Đủ điều kiện cấp phép");
        specialist.locator("#action-handover").click();
        assertThat(specialist.locator("#step-name")).hasText("Bước 3: Phê duyệt");
        Page leader = browser.signIn(port, "lanhdao.sxd");
        open(leader, code);
        leader.locator("#handover-note").fill("Đồng ý, đã ký giấy phép");
        leader.locator("#action-handover").click();
        assertThat(leader.locator("#dossier-status")).containsText("(9)");
        leader.locator("#result-name").fill("Giấy phép xây dựng số 15/GPXD");
        leader.locator("#result-file").setInputFiles(new FilePayload("giay-phep.pdf", "application/pdf", onePagePdf()));
        leader.locator("#result-submit").click();
        assertThat(leader.locator("#result-list")).containsText("Giấy phép xây dựng số 15/GPXD");
        open(desk, code);
        desk.locator("#return-ONLINE").check();
        desk.locator("#action-return").click();
        assertThat(desk.locator("#dossier-status")).containsText("(10)");

        // 7. The citizen downloads the result and rates the service.
        citizen.navigate("/cong-dan/ho-so/" + code);
        assertThat(citizen.locator("#dossier-status")).hasText("Đã trả kết quả");
        assertThat(citizen.locator("#timeline")).containsText("Bùi Thị Mai");
        assertThat(citizen.locator("#form-receipt")).isVisible();
        Download download = citizen.waitForDownload(() -> citizen.locator(".result-download").first().click());
        byte[] result = Files.readAllBytes(download.path());
        assertThat(new String(result, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        int max = 0;
        for (Locator criterion : citizen.locator(".rating-criterion").all()) {
            Locator best = criterion.locator(".rating-scale label").last();
            max += Integer.parseInt(best.textContent().strip());
            best.click();
        }
        citizen.locator("#rating-comment").fill("Nộp trực tuyến thuận tiện, có kết quả điện tử.");
        Browser.screenshot(citizen, "/tmp/pages-portal-dossier.png");
        citizen.locator("#rating-submit").click();
        assertThat(citizen.locator("#rating-thanks")).containsText("Cảm ơn Ông/Bà đã đánh giá!");
        assertThat(citizen.locator("#rating-total")).hasText("Tổng điểm: " + max + "/" + max);
        citizen.reload();
        assertThat(citizen.locator("#rating-done")).isVisible();
        assertThat(citizen.locator("#rating-form")).hasCount(0);

        // 8. Every notice read at once.
        citizen.navigate("/cong-dan/thong-bao");
        citizen.locator("#mark-all-read").click();
        assertThat(citizen.locator("#unread-badge")).hasCount(0);
        assertThat(citizen.locator(".notice-unread")).hasCount(0);
    }

    @Test
    void on_a_phone_390_px_wide_and_with_the_keyboard_alone_a_draft_is_begun_and_the_pages_fit() {
        Page citizen = browser.signInAsCitizen(port, "congdan");
        citizen.setViewportSize(390, 844);
        citizen.navigate("/cong-dan/nop/" + PROCEDURE);
        // Keyboard only: from the return method, Tab to the save button and press Enter.
        citizen.locator("#return-POSTAL").focus();
        citizen.keyboard().press("Space");
        citizen.keyboard().press("Tab");
        assertThat(citizen.locator("#applicant-save")).isFocused();
        citizen.keyboard().press("Enter");
        citizen.waitForURL(Pattern.compile(".*/cong-dan/ho-so-nhap/[0-9]+$"));
        assertThat(citizen.locator("#return-POSTAL")).isChecked();
        for (String page : List.of(citizen.url(), "/cong-dan/ho-so", "/cong-dan/thong-bao", "/procedures/" + PROCEDURE)) {
            citizen.navigate(page);
            Object overflow = citizen.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).as(page).isLessThanOrEqualTo(0);
        }
        // The declaration is a box the keyboard ticks.
        citizen.navigate("/cong-dan/ho-so");
        citizen.locator("#drafts a").first().focus();
        citizen.keyboard().press("Enter");
        citizen.waitForURL(Pattern.compile(".*/cong-dan/ho-so-nhap/[0-9]+$"));
        citizen.locator("#declaration").focus();
        citizen.keyboard().press("Space");
        assertThat(citizen.locator("#declaration")).isChecked();
    }

    static byte[] onePagePdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
