package vn.motcua.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.ProblemException;
import vn.motcua.tasks.AssignedTask.Actor;

/** The derived status at its boundaries, and the aggregate's rules, without a database. */
class AssignedTaskTest {

    static final Actor MONITOR = new Actor("giamsat", "Vũ Thanh Hương");
    static final Actor HOST = new Actor("chuyenvien", "Lê Minh Tuấn");
    static final LocalDate ASSIGNED = LocalDate.of(2026, 3, 2);
    static final LocalDate DUE = LocalDate.of(2026, 3, 20);

    static AssignedTask task(LocalDate due) {
        return AssignedTask.assign("000.00.01.H27", "Rà soát thủ tục hành chính", null, null, 1, "Nguyễn Văn Tùng",
                "VP.KSTT", List.of("VP.TH", "VP.KSTT"), ASSIGNED, due, null, ASSIGNED, MONITOR);
    }

    @Test
    void completed_on_the_due_date_is_on_time_and_a_day_later_is_late() {
        AssignedTask onDueDate = task(DUE);
        onDueDate.complete("Đã báo cáo", null, DUE, DUE, HOST);
        assertThat(onDueDate.statusOn(DUE)).isEqualTo(TaskStatus.COMPLETED_ON_TIME);

        AssignedTask dayAfter = task(DUE);
        dayAfter.complete("Đã báo cáo", null, DUE.plusDays(1), DUE.plusDays(1), HOST);
        assertThat(dayAfter.statusOn(DUE.plusDays(1))).isEqualTo(TaskStatus.COMPLETED_LATE);
        // before the completion date it was still open, and on the due date itself within the deadline
        assertThat(dayAfter.statusOn(DUE)).isEqualTo(TaskStatus.IN_PROGRESS_WITHIN_DEADLINE);
    }

    @Test
    void an_open_task_is_within_the_deadline_on_its_due_date_and_overdue_the_day_after() {
        AssignedTask task = task(DUE);
        assertThat(task.statusOn(ASSIGNED)).isEqualTo(TaskStatus.IN_PROGRESS_WITHIN_DEADLINE);
        assertThat(task.statusOn(DUE)).isEqualTo(TaskStatus.IN_PROGRESS_WITHIN_DEADLINE);
        assertThat(task.statusOn(DUE.plusDays(1))).isEqualTo(TaskStatus.IN_PROGRESS_OVERDUE);
    }

    @Test
    void an_approved_extension_moves_the_due_date_from_the_day_of_approval_on() {
        AssignedTask task = task(DUE);
        task.requestExtension(DUE.plusDays(10), "Chờ ý kiến các sở", Instant.now(), DUE.minusDays(3), HOST);
        assertThat(task.statusOn(DUE.plusDays(1))).isEqualTo(TaskStatus.IN_PROGRESS_OVERDUE);
        task.approveExtension(1, null, DUE.plusDays(2), MONITOR);

        assertThat(task.dueDate).isEqualTo(DUE.plusDays(10));
        // as things stood before the approval, the task was overdue; from the approval on it is within the deadline
        assertThat(task.statusOn(DUE.plusDays(1))).isEqualTo(TaskStatus.IN_PROGRESS_OVERDUE);
        assertThat(task.statusOn(DUE.plusDays(2))).isEqualTo(TaskStatus.IN_PROGRESS_WITHIN_DEADLINE);
        task.complete("Xong", null, DUE.plusDays(10), DUE.plusDays(10), HOST);
        assertThat(task.statusOn(DUE.plusDays(10))).isEqualTo(TaskStatus.COMPLETED_ON_TIME);
    }

    @Test
    void a_regular_task_has_no_deadline_while_open_and_is_on_time_once_completed() {
        AssignedTask task = task(null);
        assertThat(task.statusOn(ASSIGNED.plusYears(1))).isEqualTo(TaskStatus.NO_DEADLINE);
        assertThatThrownBy(() -> task.requestExtension(DUE, "x", Instant.now(), ASSIGNED, HOST))
                .isInstanceOf(ProblemException.class).hasMessage("task.extension.no-deadline");
        task.complete("Xong", null, ASSIGNED.plusYears(1), ASSIGNED.plusYears(1), HOST);
        assertThat(task.statusOn(ASSIGNED.plusYears(1))).isEqualTo(TaskStatus.COMPLETED_ON_TIME);
    }

    @Test
    void dates_and_text_are_checked() {
        assertThatThrownBy(() -> task(ASSIGNED.minusDays(1)))
                .isInstanceOf(ProblemException.class).hasMessage("task.due-date.before-assignment");
        assertThatThrownBy(() -> AssignedTask.assign("A", "  ", null, null, 1, "X", "U", List.of(), ASSIGNED, DUE,
                null, ASSIGNED, MONITOR)).hasMessage("task.title.required");
        assertThatThrownBy(() -> AssignedTask.assign("A", "T", null, null, 1, "X", "U", List.of(),
                ASSIGNED.plusDays(1), DUE, null, ASSIGNED, MONITOR)).hasMessage("task.assigned-on.future");

        AssignedTask task = task(DUE);
        assertThat(task.coordinatingUnitCodes).containsExactly("VP.TH"); // the host is not its own coordinator
        assertThatThrownBy(() -> task.reportProgress(101, null, ASSIGNED, HOST)).hasMessage("task.progress.percent-range");
        assertThatThrownBy(() -> task.complete("Xong", null, ASSIGNED.plusDays(5), ASSIGNED.plusDays(4), HOST))
                .hasMessage("task.complete.future");
        assertThatThrownBy(() -> task.complete("Xong", null, ASSIGNED.minusDays(1), ASSIGNED, HOST))
                .hasMessage("task.complete.before-assignment");
        assertThatThrownBy(() -> task.requestExtension(DUE, "x", Instant.now(), ASSIGNED, HOST))
                .hasMessage("task.extension.date-not-later");
    }

    @Test
    void one_extension_request_at_a_time_decided_once_and_nothing_after_completion() {
        AssignedTask task = task(DUE);
        task.requestExtension(DUE.plusDays(5), "Lý do", Instant.now(), ASSIGNED, HOST);
        assertThatThrownBy(() -> task.requestExtension(DUE.plusDays(9), "Lý do", Instant.now(), ASSIGNED, HOST))
                .hasMessage("task.extension.pending");
        task.denyExtension(1, "Không đồng ý", ASSIGNED.plusDays(1), MONITOR);
        assertThatThrownBy(() -> task.approveExtension(1, null, ASSIGNED.plusDays(1), MONITOR))
                .hasMessage("task.extension.decided");
        assertThat(task.dueDate).isEqualTo(DUE);

        task.requestExtension(DUE.plusDays(9), "Lý do mới", Instant.now(), ASSIGNED.plusDays(2), HOST);
        task.complete("Xong", null, ASSIGNED.plusDays(3), ASSIGNED.plusDays(3), HOST);
        // completion closes the pending request
        assertThat(task.extensions.get(1).state).isEqualTo(AssignedTask.ExtensionState.DENIED);
        assertThatThrownBy(() -> task.reportProgress(50, null, ASSIGNED.plusDays(4), HOST))
                .hasMessage("task.completed");
        assertThat(task.newEvents).extracting(AssignedTask.NewEvent::kind).containsExactly(
                AssignedTask.EventKind.ASSIGNED, AssignedTask.EventKind.EXTENSION_REQUESTED,
                AssignedTask.EventKind.EXTENSION_DENIED, AssignedTask.EventKind.EXTENSION_REQUESTED,
                AssignedTask.EventKind.EXTENSION_DENIED, AssignedTask.EventKind.COMPLETED);
    }
}
