package vn.motcua.dossier.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.TrackingBooks;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.VietnameseText;

/**
 * Records: the statutory statistics of dossiers per field or per agency over a reporting period,
 * and the tracking book (Form 07). Both read the {@code dossier} table by period in Vietnam time, dates
 * inclusive, and only within the caller's scope. See docs/api.md for the definitions.
 */
@Service
@Transactional(readOnly = true)
@EnableConfigurationProperties(ReportSettings.class)
public class DossierReports {

    /** The longest reporting period accepted. */
    public static final int MAX_YEARS = 10;
    /** The most lines a tracking book returns; a longer one must be asked for a shorter period or one field. */
    public static final int MAX_BOOK_ROWS = 50_000;
    /** The language of the printed forms and sheets. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /**
     * The rows of the statistics: per field, per handling agency (the agency that directly resolves the dossier,
     * as table 06/VPCP/KSTT counts), or per receiving agency (the desk's agency).
     */
    public enum GroupBy {
        FIELD("field", "field"),
        AGENCY("agency", "handling_agency_code"),
        RECEIVING_AGENCY("receivingAgency", "agency_code");

        private final String parameter;
        private final String column;

        GroupBy(String parameter, String column) {
            this.parameter = parameter;
            this.column = column;
        }

        /** As the API names it: {@code field}, {@code agency}, {@code receivingAgency}. */
        public String parameter() {
            return parameter;
        }

        /** {@code receivingAgency} in any case, or null. */
        public static GroupBy of(String value) {
            for (GroupBy g : values()) {
                if (value != null && g.parameter.equalsIgnoreCase(value.strip())) {
                    return g;
                }
            }
            return null;
        }
    }

    /** The thirteen columns of the statutory table, (3) to (13); the invariants hold on every row. */
    public record Figures(long received, long receivedOnline, long receivedDirect, long carriedOver, long resolved,
            long resolvedEarly, long resolvedOnTime, long resolvedLate, long inProgress, long inProgressWithinLimit,
            long inProgressOverdue) {

        Figures plus(Figures o) {
            return new Figures(received + o.received, receivedOnline + o.receivedOnline,
                    receivedDirect + o.receivedDirect, carriedOver + o.carriedOver, resolved + o.resolved,
                    resolvedEarly + o.resolvedEarly, resolvedOnTime + o.resolvedOnTime, resolvedLate + o.resolvedLate,
                    inProgress + o.inProgress, inProgressWithinLimit + o.inProgressWithinLimit,
                    inProgressOverdue + o.inProgressOverdue);
        }

        static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** One line of the table: a field (key = name = the field) or an agency (key = its code). */
    public record Row(String key, String name, long received, long receivedOnline, long receivedDirect,
            long carriedOver, long resolved, long resolvedEarly, long resolvedOnTime, long resolvedLate,
            long inProgress, long inProgressWithinLimit, long inProgressOverdue) {

        static Row of(String key, String name, Figures f) {
            return new Row(key, name, f.received(), f.receivedOnline(), f.receivedDirect(), f.carriedOver(),
                    f.resolved(), f.resolvedEarly(), f.resolvedOnTime(), f.resolvedLate(), f.inProgress(),
                    f.inProgressWithinLimit(), f.inProgressOverdue());
        }
    }

    /**
     * @param lateness the lateness rule the figures were computed with (the settings), and its wording
     * @param legend the notes printed under the table, the lateness rule among them
     */
    public record Statistics(LocalDate from, LocalDate to, String groupBy, String reportingUnit, String receivingUnit,
            LatenessRule lateness, List<Row> rows, Row total, List<String> legend) {}

    /** {@code motcua.reports.lateness} as applied, with the sentence that states it on the sheet. */
    public record LatenessRule(ReportSettings.Rescheduled rescheduled, ReportSettings.Closed closed, String rule) {

        ReportSettings.Lateness settings() {
            return new ReportSettings.Lateness(rescheduled, closed);
        }
    }

    /**
     * One line of the tracking book (Form 07). {@code dueAt} is the appointment written on the receipt, which the
     * book keeps even when an apology (Form 04) set a new date: that one is {@code rescheduledDueAt}, and the
     * note says so. {@code no} is the dossier's line in its book, {@code book} the book (its year), as on the
     * dossier's receipt ({@link TrackingBooks}); {@code sets}: the number of sets of the dossier (bộ).
     */
    public record BookEntry(int no, int book, String code, String procedureCode, String procedureName, int sets,
            String field,
            String applicant, String address, String phone, String leadUnit, String leadUnitName,
            OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime rescheduledDueAt,
            OffsetDateTime returnedAt, String returnMethod, String status, int statusCode, String statusName,
            String note) {}

    /** {@code field} is null (and present) when the book covers every field. */
    public record TrackingBook(LocalDate from, LocalDate to,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
            String field, String unit, List<BookEntry> items) {}

    private final JdbcClient jdbc;
    private final Organization organization;
    private final MessageSource messages;
    private final ReportSettings settings;

    DossierReports(JdbcClient jdbc, Organization organization, MessageSource messages, ReportSettings settings) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.messages = messages;
        this.settings = settings;
    }

