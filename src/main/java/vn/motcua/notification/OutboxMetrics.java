package vn.motcua.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.shared.Refreshed;

/**
 * The outbox's backlog at {@code /actuator/prometheus}: {@code motcua_outbox_backlog} (messages not sent yet) and
 * {@code motcua_outbox_oldest_age_seconds} (how long the oldest of them has waited: an SMTP outage shows here
 * first). Read from the database, the same on every node, at most every {@link #REFRESH}.
 */
@Component
class OutboxMetrics {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Refreshed<Backlog> backlog;

    private record Backlog(long messages, double oldestSeconds) {}

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.backlog = new Refreshed<>(REFRESH, clock, this::read);
        Gauge.builder("motcua.outbox.backlog", this, m -> m.backlog.get().messages())
                .description("Notices waiting in the outbox").register(registry);
        Gauge.builder("motcua.outbox.oldest.age", this, m -> m.backlog.get().oldestSeconds()).baseUnit("seconds")
                .description("How long the oldest notice in the outbox has waited").register(registry);
    }

    private Backlog read() {
        return jdbc.sql("""
                select count(*) as messages, coalesce(extract(epoch from :now - min(created_at)), 0) as oldest
                from outbox_message where sent_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new Backlog(rs.getLong("messages"), Math.max(0, rs.getDouble("oldest"))))
                .single();
    }
}
