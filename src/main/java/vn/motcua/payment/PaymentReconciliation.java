package vn.motcua.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.ClusterLock;

/**
 * Asks the national payment platform again about the payments that neither the citizen's return nor an earlier pass
 * settled, on one node at a time ({@link ClusterLock}): every platform transaction still INITIATED or PENDING that
 * was created between {@link #OLDEST 3 days} and {@link #YOUNGEST 30 minutes} ago — the window of the provinces'
 * production reconciliation: younger ones may still be on the platform's page, older ones are left to the desk. State
 * 1 pays (the dossier is told, the e-receipt fetched), 4 fails, anything else leaves it PENDING with the answer kept
 * ({@link PlatformConfirmation}). The e-receipts of confirmed payments that could not be fetched yet are asked
 * for again in the same window. A platform out of reach ends the pass: the rest waits for the next one.
 */
@Component
public class PaymentReconciliation {

    static final String JOB = "payment-reconciliation";
    static final Duration YOUNGEST = Duration.ofMinutes(30);
    static final Duration OLDEST = Duration.ofDays(3);
    /** Payments asked about per pass at most, oldest first; the next pass takes the rest. */
    static final int PER_PASS = 200;

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final PlatformConfirmation confirmation;
    private final PaymentPlatformSettings settings;
    private final Payments payments;
    private final JdbcClient jdbc;
    private final ClusterLock clusterLock;
    private final Clock clock;
    /**
     * The pass runs outside the lock's transaction (suspended, still holding the lock on its connection): each
     * payment is written in its own transactions and the dossier told after they commit, as on the citizen's return.
     */
    private final TransactionTemplate outsideTheLock;

    PaymentReconciliation(PlatformConfirmation confirmation, PaymentPlatformSettings settings, Payments payments,
            JdbcClient jdbc, ClusterLock clusterLock, Clock clock, TransactionTemplate transaction) {
        this.confirmation = confirmation;
        this.settings = settings;
        this.payments = payments;
        this.jdbc = jdbc;
        this.clusterLock = clusterLock;
        this.clock = clock;
        this.outsideTheLock = new TransactionTemplate(transaction.getTransactionManager());
        this.outsideTheLock.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /**
     * What one pass did: {@code ran} is false when the platform is not enabled or another node was running the
     * reconciliation; {@code queried} payments asked about, and what they became; {@code receipts} e-receipts stored;
     * {@code unanswered} whether the platform stopped answering during the pass.
     */
    public record Pass(boolean ran, int queried, int paid, int unmatched, int failed, int pending, int receipts,
            boolean unanswered) {

        static final Pass NOT_RUN = new Pass(false, 0, 0, 0, 0, 0, 0, false);
    }

    @Scheduled(fixedDelayString = "${motcua.payment.platform.reconcile-interval:10m}",
            initialDelayString = "${motcua.payment.platform.reconcile-interval:10m}")
    void scheduled() {
        run();
    }

    /** One pass on the caller's thread, under the cluster lock (tests call it; the schedule calls it). */
    public Pass run() {
        if (!settings.enabled()) {
            return Pass.NOT_RUN;
        }
        AtomicReference<Pass> pass = new AtomicReference<>(Pass.NOT_RUN);
        clusterLock.runExclusively(JOB, () -> pass.set(outsideTheLock.execute(status -> reconcile())));
        Pass done = pass.get();
        if (done.queried() + done.receipts() > 0 || done.unanswered()) {
            log.info("Payment reconciliation: {} asked ({} paid, {} kept for the desk, {} failed, {} pending), {} "
                    + "e-receipts stored{}", done.queried(), done.paid(), done.unmatched(), done.failed(),
                    done.pending(), done.receipts(), done.unanswered() ? "; the platform stopped answering" : "");
        }
        return done;
    }

    private Pass reconcile() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Timestamp from = Timestamp.from(now.minus(OLDEST));
        Timestamp to = Timestamp.from(now.minus(YOUNGEST));
        List<Long> open = jdbc.sql("""
                select id from payment_transaction
                where method = 'PLATFORM' and state in ('INITIATED', 'PENDING') and created_at >= ? and created_at <= ?
                order by created_at, id limit ?""")
                .params(from, to, PER_PASS).query(Long.class).list();
        int queried = 0;
        int paid = 0;
        int unmatched = 0;
        int failed = 0;
        int pending = 0;
        for (long id : open) {
            Payments.Transaction t = payments.get(id);
            if (t.state() != Payments.State.INITIATED && t.state() != Payments.State.PENDING) {
                continue; // the citizen's return settled it meanwhile
            }
            PlatformPayments.Outcome outcome = confirmation.confirm(t);
            if (outcome == PlatformPayments.Outcome.UNANSWERED) {
                return new Pass(true, queried, paid, unmatched, failed, pending, 0, true);
            }
            queried++;
            switch (outcome) {
                case PAID -> paid++;
                case UNMATCHED -> unmatched++;
                case FAILED -> failed++;
                default -> pending++;
            }
        }
        // Those just confirmed, and earlier ones whose e-receipt could not be fetched then.
        List<Long> withoutReceipt = jdbc.sql("""
                select id from payment_transaction
                where method = 'PLATFORM' and state in ('PAID', 'UNMATCHED') and receipt_sha256 is null
                  and created_at >= ? and created_at <= ?
                order by created_at, id limit ?""")
                .params(from, to, PER_PASS).query(Long.class).list();
        int receipts = 0;
        for (long id : withoutReceipt) {
            try {
                if (confirmation.fetchReceipt(payments.get(id))) {
                    receipts++;
                }
            } catch (PaymentPlatformUnavailableException e) {
                return new Pass(true, queried, paid, unmatched, failed, pending, receipts, true);
            }
        }
        return new Pass(true, queried, paid, unmatched, failed, pending, receipts, false);
    }
}