    // --- statutory statistics ---------------------------------------------------------------------

    /**
     * One aggregate query over the dossiers that count in the period: accepted before its end, not refused,
     * and not resolved before its start. Each is counted once, under its field, its handling agency or its
     * receiving agency, and judged early, on time or late by the lateness rule of the settings.
     */
    public Statistics statistics(LocalDate from, LocalDate to, GroupBy groupBy, StaffUser caller, Locale locale) {
        return statistics(from, to, groupBy, caller, locale, settings.lateness());
    }

    /** The statistics judged by the lateness rule given rather than the one of the settings. */
    public Statistics statistics(LocalDate from, LocalDate to, GroupBy groupBy, StaffUser caller, Locale locale,
            ReportSettings.Lateness lateness) {
        Map<String, Object> params = new HashMap<>();
        String scope = statisticsScope(caller, groupBy, params);
        params.put("from", start(from));
        params.put("end", start(to.plusDays(1)));
        String due = lateness.rescheduled() == ReportSettings.Rescheduled.ORIGINAL
                ? "coalesce(original_due_at, due_at)" : "due_at";
        String closed = "(result_ready_at is null and closed_at is not null)";
        String counted = DossierStatus.sql(DossierStatus.COUNTED_AS_RECEIVED) + " and " + scope
                + (lateness.closed() == ReportSettings.Closed.EXCLUDED ? " and not " + closed : "");
        String columns = "field, agency_code, handling_agency_code, channel, accepted_at, due_at, original_due_at,"
                + " timeliness, result_ready_at, closed_at, status_code";
        List<Map.Entry<String, Figures>> figures = jdbc.sql("""
                with candidates as (
                    -- Three disjoint parts, each read through its own index (V9) rather than one scan of the
                    -- whole history: accepted in the period; accepted before it and resolved in or after it;
                    -- accepted before it and still open.
                    select %1$s from dossier where accepted_at >= :from and accepted_at < :end
                    union all
                    select %1$s from dossier where coalesce(result_ready_at, closed_at) >= :from
                      and accepted_at is not null and accepted_at < :from
                    union all
                    select %1$s from dossier where accepted_at is not null and result_ready_at is null
                      and closed_at is null and accepted_at < :from
                ), counted as (
                    select %2$s as key, channel, accepted_at, %3$s as due_at,
                           case when %4$s then %5$s else %6$s end as timeliness,
                           coalesce(result_ready_at, closed_at) as resolved_at
                    from candidates
                    where %7$s
                )
                select key,
                       count(*) filter (where accepted_at >= :from and channel = 'ONLINE') as received_online,
                       count(*) filter (where accepted_at >= :from and channel <> 'ONLINE') as received_direct,
                       count(*) filter (where accepted_at < :from) as carried_over,
                       count(*) filter (where resolved_at < :end and timeliness = 'EARLY') as early,
                       count(*) filter (where resolved_at < :end and timeliness = 'LATE') as late,
                       count(*) filter (where resolved_at < :end
                                        and (timeliness is null or timeliness not in ('EARLY', 'LATE'))) as on_time,
                       count(*) filter (where (resolved_at is null or resolved_at >= :end)
                                        and (due_at is null or due_at >= :end)) as within_limit,
                       count(*) filter (where (resolved_at is null or resolved_at >= :end)
                                        and due_at < :end) as overdue
                from counted group by key order by key""".formatted(columns, groupBy.column, due, closed,
                        closedTimeliness(lateness.closed(), due), resultTimeliness(lateness.rescheduled()), counted))
                .params(params)
                .query((rs, n) -> {
                    long online = rs.getLong("received_online");
                    long direct = rs.getLong("received_direct");
                    long carried = rs.getLong("carried_over");
                    long early = rs.getLong("early");
                    long onTime = rs.getLong("on_time");
                    long late = rs.getLong("late");
                    long within = rs.getLong("within_limit");
                    long overdue = rs.getLong("overdue");
                    return Map.entry(rs.getString("key") == null ? "" : rs.getString("key"),
                            new Figures(online + direct + carried, online, direct, carried, early + onTime + late,
                                    early, onTime, late, within + overdue, within, overdue));
                })
                .list();
        Map<String, String> agencyNames = new HashMap<>();
        for (AgencyView agency : organization.agencies()) {
            agencyNames.put(agency.code(), agency.name());
        }
        List<Row> rows = new ArrayList<>();
        Figures total = Figures.ZERO;
        for (var entry : figures) {
            String name = groupBy == GroupBy.FIELD ? entry.getKey()
                    : agencyNames.getOrDefault(entry.getKey(), entry.getKey());
            rows.add(Row.of(entry.getKey(), name, entry.getValue()));
            total = total.plus(entry.getValue());
        }
        if (groupBy == GroupBy.FIELD) {
            rows.sort(java.util.Comparator.comparing((Row r) -> VietnameseText.fold(r.name())).thenComparing(Row::name));
        }
        return new Statistics(from, to, groupBy.parameter(), reportingUnit(caller, agencyNames),
                settings.receivingUnit(), new LatenessRule(lateness.rescheduled(), lateness.closed(),
                        latenessRule(lateness, locale)), rows,
                Row.of("", text("report.statistics.total", locale), total), legend(groupBy, lateness, locale));
    }

