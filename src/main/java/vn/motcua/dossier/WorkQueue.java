package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Catalog;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * The work queues: what waits at a unit, of it what the caller may see ({@link DossierScope}), most urgent first.
 * Urgency is the nearer of the step's due time and the dossier's; "due soon" means within one working day,
 * "overdue" that it has passed. Only dossiers someone can act on are queued (new at the desk, in process, result
 * ready), which keeps the queue index small however long the history grows. A new online dossier's step is the
 * desk's check, due by the online intake's clock ({@link OnlineIntakeClock}): one past that time is flagged
 * {@code checkOverdue} as well.
 */
@Service
@Transactional(readOnly = true)
public class WorkQueue {

    public enum Scope { MINE, UNIT }

    public enum Due { SOON, OVERDUE, ALL }

    /**
     * A dossier in a queue; {@code checkDueAt} is the desk's check deadline of an online dossier, {@code
     * checkOverdue} that the dossier still waits for that check past it.
     */
    public record Item(String code, DossierStatus status, int statusCode, String procedureCode, String procedureName,
            String applicantName, int step, String stepName, String stepRole, OffsetDateTime stepDueAt,
            OffsetDateTime dueAt, boolean overdue, boolean dueSoon, int revision, Channel channel,
            OffsetDateTime checkDueAt, boolean checkOverdue) {}

    /**
     * A unit's load for the leader's view, and how its hand-overs fared over the last 90 days; {@code checksOverdue}
     * counts the online dossiers waiting for the desk's check past its deadline (included in {@code overdue}).
     */
    public record UnitLoad(String unitCode, String unitName, long waiting, long dueSoon, long overdue,
            long checksOverdue, long handovers, long handoversOnTime, Double onTimeRate) {}

    /** An online dossier still waiting for the desk's check past its deadline. */
    private static final String CHECK_OVERDUE = DossierStatus.sql(Set.of(DossierStatus.NEW))
            + " and check_due_at < :now";

    private static final String QUEUED = DossierStatus.sql(DossierStatus.QUEUED);

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Organization organization;
    private final ProcessClock processClock;
    private final Clock clock;

    WorkQueue(JdbcClient jdbc, Catalog catalog, Organization organization, ProcessClock processClock, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.organization = organization;
        this.processClock = processClock;
        this.clock = clock;
    }

