package vn.motcua.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data (Office of Hải Phòng City People's Committee) at start-up when wanted: by
 * default only on the embedded database, or when {@code motcua.demo-data=true}. Each module loads its
 * own part by listening for {@link DemoDataRequested} and skips it when its tables already hold data,
 * so that the demo is loaded on the first start of an empty database and never twice. All parts load in
 * one transaction: a failure leaves nothing half-loaded.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean wanted;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    DemoData(MotcuaProperties properties,
            ObjectProvider<EmbeddedDatabaseConfiguration.EmbeddedDatabaseMarker> embedded,
            ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.wanted = properties.demoData() != null
                ? properties.demoData()
                : embedded.getIfAvailable() != null;
        this.events = events;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!wanted) {
            return;
        }
        transaction.executeWithoutResult(status -> events.publishEvent(new DemoDataRequested()));
        log.info("Demo data ready (Văn phòng UBND thành phố Hải Phòng). Demo logins: admin, tiepnhan, "
                + "chuyenvien, lanhdao, vanthu, giamsat — password Demo@12345");
    }
}
