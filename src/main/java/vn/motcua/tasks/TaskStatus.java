package vn.motcua.tasks;

import java.time.LocalDate;

/**
 * The five buckets in which task-tracking reports count assigned tasks (no legal text fixes them; they follow
 * the reports' practice): completed on time, completed late, in progress within the
 * deadline, in progress overdue, no deadline. Derived, never stored: a task completed on or before its due
 * date is on time; an open task becomes overdue the day after its due date (the due date itself is still
 * within the deadline); a task without a due date (a regular task) has no deadline while open and counts as on
 * time once completed. The same rule is written in SQL in {@link TaskQueries#STATUS}.
 */
public enum TaskStatus {
    COMPLETED_ON_TIME, COMPLETED_LATE, IN_PROGRESS_WITHIN_DEADLINE, IN_PROGRESS_OVERDUE, NO_DEADLINE;

    /**
     * The status at the end of {@code day}.
     *
     * @param dueDate the due date in force on {@code day} (null: no deadline)
     * @param completedOn the completion date, or null; a completion after {@code day} does not count yet
     * @param finalDueDate the due date in force when the task was completed
     */
    static TaskStatus of(LocalDate day, LocalDate dueDate, LocalDate completedOn, LocalDate finalDueDate) {
        if (completedOn != null && !completedOn.isAfter(day)) {
            return finalDueDate == null || !completedOn.isAfter(finalDueDate) ? COMPLETED_ON_TIME : COMPLETED_LATE;
        }
        if (dueDate == null) {
            return NO_DEADLINE;
        }
        return day.isAfter(dueDate) ? IN_PROGRESS_OVERDUE : IN_PROGRESS_WITHIN_DEADLINE;
    }

    public boolean completed() {
        return this == COMPLETED_ON_TIME || this == COMPLETED_LATE;
    }
}
