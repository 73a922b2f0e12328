package vn.motcua.dossier.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierDesk;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ProcessFixtures;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.TestClock;

/**
 * The desk sees, in its work queue, an online dossier it has not checked within the online intake's time, and
 * the leader sees it on the units' dashboard: one submitted through the portal's API in March 2008 (on a
 * procedure of this test's own, in force since then), so that it is the most urgent of the desk's queue.
 */
class OnlineCheckBrowserTest extends BrowserTest {

    static final String PROCEDURE = "1.975101.000.00.00.H27";

    @Autowired
    TestClock clock;

    @Autowired
    DossierDesk desk;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDeskSeesAnOnlineDossierPastItsCheckDeadlineFlaggedInItsQueueAndTheLeaderOnTheDashboard() {
        long document = ProcessFixtures.publishFourStepProcess(port, PROCEDURE, "Thủ tục thử nghiệm hạn kiểm tra",
                "RESTART", "2008-01-02");
        clock.set(LocalDateTime.of(2008, 3, 3, 9, 0));
        String code = desk.submitOnline(new IntakeRequest(PROCEDURE, Channel.ONLINE,
                new IntakeRequest.Person("Đặng Văn Chờ Lâu", "031085001234", null, null, null, null, null), null,
                List.of(new IntakeRequest.ReceivedDocument(document, null, 1, null, null)), null, null, null, null,
                null), "citizen:browser", null).receipt().code();
        clock.reset();

        Page page = browser.signIn(port, "tiepnhan");
        page.navigate("/work?due=overdue");
        Locator row = page.locator("#work-table tr[data-code='" + code + "']");
        assertThat(row).isVisible();
        assertThat(row.locator(".work-check-overdue")).hasText("Quá hạn kiểm tra hồ sơ trực tuyến");
        // The step the dossier waits at is the desk's check, due eight working hours after it arrived.
        assertThat(row).containsText("04/03/2008 09:00");
        assertThat(row).hasClass(java.util.regex.Pattern.compile(".*work-overdue.*"));
        Browser.screenshot(page, "/tmp/work-online-check.png");

        Page leader = browser.signIn(port, "lanhdao");
        leader.navigate("/work/units");
        Locator deskRow = leader.locator("#units-table tr[data-unit='VP.MC'] .units-checks-overdue");
        assertThat(deskRow).isVisible();
        assertThat(Integer.parseInt(deskRow.textContent().strip())).isPositive();
        assertThat(Integer.parseInt(leader.locator("#total-checks-overdue").textContent().strip())).isPositive();

        Page specialist = browser.signIn(port, "chuyenvien.sxd");
        specialist.navigate("/work?due=overdue");
        assertThat(specialist.locator("tr[data-code='" + code + "']")).hasCount(0);
    }
}
