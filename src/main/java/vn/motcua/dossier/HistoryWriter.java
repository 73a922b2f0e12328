package vn.motcua.dossier;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Writes replayed dossiers in bulk: one {@code COPY … FROM STDIN} per table and batch,
 * with exactly the column values {@link DossierStore} writes for the same aggregate (the dossier row as
 * Spring Data JDBC maps it, its documents, events and control-slip rows). Ids come from the dossier
 * sequence, so live intake keeps working alongside.
 */
@Component
class HistoryWriter {

    /** A replayed dossier and how many transactions (saves) its life took: the row's lock version is one less. */
    record Replayed(Dossier dossier, List<Dossier.Document> documents, List<Dossier.Event> events, List<Dossier.Handover> handovers, int saves,
            String searchText) {}

    private record Col<T>(String name, String type, Function<T, Object> value) {}

    private static final List<Col<Row>> DOSSIER = List.of(
            col("id", "bigint", r -> r.id), col("code", "text", r -> r.d.code()),
            col("agency_code", "text", r -> r.d.agencyCode()), col("desk_unit_code", "text", r -> r.d.deskUnitCode()),
            col("procedure_code", "text", r -> r.d.procedureCode()),
            col("procedure_version", "integer", r -> r.d.procedureVersion()),
            col("procedure_name", "text", r -> r.d.procedureName()), col("channel", "text", r -> r.d.channel()),
            col("status", "text", r -> r.d.status()), col("status_code", "integer", r -> r.d.status().code()),
            col("applicant_name", "text", r -> r.d.applicantName()),
            col("applicant_citizen_id", "text", r -> r.d.applicantCitizenId()),
            col("applicant_phone", "text", r -> r.d.applicantPhone()),
            col("applicant_email", "text", r -> r.d.applicantEmail()),
            col("applicant_address", "text", r -> r.d.applicantAddress()),
            col("applicant_organization", "text", r -> r.d.applicantOrganization()),
            col("representative_name", "text", r -> r.d.representativeName()),
            col("representative_citizen_id", "text", r -> r.d.representativeCitizenId()),
            col("representative_phone", "text", r -> r.d.representativePhone()),
            col("representative_authorization", "text", r -> r.d.representativeAuthorization()),
            col("received_at", "timestamptz", r -> r.d.receivedAt()),
            col("accepted_at", "timestamptz", r -> r.d.acceptedAt()), col("due_at", "timestamptz", r -> r.d.dueAt()),
            col("lookup_pin", "text", r -> r.d.lookupPin()), col("supplement_items", "text", r -> r.d.supplementItems()),
            col("refusal_reason", "text", r -> r.d.refusalReason()),
            col("route_units", "text[]", r -> String.join(",", r.d.routeUnits())),
            col("route_agencies", "text[]", r -> String.join(",", r.d.routeAgencies())),
            col("search_text", "text", r -> r.searchText), col("received_by", "text", r -> r.d.receivedBy()),
            col("lock_version", "integer", r -> r.lockVersion), col("field", "text", r -> r.d.field()),
            col("current_step", "integer", r -> r.d.currentStep()),
            col("step_unit_code", "text", r -> r.d.stepUnitCode()), col("step_role", "text", r -> r.d.stepRole()),
            col("step_started_at", "timestamptz", r -> r.d.stepStartedAt()),
            col("step_due_at", "timestamptz", r -> r.d.stepDueAt()),
            col("original_due_at", "timestamptz", r -> r.d.originalDueAt()),
            col("apology_reason", "text", r -> r.d.apologyReason()),
            col("apologized_at", "timestamptz", r -> r.d.apologizedAt()),
            col("processing_supplement_items", "text", r -> r.d.processingSupplementItems()),
            col("waiting_since", "timestamptz", r -> r.d.waitingSince()),
            col("paused_seconds", "bigint", r -> r.d.pausedSeconds()),
            col("result_ready_at", "timestamptz", r -> r.d.resultReadyAt()),
            col("timeliness", "text", r -> r.d.timeliness()), col("closed_at", "timestamptz", r -> r.d.closedAt()),
            col("closing_reason", "text", r -> r.d.closingReason()),
            col("returned_at", "timestamptz", r -> r.d.returnedAt()),
            col("return_method", "text", r -> r.d.returnMethod()));

    private record Row(long id, Dossier d, String searchText, int lockVersion) {}

