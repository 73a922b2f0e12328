package vn.motcua.dossier;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.dossier.Reception.Applicant;
import vn.motcua.dossier.Reception.Participants;
import vn.motcua.dossier.Reception.PinnedProcedure;
import vn.motcua.dossier.Reception.Representative;

/**
 * The one mapping between a {@link Dossier} and its rows: table {@code dossier} and the history tables it
 * appends to. Every writer uses it: {@link DossierStore} (one statement per change) and the bulk import's
 * {@code COPY} ({@link DossierImport}). Values are plain Java ({@code String}, numbers, {@link Instant}, enums,
 * lists); each writer turns them into its own form with {@link #jdbc(Object)} or its text encoding.
 */
final class DossierRows {

    private DossierRows() {}

    /** A column: its name, its SQL type (for casts and COPY) and how to read its value off a row object. */
    record Column<T>(String name, String type, Function<T, Object> value) {}

    /** A history row of a dossier: the row's position in that dossier's history, and the item. */
    record Child<T>(long dossierId, int position, T item) {}

    /** The fee lines' JSON: records only, no settings to share with the application's mapper. */
    private static final JsonMapper JSON = JsonMapper.shared();

    static final List<Column<Dossier>> DOSSIER = List.of(
            col("code", "text", Dossier::code),
            col("agency_code", "text", d -> d.reception().agencyCode()),
            col("desk_unit_code", "text", Dossier::deskUnitCode),
            col("procedure_code", "text", d -> d.procedure().code()),
            col("procedure_version", "integer", d -> d.procedure().version()),
            col("procedure_name", "text", d -> d.procedure().name()),
            col("field", "text", d -> d.procedure().field()),
            col("channel", "text", d -> d.reception().channel()),
            col("status", "text", Dossier::status),
            col("status_code", "integer", d -> d.status().code()),
            col("applicant_name", "text", d -> d.applicant().name()),
            col("applicant_citizen_id", "text", d -> d.applicant().citizenId()),
            col("applicant_phone", "text", d -> d.applicant().phone()),
            col("applicant_email", "text", d -> d.applicant().email()),
            col("applicant_address", "text", d -> d.applicant().address()),
            col("applicant_organization", "text", d -> d.applicant().organization()),
            col("representative_name", "text", d -> representative(d, Representative::name)),
            col("representative_citizen_id", "text", d -> representative(d, Representative::citizenId)),
            col("representative_phone", "text", d -> representative(d, Representative::phone)),
            col("representative_authorization", "text", d -> representative(d, Representative::authorization)),
            col("received_at", "timestamptz", d -> d.reception().receivedAt()),
            col("received_by", "text", d -> d.reception().receivedBy()),
            col("lookup_pin", "text", d -> d.reception().lookupPin()),
            col("set_count", "smallint", d -> d.reception().sets()),
            col("requested_return_method", "text", d -> d.reception().requestedReturnMethod()),
            col("route_units", "text[]", d -> d.reception().participants().units()),
            col("route_agencies", "text[]", d -> d.reception().participants().agencies()),
            col("handling_agency_code", "text", d -> d.reception().participants().handlingAgency()),
            col("search_text", "text", d -> d.reception().searchText()),
            col("accepted_at", "timestamptz", d -> d.clock().acceptedAt()),
            col("due_at", "timestamptz", d -> d.clock().dueAt()),
            col("waiting_since", "timestamptz", d -> d.clock().waitingSince()),
            col("paused_seconds", "bigint", d -> d.clock().pausedSeconds()),
            col("current_step", "integer", d -> d.step() == null ? null : d.step().order()),
            col("step_unit_code", "text", d -> d.step() == null ? null : d.step().unitCode()),
            col("step_role", "text", d -> d.step() == null ? null : d.step().role()),
            col("step_started_at", "timestamptz", d -> d.step() == null ? null : d.step().startedAt()),
            col("step_due_at", "timestamptz", d -> d.step() == null ? null : d.step().dueAt()),
            col("supplement_items", "text", d -> d.supplements().atIntake()),
            col("processing_supplement_items", "text", d -> d.supplements().duringProcessing()),
            col("original_due_at", "timestamptz", d -> d.apology() == null ? null : d.apology().originalDueAt()),
            col("apology_reason", "text", d -> d.apology() == null ? null : d.apology().reason()),
            col("apologized_at", "timestamptz", d -> d.apology() == null ? null : d.apology().at()),
            col("apology_number", "text", d -> d.apology() == null ? null : d.apology().number()),
            col("apology_late", "boolean", d -> d.apology() != null && d.apology().late()),
            col("result_ready_at", "timestamptz", d -> d.outcome().resultReadyAt()),
            col("timeliness", "text", d -> d.outcome().timeliness()),
            col("returned_at", "timestamptz", d -> d.outcome().returnedAt()),
            col("return_method", "text", d -> d.outcome().returnMethod()),
            col("closed_at", "timestamptz", d -> d.outcome().closedAt()),
            col("closing_reason", "text", d -> d.outcome().closingReason()),
            col("refusal_reason", "text", d -> d.outcome().refusalReason()),
            col("check_counts_from", "timestamptz", d -> d.online().countsFrom()),
            col("check_due_at", "timestamptz", d -> d.online().checkDueAt()),
            col("supplement_due_at", "timestamptz", d -> d.online().supplementDueAt()),
            col("fee_lines", "text", d -> JSON.writeValueAsString(d.reception().fees().lines())),
            col("payment_timing", "text", d -> d.reception().fees().timing()),
            col("fees_paid_at", "timestamptz", Dossier::feesPaidAt));

