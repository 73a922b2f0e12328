package vn.motcua.dossier.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Api;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;

/**
 * One dossier's whole life, clicked through in Chromium by each person in turn, on a procedure of this
 * test's own (desk VP.MC 4 h → SXD.QLXD specialist 28 h → SXD.LD leader 4 h → desk 4 h) at the real time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierLifecycleBrowserTest extends BrowserTest {

    static final String PROCEDURE = "1.960001.000.00.00.H27";
    static final String APPLICANT = "Nguyễn Thị Vòng Đời";

    @BeforeAll
    void publishTheProcedure() {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", PROCEDURE, "name", "Cấp phép thử nghiệm trọn vòng đời hồ sơ", "field", "Xây dựng",
                "agencyName", "Sở Xây dựng thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", "PARTIAL",
                "clockPolicy", "RESTART",
                "documents", List.of(Map.of("name", "Đơn đề nghị cấp phép", "copyKind", "ORIGINAL", "count", 1,
                        "mandatory", true)),
                "steps", List.of(Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                        Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                        Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                        Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4))));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + PROCEDURE + "/publish", Map.of("decisionNumber",
                "95/QĐ-UBND", "decisionDate", "2026-01-02", "effectiveFrom", "2026-01-02"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    /**
     * The dossier's row in the work queue the page shows, following the pages when needed: dossiers other
     * tests left overdue at the same unit come first.
     */
    static Locator rowIn(Page page, String code) {
        Locator row = page.locator("#work-table tr[data-code='" + code + "']");
        for (int n = 0; row.count() == 0 && page.locator("a[rel=next]").count() > 0 && n < 50; n++) {
            Locator next = page.locator("a[rel=next]").first();
            String href = next.getAttribute("href");
            next.click();
            page.waitForURL(url -> url.endsWith(href));
        }
        return row;
    }

    @Test
    void aDossierGoesFromTheDeskThroughTheSpecialistAndTheLeaderBackToTheCitizenWhoRatesIt() {
        // 1. The desk registers and accepts the dossier through the intake form.
        Page desk = browser.signIn(port, "tiepnhan");
        desk.navigate("/desk/new?procedure=" + PROCEDURE);
        for (Locator check : desk.locator(".document-check[data-mandatory=true]").all()) {
            check.check();
        }
        desk.locator("#applicant-name").fill(APPLICANT);
        desk.locator("#applicant-cid").fill("031085001234");
        desk.locator("#applicant-phone").fill("0912345678");
        desk.locator("#applicant-address").fill("18 Hoàng Diệu, Hồng Bàng, Hải Phòng");
        desk.locator("#decision-ACCEPT").check();
        desk.locator("#intake-submit").click();
        desk.waitForURL(Pattern.compile(".*/desk/dossiers/.*"));
        // Accepted, intake done: the dossier is being processed.
        assertThat(desk.locator("#history")).containsText("Đã tiếp nhận (2)");
        assertThat(desk.locator("#dossier-status")).containsText("Đang giải quyết (4)");
        String code = desk.locator("#dossier-code").textContent().strip();
        String pin = desk.locator("#lookup-pin").textContent().strip();
        // Accepted: the dossier went on to the appraisal step at the Department of Construction.
        assertThat(desk.locator("#step-name")).hasText("Bước 2: Thẩm định");
        assertThat(desk.locator("#step-unit")).containsText("Phòng");
        assertThat(desk.locator("#slip-table tbody tr")).hasCount(1);
        assertThat(desk.locator("#handover-form")).hasCount(0);

        // 2. The specialist finds it in the unit's queue and hands it over.
        Page specialist = browser.signIn(port, "chuyenvien.sxd");
        specialist.locator("#nav-work").click();
        specialist.waitForURL(Pattern.compile(".*/work$"));
        Locator row = rowIn(specialist, code);
        assertThat(row).containsText(APPLICANT);
        assertThat(row).containsText("Thẩm định");
        Browser.screenshot(specialist, "/tmp/pages-work.png");
        row.locator("a").first().click();
        specialist.waitForURL(Pattern.compile(".*/desk/dossiers/.*"));
        assertThat(specialist.locator("#current-step")).containsText("Bước 2: Thẩm định");
        assertThat(specialist.locator("#send-back-form")).hasCount(0);
        Accessibility.check(specialist);
        specialist.locator("#handover-note").fill("Đủ điều kiện cấp phép, trình lãnh đạo phê duyệt");
        specialist.locator("#action-handover").click();
        assertThat(specialist.locator("#flash")).containsText("Đã chuyển hồ sơ " + code + " sang bước tiếp theo.");
        assertThat(specialist.locator("#step-name")).hasText("Bước 3: Phê duyệt");
        assertThat(specialist.locator("#handover-form")).hasCount(0);
        assertThat(specialist.locator("#slip-table")).containsText("Đủ điều kiện cấp phép");

        // 3. The leader approves: the result is ready at the desk.
        Page leader = browser.signIn(port, "lanhdao.sxd");
        leader.navigate("/work");
        rowIn(leader, code).locator("a").first().click();
        leader.waitForURL(Pattern.compile(".*/desk/dossiers/.*"));
        assertThat(leader.locator("#step-name")).hasText("Bước 3: Phê duyệt");
        assertThat(leader.locator("#apology-form")).hasCount(1);
        Accessibility.check(leader);
        leader.locator("#handover-note").fill("Đồng ý, đã ký giấy phép");
        leader.locator("#action-handover").click();
        assertThat(leader.locator("#flash")).containsText(code);
        assertThat(leader.locator("#dossier-status")).containsText("Đã giải quyết xong (9)");
        assertThat(leader.locator("#dossier-timeliness")).hasText(Pattern.compile("Trước hạn|Đúng hạn"));
        assertThat(leader.locator("#process-actions")).hasCount(0);
        leader.navigate("/work/units");
        assertThat(leader.locator("#on-time-chart")).isVisible();
        assertThat(leader.locator("#units-table tr[data-unit='SXD.QLXD']")).isVisible();
        Browser.screenshot(leader, "/tmp/pages-units.png");

        // 4. The desk returns the result in person.
        desk.navigate("/work");
        rowIn(desk, code).locator("a").first().click();
        desk.waitForURL(Pattern.compile(".*/desk/dossiers/.*"));
        assertThat(desk.locator("#step-name")).hasText("Bước 4: Trả kết quả");
        Accessibility.check(desk);
        desk.locator("#return-DIRECT").check();
        desk.locator("#action-return").click();
        assertThat(desk.locator("#flash")).containsText("Đã trả kết quả hồ sơ " + code + ".");
        assertThat(desk.locator("#dossier-status")).containsText("Đã trả kết quả (10)");
        assertThat(desk.locator("#returned-at")).containsText("Trực tiếp tại Bộ phận Một cửa");
        assertThat(desk.locator("#current-step")).hasCount(0);
        assertThat(desk.locator("#slip-table tbody tr")).hasCount(4);
        assertThat(desk.locator("#slip-table tbody tr").nth(3)).containsText("Người nộp hồ sơ");
        Browser.screenshot(desk, "/tmp/pages-dossier.png");

        // 5. The citizen looks the dossier up and rates the service, once.
        Page citizen = browser.newPage(port);
        citizen.navigate("/tra-cuu");
        citizen.locator("#lookup-code").fill(code);
        citizen.locator("#lookup-pin").fill(pin);
        citizen.locator("#lookup-submit").click();
        assertThat(citizen.locator("#lookup-status")).hasText("Đã trả kết quả");
        assertThat(citizen.locator("#rating-form")).isVisible();
        int criteria = citizen.locator(".rating-criterion").count();
        assertThat(criteria).isPositive();
        int max = 0;
        for (Locator criterion : citizen.locator(".rating-criterion").all()) {
            Locator best = criterion.locator(".rating-scale label").last();
            max += Integer.parseInt(best.textContent().strip());
            best.click();
        }
        citizen.locator("#rating-comment").fill("Cán bộ hướng dẫn tận tình, trả kết quả sớm.");
        Browser.screenshot(citizen, "/tmp/pages-rating.png");
        Accessibility.check(citizen);
        citizen.locator("#rating-submit").click();
        assertThat(citizen.locator("#rating-thanks")).containsText("Cảm ơn Ông/Bà đã đánh giá!");
        assertThat(citizen.locator("#rating-total")).hasText("Tổng điểm: " + max + "/" + max);
        assertThat(citizen.locator("#rating-grade")).containsText("Mức đánh giá:");
        assertThat(citizen.locator("#rating-form")).hasCount(0);
        Accessibility.check(citizen);
        citizen.reload();
        assertThat(citizen.locator("#rating-done")).containsText("đã được đánh giá");
        assertThat(citizen.locator("#rating-form")).hasCount(0);
    }
}
