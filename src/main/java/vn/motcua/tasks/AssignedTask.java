package vn.motcua.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.VietnameseText;

/**
 * A task assigned by a leader of the People's Committee to a host unit (đơn vị chủ trì), with coordinating
 * units (đơn vị phối hợp). It owns its rules: progress only while open, completion once and never before the
 * assignment nor in the future, one extension request pending at a time and only to a later date, every
 * decision kept. Changes also record timeline events, written once and never changed.
 */
class AssignedTask {

    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 2000;

    /** Who did something, as recorded in the timeline. */
    record Actor(String username, String name) {}

    record Source(String documentNumber, LocalDate documentDate, String summary) {}

    enum ExtensionState { PENDING, APPROVED, DENIED }

    /** An extension request (xin gia hạn), numbered within its task. */
    static final class Extension {
        final int number;
        final LocalDate proposedDueDate;
        final String reason;
        final LocalDate previousDueDate;
        final Actor requestedBy;
        final Instant requestedAt;
        ExtensionState state;
        Actor decidedBy;
        LocalDate decidedOn;
        String decisionNote;
        boolean changed;

        Extension(int number, LocalDate proposedDueDate, String reason, LocalDate previousDueDate, Actor requestedBy,
                Instant requestedAt, ExtensionState state, Actor decidedBy, LocalDate decidedOn, String decisionNote) {
            this.number = number;
            this.proposedDueDate = proposedDueDate;
            this.reason = reason;
            this.previousDueDate = previousDueDate;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
            this.state = state;
            this.decidedBy = decidedBy;
            this.decidedOn = decidedOn;
            this.decisionNote = decisionNote;
        }
    }

    enum EventKind { ASSIGNED, PROGRESS, EXTENSION_REQUESTED, EXTENSION_APPROVED, EXTENSION_DENIED, COMPLETED }

    /** A timeline entry not yet written. */
    record NewEvent(EventKind kind, LocalDate occurredOn, Actor actor, Integer percent, String note,
            LocalDate dueDate) {}

    Long id;
    final String agencyCode;
    final String title;
    final String description;
    final Source source;
    final long assignedBy;
    final String assignedByName;
    final String hostUnitCode;
    final List<String> coordinatingUnitCodes;
    final LocalDate assignedOn;
    final LocalDate originalDueDate;
    LocalDate dueDate;
    LocalDate dueChangedOn;
    final Priority priority;
    int progressPercent;
    String progressNote;
    LocalDate progressOn;
    LocalDate completedOn;
    String resultSummary;
    String resultDocument;
    final List<Extension> extensions;
    int version;
    final List<NewEvent> newEvents = new ArrayList<>();

    AssignedTask(Long id, String agencyCode, String title, String description, Source source, long assignedBy,
            String assignedByName, String hostUnitCode, List<String> coordinatingUnitCodes, LocalDate assignedOn,
            LocalDate originalDueDate, LocalDate dueDate, LocalDate dueChangedOn, Priority priority,
            int progressPercent, String progressNote, LocalDate progressOn, LocalDate completedOn,
            String resultSummary, String resultDocument, List<Extension> extensions, int version) {
        this.id = id;
        this.agencyCode = agencyCode;
        this.title = title;
        this.description = description;
        this.source = source;
        this.assignedBy = assignedBy;
        this.assignedByName = assignedByName;
        this.hostUnitCode = hostUnitCode;
        this.coordinatingUnitCodes = List.copyOf(coordinatingUnitCodes);
        this.assignedOn = assignedOn;
        this.originalDueDate = originalDueDate;
        this.dueDate = dueDate;
        this.dueChangedOn = dueChangedOn;
        this.priority = priority;
        this.progressPercent = progressPercent;
        this.progressNote = progressNote;
        this.progressOn = progressOn;
        this.completedOn = completedOn;
        this.resultSummary = resultSummary;
        this.resultDocument = resultDocument;
        this.extensions = new ArrayList<>(extensions);
        this.version = version;
    }

