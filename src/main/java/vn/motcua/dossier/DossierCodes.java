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
 * agency and day, incremented by an atomic upsert, so that parallel intakes on any number of nodes never
 * get the same number; it is never kept in a node's memory.
 *
 * <p>The number is drawn in a transaction of its own that commits without waiting for the disk
 * ({@code synchronous_commit = off}), so the counter row is locked for microseconds, not for the
 * whole intake and its flush: parallel intakes then commit together. This loses nothing: the dossier's
 * own commit waits for the disk, and the log is written in order, so once a dossier with number N is
 * durable, so is the counter at N. A crash can only forget numbers that no stored dossier carries.
 */
@Component
class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DossierCodes(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(String agencyCode, LocalDate day) {
        return transaction.execute(status -> {
            jdbc.sql("set local synchronous_commit = off").update();
            return draw(agencyCode, day);
        });
    }

    private String draw(String agencyCode, LocalDate day) {
        int number = jdbc.sql("""
                insert into dossier_sequence (agency_code, day, last) values (?, ?, 1)
                on conflict (agency_code, day) do update set last = dossier_sequence.last + 1
                returning last""")
                .params(agencyCode, day)
                .query(Integer.class).single();
        return agencyCode + "-" + DAY.format(day) + "-" + String.format("%04d", number);
    }
}
