package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dossier codes {@code <agency electronic ID>-YYMMDD-NNNN} (Circular 01/2018/TT-VPCP, kept by Circular
 * 03/2025): a per-agency daily sequence from 0001, at least four digits. The counter is one row per
 * agency and day, incremented atomically, so that parallel intakes on any number of nodes never
 * get the same number; it is never kept in a node's memory.
 *
 * <p>The number is drawn in one statement outside the intake's transaction (autocommit), so the counter row is
 * locked only for that statement and its commit, not for the whole intake: parallel intakes at one desk wait on
 * each other for a commit's flush at most. A failure after the number is drawn leaves a gap in the day's
 * sequence, never a duplicate.
 */
@Component
class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DossierCodes(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // Suspends a caller's transaction, if any: the statement commits on its own.
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    String next(String agencyCode, LocalDate day) {
        return transaction.execute(status -> draw(agencyCode, day));
    }

    private String draw(String agencyCode, LocalDate day) {
        // An update first, the insert only for the day's first dossier (its ON CONFLICT covers two first
        // dossiers at once): an upsert locks the existing row before updating it, one more WAL record per intake.
        int number = jdbc.sql("""
                with bumped as (
                    update dossier_sequence set last = last + 1 where agency_code = ? and day = ? returning last),
                first as (
                    insert into dossier_sequence (agency_code, day, last)
                    select ?, ?, 1 where not exists (select from bumped)
                    on conflict (agency_code, day) do update set last = dossier_sequence.last + 1
                    returning last)
                select last from bumped union all select last from first""")
                .params(agencyCode, day, agencyCode, day)
                .query(Integer.class).single();
        return code(agencyCode, day, number);
    }

    /** The code of the {@code number}-th dossier of the day at the agency. */
    static String code(String agencyCode, LocalDate day, int number) {
        return agencyCode + "-" + DAY.format(day) + "-" + String.format("%04d", number);
    }
}