    /**
     * A new task. The caller has checked the units and the assigning leader; the task checks its own dates:
     * the due date (if any) is not before the assignment date, the assignment not after {@code today}.
     */
    static AssignedTask assign(String agencyCode, String title, String description, Source source, long assignedBy,
            String assignedByName, String hostUnitCode, List<String> coordinatingUnitCodes, LocalDate assignedOn,
            LocalDate dueDate, Priority priority, LocalDate today, Actor by) {
        String cleanTitle = VietnameseText.normalize(title);
        if (cleanTitle == null || cleanTitle.isEmpty()) {
            throw ProblemException.invalid("title", "task.title.required");
        }
        if (cleanTitle.length() > MAX_TITLE) {
            throw ProblemException.invalid("title", "task.title.too-long", MAX_TITLE);
        }
        if (assignedOn == null) {
            throw ProblemException.invalid("assignedOn", "task.assigned-on.required");
        }
        if (assignedOn.isAfter(today)) {
            throw ProblemException.ruleViolated("task.assigned-on.future");
        }
        if (dueDate != null && dueDate.isBefore(assignedOn)) {
            throw ProblemException.ruleViolated("task.due-date.before-assignment");
        }
        if (source != null && source.documentDate() != null && source.documentDate().isAfter(assignedOn)) {
            throw ProblemException.ruleViolated("task.source.date-after-assignment");
        }
        List<String> coordinating = coordinatingUnitCodes.stream().distinct()
                .filter(code -> !code.equals(hostUnitCode)).toList();
        AssignedTask task = new AssignedTask(null, agencyCode, cleanTitle, text(description, 20_000, "description"),
                source, assignedBy, assignedByName, hostUnitCode, coordinating, assignedOn, dueDate, dueDate, null,
                priority == null ? Priority.NORMAL : priority, 0, null, null, null, null, null, List.of(), 0);
        task.newEvents.add(new NewEvent(EventKind.ASSIGNED, assignedOn, by, null, null, dueDate));
        return task;
    }

    /** A progress report of the host unit (báo cáo tiến độ), dated {@code today}. */
    void reportProgress(int percent, String note, LocalDate today, Actor by) {
        requireOpen();
        if (percent < 0 || percent > 100) {
            throw ProblemException.invalid("percent", "task.progress.percent-range");
        }
        String cleanNote = text(note, MAX_TEXT, "note");
        progressPercent = percent;
        progressNote = cleanNote;
        progressOn = today;
        newEvents.add(new NewEvent(EventKind.PROGRESS, today, by, percent, cleanNote, null));
    }

    /** Completion with its result; {@code completedOn} may be earlier than today (reported late), never later. */
    void complete(String summary, String document, LocalDate completedOn, LocalDate today, Actor by) {
        requireOpen();
        String cleanSummary = text(summary, 4000, "resultSummary");
        if (cleanSummary == null) {
            throw ProblemException.invalid("resultSummary", "task.complete.summary-required");
        }
        LocalDate on = completedOn == null ? today : completedOn;
        if (on.isAfter(today)) {
            throw ProblemException.ruleViolated("task.complete.future");
        }
        if (on.isBefore(assignedOn)) {
            throw ProblemException.ruleViolated("task.complete.before-assignment");
        }
        this.completedOn = on;
        this.resultSummary = cleanSummary;
        this.resultDocument = text(document, 200, "resultDocument");
        this.progressPercent = 100;
        for (Extension extension : extensions) {
            if (extension.state == ExtensionState.PENDING) {
                // completion makes a pending request pointless; it is closed, not left hanging
                decide(extension, ExtensionState.DENIED, null, today, by);
            }
        }
        newEvents.add(new NewEvent(EventKind.COMPLETED, on, by, 100, cleanSummary, null));
    }

