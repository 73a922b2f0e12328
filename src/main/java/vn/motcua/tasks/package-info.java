/**
 * Assigned tasks (nhiệm vụ được giao): what the People's Committee and its Chairman assign to an agency's units,
 * with progress reports, extension requests and completion, tracked to on-time or late completion. The public API is {@link vn.motcua.tasks.Tasks}; a task's status is
 * derived from its dates ({@link vn.motcua.tasks.TaskStatus}), never typed in.
 */
package vn.motcua.tasks;