    static final List<Column<Child<Dossier.Document>>> DOCUMENTS = List.of(
            col("document_id", "bigint", r -> r.item().documentId()),
            col("name", "text", r -> r.item().name()),
            col("copy_kind", "text", r -> r.item().copyKind()),
            col("count", "integer", r -> r.item().count()),
            col("digitised", "boolean", r -> r.item().digitised()),
            col("reused", "boolean", r -> r.item().reused()));

    static final List<Column<Child<Dossier.Event>>> EVENTS = List.of(
            col("at", "timestamptz", r -> r.item().at()),
            col("status", "text", r -> r.item().status()),
            col("status_code", "integer", r -> r.item().status().code()),
            col("action", "text", r -> r.item().action()),
            col("by_user", "text", r -> r.item().byUser()),
            col("unit_code", "text", r -> r.item().unitCode()),
            col("note", "text", r -> r.item().note()));

    static final List<Column<Child<Dossier.Handover>>> HANDOVERS = List.of(
            col("step", "integer", r -> r.item().step()),
            col("step_name", "text", r -> r.item().stepName()),
            col("action", "text", r -> r.item().action()),
            col("from_unit", "text", r -> r.item().fromUnit()),
            col("to_unit", "text", r -> r.item().toUnit()),
            col("at", "timestamptz", r -> r.item().at()),
            col("by_user", "text", r -> r.item().byUser()),
            col("step_due_at", "timestamptz", r -> r.item().stepDueAt()),
            col("timeliness", "text", r -> r.item().timeliness()),
            col("note", "text", r -> r.item().note()));

