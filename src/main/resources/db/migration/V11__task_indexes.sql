-- Lists filtered by an open status (in progress within the deadline, overdue, no deadline) look only at tasks
-- not completed by the day asked: completed_on is null or later than that day (tasks.TaskQueries), a tenth of
-- the tasks. Measured with scripts/benchmark-tasks.sh (100,000 tasks).
create index assigned_task_completed on assigned_task (completed_on);
