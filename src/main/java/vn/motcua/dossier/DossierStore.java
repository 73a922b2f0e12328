package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.shared.ProblemException;

/**
 * Saves dossiers and appends their history. The history (status events and the control slip) only
 * grows: new rows are inserted after the dossier row is written, never rewritten. The dossier row's
 * optimistic lock serialises writers, so the next positions are safe to read in the same transaction.
 * The applicant's notices for the change go into the outbox in the same transaction.
 */
@Component
class DossierStore {

    private static final String INSERT = "insert into dossier (" + String.join(", ", Dossier.COLUMNS)
            + ", lock_version) values (" + "?, ".repeat(Dossier.COLUMNS.size()) + "0) returning id";
    private static final String UPDATE = "update dossier set " + String.join(" = ?, ", Dossier.COLUMNS)
            + " = ?, lock_version = lock_version + 1 where id = ? and lock_version = ?";

    private final JdbcClient jdbc;
    private final DossierNotices notices;

    DossierStore(JdbcClient jdbc, DossierNotices notices) {
        this.jdbc = jdbc;
        this.notices = notices;
    }

    Dossier get(String code) {
        return find(code).orElseThrow(() -> ProblemException.notFound("dossier.not-found", code));
    }

    Optional<Dossier> find(String code) {
        return jdbc.sql("select * from dossier where code = ?").param(code).query((rs, n) -> Dossier.restore(rs))
                .optional();
    }

    Dossier save(Dossier dossier) {
        List<Dossier.Document> documents = dossier.drainDocuments();
        List<Dossier.Event> events = dossier.drainEvents();
        List<Dossier.Handover> handovers = dossier.drainHandovers();
        // Hand-written rather than mapped by Spring Data JDBC: its mapping of this 50-column row cost more CPU
        // than the rest of a hand-over (measured with JFR, scripts/benchmark-lifecycle.sh).
        if (dossier.id() == null) {
            long id = jdbc.sql(INSERT).params(dossier.values()).query(Long.class).single();
            dossier.stored(id, 0);
        } else {
            Object[] values = java.util.Arrays.copyOf(dossier.values(), Dossier.COLUMNS.size() + 2);
            values[values.length - 2] = dossier.id();
            values[values.length - 1] = dossier.lockVersion();
            if (jdbc.sql(UPDATE).params(values).update() == 0) {
                throw new org.springframework.dao.OptimisticLockingFailureException(
                        "dossier " + dossier.code() + " changed since version " + dossier.lockVersion());
            }
            dossier.stored(dossier.id(), dossier.lockVersion() + 1);
        }
        Dossier saved = dossier;
        long id = saved.id();
        for (int i = 0; i < documents.size(); i++) {
            Dossier.Document d = documents.get(i);
            jdbc.sql("""
                    insert into dossier_document (dossier_id, position, document_id, name, copy_kind, count)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, i, d.documentId(), d.name(), d.copyKind(), d.count()).update();
        }
        if (!events.isEmpty()) {
            int next = jdbc.sql("select coalesce(max(position), -1) + 1 from dossier_event where dossier_id = ?")
                    .param(id).query(Integer.class).single();
            for (Dossier.Event e : events) {
                jdbc.sql("""
                        insert into dossier_event (dossier_id, position, at, status, status_code, action, by_user,
                                                   unit_code, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, next++, ts(e.at()), e.status().name(), e.statusCode(), e.action(), e.byUser(),
                                e.unitCode(), e.note())
                        .update();
            }
        }
        if (!handovers.isEmpty()) {
            int next = jdbc.sql("select coalesce(max(position), -1) + 1 from dossier_handover where dossier_id = ?")
                    .param(id).query(Integer.class).single();
            for (Dossier.Handover h : handovers) {
                jdbc.sql("""
                        insert into dossier_handover (dossier_id, position, step, step_name, action, from_unit, to_unit,
                                                      at, by_user, step_due_at, timeliness, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, next++, h.step(), h.stepName(), h.action(), h.fromUnit(), h.toUnit(), ts(h.at()),
                                h.byUser(), ts(h.stepDueAt()), h.timeliness() == null ? null : h.timeliness().name(),
                                h.note())
                        .update();
            }
        }
        notices.changed(saved, events);
        return saved;
    }

    List<Dossier.Document> documents(long dossierId) {
        return jdbc.sql("select document_id, name, copy_kind, count from dossier_document where dossier_id = ? order by position")
                .param(dossierId)
                .query((rs, n) -> new Dossier.Document(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    List<Dossier.Event> events(long dossierId) {
        return jdbc.sql("""
                select at, status, status_code, action, by_user, unit_code, note from dossier_event
                where dossier_id = ? order by position""")
                .param(dossierId)
                .query((rs, n) -> new Dossier.Event(rs.getTimestamp(1).toInstant(), DossierStatus.valueOf(rs.getString(2)),
                        rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    List<Dossier.Handover> handovers(long dossierId) {
        return jdbc.sql("""
                select step, step_name, action, from_unit, to_unit, at, by_user, step_due_at, timeliness, note
                from dossier_handover where dossier_id = ? order by position""")
                .param(dossierId)
                .query((rs, n) -> new Dossier.Handover(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(),
                        rs.getString(9) == null ? null : Timeliness.valueOf(rs.getString(9)), rs.getString(10)))
                .list();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