    /**
     * How a dossier with a result was completed. Judged against the new due time, it is the timeliness recorded
     * when the result was ready ({@code Timeliness.judge}). Against the original due time of a rescheduled
     * dossier (the new one is always later): late after the original due time, on time on its day, and before
     * that day the recorded judgement stands, since a day before the original due day is also before the new
     * one (early on a working day, on time on a day off).
     */
    private static String resultTimeliness(ReportSettings.Rescheduled rescheduled) {
        if (rescheduled == ReportSettings.Rescheduled.NEW) {
            return "timeliness";
        }
        String zone = "'" + VietnamTime.ZONE.getId() + "'";
        return "case when original_due_at is null then timeliness"
                + " when result_ready_at > original_due_at then 'LATE'"
                + " when (result_ready_at at time zone " + zone + ")::date"
                + " = (original_due_at at time zone " + zone + ")::date then 'ON_TIME'"
                + " else timeliness end";
    }

    /** How a stopped or withdrawn dossier was completed: never early, since no result was issued. */
    private static String closedTimeliness(ReportSettings.Closed closed, String due) {
        return closed == ReportSettings.Closed.JUDGED
                ? "case when closed_at > " + due + " then 'LATE' else 'ON_TIME' end" : "'ON_TIME'";
    }

    /** A lateness rule as one sentence. */
    private String latenessRule(ReportSettings.Lateness lateness, Locale locale) {
        return text("report.lateness.rescheduled." + lateness.rescheduled(), locale) + " "
                + text("report.lateness.closed." + lateness.closed(), locale);
    }

    /** The notes printed under the table: what the columns mean and the conventions used. */
    public List<String> legend(GroupBy groupBy, ReportSettings.Lateness lateness, Locale locale) {
        List<String> legend = new ArrayList<>();
        for (String key : List.of("report.legend.received", "report.legend.carried-over", "report.legend.resolved")) {
            legend.add(text(key, locale));
        }
        legend.add(latenessRule(lateness, locale));
        legend.add(text("report.legend.in-progress", locale));
        legend.add(text(groupBy == GroupBy.RECEIVING_AGENCY ? "report.legend.once.receiving"
                : "report.legend.once.handling", locale));
        legend.add(text("report.legend.period", locale));
        return legend;
    }

