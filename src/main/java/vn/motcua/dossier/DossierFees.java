package vn.motcua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.sql.Timestamp;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.VietnamTime;

/**
 * The fees and charges (phí, lệ phí) of a dossier, as the payment module needs them: the lines fixed at intake
 * with their total, what waits for them, and whether the dossier still takes payments; and the one way to record
 * that they were paid in full ({@link #paid}). The dossier module knows nothing of transactions: the payment module
 * counts them and tells it.
 */
@Service
public class DossierFees {

    /** How often a payment is retried against a dossier changed at the same moment by the desk. */
    private static final int ATTEMPTS = 5;

    private final DossierStore store;
    private final DossierQueries queries;
    private final ApplicantDossiers applicants;
    private final OnlineIntakeClock onlineClock;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final ActorNames names;

    DossierFees(DossierStore store, DossierQueries queries, ApplicantDossiers applicants,
            OnlineIntakeClock onlineClock, TransactionTemplate transaction, Clock clock, JdbcClient jdbc,
            ActorNames names) {
        this.jdbc = jdbc;
        this.names = names;
        this.store = store;
        this.queries = queries;
        this.applicants = applicants;
        this.onlineClock = onlineClock;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A fee line: its name and what the applicant owes for it by the dossier's channel, in VND. */
    public record Line(String name, long amount) {}

    /**
     * What a dossier owes and whether it still takes payments ({@code open}: neither returned nor ended).
     *
     * @param awaiting the dossier waits for the payment now (status 6)
     * @param submittedBy the applicant's account that filed it online ({@code citizen:42}), else {@code null}
     */
    public record Statement(String code, String procedureCode, int procedureVersion, String procedureName,
            String agencyCode, String agencyName, String deskUnitCode, Channel channel, DossierStatus status, String applicantName,
            String applicantCitizenId, String applicantAddress, List<Line> lines, long total, PaymentTiming timing,
            OffsetDateTime paidAt, boolean awaiting, boolean open, String submittedBy, OffsetDateTime receivedAt) {}

    /** Any dossier's statement, for a payment that names it (a bank's notice); empty for an unknown code. */
    public Optional<Statement> statement(String code) {
        return code == null || code.length() > 60 ? Optional.empty() : store.find(code).map(this::statement);
    }

    /** The statement of a dossier the member of staff may see; anyone else's reads as unknown (404). */
    public Statement statement(String code, StaffUser caller) {
        return statement(queries.visibleDossier(code, caller));
    }

    /** The statement of one of the applicant's dossiers; anyone else's reads as unknown (404). */
    public Statement statement(ApplicantDossiers.Owner owner, String code) {
        applicants.requireOwned(owner, code);
        return statement(store.get(code));
    }

    /** What the figures of payments need of a dossier: its procedure, receiving agency, channel and fees' total. */
    public record Fact(String code, String procedureCode, String procedureName, String agencyCode, Channel channel,
            long total) {}

    /** The facts of the dossiers named (unknown codes are left out). */
    public List<Fact> facts(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select code, procedure_code, procedure_name, agency_code, channel, fee_lines from dossier"
                        + " where code = any(?)")
                .param(codes.toArray(String[]::new)).query((rs, n) -> fact(rs)).list();
    }

    /**
     * The dossiers received from {@code from} to {@code to} (exclusive), at {@code agencyCode} ({@code null}: every
     * agency), that owe a fee: counted as received (not refused at intake) and with fee lines not all zero — the
     * denominator of the national dashboard's online-payment rate (Decision 766/QĐ-TTg, indicator 3.6).
     */
    public List<Fact> receivedWithFees(String agencyCode, Instant from, Instant to) {
        return jdbc.sql("select code, procedure_code, procedure_name, agency_code, channel, fee_lines from dossier"
                        + " where received_at >= ? and received_at < ? and " + DossierStatus.sql(
                                DossierStatus.COUNTED_AS_RECEIVED)
                        + (agencyCode == null ? "" : " and agency_code = ?") + " and fee_lines <> '[]'")
                .params(agencyCode == null ? List.of(Timestamp.from(from), Timestamp.from(to))
                        : List.of(Timestamp.from(from), Timestamp.from(to), agencyCode))
                .query((rs, n) -> fact(rs)).list().stream().filter(f -> f.total() > 0).toList();
    }

    private static Fact fact(java.sql.ResultSet rs) throws java.sql.SQLException {
        long total = 0;
        for (Reception.Fees.Line line : DossierRows.feeLines(rs.getString("fee_lines"))) {
            total += line.amount();
        }
        return new Fact(rs.getString("code"), rs.getString("procedure_code"), rs.getString("procedure_name"),
                rs.getString("agency_code"), Channel.valueOf(rs.getString("channel")), total);
    }

    /**
     * The dossiers whose fees were recorded paid from {@code from} (inclusive) to {@code to} (exclusive), oldest
     * first: what a migration from a previous system (or the demo's history) recorded without a payment here.
     */
    public List<Statement> paidBetween(Instant from, Instant to) {
        return jdbc.sql("select * from dossier where fees_paid_at >= ? and fees_paid_at < ? order by fees_paid_at, id")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> statement(DossierRows.read(rs))).list();
    }

    /**
     * Records that the dossier's fees are paid in full, by {@code by} (the account or process that found it: the
     * desk's officer, {@code payment:bank}), in its own transaction, retried when the desk changed the dossier at
     * the same moment: a payment found is never lost to an optimistic lock. A second call changes nothing.
     *
     * @return whether this call recorded it
     */
    public boolean paid(String code, String by) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(transaction.execute(status -> {
                    Dossier dossier = store.get(code);
                    boolean recorded = dossier.feesPaid(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), by,
                            onlineClock);
                    if (recorded) {
                        store.save(dossier);
                    }
                    return recorded;
                }));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Statement statement(Dossier d) {
        Reception r = d.reception();
        Reception.Fees fees = r.fees();
        return new Statement(d.code(), r.procedure().code(), r.procedure().version(), r.procedure().name(),
                r.agencyCode(), names.agencyName(r.agencyCode()), r.deskUnitCode(), r.channel(), d.status(), r.applicant().name(),
                r.applicant().citizenId(), r.applicant().address(),
                fees.lines().stream().map(l -> new Line(l.name(), l.amount())).toList(), fees.total(), fees.timing(),
                time(d.feesPaidAt()), d.status() == DossierStatus.FINANCIAL_OBLIGATION,
                !DossierStatus.CLOSED.contains(d.status()),
                r.channel() == Channel.ONLINE && !ActorNames.isStaff(r.receivedBy()) ? r.receivedBy() : null,
                time(r.receivedAt()));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
