package vn.motcua.tasks;

/** How urgent the assigning leader marked a task (thường, quan trọng, khẩn). */
public enum Priority {
    NORMAL, HIGH, URGENT
}
