package vn.motcua.shared;

/**
 * Published, inside the transaction that makes it, by any module whose data an administrator changes.
 * The identity module appends it to the audit log with who did it and from which address, so that the
 * change and its audit entry commit or fail together.
 *
 * @param action what was done, e.g. {@code CALENDAR_DAY_SET}
 * @param target what it was done to, e.g. {@code calendar/2026-05-02}
 * @param details a short human-readable description
 */
public record AdministrativeChange(String action, String target, String details) {}
