package vn.motcua.dossier;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.dossier.DossierRows.Child;
import vn.motcua.dossier.DossierRows.Column;

/**
 * Import of dossiers received before this system took over (from the province's earlier one-stop software, or
 * the demo's history): each dossier's life is replayed through the same aggregate and rules as live work, at
 * the instants it happened, so that statuses, due times, timeliness and the control slip are what live work
 * would have computed; then the dossiers are written in bulk ({@code COPY}), with exactly the rows
 * {@link DossierStore} writes. Ids come from the dossier sequence, so live intake keeps working alongside.
 */
@Service
public class DossierImport {

    private final DossierIntake intake;
    private final ProcessClock processClock;
    private final OnlineIntakeClock onlineClock;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DossierImport(DossierIntake intake, ProcessClock processClock, OnlineIntakeClock onlineClock, JdbcTemplate jdbc,
            JsonMapper json) {
        this.intake = intake;
        this.processClock = processClock;
        this.onlineClock = onlineClock;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The internal process of a procedure version as dossiers walk it: intake first, return of the result last. */
    public List<StepData> process(ProcedureData procedure) {
        return Route.of(procedure).steps();
    }

    /**
     * Reserves {@code counts} dossier numbers of each day at the agency in one statement: each day's counter grows
     * by that day's count (an atomic upsert, so whatever else is numbered that day keeps its numbers). Returns the
     * codes reserved per day, in order.
     */
    public Map<LocalDate, List<String>> reserveCodes(String agency, Map<LocalDate, Integer> counts) {
        List<java.sql.Date> days = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        counts.forEach((day, n) -> {
            if (n > 0) {
                days.add(java.sql.Date.valueOf(day));
                sizes.add(n);
            }
        });
        Map<LocalDate, List<String>> codes = new HashMap<>();
        if (days.isEmpty()) {
            return codes;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var statement = connection.prepareStatement("""
                    insert into dossier_sequence (agency_code, day, last)
                    select ?, d, n from unnest(?::date[], ?::int[]) as t(d, n)
                    on conflict (agency_code, day) do update set last = dossier_sequence.last + excluded.last
                    returning day, last""")) {
                statement.setString(1, agency);
                statement.setArray(2, connection.createArrayOf("date", days.toArray()));
                statement.setArray(3, connection.createArrayOf("integer", sizes.toArray()));
                try (var rs = statement.executeQuery()) {
                    while (rs.next()) {
                        LocalDate day = rs.getDate(1).toLocalDate();
                        int last = rs.getInt(2);
                        List<String> list = new ArrayList<>();
                        for (int number = last - counts.get(day) + 1; number <= last; number++) {
                            list.add(DossierCodes.code(agency, day, number));
                        }
                        codes.put(day, list);
                    }
                }
            }
            return null;
        });
        return codes;
    }

    /** An import into one desk of an agency. */
    public Session session(String agency, String deskUnit) {
        return new Session(agency, deskUnit);
    }

    public final class Session {

        private final String agency;
        private final String deskUnit;

        private Session(String agency, String deskUnit) {
            this.agency = agency;
            this.deskUnit = deskUnit;
        }

        /** A dossier received by {@code by} at {@code at}, registered at the desk (not yet decided on). */
        public Replay receive(IntakeRequest request, ProcedureData procedure, String code, Instant at, String by) {
            return new Replay(intake.receive(request, procedure, intake.participants(procedure, agency, deskUnit), code,
                    agency, deskUnit, at, by), procedure);
        }

        /** Inserts the dossiers with their documents, history and control slip; returns the rows written. */
        public long write(List<Replay> batch) {
            if (batch.isEmpty()) {
                return 0;
            }
            List<Long> ids = jdbc.queryForList("select nextval('dossier_id_seq') from generate_series(1, ?)",
                    Long.class, batch.size());
            List<Dossier> dossiers = new ArrayList<>(batch.size());
            List<Child<Dossier.Document>> documents = new ArrayList<>();
            List<Child<Dossier.Event>> events = new ArrayList<>();
            List<Child<Dossier.Handover>> handovers = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Replay replay = batch.get(i);
                long id = ids.get(i);
                // One transaction per save in live work: the row's version is one less than the saves.
                replay.dossier.stored(id, replay.saves - 1);
                dossiers.add(replay.dossier);
                Dossier.Changes changes = replay.dossier.drainChanges();
                children(id, changes.documents(), documents);
                children(id, changes.events(), events);
                children(id, changes.handovers(), handovers);
            }
            List<Column<Dossier>> dossierColumns = new ArrayList<>();
            dossierColumns.add(new Column<>("id", "bigint", Dossier::id));
            dossierColumns.add(new Column<>("lock_version", "integer", Dossier::lockVersion));
            dossierColumns.addAll(DossierRows.DOSSIER);
            return jdbc.execute((ConnectionCallback<Long>) connection ->
                    copy(connection, "dossier", dossierColumns, dossiers)
                            + copy(connection, "dossier_document", withKey(DossierRows.DOCUMENTS), documents)
                            + copy(connection, "dossier_event", withKey(DossierRows.EVENTS), events)
                            + copy(connection, "dossier_handover", withKey(DossierRows.HANDOVERS), handovers));
        }
    }

    /**
     * One dossier's life being replayed. Each method is the live transition of the same name, at the instant
     * given; each counts as one transaction of the live system.
     */
    public final class Replay {

        final Dossier dossier;
        private final ProcedureData procedure;
        private final Route route;
        private int saves = 1;
        /** At the desk (not online) the first decision is taken in the registration's own transaction. */
        private boolean decidingAtReception;

        private Replay(Dossier dossier, ProcedureData procedure) {
            this.dossier = dossier;
            this.procedure = procedure;
            this.route = Route.of(procedure);
            this.decidingAtReception = dossier.reception().channel() != Channel.ONLINE;
        }

        /**
         * The fees paid in full at {@code at} (at the desk when received, in the previous system's records): a dossier
         * held in status 6 for them moves on. The payments themselves are the payment module's to import.
         */
        public Replay feesPaid(Instant at, String by) {
            dossier.feesPaid(at, by, onlineClock);
            return this;
        }

        /** Form 01: the time limit runs from {@code at}. */
        public Replay accept(Instant at, String by) {
            dossier.accept(route, processClock, at, processClock.due(procedure.timeLimit(), at), by,
                    dossier.deskUnitCode());
            return saved();
        }

        public Replay requestSupplement(List<IntakeRequest.SupplementItem> items, Instant at, String by) {
            dossier.requestSupplement(json.writeValueAsString(items), IntakeRules.summary(items), at, by,
                    dossier.deskUnitCode(), onlineClock);
            return saved();
        }

        public Replay supplied(Instant at, String by) {
            dossier.supplied(at, by, dossier.deskUnitCode(), null, onlineClock);
            return saved();
        }

        public Replay refuse(String reason, Instant at, String by) {
            dossier.refuse(IntakeRules.text(reason), at, by, dossier.deskUnitCode());
            return saved();
        }

        public Replay handOver(Instant at, String by, String note) {
            dossier.handOver(route, processClock, at, by, IntakeRules.text(note));
            return saved();
        }

        public Replay sendBack(Instant at, String by, String reason) {
            dossier.sendBack(route, processClock, at, by, IntakeRules.text(reason));
            return saved();
        }

        public Replay requestProcessingSupplement(List<IntakeRequest.SupplementItem> items, Instant at, String by) {
            dossier.requestProcessingSupplement(json.writeValueAsString(items), IntakeRules.summary(items), at, by,
                    dossier.step().unitCode());
            return saved();
        }

        public Replay supplementReceived(Instant at, String by) {
            dossier.supplementReceived(route, procedure.clockPolicy(), processClock.due(procedure.timeLimit(), at),
                    processClock, at, by, dossier.deskUnitCode(), null);
            return saved();
        }

        /** A replayed apology keeps the rule of its time (before the due time) and has no letter number. */
        public Replay apologize(String reason, Instant newDue, Instant at, String by) {
            dossier.apologize(IntakeRules.text(reason), newDue, at, by, dossier.deskUnitCode(), false, null);
            return saved();
        }

        /** Stopped (8) or withdrawn (7). */
        public Replay close(DossierStatus closing, String reason, Instant at, String by) {
            dossier.close(closing, IntakeRules.text(reason), at, by, dossier.deskUnitCode());
            return saved();
        }

        public Replay returnResult(ReturnMethod method, Instant at, String by) {
            dossier.returnResult(method, processClock, route, at, by, dossier.deskUnitCode());
            return saved();
        }

        public DossierStatus status() {
            return dossier.status();
        }

        public Channel channel() {
            return dossier.reception().channel();
        }

        /** The order of the step it is at (1 = intake), and the unit whose queue holds it (null once ended). */
        public int stepOrder() {
            return dossier.step().order();
        }

        public String stepUnit() {
            return dossier.step().unitCode();
        }

        public Instant dueAt() {
            return dossier.dueAt();
        }

        public boolean apologized() {
            return dossier.apology() != null;
        }

        public boolean askedForSupplementDuringProcessing() {
            return dossier.supplements().duringProcessing() != null;
        }

        private Replay saved() {
            if (decidingAtReception) {
                decidingAtReception = false;
            } else {
                saves++;
            }
            return this;
        }
    }

    private static <T> void children(long id, List<T> items, List<Child<T>> into) {
        for (int p = 0; p < items.size(); p++) {
            into.add(new Child<>(id, p, items.get(p)));
        }
    }

    private static <T> List<Column<Child<T>>> withKey(List<Column<Child<T>>> columns) {
        List<Column<Child<T>>> all = new ArrayList<>();
        all.add(new Column<>("dossier_id", "bigint", Child::dossierId));
        all.add(new Column<>("position", "integer", Child::position));
        all.addAll(columns);
        return all;
    }

    /**
     * PostgreSQL's COPY (text format) of the rows: the fastest bulk path of the JDBC driver, in the caller's
     * transaction. Text is escaped; {@code \N} is null; lists are written as array literals.
     */
    private static <T> long copy(Connection connection, String table, List<Column<T>> columns, List<T> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        StringBuilder data = new StringBuilder(rows.size() * columns.size() * 16);
        for (T row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    data.append('\t');
                }
                Object value = columns.get(c).value().apply(row);
                if (value == null) {
                    data.append("\\N");
                } else if (value instanceof List<?> list) {
                    // Codes of units and agencies: no commas, quotes or braces to escape.
                    data.append('{').append(String.join(",", list.stream().map(String::valueOf).toList())).append('}');
                } else {
                    escape(data, value instanceof Enum<?> e ? e.name() : value.toString());
                }
            }
            data.append('\n');
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + DossierRows.names(columns, "") + ") from stdin",
                            new StringReader(data.toString()));
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
}
