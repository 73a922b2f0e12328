package vn.motcua.catalog.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.shared.VietnameseText;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;

/**
 * The catalogue in a real browser: the search as people type, the procedure page and its print view, and
 * an administrator's draft from the first field to its publication (htmx, the editor's script and the
 * Content-Security-Policy together). Screenshots go to /tmp/catalog-*.png for people to look at.
 */
class CatalogBrowserTest extends BrowserTest {

    @Autowired
    Catalog catalog;

    @Test
    void aVisitorTypesGiayPhepXayDungSeesTheDemoPermitsAtOnceAndOpensOne() {
        Page page = browser.newPage(port);
        page.navigate("/procedures");
        assertThat(page.locator("#procedure-count")).containsText("trong tổng số");

        page.getByLabel("Tìm thủ tục").pressSequentially("giay phep xay dung", new Locator.PressSequentiallyOptions().setDelay(40));

        Locator results = page.locator("#procedure-list");
        assertThat(results).containsText("Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II");
        page.waitForURL(url -> url.contains("q=giay+phep+xay+dung") || url.contains("q=giay%20phep%20xay%20dung"));
        for (String name : results.locator(".procedure-name").allInnerTexts()) {
            assertThat(VietnameseText.fold(name)).contains("giay phep xay dung");
        }
        Browser.screenshot(page, "/tmp/catalog-search.png");

        results.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II")).click();

        assertThat(page.locator("#procedure-name")).hasText("Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II");
        assertThat(page.locator("#document-table tbody tr")).hasCount(6);
        assertThat(page.locator("#document-table")).containsText("Mau-01-don-de-nghi-cap-GPXD.docx");
        assertThat(page.locator("#fee-table")).containsText("150.000 đ");
        assertThat(page.locator("#step-timeline .timeline-step")).hasCount(4);
        assertThat(page.locator("#step-timeline")).containsText("Bộ phận Một cửa");
        assertThat(page.locator("#step-timeline")).containsText("17 ngày");
        assertThat(page.locator("#print-button")).isVisible();
        Browser.screenshot(page, "/tmp/catalog-procedure.png");

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("header")).isHidden();
        assertThat(page.locator("#print-button")).isHidden();
        assertThat(page.locator("#print-source")).isVisible();
        assertThat(page.locator("#print-source")).containsText("/procedures/1.009794.000.00.00.H27");
        Browser.screenshot(page, "/tmp/catalog-procedure-print.png");
    }

    @Test
    void anAdministratorDraftsAProcedureWhoseStepHoursMustAddUpPublishesItAndVisitorsFindIt() {
        String code = ProcedureFixtures.code(200);
        Page page = browser.signIn(port, "admin");
        page.locator("#nav-procedures").click();
        page.locator("#add-procedure").click();
        assertThat(page.locator("h1")).hasText("Thêm thủ tục hành chính");

        page.getByLabel("Mã thủ tục").fill(code);
        page.getByLabel("Tên thủ tục").fill("Cấp phép thử nghiệm bến thủy Cửa Cấm");
        page.locator("#procedure-field").fill("Giao thông vận tải");
        page.locator("#procedure-agency").fill("Sở Xây dựng thành phố Hải Phòng");
        page.locator("#applicant-CITIZEN").check();
        page.locator("#applicant-ORGANIZATION").check();
        page.locator("#time-limit-amount").fill("15");
        page.locator("#procedure-level").selectOption("FULL");
        page.locator("#procedure-result").fill("Giấy phép thử nghiệm bến thủy");

        // Two documents: the first row is there, the second is added.
        page.locator("[name='documents[0].name']").fill("Đơn đề nghị cấp phép (mẫu số 01)");
        page.locator("[name='documents[0].templateName']").fill("Mau-01-don-de-nghi.docx");
        page.locator("#add-document").click();
        page.locator("[name='documents[1].name']").fill("Bản sao giấy đăng ký phương tiện");
        page.locator("[name='documents[1].copyKind']").selectOption("CERTIFIED_COPY");
        page.locator("[name='documents[1].count']").fill("2");
        // A third row added by mistake and removed again: the rows keep their numbers.
        page.locator("#add-document").click();
        page.locator("[name='documents[2].name']").fill("Dòng thừa");
        page.locator("#documents-rows tr").nth(2).locator("[data-remove-row]").click();
        assertThat(page.locator("#documents-rows tr")).hasCount(2);

        page.locator("#add-fee").click();
        page.locator("[name='fees[0].name']").fill("Lệ phí cấp phép");
        page.locator("[name='fees[0].amount']").fill("250.000");

        // Four steps whose hours do not add up to 15 working days (120 hours) at first.
        String[][] steps = {
            {"Tiếp nhận hồ sơ", "VP.MC", "RECEPTION", "4"},
            {"Thẩm định hồ sơ", "SXD.QLXD", "SPECIALIST", "96"},
            {"Phê duyệt", "SXD.LD", "LEADER", "12"},
            {"Trả kết quả", "VP.MC", "RECEPTION", "4"},
        };
        for (int i = 0; i < steps.length; i++) {
            if (i > 0) {
                page.locator("#add-step").click();
            }
            page.locator("[name='steps[" + i + "].name']").fill(steps[i][0]);
            page.locator("[name='steps[" + i + "].unitCode']").selectOption(steps[i][1]);
            page.locator("[name='steps[" + i + "].role']").selectOption(steps[i][2]);
            page.locator("[name='steps[" + i + "].durationHours']").fill(steps[i][3]);
        }
        Locator sum = page.locator("#step-sum");
        assertThat(sum).hasAttribute("data-state", "missing");
        assertThat(sum).containsText("116/120 giờ làm việc");
        assertThat(sum).containsText("thiếu 4 giờ");
        assertThat(page.locator("#steps-rows tr").nth(3).locator(".row-number")).hasText("B4");
        Browser.screenshot(page, "/tmp/catalog-editor-mismatch.png");
        Accessibility.check(page);

        page.locator("[name='steps[2].durationHours']").fill("20");
        assertThat(sum).hasAttribute("data-state", "extra");
        assertThat(sum).containsText("thừa 4 giờ");
        page.locator("[name='steps[2].durationHours']").fill("16");
        assertThat(sum).hasAttribute("data-state", "ok");
        assertThat(sum).containsText("khớp với thời hạn giải quyết");
        Browser.screenshot(page, "/tmp/catalog-editor.png");

        page.locator("#procedure-save").click();
        assertThat(page.locator("#flash")).containsText("Đã tạo bản dự thảo thủ tục");
        assertThat(page.locator("#procedure-status")).hasText("Dự thảo");
        assertThat(page.locator("#document-table tbody tr")).hasCount(2);
        assertThat(page.locator("#fee-table")).containsText("250.000 đ");
        Accessibility.check(page);

        page.getByLabel("Số quyết định").fill("1955/QĐ-UBND");
        page.getByLabel("Ngày ký").fill("02/03/2026");
        page.getByLabel("Ngày có hiệu lực").fill("05/03/2026");
        page.locator("#publish-submit").click();
        assertThat(page.locator("#flash")).containsText("theo Quyết định số 1955/QĐ-UBND");
        assertThat(page.locator("#procedure-status")).hasText("Đã công bố");
        assertThat(catalog.published(code)).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(ProcedureStatus.PUBLISHED));

        Page visitor = browser.newPage(port);
        visitor.navigate("/procedures");
        visitor.getByLabel("Tìm thủ tục").pressSequentially("ben thuy cua cam", new Locator.PressSequentiallyOptions().setDelay(40));
        assertThat(visitor.locator("#procedure-list .procedure-item")).hasCount(1);
        visitor.locator("#procedure-list").getByText("Cấp phép thử nghiệm bến thủy Cửa Cấm").click();
        assertThat(visitor.locator("#procedure-code")).hasText(code);
        assertThat(visitor.locator("#procedure-decision")).containsText("Quyết định số 1955/QĐ-UBND ngày 02/03/2026");
        assertThat(visitor.locator("#step-timeline")).containsText("12 ngày");
    }
}