    /**
     * Administrators: every dossier. Leaders and monitors: the dossiers their agency resolves directly (the
     * agency that reports them in table 06/VPCP/KSTT), or, cut by receiving agency, those their agency's desk
     * received.
     */
    private static String statisticsScope(StaffUser caller, GroupBy groupBy, Map<String, Object> params) {
        if (caller.has(Role.ADMIN)) {
            return "true";
        }
        if ((caller.has(Role.LEADER) || caller.has(Role.MONITOR)) && caller.agencyCode() != null) {
            params.put("agency", caller.agencyCode());
            return groupBy == GroupBy.RECEIVING_AGENCY ? "agency_code = :agency" : "handling_agency_code = :agency";
        }
        throw new ProblemException(HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    private String reportingUnit(StaffUser caller, Map<String, String> agencyNames) {
        return caller.agencyCode() == null ? "" : agencyNames.getOrDefault(caller.agencyCode(), caller.agencyCode());
    }

    // --- tracking book (Form 07) ------------------------------------------------------------------

    /**
     * The dossiers accepted in the period, in the order of acceptance, each with its line in its book; {@code
     * field} (optional) picks one field, matched ignoring case and diacritics. More than {@link #MAX_BOOK_ROWS}
     * lines → 422.
     */
    public TrackingBook trackingBook(LocalDate from, LocalDate to, String field, StaffUser caller, Locale locale) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where accepted_at >= :from and accepted_at < :end and ")
                .append(bookScope(caller, params));
        params.put("from", start(from));
        params.put("end", start(to.plusDays(1)));
        String wanted = field == null || field.isBlank() ? null : VietnameseText.normalize(field);
        if (wanted != null) {
            List<String> fields = jdbc.sql("select distinct field from dossier" + where).params(params)
                    .query(String.class).list().stream()
                    .filter(f -> VietnameseText.fold(f).equals(VietnameseText.fold(wanted))).toList();
            if (fields.isEmpty()) {
                return new TrackingBook(from, to, wanted, unitName(caller), List.of());
            }
            where.append(" and field in (:fields)");
            params.put("fields", fields);
        }
        params.put("limit", MAX_BOOK_ROWS + 1);
        record Line(String code, String procedureCode, String procedureName, String field, String applicant,
                String organizationName, String address, String phone, String leadUnit, Instant acceptedAt,
                Instant dueAt, Instant originalDueAt, Instant returnedAt, String returnMethod, String status,
                String closingReason, int sets, int book, int line) {

            /** The appointment on the receipt: the due time before an apology moved it. */
            Instant appointment() {
                return originalDueAt != null ? originalDueAt : dueAt;
            }
        }
        // Lines are numbered over the whole books the period touches (desk and field, from 1 January), then the
        // period and the caller's scope are picked out of them.
        params.put("bookStart", TrackingBooks.start(from));
        List<Line> lines = jdbc.sql("""
                select code, procedure_code, procedure_name, field, applicant_name, applicant_organization,
                       applicant_address, applicant_phone,
                       (select u from unnest(route_units) with ordinality as r(u, n)
                        where u <> desk_unit_code order by n limit 1) as lead_unit,
                       accepted_at, due_at, original_due_at, returned_at, return_method, status, closing_reason,
                       set_count, book, line
                from (select *, %s as book, %s as line from dossier
                      where accepted_at >= :bookStart and accepted_at < :end
                        and (desk_unit_code, field) in (select desk_unit_code, field from dossier%s)) as dossier"""
                .formatted(TrackingBooks.BOOK, TrackingBooks.LINE, where) + where + " order by accepted_at, id limit :limit")
                .params(params)
                .query((rs, n) -> new Line(rs.getString("code"), rs.getString("procedure_code"),
                        rs.getString("procedure_name"), rs.getString("field"), rs.getString("applicant_name"),
                        rs.getString("applicant_organization"), rs.getString("applicant_address"),
                        rs.getString("applicant_phone"), rs.getString("lead_unit"), instant(rs.getTimestamp("accepted_at")),
                        instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("original_due_at")),
                        instant(rs.getTimestamp("returned_at")), rs.getString("return_method"), rs.getString("status"),
                        rs.getString("closing_reason"), rs.getInt("set_count"), rs.getInt("book"), rs.getInt("line")))
                .list();
        if (lines.size() > MAX_BOOK_ROWS) {
            throw ProblemException.ruleViolated("report.tracking-book.too-many", MAX_BOOK_ROWS);
        }
        Set<String> unitCodes = new LinkedHashSet<>();
        lines.forEach(l -> {
            if (l.leadUnit() != null) {
                unitCodes.add(l.leadUnit());
            }
        });
        Map<String, UnitView> units = unitCodes.isEmpty() ? Map.of() : organization.units(unitCodes);
        Map<String, String> statusNames = new HashMap<>();
        List<BookEntry> items = new ArrayList<>(lines.size());
        for (Line l : lines) {
            DossierStatus status = DossierStatus.valueOf(l.status());
            UnitView lead = l.leadUnit() == null ? null : units.get(l.leadUnit());
            String applicant = l.organizationName() == null || l.organizationName().isBlank() ? l.applicant()
                    : l.applicant() + " (" + l.organizationName() + ")";
            OffsetDateTime rescheduled = l.originalDueAt() == null ? null : time(l.dueAt());
            items.add(new BookEntry(l.line(), l.book(), l.code(), l.procedureCode(), l.procedureName(), l.sets(), l.field(),
                    applicant, l.address(), l.phone(), l.leadUnit(), lead == null ? l.leadUnit() : lead.name(),
                    time(l.acceptedAt()), time(l.appointment()), rescheduled, time(l.returnedAt()), l.returnMethod(),
                    status.name(), status.code(), statusNames.computeIfAbsent(status.name(), s -> messages.getMessage(
                            "dossier-status." + s, null, s, locale)),
                    bookNote(status, rescheduled, l.closingReason(), locale)));
        }
        String shownField = wanted == null ? null
                : items.isEmpty() ? wanted : items.get(0).field();
        return new TrackingBook(from, to, shownField, unitName(caller), items);
    }