    /** A dossier from its row ({@code select * from dossier}). */
    static Dossier read(ResultSet rs) throws SQLException {
        Reception reception = new Reception(rs.getString("code"), rs.getString("agency_code"),
                rs.getString("desk_unit_code"),
                new PinnedProcedure(rs.getString("procedure_code"), rs.getInt("procedure_version"),
                        rs.getString("procedure_name"), rs.getString("field")),
                Channel.valueOf(rs.getString("channel")),
                new Applicant(rs.getString("applicant_name"), rs.getString("applicant_citizen_id"),
                        rs.getString("applicant_phone"), rs.getString("applicant_email"),
                        rs.getString("applicant_address"), rs.getString("applicant_organization")),
                rs.getString("representative_name") == null ? null
                        : new Representative(rs.getString("representative_name"),
                                rs.getString("representative_citizen_id"), rs.getString("representative_phone"),
                                rs.getString("representative_authorization")),
                new Participants(strings(rs.getArray("route_units")), strings(rs.getArray("route_agencies")),
                        rs.getString("handling_agency_code")),
                instant(rs, "received_at"), rs.getString("received_by"), rs.getString("lookup_pin"),
                rs.getInt("set_count"), ReturnMethod.valueOf(rs.getString("requested_return_method")),
                new Reception.Fees(List.of(JSON.readValue(rs.getString("fee_lines"), Reception.Fees.Line[].class)),
                        PaymentTiming.valueOf(rs.getString("payment_timing"))));
        Integer order = (Integer) rs.getObject("current_step");
        CurrentStep step = order == null ? null : new CurrentStep(order, rs.getString("step_unit_code"),
                rs.getString("step_role"), instant(rs, "step_started_at"), instant(rs, "step_due_at"));
        DueClock clock = new DueClock(instant(rs, "accepted_at"), instant(rs, "due_at"), instant(rs, "waiting_since"),
                rs.getLong("paused_seconds"));
        Dossier.Apology apology = rs.getTimestamp("apologized_at") == null ? null
                : new Dossier.Apology(rs.getString("apology_reason"), instant(rs, "apologized_at"),
                        instant(rs, "original_due_at"), rs.getString("apology_number"), rs.getBoolean("apology_late"));
        String timeliness = rs.getString("timeliness");
        String returnMethod = rs.getString("return_method");
        Outcome outcome = new Outcome(instant(rs, "result_ready_at"),
                timeliness == null ? null : Timeliness.valueOf(timeliness), instant(rs, "returned_at"),
                returnMethod == null ? null : ReturnMethod.valueOf(returnMethod), instant(rs, "closed_at"),
                rs.getString("closing_reason"), rs.getString("refusal_reason"));
        return Dossier.restore(rs.getLong("id"), rs.getInt("lock_version"), reception,
                DossierStatus.valueOf(rs.getString("status")), step, clock,
                new Dossier.Supplements(rs.getString("supplement_items"), rs.getString("processing_supplement_items")),
                apology, outcome, new OnlineIntake(instant(rs, "check_counts_from"), instant(rs, "check_due_at"),
                        instant(rs, "supplement_due_at")), instant(rs, "fees_paid_at"));
    }

    static Dossier.Document document(ResultSet rs) throws SQLException {
        return new Dossier.Document(rs.getLong("document_id"), rs.getString("name"), rs.getString("copy_kind"),
                rs.getInt("count"), rs.getBoolean("digitised"), rs.getBoolean("reused"));
    }

    static Dossier.Event event(ResultSet rs) throws SQLException {
        return new Dossier.Event(instant(rs, "at"), DossierStatus.valueOf(rs.getString("status")),
                rs.getString("action"), rs.getString("by_user"), rs.getString("unit_code"), rs.getString("note"));
    }

    static Dossier.Handover handover(ResultSet rs) throws SQLException {
        String timeliness = rs.getString("timeliness");
        return new Dossier.Handover(rs.getInt("step"), rs.getString("step_name"), rs.getString("action"),
                rs.getString("from_unit"), rs.getString("to_unit"), instant(rs, "at"), rs.getString("by_user"),
                instant(rs, "step_due_at"), timeliness == null ? null : Timeliness.valueOf(timeliness),
                rs.getString("note"));
    }

    /** {@code a, b, c} (with {@code suffix} after each name, e.g. {@code " = ?"}). */
    static String names(List<? extends Column<?>> columns, String suffix) {
        StringBuilder names = new StringBuilder();
        for (Column<?> c : columns) {
            names.append(names.isEmpty() ? "" : ", ").append(c.name()).append(suffix);
        }
        return names.toString();
    }

    /** A value as a JDBC parameter of the PostgreSQL driver. */
    static Object jdbc(Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            return list.toArray(String[]::new);
        }
        return value;
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Object representative(Dossier d, Function<Representative, Object> part) {
        Representative representative = d.reception().representative();
        return representative == null ? null : part.apply(representative);
    }

    private static <T> Column<T> col(String name, String type, Function<T, Object> value) {
        return new Column<>(name, type, value);
    }
}
