package vn.motcua.tasks;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.platform.Uploads;
import vn.motcua.tasks.AssignedTask.Actor;
import vn.motcua.tasks.AssignedTask.Extension;
import vn.motcua.tasks.AssignedTask.ExtensionState;
import vn.motcua.tasks.AssignedTask.NewEvent;
import vn.motcua.tasks.AssignedTask.Source;

/**
 * Reads and writes tasks. The task row carries a version (a concurrent change answers 409); extension requests
 * are inserted once and updated only when decided; timeline events are only ever inserted.
 */
@Repository
class TaskStore {

    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AssignedTask> find(long id) {
        return jdbc.sql("select * from assigned_task where id = ?").param(id)
                .query((rs, n) -> restore(rs, extensions(rs.getLong("id"))))
                .optional();
    }

    boolean any() {
        return jdbc.sql("select exists (select 1 from assigned_task)").query(Boolean.class).single();
    }

    Optional<Long> findByIdempotencyKey(String createdBy, String key) {
        return jdbc.sql("select id from assigned_task where created_by = ? and idempotency_key = ?")
                .params(createdBy, key).query(Long.class).optional();
    }

    /** Inserts a new task (its id is set) or updates a loaded one, checking its version. */
    void save(AssignedTask task, Instant now, String username, String idempotencyKey) {
        if (task.id == null) {
            task.id = jdbc.sql("""
                    insert into assigned_task (agency_code, title, description, source_document_number,
                        source_document_date, source_summary, assigned_by, assigned_by_name, host_unit_code,
                        coordinating_unit_codes, assigned_on, original_due_date, due_date, priority, search_text,
                        created_by, created_at, idempotency_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[], ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(task.agencyCode, task.title, task.description,
                            task.source == null ? null : task.source.documentNumber(),
                            task.source == null ? null : date(task.source.documentDate()),
                            task.source == null ? null : task.source.summary(), task.assignedBy, task.assignedByName,
                            task.hostUnitCode, "{" + String.join(",", task.coordinatingUnitCodes) + "}",
                            date(task.assignedOn), date(task.originalDueDate), date(task.dueDate),
                            task.priority.name(), task.searchText(), username, Timestamp.from(now), idempotencyKey)
                    .query(Long.class).single();
        } else {
            int updated = jdbc.sql("""
                    update assigned_task set due_date = ?, due_changed_on = ?, progress_percent = ?, progress_note = ?,
                        progress_on = ?, completed_on = ?, result_summary = ?, result_document = ?,
                        due_soon_reminded_at = case when due_date is distinct from ? then null
                                                    else due_soon_reminded_at end,
                        overdue_noticed_at = case when due_date is distinct from ? then null
                                                  else overdue_noticed_at end,
                        version = version + 1
                    where id = ? and version = ?""")
                    .params(date(task.dueDate), date(task.dueChangedOn), task.progressPercent, task.progressNote,
                            date(task.progressOn), date(task.completedOn), task.resultSummary, task.resultDocument,
                            date(task.dueDate), date(task.dueDate), task.id, task.version)
                    .update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("task " + task.id + " changed concurrently");
            }
            task.version++;
        }
        for (Extension extension : task.extensions) {
            if (extension.changed) {
                jdbc.sql("""
                        insert into task_extension (task_id, number, proposed_due_date, reason, previous_due_date,
                            requested_by, requested_by_name, requested_at, state, decided_by, decided_by_name,
                            decided_on, decision_note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (task_id, number) do update set state = excluded.state,
                            decided_by = excluded.decided_by, decided_by_name = excluded.decided_by_name,
                            decided_on = excluded.decided_on, decision_note = excluded.decision_note""")
                        .params(task.id, extension.number, date(extension.proposedDueDate), extension.reason,
                                date(extension.previousDueDate), extension.requestedBy.username(),
                                extension.requestedBy.name(), Timestamp.from(extension.requestedAt),
                                extension.state.name(), extension.decidedBy == null ? null
                                        : extension.decidedBy.username(),
                                extension.decidedBy == null ? null : extension.decidedBy.name(),
                                date(extension.decidedOn), extension.decisionNote)
                        .update();
                extension.changed = false;
            }
        }
        for (NewEvent event : task.newEvents) {
            jdbc.sql("""
                    insert into task_event (task_id, kind, occurred_on, recorded_at, actor, actor_name, percent, note,
                        due_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(task.id, event.kind().name(), date(event.occurredOn()), Timestamp.from(now),
                            event.actor() == null ? null : event.actor().username(),
                            event.actor() == null ? null : event.actor().name(), event.percent(), event.note(),
                            date(event.dueDate()))
                    .update();
        }
        task.newEvents.clear();
    }

    /** Records a stored file of a task; returns its id. Files are never changed. */
    long attach(long taskId, TaskViews.AttachmentPurpose purpose, Uploads.Accepted file, String username,
            Instant now) {
        return jdbc.sql("""
                insert into task_attachment (task_id, purpose, name, size, content_type, sha256, uploaded_by,
                    uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(taskId, purpose.name(), file.name(), file.size(), file.contentType(), file.sha256(), username,
                        Timestamp.from(now))
                .query(Long.class).single();
    }

    private List<Extension> extensions(long taskId) {
        return jdbc.sql("select * from task_extension where task_id = ? order by number").param(taskId)
                .query((rs, n) -> new Extension(rs.getInt("number"), localDate(rs, "proposed_due_date"),
                        rs.getString("reason"), localDate(rs, "previous_due_date"),
                        new Actor(rs.getString("requested_by"), rs.getString("requested_by_name")),
                        rs.getTimestamp("requested_at").toInstant(), ExtensionState.valueOf(rs.getString("state")),
                        rs.getString("decided_by") == null ? null
                                : new Actor(rs.getString("decided_by"), rs.getString("decided_by_name")),
                        localDate(rs, "decided_on"), rs.getString("decision_note")))
                .list();
    }

    private static AssignedTask restore(ResultSet rs, List<Extension> extensions) throws SQLException {
        Array coordinating = rs.getArray("coordinating_unit_codes");
        return new AssignedTask(rs.getLong("id"), rs.getString("agency_code"), rs.getString("title"),
                rs.getString("description"),
                new Source(rs.getString("source_document_number"), localDate(rs, "source_document_date"),
                        rs.getString("source_summary")),
                rs.getLong("assigned_by"), rs.getString("assigned_by_name"), rs.getString("host_unit_code"),
                Arrays.asList((String[]) coordinating.getArray()), localDate(rs, "assigned_on"),
                localDate(rs, "original_due_date"), localDate(rs, "due_date"), localDate(rs, "due_changed_on"),
                Priority.valueOf(rs.getString("priority")), rs.getInt("progress_percent"),
                rs.getString("progress_note"), localDate(rs, "progress_on"), localDate(rs, "completed_on"),
                rs.getString("result_summary"), rs.getString("result_document"), extensions, rs.getInt("version"));
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    static Date date(LocalDate value) {
        return value == null ? null : Date.valueOf(value);
    }
}
