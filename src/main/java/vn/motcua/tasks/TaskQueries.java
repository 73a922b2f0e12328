package vn.motcua.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.shared.VietnameseText;
import vn.motcua.tasks.TaskViews.Breakdown;
import vn.motcua.tasks.TaskViews.ExportRow;
import vn.motcua.tasks.TaskViews.Source;
import vn.motcua.tasks.TaskViews.Statistics;
import vn.motcua.tasks.TaskViews.TimelineEntry;

/**
 * Lists and statistics computed in the database, so that they stay fast with a hundred thousand tasks. The
 * status rule of {@link TaskStatus#of} is repeated here in SQL ({@link #STATUS}); a test holds the two equal.
 * The status is computed in a subquery fenced with {@code offset 0}: otherwise PostgreSQL pulls the subquery
 * up and evaluates the whole expression once for every reference to it (eight times a row in the statistics).
 * A status filter also narrows the scan to what the status implies: done by that day or not
 * (scripts/benchmark-tasks.sh measures both).
 */
@Component
class TaskQueries {

    /**
     * The due date in force at the end of day {@code :d}: the current one, unless it was extended after that
     * day; then the latest extension approved by then, else the original (only past days need the look-up).
     */
    static final String DUE_ON = """
            (case when t.due_changed_on is null or t.due_changed_on <= :d then t.due_date
                  else coalesce((select e.proposed_due_date from task_extension e
                                 where e.task_id = t.id and e.state = 'APPROVED' and e.decided_on <= :d
                                 order by e.number desc limit 1), t.original_due_date) end)""";

    /** {@link TaskStatus#of} at the end of day {@code :d}. */
    static final String STATUS = """
            (case when t.completed_on <= :d then
                       case when t.due_date is null or t.completed_on <= t.due_date then 'COMPLETED_ON_TIME'
                            else 'COMPLETED_LATE' end
                  when %1$s is null then 'NO_DEADLINE'
                  when %1$s < :d then 'IN_PROGRESS_OVERDUE'
                  else 'IN_PROGRESS_WITHIN_DEADLINE' end)""".formatted(DUE_ON);

    /** Which tasks a caller sees: the whole agency's, or those of a unit as host or coordinator. */
    record Scope(String agencyCode, String unitCode, boolean wholeAgency) {

        /** The rule of {@link #where} for one task already loaded. */
        boolean sees(AssignedTask task) {
            return wholeAgency ? task.agencyCode.equals(agencyCode)
                    : task.hostUnitCode.equals(unitCode) || task.coordinatingUnitCodes.contains(unitCode);
        }

        String where(Map<String, Object> params) {
            if (wholeAgency) {
                params.put("agency", agencyCode);
                return "t.agency_code = :agency";
            }
            params.put("scopeUnit", unitCode);
            return "(t.host_unit_code = :scopeUnit or :scopeUnit = any(t.coordinating_unit_codes))";
        }
    }

    /** Filters of a list; null or blank means any. */
    record Filter(TaskStatus status, String unitCode, Long assignedBy, String query) {}

    /** A row of a list before unit names and working days are added. */
    record Row(long id, String title, String sourceDocumentNumber, long assignedBy, String assignedByName,
            String hostUnitCode, LocalDate assignedOn, LocalDate dueDate, Priority priority, TaskStatus status,
            int progressPercent, LocalDate progressOn, LocalDate completedOn) {}

    record Rows(List<Row> rows, long total) {}

    private final JdbcClient jdbc;

    TaskQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Open tasks first, overdue at the top, then by due date; completed ones last, the latest first. The page is
     * chosen on narrow rows (id, status and sort keys: a top-N sort in memory), then only its rows are read whole;
     * the total is counted apart, and not at all when the first page is not full.
     */
    Rows list(Scope scope, Filter filter, LocalDate day, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        String statusFilter = filter.status() == null ? "" : "where x.status = :status";
        String order = """
                case %1$s.status when 'IN_PROGRESS_OVERDUE' then 0 when 'IN_PROGRESS_WITHIN_DEADLINE' then 1
                                 when 'NO_DEADLINE' then 2 else 3 end,
                %1$s.due_on nulls last, %1$s.completed_on desc nulls last, %1$s.id desc""";
        List<Row> rows = sql(day, """
                with chosen as (
                    select x.* from (select t.id, %s as due_on, %s as status, t.completed_on
                                     from assigned_task t where %s offset 0) x
                    %s
                    order by %s
                    limit :limit offset :offset)
                select p.id, p.due_on, p.status, p.completed_on, t.title, t.source_document_number, t.assigned_by,
                       t.assigned_by_name, t.host_unit_code, t.assigned_on, t.priority, t.progress_percent,
                       t.progress_on
                from chosen p join assigned_task t on t.id = p.id
                order by %s""".formatted(DUE_ON, STATUS, where, statusFilter, order.formatted("x"),
                        order.formatted("p")))
                .params(params)
                .query((rs, n) -> row(rs))
                .list();
        long total = page == 0 && rows.size() < size ? rows.size()
                : sql(day, filter.status() == null ? "select count(*) from assigned_task t where " + where
                        : "select count(*) from (select %s as status from assigned_task t where %s offset 0) x %s"
                                .formatted(STATUS, where, statusFilter))
                        .params(params).query(Long.class).single();
        return new Rows(rows, total);
    }

