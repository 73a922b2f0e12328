package vn.motcua.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.DossierRows.Child;
import vn.motcua.dossier.DossierRows.Column;
import vn.motcua.shared.ProblemException;

/**
 * Saves dossiers and appends their history, each change in ONE statement: the dossier row is inserted or
 * updated (under its optimistic lock) and the new documents, status events and control-slip lines are
 * inserted after it in the same statement (writable common table expressions), each history row at the next
 * position of that dossier's history. The history only grows: rows are never rewritten. The applicant's
 * notices for the change go into the outbox in the caller's transaction.
 *
 * <p>Hand-written rather than mapped by Spring Data JDBC: its mapping of this 47-column row cost more CPU
 * than the rest of a hand-over (measured with JFR), and one statement per change instead of one per row
 * (with a {@code select max(position)} per history table) halves the statements of a dossier's life
 * ({@code scripts/benchmark-lifecycle-cost.sh}).
 */
@Component
class DossierStore {

    private final JdbcClient jdbc;
    private final DossierNotices notices;
    private final DossierMetrics metrics;

    /**
     * The statements by shape, built once: the same string each time also lets the driver find its parsed and
     * prepared form at once. Few shapes occur (documents at intake, one or two events and a line per change).
     */
    private final Map<Shape, String> statements = new ConcurrentHashMap<>();

    DossierStore(JdbcClient jdbc, DossierNotices notices, DossierMetrics metrics) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.metrics = metrics;
    }

    Dossier get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("dossier.not-found", code));
    }

    Optional<Dossier> find(String code) {
        return jdbc.sql("select * from dossier where code = ?").param(code).query((rs, n) -> DossierRows.read(rs))
                .optional();
    }

    Dossier save(Dossier dossier) {
        Dossier.Changes changes = dossier.drainChanges();
        boolean insert = dossier.id() == null;
        List<Object> params = new ArrayList<>();
        DossierRows.DOSSIER.forEach(c -> params.add(DossierRows.jdbc(c.value().apply(dossier))));
        if (!insert) {
            params.add(dossier.id());
            params.add(dossier.lockVersion());
        }
        add(params, DossierRows.DOCUMENTS, changes.documents());
        add(params, DossierRows.EVENTS, changes.events());
        add(params, DossierRows.HANDOVERS, changes.handovers());
        String sql = statements.computeIfAbsent(new Shape(insert, changes.documents().size(),
                changes.events().size(), changes.handovers().size()), DossierStore::sql);
        Optional<Long> id = jdbc.sql(sql).params(params).query(Long.class).optional();
        if (id.isEmpty()) {
            throw new OptimisticLockingFailureException(
                    "dossier " + dossier.code() + " changed since version " + dossier.lockVersion());
        }
        dossier.stored(id.get(), insert ? 0 : dossier.lockVersion() + 1);
        notices.changed(dossier, changes);
        metrics.changed(changes.events(), changes.handovers());
        return dossier;
    }

    /** What a change writes: the statement depends on it only. */
    private record Shape(boolean insert, int documents, int events, int handovers) {}

    private static String sql(Shape shape) {
        StringBuilder sql = new StringBuilder("with d as (");
        if (shape.insert()) {
            sql.append("insert into dossier (").append(DossierRows.names(DossierRows.DOSSIER, ""))
                    .append(", lock_version) values (").append("?, ".repeat(DossierRows.DOSSIER.size()))
                    .append("0) returning id)");
        } else {
            sql.append("update dossier set ").append(DossierRows.names(DossierRows.DOSSIER, " = ?"))
                    .append(", lock_version = lock_version + 1 where id = ? and lock_version = ? returning id)");
        }
        append(sql, "dossier_document", DossierRows.DOCUMENTS, shape.documents());
        append(sql, "dossier_event", DossierRows.EVENTS, shape.events());
        append(sql, "dossier_handover", DossierRows.HANDOVERS, shape.handovers());
        return sql.append(" select id from d").toString();
    }

    /**
     * {@code , t as (insert into table (dossier_id, position, …) select d.id, next + v.n, v.… from d, (values …) v)}:
     * the rows follow the dossier's last row in {@code table}; typed casts, as VALUES does not take the target's types.
     */
    private static <T> void append(StringBuilder sql, String table, List<Column<Child<T>>> columns, int rows) {
        if (rows == 0) {
            return;
        }
        StringBuilder aliases = new StringBuilder("n");
        StringBuilder selected = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Column<Child<T>> c : columns) {
            aliases.append(", ").append(c.name());
            selected.append(", v.").append(c.name());
            values.append(", ?::").append(c.type());
        }
        sql.append(", ").append(table).append(" as (insert into ").append(table).append(" (dossier_id, position, ")
                .append(DossierRows.names(columns, "")).append(") select d.id, coalesce((select max(x.position) + 1 from ")
                .append(table).append(" x where x.dossier_id = d.id), 0) + v.n").append(selected)
                .append(" from d, (values ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "(" : ", (").append(i).append(values).append(')');
        }
        sql.append(") v(").append(aliases).append("))");
    }

    private static <T> void add(List<Object> params, List<Column<Child<T>>> columns, List<T> items) {
        for (int i = 0; i < items.size(); i++) {
            Child<T> row = new Child<>(0, i, items.get(i));
            for (Column<Child<T>> c : columns) {
                params.add(DossierRows.jdbc(c.value().apply(row)));
            }
        }
    }

    List<Dossier.Document> documents(long dossierId) {
        return jdbc.sql("select * from dossier_document where dossier_id = ? order by position").param(dossierId)
                .query((rs, n) -> DossierRows.document(rs)).list();
    }

    List<Dossier.Event> events(long dossierId) {
        return jdbc.sql("select * from dossier_event where dossier_id = ? order by position").param(dossierId)
                .query((rs, n) -> DossierRows.event(rs)).list();
    }

    List<Dossier.Handover> handovers(long dossierId) {
        return jdbc.sql("select * from dossier_handover where dossier_id = ? order by position").param(dossierId)
                .query((rs, n) -> DossierRows.handover(rs)).list();
    }
}
