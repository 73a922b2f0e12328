package vn.motcua.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
    private volatile Backlog backlog;

    private record Backlog(Instant at, long messages, double oldestSeconds) {}

    OutboxMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("motcua.outbox.backlog", this, m -> m.backlog().messages())
                .description("Notices waiting in the outbox").register(registry);
        Gauge.builder("motcua.outbox.oldest.age", this, m -> m.backlog().oldestSeconds()).baseUnit("seconds")
                .description("How long the oldest notice in the outbox has waited").register(registry);
    }

    private Backlog backlog() {
        Instant now = clock.instant();
        Backlog current = backlog;
        if (current == null || current.at().plus(REFRESH).isBefore(now)) {
            current = jdbc.sql("""
                    select count(*) as messages, coalesce(extract(epoch from :now - min(created_at)), 0) as oldest
                    from outbox_message where sent_at is null""")
                    .param("now", Timestamp.from(now))
                    .query((rs, n) -> new Backlog(now, rs.getLong("messages"), Math.max(0, rs.getDouble("oldest"))))
                    .single();
            backlog = current;
        }
        return current;
    }
}