    Statistics statistics(Scope scope, String unitCode, LocalDate day) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, new Filter(null, unitCode, null, null), params);
        return sql(day, counts("") + " from (select %s as status from assigned_task t where %s offset 0) x"
                        .formatted(STATUS, where))
                .params(params)
                .query((rs, n) -> statistics(rs))
                .single();
    }

    /** Statistics per host unit ({@code byLeader} false) or per assigning leader, largest first. */
    List<Breakdown> breakdown(Scope scope, LocalDate day, boolean byLeader) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, new Filter(null, null, null, null), params);
        String key = byLeader ? "t.assigned_by::text" : "t.host_unit_code";
        String name = byLeader ? "t.assigned_by_name" : "t.host_unit_code";
        return sql(day, counts("x.key, min(x.name) as name,")
                        + " from (select %s as key, %s as name, %s as status from assigned_task t where %s offset 0) x"
                        .formatted(key, name, STATUS, where)
                        + " group by x.key order by count(*) desc, x.key")
                .params(params)
                .query((rs, n) -> new Breakdown(rs.getString("key"), rs.getString("name"), statistics(rs)))
                .list();
    }

    /**
     * The dashboard's figures in one pass over the tasks (grouping sets): the whole, per host unit and per assigning
     * leader; as cheap as any one of {@link #statistics} and {@link #breakdown}.
     */
    TaskViews.Overview overview(Scope scope, LocalDate day) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, new Filter(null, null, null, null), params);
        Statistics[] total = {Statistics.NONE};
        List<Breakdown> units = new java.util.ArrayList<>();
        List<Breakdown> leaders = new java.util.ArrayList<>();
        sql(day, counts("grouping(x.unit) as by_leader, grouping(x.leader) as by_unit, x.unit, x.leader, "
                        + "min(x.leader_name) as leader_name,")
                        + """
                         from (select t.host_unit_code as unit, t.assigned_by as leader, t.assigned_by_name as leader_name,
                                     %s as status from assigned_task t where %s offset 0) x
                        group by grouping sets ((), (x.unit), (x.leader))
                        order by count(*) desc, x.unit, x.leader""".formatted(STATUS, where))
                .params(params)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    boolean byUnit = rs.getInt("by_unit") == 1;
                    boolean byLeader = rs.getInt("by_leader") == 1;
                    if (byUnit && !byLeader) {
                        units.add(new Breakdown(rs.getString("unit"), rs.getString("unit"), statistics(rs)));
                    } else if (byLeader && !byUnit) {
                        leaders.add(new Breakdown(rs.getString("leader"), rs.getString("leader_name"), statistics(rs)));
                    } else {
                        total[0] = statistics(rs);
                    }
                });
        return new TaskViews.Overview(total[0], units, leaders);
    }

    List<TimelineEntry> timeline(long taskId) {
        return jdbc.sql("select * from task_event where task_id = ? order by occurred_on, id").param(taskId)
                .query((rs, n) -> new TimelineEntry(rs.getString("kind"), TaskStore.localDate(rs, "occurred_on"),
                        rs.getTimestamp("recorded_at").toInstant().atOffset(ZoneOffset.ofHours(7)),
                        rs.getString("actor_name"), (Integer) rs.getObject("percent"), rs.getString("note"),
                        TaskStore.localDate(rs, "due_date")))
                .list();
    }

    List<TaskViews.Attachment> attachments(long taskId) {
        return jdbc.sql("select * from task_attachment where task_id = ? order by id").param(taskId)
                .query((rs, n) -> attachment(rs)).list();
    }

    /** A file of a task, with where its bytes are in the file store. */
    record StoredAttachment(TaskViews.Attachment attachment, String sha256) {}

    java.util.Optional<StoredAttachment> attachment(long taskId, long attachmentId) {
        return jdbc.sql("select * from task_attachment where task_id = ? and id = ?").params(taskId, attachmentId)
                .query((rs, n) -> new StoredAttachment(attachment(rs), rs.getString("sha256"))).optional();
    }

    /** Every task visible to the scope, as of the end of {@code day}, with the latest progress reported by then. */
    void export(Scope scope, LocalDate day, Consumer<ExportRow> sink) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, new Filter(null, null, null, null), params);
        sql(day, """
                select t.id, t.title, t.source_document_number, t.source_document_date, t.source_summary,
                       t.assigned_by_name, t.host_unit_code, t.assigned_on, %s as due_on, %s as status,
                       p.percent, p.note, p.occurred_on, case when t.completed_on <= :d then t.completed_on end as done
                from assigned_task t
                left join lateral (select e.percent, e.note, e.occurred_on from task_event e
                                   where e.task_id = t.id and e.kind = 'PROGRESS' and e.occurred_on <= :d
                                   order by e.id desc limit 1) p on true
                where %s
                order by t.host_unit_code, t.assigned_on, t.id""".formatted(DUE_ON, STATUS, where))
                .params(params)
                .query(rs -> {
                    sink.accept(new ExportRow(rs.getLong("id"), rs.getString("title"),
                            new Source(rs.getString("source_document_number"),
                                    TaskStore.localDate(rs, "source_document_date"), rs.getString("source_summary")),
                            rs.getString("assigned_by_name"), rs.getString("host_unit_code"),
                            TaskStore.localDate(rs, "assigned_on"), TaskStore.localDate(rs, "due_on"),
                            TaskStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("percent"),
                            rs.getString("note"), TaskStore.localDate(rs, "occurred_on"),
                            TaskStore.localDate(rs, "done")));
                });
    }

    /**
     * A statement whose day {@code :d} is written into the text as a date literal, not bound: with a bound day
     * the JDBC driver's prepared statement falls back to a generic plan after five runs, which guesses a third of
     * the rows and sorts them on disk to group (measured: 66 → 122 ms with 100,000 tasks). A {@link LocalDate}
     * prints as {@code YYYY-MM-DD}, nothing else.
     */
    private org.springframework.jdbc.core.simple.JdbcClient.StatementSpec sql(LocalDate day, String text) {
        return jdbc.sql(DAY.matcher(text).replaceAll("date '" + day + "'"));
    }

    private static final java.util.regex.Pattern DAY = java.util.regex.Pattern.compile(":d\\b");

    /** Tasks assigned by the end of {@code day}, in the scope and matching the filter (status aside). */
    private static String where(Scope scope, Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(scope.where(params)).append(" and t.assigned_on <= :d");
        if (filter.status() != null) {
            params.put("status", filter.status().name());
            // implied by STATUS, whose first test is completed_on <= :d; lets the index on completed_on serve
            where.append(filter.status().completed() ? " and t.completed_on <= :d"
                    : " and (t.completed_on is null or t.completed_on > :d)");
        }
        if (filter.unitCode() != null && !filter.unitCode().isBlank()) {
            where.append(" and t.host_unit_code = :unit");
            params.put("unit", filter.unitCode());
        }
        if (filter.assignedBy() != null) {
            where.append(" and t.assigned_by = :assignedBy");
            params.put("assignedBy", filter.assignedBy());
        }
        String[] words = VietnameseText.fold(filter.query()).split(" ");
        for (int i = 0; i < words.length && i < 10; i++) {
            String word = words[i].replace("\\", "").replace("%", "").replace("_", "");
            if (!word.isEmpty()) {
                where.append(" and t.search_text like :q").append(i);
                params.put("q" + i, "%" + word + "%");
            }
        }
        return where.toString();
    }

    private static String counts(String keys) {
        return """
                select %s count(*) as received,
                       count(*) filter (where x.status like 'COMPLETED%%') as completed,
                       count(*) filter (where x.status = 'COMPLETED_ON_TIME') as on_time,
                       count(*) filter (where x.status = 'COMPLETED_LATE') as late,
                       count(*) filter (where x.status not like 'COMPLETED%%') as in_progress,
                       count(*) filter (where x.status = 'IN_PROGRESS_WITHIN_DEADLINE') as within,
                       count(*) filter (where x.status = 'IN_PROGRESS_OVERDUE') as overdue,
                       count(*) filter (where x.status = 'NO_DEADLINE') as no_deadline""".formatted(keys);
    }

    private static Statistics statistics(ResultSet rs) throws SQLException {
        return new Statistics(rs.getLong("received"), rs.getLong("completed"), rs.getLong("on_time"),
                rs.getLong("late"), rs.getLong("in_progress"), rs.getLong("within"), rs.getLong("overdue"),
                rs.getLong("no_deadline"));
    }

    private static TaskViews.Attachment attachment(ResultSet rs) throws SQLException {
        return new TaskViews.Attachment(rs.getLong("id"), TaskViews.AttachmentPurpose.valueOf(rs.getString("purpose")),
                rs.getString("name"), rs.getLong("size"), rs.getString("content_type"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant().atOffset(ZoneOffset.ofHours(7)));
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("source_document_number"),
                rs.getLong("assigned_by"), rs.getString("assigned_by_name"), rs.getString("host_unit_code"),
                TaskStore.localDate(rs, "assigned_on"), TaskStore.localDate(rs, "due_on"),
                Priority.valueOf(rs.getString("priority")), TaskStatus.valueOf(rs.getString("status")),
                rs.getInt("progress_percent"), TaskStore.localDate(rs, "progress_on"),
                TaskStore.localDate(rs, "completed_on"));
    }
}
