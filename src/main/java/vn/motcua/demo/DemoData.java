package vn.motcua.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.MotcuaProperties;
import vn.motcua.platform.RunMode;

/**
 * Loads the demo data (Office of Hải Phòng City People's Committee) at start-up in a demo ({@link
 * MotcuaProperties#demo}: by default only on the embedded database; on its first start, as every part is skipped
 * when its tables already hold data). The parts load in the order they need each
 * other, written out in {@link #load()}; each part skips itself when its tables already hold data, so that the
 * demo is loaded on the first start of an empty database and never twice. Everything loads in one transaction: a
 * failure leaves nothing half-loaded; only the citizen's portal dossiers come after it, through the live services.
 */
@Component
@EnableConfigurationProperties(DemoSettings.class)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean wanted;
    private final OrganizationDemo organization;
    private final AccountsDemo accounts;
    private final CatalogDemo catalog;
    private final DossierHistoryDemo dossiers;
    private final TasksDemo tasks;
    private final PortalDemo portal;
    private final PaymentDemo payments;
    private final TransactionTemplate transaction;

    DemoData(RunMode runMode, OrganizationDemo organization, AccountsDemo accounts, CatalogDemo catalog,
            DossierHistoryDemo dossiers, TasksDemo tasks, PortalDemo portal, PaymentDemo payments,
            TransactionTemplate transaction) {
        this.payments = payments;
        this.wanted = runMode.demo();
        this.organization = organization;
        this.accounts = accounts;
        this.catalog = catalog;
        this.dossiers = dossiers;
        this.tasks = tasks;
        this.portal = portal;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!wanted) {
            return;
        }
        String timings = load();
        log.info("Demo data ready (Văn phòng UBND thành phố Hải Phòng; {}). Demo logins: admin, tiepnhan, "
                + "chuyenvien, lanhdao, vanthu, giamsat — password {}", timings, AccountsDemo.PASSWORD);
    }

    /** Every part, in one transaction, each after what it needs; returns how long each took. */
    String load() {
        Timings timings = new Timings();
        transaction.executeWithoutResult(status -> {
            // agencies, units, positions and staff: everything else happens in their units
            timings.run("organisation", organization::load);
            // accounts of members of staff, in their units
            timings.run("accounts", accounts::load);
            // procedures whose steps name the units
            timings.run("catalogue", catalog::load);
            // the dossier history, received at the one-stop desk with the demo accounts, of the published procedures
            timings.run("dossier history", dossiers::load);
            // the history's fees, paid when each dossier was received
            timings.run("payments", payments::loadHistory);
            // tasks assigned by the City's leaders to the Office's units, entered by the monitoring account
            timings.run("tasks", tasks::load);
        });
        // The demo citizen's dossiers on the portal, filed and handled today by the accounts above through the live
        // services, after the rest has committed: a live dossier's number is drawn in a transaction of its own, which
        // would wait for today's counter that the history holds until the demo's transaction ends.
        timings.run("portal", portal::load);
        return timings.toString();
    }

    private static final class Timings {

        private final StringBuilder text = new StringBuilder();

        void run(String part, Runnable step) {
            long started = System.nanoTime();
            step.run();
            text.append(text.isEmpty() ? "" : ", ").append(part).append(' ')
                    .append((System.nanoTime() - started) / 1_000_000).append(" ms");
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
