package vn.motcua.payment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierFees;
import vn.motcua.dossier.DossierFees.Statement;
import vn.motcua.payment.NationalPaymentPlatform.Status;
import vn.motcua.payment.Payments.State;
import vn.motcua.payment.Payments.Transaction;
import vn.motcua.payment.PlatformPayments.Outcome;
import vn.motcua.platform.Uploads;
import vn.motcua.shared.ProblemException;

/**
 * What the national payment platform's answers make of a payment, for the citizen's return ({@link PlatformPayments})
 * and the reconciliation ({@link PaymentReconciliation}) alike: the status query's state written on the transaction
 * with both messages, a payment confirmed paid written under the lock of the dossier's payment account as a bank's
 * credit is ({@link BankCredits}) and the dossier told after the commit, and the platform's e-receipt kept in the file
 * store. Only the status query confirms a payment; a transaction another request settled meanwhile is left as it was.
 */
@Component
class PlatformConfirmation {

    /** Who confirms a payment in the dossier's history. */
    static final String ACTOR = "payment:platform";

    private static final Logger log = LoggerFactory.getLogger(PlatformConfirmation.class);

    private final Payments payments;
    private final DossierFees fees;
    private final NationalPaymentPlatform platform;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Uploads uploads;

    PlatformConfirmation(Payments payments, DossierFees fees, NationalPaymentPlatform platform,
            TransactionTemplate transaction, JdbcClient jdbc, Uploads uploads) {
        this.payments = payments;
        this.fees = fees;
        this.platform = platform;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.uploads = uploads;
    }

    /**
     * Asks the platform about a payment not yet known paid or failed and records the answer: state 1 pays (then the
     * dossier is told), 4 fails it, anything else leaves it PENDING; the platform out of reach leaves it as it was.
     * The caller fetches the e-receipt of what was confirmed ({@link #fetchReceipt}).
     */
    Outcome confirm(Transaction t) {
        Status status;
        try {
            status = platform.status(t.reference(), t.createdAt().toInstant());
        } catch (PaymentPlatformUnavailableException e) {
            Instant now = payments.now();
            payments.message(t.id(), "OUT", "STATUS", e.requestBody(), now);
            log.info("Payment {}: the platform did not answer its status query; asked again later", t.reference());
            return Outcome.UNANSWERED;
        }
        Outcome outcome = switch (status.state()) {
            case PAID -> paid(t, status);
            case FAILED -> settle(t, status, State.FAILED) ? Outcome.FAILED : current(t.id());
            case PENDING -> settle(t, status, State.PENDING) ? Outcome.PENDING : current(t.id());
        };
        if (outcome == Outcome.PAID) {
            fees.statement(t.dossierCode()).ifPresent(statement -> payments.settleIfPaid(statement, ACTOR));
        }
        return outcome;
    }

    /**
     * Fetches the platform's e-receipt (biên lai điện tử) of a confirmed payment and keeps it in the file store, its
     * SHA-256 on the transaction. No receipt yet (the platform answering no PDF, or out of reach) is asked for again
     * by the reconciliation.
     *
     * @return whether the transaction now has its receipt
     * @throws PaymentPlatformUnavailableException when the platform cannot be reached or does not answer in time
     */
    boolean fetchReceipt(Transaction t) {
        byte[] pdf = platform.receipt(t.reference(), t.createdAt().toInstant());
        if (pdf.length == 0) {
            return false;
        }
        Uploads.Accepted stored;
        try {
            stored = uploads.accept("bien-lai-" + t.reference() + ".pdf", new ByteArrayInputStream(pdf),
                    EnumSet.of(Uploads.Kind.PDF));
        } catch (IOException | ProblemException e) {
            log.warn("Payment {}: the platform's e-receipt was not stored: {}", t.reference(), e.getMessage());
            return false;
        }
        Instant now = payments.now();
        transaction.executeWithoutResult(status -> {
            int changed = jdbc.sql("""
                    update payment_transaction set receipt_sha256 = ?, updated_at = ?, lock_version = lock_version + 1
                    where id = ? and receipt_sha256 is null""")
                    .params(stored.sha256(), Timestamp.from(now), t.id()).update();
            if (changed > 0) {
                payments.message(t.id(), "IN", "RECEIPT",
                        "{\"sha256\":\"" + stored.sha256() + "\",\"size\":" + stored.size() + "}", now);
            }
        });
        return true;
    }

    /** Whether the transaction has no e-receipt yet. */
    boolean withoutReceipt(long id) {
        return jdbc.sql("select receipt_sha256 is null from payment_transaction where id = ?").param(id)
                .query(Boolean.class).single();
    }

    /**
     * The platform says paid: under the dossier's payment lock, the payment pays up to what the dossier still owes
     * and only for the amount asked; otherwise it is kept UNMATCHED for the desk, with the amount the platform
     * reports. A transaction another request confirmed meanwhile is left as that one recorded it.
     */
    private Outcome paid(Transaction t, Status status) {
        return transaction.execute(tx -> {
            payments.lockAccount(t.dossierCode());
            Instant now = payments.now();
            messages(t.id(), status, now);
            Transaction current = payments.get(t.id());
            if (current.state() != State.INITIATED && current.state() != State.PENDING) {
                return outcome(current.state());
            }
            Statement statement = fees.statement(t.dossierCode()).orElseThrow();
            long amount = status.amount() == null ? current.amount() : status.amount();
            long outstanding = statement.total() - payments.paid(t.dossierCode());
            boolean pays = statement.open() && amount == current.amount() && amount <= outstanding;
            if (amount != current.amount()) {
                log.warn("Payment {}: initiated for {} đồng, the platform reports {} đồng paid; kept for the desk",
                        t.reference(), current.amount(), amount);
            }
            jdbc.sql("""
                    update payment_transaction set state = ?, amount = ?, paid_at = ?, updated_at = ?,
                        lock_version = lock_version + 1
                    where id = ?""")
                    .params(pays ? "PAID" : "UNMATCHED", amount, pays ? Timestamp.from(now) : null,
                            Timestamp.from(now), t.id())
                    .update();
            return pays ? Outcome.PAID : Outcome.UNMATCHED;
        });
    }

    /** FAILED or PENDING, unless another request recorded the payment's end meanwhile. */
    private boolean settle(Transaction t, Status status, State state) {
        Boolean changed = transaction.execute(tx -> {
            Instant now = payments.now();
            messages(t.id(), status, now);
            return jdbc.sql("""
                    update payment_transaction set state = ?, updated_at = ?, lock_version = lock_version + 1
                    where id = ? and state in ('INITIATED', 'PENDING')""")
                    .params(state.name(), Timestamp.from(now), t.id()).update() > 0;
        });
        return Boolean.TRUE.equals(changed);
    }

    private void messages(long id, Status status, Instant now) {
        payments.message(id, "OUT", "STATUS", status.requestBody(), now);
        payments.message(id, "IN", "STATUS", status.responseBody() == null ? "" : status.responseBody(), now);
    }

    private Outcome current(long id) {
        return outcome(payments.get(id).state());
    }

    private static Outcome outcome(State state) {
        return switch (state) {
            case PAID -> Outcome.PAID;
            case UNMATCHED -> Outcome.UNMATCHED;
            case FAILED -> Outcome.FAILED;
            case INITIATED, PENDING -> Outcome.PENDING;
        };
    }
}