    /** Asks the monitoring office for a later due date; one request may be pending at a time. */
    Extension requestExtension(LocalDate proposedDueDate, String reason, Instant now, LocalDate today, Actor by) {
        requireOpen();
        if (dueDate == null) {
            throw ProblemException.ruleViolated("task.extension.no-deadline");
        }
        if (proposedDueDate == null) {
            throw ProblemException.invalid("proposedDueDate", "task.extension.date-required");
        }
        if (!proposedDueDate.isAfter(dueDate) || proposedDueDate.isBefore(today)) {
            throw ProblemException.ruleViolated("task.extension.date-not-later",
                    VietnamTime.DATE.format(dueDate));
        }
        String cleanReason = text(reason, MAX_TEXT, "reason");
        if (cleanReason == null) {
            throw ProblemException.invalid("reason", "task.extension.reason-required");
        }
        if (extensions.stream().anyMatch(e -> e.state == ExtensionState.PENDING)) {
            throw ProblemException.conflict("task.extension.pending");
        }
        Extension extension = new Extension(extensions.size() + 1, proposedDueDate, cleanReason, dueDate, by, now,
                ExtensionState.PENDING, null, null, null);
        extension.changed = true;
        extensions.add(extension);
        newEvents.add(new NewEvent(EventKind.EXTENSION_REQUESTED, today, by, null, cleanReason, proposedDueDate));
        return extension;
    }

    /** The monitoring office grants the request: the proposed date becomes the due date from today on. */
    void approveExtension(int number, String note, LocalDate today, Actor by) {
        Extension extension = pending(number);
        decide(extension, ExtensionState.APPROVED, note, today, by);
        dueDate = extension.proposedDueDate;
        dueChangedOn = today;
    }

    void denyExtension(int number, String note, LocalDate today, Actor by) {
        decide(pending(number), ExtensionState.DENIED, note, today, by);
    }

    /** The status at the end of {@code day}, with the due date that was in force that day. */
    TaskStatus statusOn(LocalDate day) {
        return TaskStatus.of(day, dueDateOn(day), completedOn, dueDate);
    }

    /** The due date in force at the end of {@code day}: the latest extension approved by then, else the original. */
    LocalDate dueDateOn(LocalDate day) {
        LocalDate due = originalDueDate;
        for (Extension extension : extensions) {
            if (extension.state == ExtensionState.APPROVED && !extension.decidedOn.isAfter(day)) {
                due = extension.proposedDueDate;
            }
        }
        return due;
    }

    boolean completed() {
        return completedOn != null;
    }

    String searchText() {
        return VietnameseText.fold(String.join(" ", title,
                source == null || source.documentNumber() == null ? "" : source.documentNumber(),
                source == null || source.summary() == null ? "" : source.summary()));
    }

    private Extension pending(int number) {
        Extension extension = extensions.stream().filter(e -> e.number == number).findFirst()
                .orElseThrow(() -> ProblemException.notFound("task.extension.not-found", number));
        if (extension.state != ExtensionState.PENDING) {
            throw ProblemException.conflict("task.extension.decided", number);
        }
        requireOpen();
        return extension;
    }

    private void decide(Extension extension, ExtensionState state, String note, LocalDate today, Actor by) {
        extension.state = state;
        extension.decidedBy = by;
        extension.decidedOn = today;
        extension.decisionNote = text(note, MAX_TEXT, "note");
        extension.changed = true;
        newEvents.add(new NewEvent(state == ExtensionState.APPROVED ? EventKind.EXTENSION_APPROVED
                : EventKind.EXTENSION_DENIED, today, by, null, extension.decisionNote, extension.proposedDueDate));
    }

    private void requireOpen() {
        if (completedOn != null) {
            throw ProblemException.conflict("task.completed");
        }
    }

    private static String text(String value, int max, String field) {
        String clean = VietnameseText.normalize(value);
        if (clean == null || clean.isEmpty()) {
            return null;
        }
        if (clean.length() > max) {
            throw ProblemException.invalid(field, "task.text.too-long", max);
        }
        return clean;
    }
}