    private record DocRow(long id, int position, Dossier.Document doc) {}

    private record EventRow(long id, int position, Dossier.Event e) {}

    private record HandoverRow(long id, int position, Dossier.Handover h) {}

    private static final List<Col<DocRow>> DOCUMENTS = List.of(col("dossier_id", "bigint", r -> r.id),
            col("position", "integer", r -> r.position), col("document_id", "bigint", r -> r.doc.documentId()),
            col("name", "text", r -> r.doc.name()), col("copy_kind", "text", r -> r.doc.copyKind()),
            col("count", "integer", r -> r.doc.count()));

    private static final List<Col<EventRow>> EVENTS = List.of(col("dossier_id", "bigint", r -> r.id),
            col("position", "integer", r -> r.position), col("at", "timestamptz", r -> r.e.at()),
            col("status", "text", r -> r.e.status()), col("status_code", "integer", r -> r.e.statusCode()),
            col("action", "text", r -> r.e.action()), col("by_user", "text", r -> r.e.byUser()),
            col("unit_code", "text", r -> r.e.unitCode()), col("note", "text", r -> r.e.note()));

    private static final List<Col<HandoverRow>> HANDOVERS = List.of(col("dossier_id", "bigint", r -> r.id),
            col("position", "integer", r -> r.position), col("step", "integer", r -> r.h.step()),
            col("step_name", "text", r -> r.h.stepName()), col("action", "text", r -> r.h.action()),
            col("from_unit", "text", r -> r.h.fromUnit()), col("to_unit", "text", r -> r.h.toUnit()),
            col("at", "timestamptz", r -> r.h.at()), col("by_user", "text", r -> r.h.byUser()),
            col("step_due_at", "timestamptz", r -> r.h.stepDueAt()),
            col("timeliness", "text", r -> r.h.timeliness()), col("note", "text", r -> r.h.note()));

    private final JdbcTemplate jdbc;

    HistoryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the dossiers with their documents, history and control slip; returns rows written. */
    long write(List<Replayed> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        List<Long> ids = jdbc.queryForList("select nextval('dossier_id_seq') from generate_series(1, ?)", Long.class,
                batch.size());
        List<Row> rows = new ArrayList<>(batch.size());
        List<DocRow> documents = new ArrayList<>();
        List<EventRow> events = new ArrayList<>();
        List<HandoverRow> handovers = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Replayed r = batch.get(i);
            long id = ids.get(i);
            rows.add(new Row(id, r.dossier(), r.searchText(), r.saves() - 1));
            List<Dossier.Document> docs = r.documents();
            for (int p = 0; p < docs.size(); p++) {
                documents.add(new DocRow(id, p, docs.get(p)));
            }
            for (int p = 0; p < r.events().size(); p++) {
                events.add(new EventRow(id, p, r.events().get(p)));
            }
            for (int p = 0; p < r.handovers().size(); p++) {
                handovers.add(new HandoverRow(id, p, r.handovers().get(p)));
            }
        }
        return jdbc.execute((ConnectionCallback<Long>) connection -> insert(connection, "dossier", DOSSIER, rows)
                + insert(connection, "dossier_document", DOCUMENTS, documents)
                + insert(connection, "dossier_event", EVENTS, events)
                + insert(connection, "dossier_handover", HANDOVERS, handovers));
    }

    /**
     * PostgreSQL's COPY (text format) of the rows: the fastest bulk path of the JDBC driver, in the caller's
     * transaction. Text columns are escaped; {@code \\N} is null; arrays are written as array literals.
     */
    private static <T> long insert(Connection connection, String table, List<Col<T>> cols, List<T> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < cols.size(); c++) {
            names.append(c == 0 ? "" : ", ").append(cols.get(c).name());
        }
        StringBuilder data = new StringBuilder(rows.size() * cols.size() * 16);
        for (T row : rows) {
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) {
                    data.append('\t');
                }
                String value = text(cols.get(c).value().apply(row));
                if (value == null) {
                    data.append("\\N");
                } else if (cols.get(c).type().equals("text[]")) {
                    data.append('{').append(value).append('}');
                } else {
                    escape(data, value);
                }
            }
            data.append('\n');
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + names + ") from stdin", new StringReader(data.toString()));
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    private static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        return value.toString();
    }

    private static <T> Col<T> col(String name, String type, Function<T, Object> value) {
        return new Col<>(name, type, value);
    }
}
