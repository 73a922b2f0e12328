package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.notification.Notice;
import vn.motcua.notification.Notices;
import vn.motcua.organization.Organization;
import vn.motcua.platform.ClusterLock;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * Watches deadlines, on one node at a time: marks dossiers whose due time has passed (once each), reminds
 * the unit holding a dossier due within one working day (once each), by e-mail to the unit's staff, and closes as
 * not accepted the online dossiers whose applicant left the intake's supplement request unanswered past its time
 * ({@link OnlineIntakeClock}), telling the applicant.
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** Who closes an unanswered request in the history: the system, not a member of staff. */
    static final String ACTOR = "system:deadline-watch";
    /** Unanswered requests closed per pass at most; the next pass takes the rest. */
    static final int CLOSED_PER_PASS = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ClusterLock clusterLock;
    private final ProcessClock processClock;
    private final Notices notices;
    private final Organization organization;
    private final MessageSource messages;
    private final Clock clock;
    private final ApologySettings apologies;
    private final DossierStore store;
    private final OnlineIntakeClock onlineClock;
    /** Each closing in a savepoint of the pass: one that a concurrent change makes fail leaves the others done. */
    private final TransactionTemplate closing;

    DeadlineWatch(JdbcClient jdbc, TransactionTemplate transaction, ClusterLock clusterLock, ProcessClock processClock,
            Notices notices, Organization organization, MessageSource messages, Clock clock, ApologySettings apologies,
            DossierStore store, OnlineIntakeClock onlineClock) {
        this.apologies = apologies;
        this.store = store;
        this.onlineClock = onlineClock;
        this.closing = new TransactionTemplate(transaction.getTransactionManager());
        this.closing.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clusterLock = clusterLock;
        this.processClock = processClock;
        this.notices = notices;
        this.organization = organization;
        this.messages = messages;
        this.clock = clock;
    }

    private record Row(String code, String unit, String procedure, Timestamp due) {}

    /** What one pass did. */
    public record Pass(int markedOverdue, int reminded, int closedUnanswered) {}

    @Scheduled(fixedDelayString = "${motcua.dossier.deadline-watch-interval:15m}",
            initialDelayString = "${motcua.dossier.deadline-watch-interval:15m}")
    void scheduled() {
        clusterLock.runExclusively("dossier-deadline-watch", this::run);
    }

    /** One pass, on the caller's thread (tests call it; the schedule calls it under the cluster lock). */
    public Pass run() {
        Pass pass = transaction.execute(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            int closed = closeUnanswered(now);
            List<Row> overdue = jdbc.sql("""
                    update dossier set overdue_noticed_at = ?
                    where %s and due_at < ? and overdue_noticed_at is null
                    returning code, coalesce(step_unit_code, desk_unit_code), procedure_name, due_at"""
                    .formatted(DossierStatus.sql(DossierStatus.CLOCK_RUNNING)))
                    .params(Timestamp.from(now), Timestamp.from(now))
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)))
                    .list();
            List<Row> soon = jdbc.sql("""
                    update dossier set reminded_at = ?
                    where %s and reminded_at is null
                      and least(step_due_at, due_at) >= ? and least(step_due_at, due_at) < ?
                    returning code, step_unit_code, procedure_name, least(step_due_at, due_at)"""
                    .formatted(DossierStatus.sql(DossierStatus.QUEUED)))
                    .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(processClock.oneWorkingDayAfter(now)))
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4)))
                    .list();
            remind(overdue, "overdue");
            remind(soon, "due-soon");
            return new Pass(overdue.size(), soon.size(), closed);
        });
        if (pass.markedOverdue() + pass.reminded() + pass.closedUnanswered() > 0) {
            log.info("Deadline watch: {} dossiers newly overdue, {} reminded as due within a working day, {} not"
                    + " accepted after an unanswered supplement request", pass.markedOverdue(), pass.reminded(),
                    pass.closedUnanswered());
        }
        return pass;
    }

    /**
     * Online dossiers whose applicant did not answer the intake's supplement request in time are not accepted
     * (3), with the reason, and the applicant is told ({@link DossierNotices}); each in a savepoint, so that one the
     * desk changed meanwhile (its optimistic lock) is left for the next pass without undoing the others.
     */
    private int closeUnanswered(Instant now) {
        List<String> codes = jdbc.sql("""
                select code from dossier where supplement_due_at < ? order by supplement_due_at limit ?""")
                .params(Timestamp.from(now), CLOSED_PER_PASS).query(String.class).list();
        if (codes.isEmpty()) {
            return 0;
        }
        String reason = messages.getMessage("dossier.online.supplement-unanswered",
                new Object[] {workingTime(onlineClock.supplementWait())}, VIETNAMESE);
        int closed = 0;
        for (String code : codes) {
            try {
                closing.executeWithoutResult(status -> {
                    Dossier dossier = store.get(code);
                    dossier.refuseUnanswered(reason, now, ACTOR);
                    store.save(dossier);
                });
                closed++;
            } catch (OptimisticLockingFailureException | ProblemException e) {
                log.info("Deadline watch: dossier {} changed while being closed, left for the next pass: {}", code,
                        e.getMessage());
            }
        }
        return closed;
    }

    /** "15 ngày làm việc", or in hours when not whole working days. */
    private String workingTime(Duration time) {
        long hours = time.toHours();
        return hours % 8 == 0 ? messages.getMessage("dossier.working-days", new Object[] {hours / 8}, VIETNAMESE)
                : messages.getMessage("dossier.working-hours", new Object[] {hours}, VIETNAMESE);
    }

    /** One e-mail per member of staff of each unit, listing that unit's dossiers. */
    private void remind(List<Row> rows, String kind) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.unit() != null) {
                lines.computeIfAbsent(row.unit(), u -> new ArrayList<>()).add("- " + row.code() + ": " + row.procedure()
                        + " (" + VietnamTime.DATE_TIME.format(row.due().toInstant().atZone(VietnamTime.ZONE)) + ")");
            }
        }
        lines.forEach((unit, list) -> {
            String subject = messages.getMessage("dossier.notice.unit." + kind + ".subject", new Object[] {list.size()},
                    VIETNAMESE);
            // The overdue e-mail tells units to send the apology only when an overdue dossier may still get one.
            String bodyKey = "dossier.notice.unit." + kind + ".body"
                    + (kind.equals("overdue") && !apologies.allowAfterDue() ? ".no-late-apology" : "");
            String body = messages.getMessage(bodyKey, new Object[] {list.size()}, VIETNAMESE) + "\n\n"
                    + String.join("\n", list);
            for (String email : organization.staffEmails(unit)) {
                notices.enqueue(new Notice("UNIT_" + kind.toUpperCase(Locale.ROOT).replace('-', '_'), email, null,
                        subject, body, List.of()));
            }
        });
    }
}
