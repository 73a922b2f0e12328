package vn.motcua.tasks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the tasks module answers: read models for the API, pages and exports. */
public final class TaskViews {

    private TaskViews() {}

    public record Source(String documentNumber, LocalDate documentDate, String summary) {}

    public record UnitRef(String code, String name) {}

    /**
     * A task in a list. {@code workingDaysLeft}: working days from today to the due date (0 on the due date,
     * negative when overdue), null when completed or without deadline; {@code dueSoon} when open and due within
     * the configured number of working days.
     */
    public record TaskSummary(long id, String title, String sourceDocumentNumber, long assignedBy,
            String assignedByName, UnitRef hostUnit, LocalDate assignedOn, LocalDate dueDate, Priority priority,
            TaskStatus status, int progressPercent, LocalDate progressOn, LocalDate completedOn,
            Integer workingDaysLeft, boolean dueSoon) {}

    public record Extension(int id, LocalDate proposedDueDate, String reason, LocalDate previousDueDate,
            String requestedBy, OffsetDateTime requestedAt, String state, String decidedBy, LocalDate decidedOn,
            String decisionNote) {}

    public record TimelineEntry(String kind, LocalDate occurredOn, OffsetDateTime recordedAt, String actor,
            Integer percent, String note, LocalDate dueDate) {}

    public enum AttachmentPurpose { ASSIGNMENT, PROGRESS, RESULT }

    public record Attachment(long id, AttachmentPurpose purpose, String name, long size, String contentType,
            String uploadedBy, OffsetDateTime uploadedAt) {}

    public record Download(Attachment attachment, java.io.InputStream content) {}

    /** What the caller may do with the task now. */
    public record Permissions(boolean reportProgress, boolean complete, boolean requestExtension,
            boolean decideExtension, boolean attach) {}

    public record TaskView(long id, String title, String description, Source source, long assignedBy,
            String assignedByName, UnitRef hostUnit, List<UnitRef> coordinatingUnits, LocalDate assignedOn,
            LocalDate originalDueDate, LocalDate dueDate, Priority priority, TaskStatus status,
            Integer workingDaysLeft, boolean dueSoon, int progressPercent, String progressNote, LocalDate progressOn,
            LocalDate completedOn, String resultSummary, String resultDocument, List<Extension> extensionRequests,
            List<TimelineEntry> timeline, List<Attachment> attachments, Permissions permissions, int version) {}

    /** As things stood at the end of a day: received = completed + inProgress; inProgress includes noDeadline. */
    public record Statistics(long received, long completed, long completedOnTime, long completedLate,
            long inProgress, long inProgressWithinDeadline, long inProgressOverdue, long noDeadline) {

        static final Statistics NONE = new Statistics(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The dashboard's figures as of a day: the whole, per host unit and per assigning leader (largest first). */
    public record Overview(Statistics total, List<Breakdown> byUnit, List<Breakdown> byLeader) {}

    /** Statistics of one host unit or one assigning leader. */
    public record Breakdown(String key, String name, Statistics statistics) {}

    /** A leader of the People's Committee who assigns tasks. */
    public record Assigner(long id, String name, String position) {}

    /** One line of the export, as of its day. */
    public record ExportRow(long id, String title, Source source, String assignedByName, String hostUnitName,
            LocalDate assignedOn, LocalDate dueDate, TaskStatus status, Integer progressPercent, String progressNote,
            LocalDate progressOn, LocalDate completedOn) {}
}
