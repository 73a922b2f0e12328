package vn.motcua.portal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.motcua.notification.Notices;
import vn.motcua.notification.SmsInbox;
import vn.motcua.portal.SignUpFixtures;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Api;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.Pdfs;

/**
 * A citizen's whole way through the portal in ONE walk, on a procedure of this test's own (desk VP.MC → SXD.QLXD
 * specialist → SXD.LD leader → desk, full online): a newcomer opens the procedure, signs up with a phone number,
 * activates the account with the code texted to it, signs in and files online with a PDF per document; the desk asks
 * for a supplement (Form 02); the citizen reads the notice and answers with a file from the dossier's page; the desk
 * accepts; the Department processes and issues the electronic result; the desk returns it online; the citizen
 * downloads it, checks it at the address of its QR code and rates the service.
 * <p>
 * The citizen does all of it on a 390 px phone with the keyboard alone (Tab, Enter, Space, arrows, typing; a file
 * picker opened from the keyboard), as a person without a mouse would; every page and state they see is checked with
 * axe-core on the phone and on a desktop screen ({@link #inspect}). The staff work in desktop browsers of their own
 * with the mouse, on the staff pages: every step of the path has a page, so no step goes through the API (only the
 * procedure is published through it beforehand; the catalogue's editor has tests of its own).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenFullPathBrowserTest extends BrowserTest {

    static final String PROCEDURE = "1.986005.000.00.00.H27";
    static final String NAME = "Cấp giấy phép thử nghiệm trọn đường đi của công dân";
    static final String APPLICANT = "Đỗ Thị Trọn Đường";
    /** Hải Phòng (031), a woman born in the 1900s (1), in 1992: a well-formed number no other test uses. */
    static final String CITIZEN_ID = "031192098605";
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 900;

    @Autowired
    Notices notices;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    void publishTheProcedure() {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", PROCEDURE, "name", NAME, "field", "Xây dựng",
                "agencyName", "Sở Xây dựng thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", "FULL",
                "clockPolicy", "RESTART",
                "fees", List.of(Map.of("name", "Lệ phí cấp giấy phép", "amount", 50000))));
        p.put("documents", List.of(
                Map.of("name", "Đơn đề nghị cấp phép", "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                Map.of("name", "Bản vẽ thiết kế", "copyKind", "COPY", "count", 1, "mandatory", true)));
        p.put("steps", List.of(
                Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4)));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + PROCEDURE + "/publish", Map.of("decisionNumber",
                "105/QĐ-UBND", "decisionDate", "2026-01-02", "effectiveFrom", "2026-01-02"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    @Test
    void a_newcomer_signs_up_files_online_supplements_downloads_the_electronic_result_and_rates_it_on_a_phone_by_keyboard()
            throws Exception {
        String phone = SignUpFixtures.phone();
        Page citizen = phonePage(port);
        // The portal's limits count per client address: this citizen calls from one of its own.
        citizen.context().setExtraHTTPHeaders(Map.of("X-Forwarded-For", SignUpFixtures.clientAddress()));

        // 1. From the public procedure page, "file online" asks a newcomer to sign in, and the sign-in page to sign up.
        citizen.navigate("/procedures/" + PROCEDURE);
        inspect(citizen);
        press(citizen, citizen.locator("#file-online"), "Enter");
        citizen.waitForURL(Pattern.compile(".*/cong-dan/dang-nhap.*"));
        inspect(citizen);
        press(citizen, citizen.locator("#sign-in-register"), "Enter");
        citizen.waitForURL(Pattern.compile(".*/cong-dan/dang-ky$"));

        // 2. Sign-up with a phone number only (the code comes by SMS); a mistake is told next to its field.
        inspect(citizen);
        type(citizen, "#full-name", APPLICANT);
        type(citizen, "#date-of-birth", "14/05/1992");
        type(citizen, "#citizen-id", CITIZEN_ID);
        type(citizen, "#phone", phone);
        type(citizen, "#address", "Số 9 Điện Biên Phủ, phường Hồng Bàng, Hải Phòng");
        type(citizen, "#password", SignUpFixtures.PASSWORD);
        type(citizen, "#password-confirm", SignUpFixtures.PASSWORD);
        press(citizen, citizen.locator("#sign-up-submit"), "Enter");
        assertThat(citizen.locator("#declaration-error")).hasText("Bạn cần đánh dấu vào lời cam đoan để đăng ký.");
        // A screen reader reads the refusal with the box it is about; the fields without a mistake say none.
        assertThat(citizen.locator("#declaration")).hasAttribute("aria-describedby", "declaration-error");
        assertThat(citizen.locator("#declaration")).hasAttribute("aria-invalid", "true");
        assertThat(citizen.locator("#full-name")).not().hasAttribute("aria-invalid", "true");
        inspect(citizen);
        type(citizen, "#password", SignUpFixtures.PASSWORD);
        type(citizen, "#password-confirm", SignUpFixtures.PASSWORD);
        press(citizen, citizen.locator("#declaration"), "Space");
        assertThat(citizen.locator("#declaration")).isChecked();
        press(citizen, citizen.locator("#sign-up-submit"), "Enter");

        // 3. Activation with the code of the SMS.
        citizen.waitForURL(Pattern.compile(".*/cong-dan/kich-hoat\\?login=" + phone + "$"));
        assertThat(citizen.locator("#code-sent")).containsText("qua tin nhắn SMS");
        inspect(citizen);
        notices.deliverPending();
        assertThat(citizen.locator("#code")).isFocused();
        type(citizen, "#code", SignUpFixtures.textedCode(context, phone));
        press(citizen, citizen.locator("#activation-submit"), "Enter");

        // 4. Sign-in; the portal then goes on to what the citizen asked for, the filing of the procedure.
        citizen.waitForURL(Pattern.compile(".*/cong-dan/dang-nhap\\?activated&login=" + phone + "$"));
        assertThat(citizen.locator("#login-activated")).hasText("Tài khoản đã được kích hoạt. Mời bạn đăng nhập.");
        inspect(citizen);
        type(citizen, "#password", SignUpFixtures.PASSWORD);
        citizen.keyboard().press("Enter");
        // Spring Security's saved request: the page asked for before signing in, marked "?continue".
        citizen.waitForURL(Pattern.compile(".*/cong-dan/nop/" + Pattern.quote(PROCEDURE) + "(\\?continue)?$"));

        // 5. The filing form, pre-filled from the sign-up; a draft with a PDF for each document; the fee shown.
        assertThat(citizen.locator("#applicant-name")).hasValue(APPLICANT);
        assertThat(citizen.locator("#applicant-cid")).hasValue(CITIZEN_ID);
        assertThat(citizen.locator("#return-ONLINE")).isChecked();
        inspect(citizen);
        press(citizen, citizen.locator("#applicant-save"), "Enter");
        citizen.waitForURL(Pattern.compile(".*/cong-dan/ho-so-nhap/[0-9]+$"));
        assertThat(citizen.locator("#fees")).containsText("50.000 đ");
        assertThat(citizen.locator("#missing-documents")).containsText("Đơn đề nghị cấp phép");
        inspect(citizen);
        Locator slots = citizen.locator(".document-slot");
        for (int i = 0; i < 2; i++) {
            Locator slot = slots.nth(i);
            chooseFile(citizen, slot.locator("input[type=file]"), pdf("giay-to-" + (i + 1) + ".pdf"));
            press(citizen, slot.locator(".upload-button"), "Enter");
            assertThat(citizen.locator("#flash")).containsText("giay-to-" + (i + 1) + ".pdf");
        }
        assertThat(citizen.locator("#missing-documents")).hasCount(0);
        inspect(citizen);
        press(citizen, citizen.locator("#declaration"), "Space");
        press(citizen, citizen.locator("#submit-dossier"), "Enter");

        // 6. Submitted: the dossier's page with its code and PIN, and the dossier in "my dossiers".
        citizen.waitForURL(Pattern.compile(".*/cong-dan/ho-so/[^/]+$"));
        String code = citizen.locator("#submitted-code").textContent().strip();
        assertThat(citizen.locator("#dossier-status")).hasText("Mới đăng ký");
        inspect(citizen);
        openFromMenu(citizen, "#nav-my-dossiers");
        assertThat(citizen.locator("h1")).hasText("Hồ sơ của tôi");
        Locator row = citizen.locator("#dossier-table tr[data-code='" + code + "']");
        assertThat(row).containsText("Mới đăng ký");
        inspect(citizen);

        // 7. The desk checks the dossier online and asks for a supplement (Form 02).
        Page desk = browser.signIn(port, "tiepnhan");
        findAtTheDesk(desk, code);
        desk.locator("#desk-actions details summary").first().click();
        desk.locator("#s-item-d-0").fill("Bản vẽ thiết kế có chữ ký của chủ đầu tư");
        desk.locator("#s-item-r-0").fill("Bản vẽ đã nộp chưa có chữ ký");
        desk.locator("#action-supplement").click();
        assertThat(desk.locator("#dossier-status")).containsText("(5)");

        // 8. The citizen is told by SMS and in the portal's notices, reads Form 02 and answers with a file.
        notices.deliverPending();
        assertThat(SmsInbox.textsTo(context, phone)).anySatisfy(text -> assertThat(text).contains(code));
        citizen.reload();
        // Two notices not read: the dossier registered, and the supplement asked for.
        assertThat(citizen.locator("#unread-badge")).hasText("2");
        openFromMenu(citizen, "#nav-notices");
        Locator notice = citizen.locator(".notice-unread").first();
        assertThat(notice).containsText("Yêu cầu bổ sung giấy tờ");
        assertThat(notice).containsText("Bản vẽ thiết kế có chữ ký của chủ đầu tư");
        inspect(citizen);
        press(citizen, notice.locator(".dossier-code"), "Enter");
        citizen.waitForURL(Pattern.compile(".*/cong-dan/ho-so/" + Pattern.quote(code) + "$"));
        assertThat(citizen.locator("#supplements")).containsText("Bản vẽ thiết kế có chữ ký của chủ đầu tư");
        byte[] form02 = citizen.request().get(citizen.locator("#form-supplement-request").getAttribute("href")).body();
        assertThat(Pdfs.text(form02)).contains("Bản vẽ thiết kế có chữ ký của chủ đầu tư");
        inspect(citizen);
        type(citizen, "#supplement-note", "Đã ký bản vẽ thiết kế");
        Accessibility.tabTo(citizen, citizen.locator("#supplement-document-1"));
        citizen.keyboard().press("ArrowDown");
        assertThat(citizen.locator("#supplement-document-1 option:checked")).hasText("Bản vẽ thiết kế");
        chooseFile(citizen, citizen.locator("#supplement-file-1"), pdf("ban-ve-da-ky.pdf"));
        press(citizen, citizen.locator("#supplement-submit"), "Enter");
        assertThat(citizen.locator("#flash")).containsText("Đã gửi bổ sung cho hồ sơ " + code);
        assertThat(citizen.locator("#supplement-form")).hasCount(0);
        inspect(citizen);

        // 9. The desk accepts; the specialist and the leader hand it on from their pages; the leader issues the
        // electronic result; the desk returns it online.
        findAtTheDesk(desk, code);
        assertThat(desk.locator("#dossier-status")).containsText("(1)");
        desk.locator("#action-accept").click();
        assertThat(desk.locator("#dossier-status")).containsText("(4)");
        Page specialist = browser.signIn(port, "chuyenvien.sxd");
        findAtTheDesk(specialist, code);
        specialist.locator("#handover-note").fill("Đủ điều kiện cấp phép");
        specialist.locator("#action-handover").click();
        assertThat(specialist.locator("#step-name")).hasText("Bước 3: Phê duyệt");
        Page leader = browser.signIn(port, "lanhdao.sxd");
        findAtTheDesk(leader, code);
        leader.locator("#handover-note").fill("Đồng ý, đã ký giấy phép");
        leader.locator("#action-handover").click();
        assertThat(leader.locator("#dossier-status")).containsText("(9)");
        leader.locator("#result-name").fill("Giấy phép thử nghiệm số 21/GP");
        leader.locator("#result-file").setInputFiles(new FilePayload("giay-phep.pdf", "application/pdf",
                Pdfs.document("GIAY PHEP THU NGHIEM SO 21/GP")));
        leader.locator("#result-submit").click();
        assertThat(leader.locator("#result-list")).containsText("Giấy phép thử nghiệm số 21/GP");
        findAtTheDesk(desk, code);
        desk.locator("#return-ONLINE").check();
        desk.locator("#action-return").click();
        assertThat(desk.locator("#dossier-status")).containsText("(10)");

        // 10. The citizen downloads the stamped result: a real PDF, whose QR code opens the public check.
        openFromMenu(citizen, "#nav-my-dossiers");
        press(citizen, citizen.locator("#dossier-table a.dossier-code").filter(new Locator.FilterOptions()
                .setHasText(code)), "Enter");
        citizen.waitForURL(Pattern.compile(".*/cong-dan/ho-so/" + Pattern.quote(code) + "$"));
        assertThat(citizen.locator("#dossier-status")).hasText("Đã trả kết quả");
        assertThat(citizen.locator("#timeline")).containsText("Đã cấp kết quả điện tử");
        inspect(citizen);
        Locator download = citizen.locator(".result-download").first();
        Accessibility.tabTo(citizen, download);
        Download downloaded = citizen.waitForDownload(() -> citizen.keyboard().press("Enter"));
        byte[] result = Files.readAllBytes(downloaded.path());
        assertThat(Pdfs.pages(result)).isEqualTo(1);
        assertThat(Pdfs.text(result)).contains("GIAY PHEP THU NGHIEM SO 21/GP");
        String checkUrl = Pdfs.qrCode(Pdfs.firstPage(result)).getText();
        assertThat(checkUrl).contains("/xac-thuc/");

        // 11. The rating: the best of each criterion with the arrow keys, a comment, sent.
        int max = 0;
        for (Locator criterion : citizen.locator(".rating-criterion").all()) {
            Locator scale = criterion.locator(".rating-scale input[type=radio]");
            int best = scale.count() - 1;
            Accessibility.tabTo(citizen, scale.first());
            for (int n = 0; n < best; n++) {
                citizen.keyboard().press("ArrowRight");
            }
            assertThat(scale.last()).isChecked();
            max += best;
        }
        type(citizen, "#rating-comment", "Làm hết trên điện thoại, không phải đến Bộ phận Một cửa.");
        inspect(citizen);
        press(citizen, citizen.locator("#rating-submit"), "Enter");
        assertThat(citizen.locator("#rating-thanks")).containsText("Cảm ơn Ông/Bà đã đánh giá!");
        assertThat(citizen.locator("#rating-total")).hasText("Tổng điểm: " + max + "/" + max);
        assertThat(citizen.locator("#rating-form")).hasCount(0);
        inspect(citizen);
        Browser.screenshot(citizen, "/tmp/fullpath-rated.png");

        // 12. The public check of the result, where its QR code leads; the file held is compared on the phone.
        Page check = phonePage(port);
        check.navigate(URI.create(checkUrl).getPath());
        assertThat(check.locator("#check-valid")).containsText("được cấp qua hệ thống một cửa");
        assertThat(check.locator("#check-procedure")).hasText(NAME);
        assertThat(check.locator("body")).not().containsText(APPLICANT);
        inspect(check);
        chooseFile(check, check.locator("#compare-file"), new FilePayload("ket-qua.pdf", "application/pdf", result));
        assertThat(check.locator("#compare-outcome")).hasText("Tệp trùng khớp với kết quả đã cấp.");
        inspect(check);
    }

    /**
     * A page on a phone's screen whose file pickers Playwright answers. Playwright turns the browser's picker over to
     * the test only once a listener is there, and the keyboard's Space can open a picker before a listener added just
     * before it has taken effect: the listener is there from the start.
     */
    static Page phonePage(int port) {
        Page page = Accessibility.onPhone(browser.newPage(port));
        page.onFileChooser(chooser -> {});
        return page;
    }

    /**
     * The page as it is now, checked on the phone (nothing wider than the screen, axe-core, no label or description
     * naming an element that is not there) and on a desktop screen (axe-core again: another layout, other elements
     * shown), then back on the phone.
     */
    static void inspect(Page page) {
        // The flash at the top of a page can be there while the rest still arrives (a loaded machine streams slowly):
        // the checks read the whole page.
        page.waitForLoadState();
        Accessibility.fitsWidth(page);
        Accessibility.referencesResolve(page);
        Accessibility.check(page);
        page.setViewportSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
        try {
            Accessibility.check(page);
        } finally {
            Accessibility.onPhone(page);
        }
    }

    /** Tabs to the element (its focus visible) and presses the key on it. */
    static void press(Page page, Locator element, String key) {
        Accessibility.tabTo(page, element);
        page.keyboard().press(key);
    }

    /**
     * Tabs to the field, unless the page put the focus there (autofocus), and types the text in place of what it
     * held (a form shown again keeps what was typed).
     */
    static void type(Page page, String field, String text) {
        Locator input = page.locator(field);
        if (!(Boolean) input.evaluate("e => e === document.activeElement")) {
            Accessibility.tabTo(page, input);
        }
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type(text);
        assertThat(input).hasValue(text);
    }

    /** Tabs to a file input and opens its picker with the keyboard, as a person without a mouse does. */
    static void chooseFile(Page page, Locator input, FilePayload file) {
        Accessibility.tabTo(page, input);
        page.waitForFileChooser(() -> page.keyboard().press("Space")).setFiles(file);
    }

    /** On a phone the portal's menu is folded: the keyboard opens it, then follows one of its links. */
    static void openFromMenu(Page page, String link) {
        press(page, page.locator(".navbar-toggler"), "Enter");
        assertThat(page.locator(link)).isVisible();
        press(page, page.locator(link), "Enter");
        page.waitForLoadState();
    }

    /** A member of staff finds the dossier with the desk's search and opens it. */
    static void findAtTheDesk(Page staff, String code) {
        staff.navigate("/desk");
        staff.locator("#desk-q").fill(code);
        staff.locator("#desk-q").press("Enter");
        Locator link = staff.locator("#desk-table a").filter(new Locator.FilterOptions().setHasText(code)).first();
        link.click();
        assertThat(staff.locator("#dossier-code")).hasText(code);
    }

    static FilePayload pdf(String name) {
        return new FilePayload(name, "application/pdf", Pdfs.document(name));
    }
}