    /**
     * The book's "Ghi chú": the new date of an apology (the book keeps the first appointment), and why a dossier
     * was stopped or withdrawn.
     */
    private String bookNote(DossierStatus status, OffsetDateTime rescheduled, String closingReason, Locale locale) {
        List<String> notes = new ArrayList<>();
        if (rescheduled != null) {
            notes.add(messages.getMessage("report.tracking-book.note.rescheduled",
                    new Object[] {rescheduled.format(NOTE_TIME)}, locale));
        }
        if (status == DossierStatus.STOPPED || status == DossierStatus.WITHDRAWN) {
            notes.add(messages.getMessage("report.tracking-book.note." + status.name(),
                    new Object[] {closingReason == null ? "" : closingReason}, locale));
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static String bookScope(StaffUser caller, Map<String, Object> params) {
        if (caller.has(Role.ADMIN)) {
            return "true";
        }
        List<String> parts = new ArrayList<>();
        if ((caller.has(Role.LEADER) || caller.has(Role.MONITOR)) && caller.agencyCode() != null) {
            parts.add(":agency = any(route_agencies)");
            params.put("agency", caller.agencyCode());
        }
        if (caller.has(Role.RECEPTION) && caller.unitCode() != null) {
            parts.add("desk_unit_code = :unit");
            params.put("unit", caller.unitCode());
        }
        if (parts.isEmpty()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "problem.forbidden");
        }
        return "(" + String.join(" or ", parts) + ")";
    }

    /** Whose book it is: the desk for the one-stop desk, otherwise the caller's agency. */
    private String unitName(StaffUser caller) {
        if (!caller.has(Role.ADMIN) && !caller.has(Role.LEADER) && !caller.has(Role.MONITOR)
                && caller.unitCode() != null) {
            return organization.unit(caller.unitCode()).map(UnitView::name).orElse(caller.unitCode());
        }
        for (AgencyView agency : organization.agencies()) {
            if (agency.code().equals(caller.agencyCode())) {
                return agency.name();
            }
        }
        return caller.agencyCode() == null ? "" : caller.agencyCode();
    }

    // --- helpers ----------------------------------------------------------------------------------

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    public String vietnamese(String key, Object... args) {
        return messages.getMessage(key, args, key, VIETNAMESE);
    }

    public static Locale currentLocale() {
        return LocaleContextHolder.getLocale();
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(VietnamTime.ZONE).toInstant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