    public Page<Item> queue(Scope scope, Due due, StaffUser caller, int page, int size) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant horizon = processClock.oneWorkingDayAfter(now);
        Map<String, Object> params = new HashMap<>();
        // Of what waits at the unit, only what the caller may see in the dossier list: a clerk of the desk's unit
        // is shown none of the desk's applicants.
        StringBuilder where = new StringBuilder(" where step_unit_code = :unit and " + QUEUED + " and "
                + new DossierScope(caller).where(params));
        params.put("unit", caller.unitCode());
        if (scope == Scope.MINE) {
            where.append(" and step_role in (:roles)");
            params.put("roles", caller.roles().stream().map(Role::name).toList());
        }
        params.put("now", Timestamp.from(now));
        params.put("horizon", Timestamp.from(horizon));
        if (due == Due.OVERDUE) {
            where.append(" and least(step_due_at, due_at) < :now");
        } else if (due == Due.SOON) {
            where.append(" and least(step_due_at, due_at) >= :now and least(step_due_at, due_at) < :horizon");
        }
        long total = jdbc.sql("select count(*) from dossier" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Item> items = jdbc.sql("""
                select code, status, procedure_code, procedure_version, procedure_name, applicant_name, current_step,
                       step_role, step_due_at, due_at, lock_version, least(step_due_at, due_at) < :now as overdue,
                       least(step_due_at, due_at) < :horizon as soon, channel, check_due_at,
                       coalesce(%s, false) as check_overdue
                from dossier""".formatted(CHECK_OVERDUE) + where
                        + " order by least(step_due_at, due_at) nulls last, id limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    DossierStatus status = DossierStatus.valueOf(rs.getString("status"));
                    int step = rs.getInt("current_step");
                    String stepName = catalog.version(rs.getString("procedure_code"), rs.getInt("procedure_version"))
                            .map(p -> Route.of(p).step(step).name()).orElse("");
                    boolean overdue = rs.getBoolean("overdue");
                    return new Item(rs.getString("code"), status, status.code(), rs.getString("procedure_code"),
                            rs.getString("procedure_name"), rs.getString("applicant_name"), step, stepName,
                            rs.getString("step_role"), time(rs.getTimestamp("step_due_at")), time(rs.getTimestamp("due_at")),
                            overdue, !overdue && rs.getBoolean("soon"), rs.getInt("lock_version"),
                            Channel.valueOf(rs.getString("channel")), time(rs.getTimestamp("check_due_at")),
                            rs.getBoolean("check_overdue"));
                })
                .list();
        return new Page<>(items, total, page, size);
    }

    /**
     * The leader's view: per unit of the caller's agency (all agencies for an administrator), what waits,
     * what is due soon or overdue, and the share of hand-overs made on time (early or on time) in 90 days.
     */
    public List<UnitLoad> units(StaffUser caller) {
        if (!caller.has(Role.LEADER) && !caller.has(Role.MONITOR) && !caller.has(Role.ADMIN)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "problem.forbidden");
        }
        Instant now = clock.instant();
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamp.from(now));
        params.put("horizon", Timestamp.from(processClock.oneWorkingDayAfter(now)));
        params.put("since", Timestamp.from(now.minus(90, ChronoUnit.DAYS)));
        String agencyFilter = "";
        if (!caller.has(Role.ADMIN)) {
            agencyFilter = " and :agency = any(route_agencies)";
            params.put("agency", caller.agencyCode());
        }
        Map<String, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("select step_unit_code, count(*), count(*) filter (where least(step_due_at, due_at) >= :now"
                        + " and least(step_due_at, due_at) < :horizon), count(*) filter (where least(step_due_at, due_at) < :now),"
                        + " count(*) filter (where " + CHECK_OVERDUE + ")"
                        + " from dossier where step_unit_code is not null and " + QUEUED + agencyFilter
                        + " group by step_unit_code")
                .params(params)
                .query(rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString(1), u -> new long[4]);
                    c[0] = rs.getLong(2);
                    c[1] = rs.getLong(3);
                    c[2] = rs.getLong(4);
                    c[3] = rs.getLong(5);
                });
        Map<String, long[]> handovers = new HashMap<>();
        jdbc.sql("select from_unit, count(*), count(*) filter (where timeliness in ('EARLY', 'ON_TIME'))"
                        + " from dossier_handover where at >= :since and action <> 'SEND_BACK' group by from_unit")
                .params(params)
                .query(rs -> {
                    handovers.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<UnitView> units = caller.has(Role.ADMIN)
                ? organization.agencies().stream().flatMap(a -> organization.units(a.code()).stream()).toList()
                : organization.units(caller.agencyCode());
        Map<String, UnitView> byCode = new LinkedHashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        // Units of other agencies that hold the caller's dossiers (liên thông) are shown too.
        byCode.putAll(organization.units(counts.keySet().stream().filter(c -> !byCode.containsKey(c)).toList()));
        return byCode.values().stream()
                .filter(u -> counts.containsKey(u.code()) || handovers.containsKey(u.code()))
                .map(u -> {
                    long[] c = counts.getOrDefault(u.code(), new long[4]);
                    long[] h = handovers.getOrDefault(u.code(), new long[2]);
                    return new UnitLoad(u.code(), u.name(), c[0], c[1], c[2], c[3], h[0], h[1],
                            h[0] == 0 ? null : Math.round(1000.0 * h[1] / h[0]) / 10.0);
                })
                .toList();
    }

    private static OffsetDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
