package vn.motcua.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.notification.Notice;
import vn.motcua.notification.Notices;
import vn.motcua.organization.Organization;
import vn.motcua.platform.ClusterLock;
import vn.motcua.shared.VietnamTime;

/**
 * Reminds host units of their open tasks, on one node at a time, through the outbox: once when a task falls due
 * within {@code motcua.tasks.reminder-working-days} working days, once when it is overdue (the day after its due
 * date). An approved extension moves the due date and re-arms both reminders.
 */
@Component
public class TaskWatch {

    private static final Logger log = LoggerFactory.getLogger(TaskWatch.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ClusterLock clusterLock;
    private final Tasks tasks;
    private final Notices notices;
    private final Organization organization;
    private final MessageSource messages;
    private final TaskSettings settings;
    private final Clock clock;

    TaskWatch(JdbcClient jdbc, TransactionTemplate transaction, ClusterLock clusterLock, Tasks tasks,
            Notices notices, Organization organization, MessageSource messages, TaskSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clusterLock = clusterLock;
        this.tasks = tasks;
        this.notices = notices;
        this.organization = organization;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    private record Row(long id, String unit, String title, LocalDate due) {}

    /** What one pass did. */
    public record Pass(int dueSoon, int overdue) {}

    @Scheduled(fixedDelayString = "${motcua.tasks.watch-interval:1h}",
            initialDelayString = "${motcua.tasks.watch-interval:1h}")
    void scheduled() {
        clusterLock.runExclusively("task-watch", this::run);
    }

    /** One pass, on the caller's thread (tests call it; the schedule calls it under the cluster lock). */
    public Pass run() {
        Pass pass = transaction.execute(status -> {
            LocalDate today = LocalDate.now(clock.withZone(Tasks.VIETNAM));
            LocalDate soonLimit = tasks.nthWorkingDayAfter(today, settings.reminderWorkingDays());
            Timestamp now = Timestamp.from(clock.instant());
            List<Row> overdue = jdbc.sql("""
                    update assigned_task set overdue_noticed_at = ?
                    where completed_on is null and due_date < ? and overdue_noticed_at is null
                    returning id, host_unit_code, title, due_date""")
                    .params(now, TaskStore.date(today))
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate()))
                    .list();
            List<Row> soon = jdbc.sql("""
                    update assigned_task set due_soon_reminded_at = ?
                    where completed_on is null and due_date >= ? and due_date <= ? and due_soon_reminded_at is null
                    returning id, host_unit_code, title, due_date""")
                    .params(now, TaskStore.date(today), TaskStore.date(soonLimit))
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate()))
                    .list();
            remind(soon, "due-soon");
            remind(overdue, "overdue");
            return new Pass(soon.size(), overdue.size());
        });
        if (pass.dueSoon() + pass.overdue() > 0) {
            log.info("Task watch: {} tasks due soon and {} newly overdue reminded", pass.dueSoon(), pass.overdue());
        }
        return pass;
    }

    /** One e-mail per member of staff of each host unit, listing that unit's tasks. */
    private void remind(List<Row> rows, String kind) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (Row row : rows) {
            lines.computeIfAbsent(row.unit(), u -> new ArrayList<>())
                    .add("- #" + row.id() + " " + row.title() + " (" + VietnamTime.DATE.format(row.due()) + ")");
        }
        lines.forEach((unit, list) -> {
            Object[] args = {list.size(), settings.reminderWorkingDays()};
            String subject = messages.getMessage("task.notice." + kind + ".subject", args, VIETNAMESE);
            String body = messages.getMessage("task.notice." + kind + ".body", args, VIETNAMESE) + "\n\n"
                    + String.join("\n", list);
            for (String email : organization.staffEmails(unit)) {
                notices.enqueue(new Notice("TASK_" + kind.toUpperCase(Locale.ROOT).replace('-', '_'), email, null,
                        subject, body, List.of()));
            }
        });
    }
}
