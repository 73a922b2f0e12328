package vn.motcua.dossier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.motcua.shared.Refreshed;

/**
 * What the operator of a one-stop desk watches, at {@code /actuator/prometheus}:
 * <ul>
 *   <li>{@code motcua_dossier_changes_total{action}}: every change of a dossier made on this node (REGISTERED,
 *       ACCEPTED, HANDOVER, RESULT_READY, RETURNED, REFUSED …), counted when its transaction commits; the rate of
 *       a cluster is the sum over its nodes;</li>
 *   <li>{@code motcua_dossier_results_total{timeliness}}: results made ready, EARLY, ON_TIME or LATE;</li>
 *   <li>{@code motcua_dossiers_open}, {@code motcua_dossiers_overdue} (clock running, past the due time) and
 *       {@code motcua_queue_oldest_age_seconds} (how long the dossier that waits longest at a step has waited):
 *       read from the database, the same on every node, at most every {@link #REFRESH}.</li>
 * </ul>
 * Imported and demo dossiers are not counted: they are history, not work done.
 */
@Component
class DossierMetrics {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Refreshed<Snapshot> snapshot;
    // Found once each: a save is on every request's path.
    private final Map<String, Counter> changes = new ConcurrentHashMap<>();
    private final Map<Timeliness, Counter> results = new ConcurrentHashMap<>();

    private record Snapshot(long open, long overdue, double oldestSeconds) {}

    DossierMetrics(MeterRegistry registry, JdbcClient jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshot = new Refreshed<>(REFRESH, clock, this::read);
        Gauge.builder("motcua.dossiers.open", this, m -> m.snapshot.get().open())
                .description("Dossiers not closed yet").register(registry);
        Gauge.builder("motcua.dossiers.overdue", this, m -> m.snapshot.get().overdue())
                .description("Dossiers whose clock runs past their due time").register(registry);
        Gauge.builder("motcua.queue.oldest.age", this, m -> m.snapshot.get().oldestSeconds()).baseUnit("seconds")
                .description("How long the dossier waiting longest at a step has waited").register(registry);
    }

    /** Counts a dossier's changes once the transaction that wrote them commits. */
    void changed(List<Dossier.Event> events, List<Dossier.Handover> handovers) {
        Runnable count = () -> {
            events.forEach(e -> changes.computeIfAbsent(e.action(), action -> Counter.builder("motcua.dossier.changes")
                    .tag("action", action).description("Changes of dossiers made on this node").register(registry))
                    .increment());
            handovers.stream().filter(h -> "RESULT_READY".equals(h.action()) && h.timeliness() != null)
                    .forEach(h -> results.computeIfAbsent(h.timeliness(), timeliness -> Counter
                            .builder("motcua.dossier.results").tag("timeliness", timeliness.name())
                            .description("Results made ready, judged against the step's due time").register(registry))
                            .increment());
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    private Snapshot read() {
        Instant now = clock.instant();
        return jdbc.sql("""
                select count(*) as open,
                       count(*) filter (where %s and due_at < :now) as overdue,
                       coalesce(extract(epoch from :now - min(step_started_at) filter (where %s)), 0) as oldest
                from dossier where %s"""
                        .formatted(DossierStatus.sql(DossierStatus.CLOCK_RUNNING),
                                DossierStatus.sql(DossierStatus.QUEUED), DossierStatus.sql(DossierStatus.OPEN)))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Snapshot(rs.getLong("open"), rs.getLong("overdue"),
                        Math.max(0, rs.getDouble("oldest"))))
                .single();
    }
}
