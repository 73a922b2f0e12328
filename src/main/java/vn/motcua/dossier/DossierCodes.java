package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Dossier codes {@code <agency electronic ID>-YYMMDD-NNNN} (Circular 01/2018/TT-VPCP, kept by Circular
 * 03/2025): a per-agency daily sequence from 0001, at least four digits. The counter is one row per
 * agency and day, incremented by an atomic upsert, so that parallel intakes on any number of nodes never
 * get the same number; it is never kept in a node's memory.
 */
@Component
class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcClient jdbc;

    DossierCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(String agencyCode, LocalDate day) {
        int number = jdbc.sql("""
                insert into dossier_sequence (agency_code, day, last) values (?, ?, 1)
                on conflict (agency_code, day) do update set last = dossier_sequence.last + 1
                returning last""")
                .params(agencyCode, day)
                .query(Integer.class).single();
        return agencyCode + "-" + DAY.format(day) + "-" + String.format("%04d", number);
    }
}
