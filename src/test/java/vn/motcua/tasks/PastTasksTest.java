package vn.motcua.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.identity.Identity;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.support.IntegrationTest;

/**
 * Tasks entered afterwards, act by act: each act dated by the day it happened, under the task's own rules. Each
 * test enters its task for the Department of Construction and rolls it back, so that no figure of other tests
 * moves.
 */
@IntegrationTest
class PastTasksTest {

    static final ZoneId VIETNAM = VietnamTime.ZONE;
    static final String CONSTRUCTION = "000.00.07.H27";

    @Autowired
    PastTasks pastTasks;

    @Autowired
    Tasks tasks;

    @Autowired
    Identity identity;

    @Autowired
    TransactionTemplate transaction;

    PastTasks.Actor monitor = new PastTasks.Actor("giamsat", "Vũ Thanh Hương");
    PastTasks.Actor host = new PastTasks.Actor(null, "Trưởng phòng Quản lý hoạt động xây dựng");

    static Instant at(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(LocalTime.of(16, 0)).atZone(VIETNAM).toInstant();
    }

    PastTasks.PastTask assign(LocalDate on, LocalDate due) {
        var chairman = tasks.assigners().get(0);
        return pastTasks.assign(new PastTasks.Assignment(CONSTRUCTION, "Rà soát quy trình cấp phép xây dựng (nhập sau)",
                null, new Tasks.SourceForm("12/TB-UBND", on, "Thông báo kết luận"), chairman.id(), chairman.name(),
                "SXD.QLXD", List.of(), on, due, Priority.HIGH), on.atTime(16, 0).atZone(VIETNAM).toInstant(), monitor);
    }

    @Test
    void a_task_entered_afterwards_keeps_the_days_its_acts_happened_and_reads_like_a_live_one() {
        var leader = identity.user("lanhdao.sxd").orElseThrow();
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            PastTasks.PastTask task = assign(LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 30));
            task.reportProgress(40, "Đã có đề cương", at(2018, 3, 15), host);
            int request = task.requestExtension(LocalDate.of(2018, 4, 20), "Chờ ý kiến các quận", at(2018, 3, 26),
                    host);
            task.approveExtension(request, "Đồng ý", at(2018, 3, 28), monitor);
            task.complete("Đã hoàn thành", "15/BC-SXD", at(2018, 4, 10), host);

            TaskViews.TaskView view = tasks.task(task.id(), leader);
            assertThat(view.assignedOn()).isEqualTo(LocalDate.of(2018, 3, 1));
            assertThat(view.originalDueDate()).isEqualTo(LocalDate.of(2018, 3, 30));
            assertThat(view.dueDate()).isEqualTo(LocalDate.of(2018, 4, 20));
            assertThat(view.completedOn()).isEqualTo(LocalDate.of(2018, 4, 10));
            assertThat(view.status()).isEqualTo(TaskStatus.COMPLETED_ON_TIME);
            assertThat(view.timeline()).extracting(TaskViews.TimelineEntry::kind).containsExactly("ASSIGNED",
                    "PROGRESS", "EXTENSION_REQUESTED", "EXTENSION_APPROVED", "COMPLETED");
            assertThat(view.timeline()).extracting(TaskViews.TimelineEntry::occurredOn).containsExactly(
                    LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 15), LocalDate.of(2018, 3, 26),
                    LocalDate.of(2018, 3, 28), LocalDate.of(2018, 4, 10));
            assertThat(view.timeline().get(4).recordedAt().toInstant()).isEqualTo(at(2018, 4, 10));
            // As things stood on the original due date: within the extended deadline, not overdue.
            TaskViews.Statistics march = tasks.statistics(LocalDate.of(2018, 3, 31), "SXD.QLXD", leader);
            assertThat(march.inProgressWithinDeadline()).isEqualTo(1);
            assertThat(march.inProgressOverdue()).isZero();
        });
    }

    @Test
    void the_tasks_rules_hold_on_the_day_of_each_act() {
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThatThrownBy(() -> assign(LocalDate.of(2018, 3, 1), LocalDate.of(2018, 2, 1)))
                    .isInstanceOf(ProblemException.class);
            PastTasks.PastTask task = assign(LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 30));
            // not completed before it was assigned, nor extended to a date before the act
            assertThatThrownBy(() -> task.complete("Xong", null, at(2018, 2, 20), host))
                    .isInstanceOf(ProblemException.class);
            assertThatThrownBy(() -> task.requestExtension(LocalDate.of(2018, 4, 2), "Chậm", at(2018, 4, 5), host))
                    .isInstanceOf(ProblemException.class);
            task.complete("Xong", null, at(2018, 4, 2), host);
            assertThatThrownBy(() -> task.reportProgress(50, "Sau khi xong", at(2018, 4, 3), host))
                    .isInstanceOf(ProblemException.class);
        });
    }

    @Test
    void entering_a_task_needs_the_callers_transaction() {
        assertThatThrownBy(() -> assign(LocalDate.of(2018, 3, 1), null))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }
}
