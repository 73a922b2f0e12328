package vn.motcua.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.StaffView;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.platform.Uploads;
import vn.motcua.shared.IdempotencyKey;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.tasks.AssignedTask.Actor;
import vn.motcua.tasks.TaskQueries.Filter;
import vn.motcua.tasks.TaskQueries.Scope;
import vn.motcua.tasks.TaskViews.Assigner;
import vn.motcua.tasks.TaskViews.Breakdown;
import vn.motcua.tasks.TaskViews.ExportRow;
import vn.motcua.shared.Page;
import vn.motcua.tasks.TaskViews.Permissions;
import vn.motcua.tasks.TaskViews.Statistics;
import vn.motcua.tasks.TaskViews.TaskSummary;
import vn.motcua.tasks.TaskViews.TaskView;
import vn.motcua.tasks.TaskViews.UnitRef;

/**
 * The tasks module's public API. Who may do what:
 * <ul>
 * <li>assign: MONITOR or ADMIN, for a host unit of their own agency;</li>
 * <li>report progress, complete, ask for an extension: SPECIALIST or LEADER of the host unit;</li>
 * <li>approve or deny an extension: MONITOR of the task's agency;</li>
 * <li>see: LEADER, MONITOR and ADMIN all of their agency's tasks, other staff those of their unit as host or
 * coordinator.</li>
 * </ul>
 */
@Service
public class Tasks {

    static final ZoneId VIETNAM = VietnamTime.ZONE;
    /** Position codes of the People's Committee's Chairman and Vice-Chairmen, who assign tasks. */
    static final Set<String> ASSIGNING_POSITIONS = Set.of("CT", "PCT");

    private final TaskStore store;
    private final TaskQueries queries;
    private final Organization organization;
    private final WorkingCalendar calendar;
    private final TaskSettings settings;
    private final Uploads uploads;
    private final Clock clock;

    Tasks(TaskStore store, TaskQueries queries, Organization organization, WorkingCalendar calendar,
            TaskSettings settings, Uploads uploads, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.organization = organization;
        this.calendar = calendar;
        this.settings = settings;
        this.uploads = uploads;
        this.clock = clock;
    }

    public record SourceForm(String documentNumber, LocalDate documentDate, String summary) {}

    public record AssignForm(String title, String description, SourceForm source, Long assignedBy,
            String hostUnitCode, List<String> coordinatingUnitCodes, LocalDate assignedOn, LocalDate dueDate,
            Priority priority) {}

    /** Assigns a task; with an idempotency key, a repeated request answers the first task. */
    @Transactional
    public TaskView assign(AssignForm form, StaffUser caller, String idempotencyKey) {
        require(caller.has(Role.MONITOR) || caller.has(Role.ADMIN));
        if (IdempotencyKey.checked(idempotencyKey) != null) {
            var existing = store.findByIdempotencyKey(caller.username(), idempotencyKey);
            if (existing.isPresent()) {
                return view(existing.get(), caller);
            }
        }
        if (form.hostUnitCode() == null || form.hostUnitCode().isBlank()) {
            throw ProblemException.invalid("hostUnitCode", "task.host-unit.required");
        }
        UnitView host = organization.unit(form.hostUnitCode())
                .orElseThrow(() -> ProblemException.ruleViolated("task.unit.unknown", form.hostUnitCode()));
        if (!host.agencyCode().equals(caller.agencyCode())) {
            throw ProblemException.ruleViolated("task.unit.other-agency", host.name());
        }
        List<String> coordinating = form.coordinatingUnitCodes() == null ? List.of() : form.coordinatingUnitCodes();
        if (coordinating.size() > 50) {
            throw ProblemException.invalid("coordinatingUnitCodes", "task.coordinating.too-many", 50);
        }
        Map<String, UnitView> known = organization.units(coordinating);
        for (String code : coordinating) {
            if (!known.containsKey(code)) {
                throw ProblemException.ruleViolated("task.unit.unknown", code);
            }
        }
        if (form.assignedBy() == null) {
            throw ProblemException.invalid("assignedBy", "task.assigned-by.required");
        }
        StaffView leader = organization.staffMember(form.assignedBy())
                .filter(staff -> ASSIGNING_POSITIONS.contains(staff.positionCode()))
                .orElseThrow(() -> ProblemException.ruleViolated("task.assigned-by.not-leader", form.assignedBy()));
        SourceForm source = form.source();
        if (source != null && source.documentNumber() != null && source.documentNumber().strip().length() > 60) {
            throw ProblemException.invalid("source.documentNumber", "task.text.too-long", 60);
        }
        withinCalendar(form.assignedOn(), "assignedOn");
        withinCalendar(form.dueDate(), "dueDate");
        AssignedTask task = AssignedTask.assign(host.agencyCode(), form.title(), form.description(),
                source == null ? null : new AssignedTask.Source(blankToNull(source.documentNumber()),
                        source.documentDate(), blankToNull(source.summary())),
                leader.id(), leader.fullName(), host.code(), coordinating, form.assignedOn(), form.dueDate(),
                form.priority(), today(), actor(caller));
        store.save(task, now(), caller.username(), idempotencyKey);
        return view(task, caller);
    }

    @Transactional
    public TaskView reportProgress(long id, int percent, String note, StaffUser caller) {
        AssignedTask task = hostsTask(id, caller);
        task.reportProgress(percent, note, today(), actor(caller));
        store.save(task, now(), caller.username(), null);
        return view(task, caller);
    }

    @Transactional
    public TaskView complete(long id, String resultSummary, String resultDocument, LocalDate completedOn,
            StaffUser caller) {
        AssignedTask task = hostsTask(id, caller);
        task.complete(resultSummary, resultDocument, completedOn, today(), actor(caller));
        store.save(task, now(), caller.username(), null);
        return view(task, caller);
    }

    @Transactional
    public TaskView requestExtension(long id, LocalDate proposedDueDate, String reason, StaffUser caller) {
        AssignedTask task = hostsTask(id, caller);
        withinCalendar(proposedDueDate, "proposedDueDate");
        task.requestExtension(proposedDueDate, reason, now(), today(), actor(caller));
        store.save(task, now(), caller.username(), null);
        return view(task, caller);
    }

    /** Approves ({@code approve}) or denies a pending extension request: the task agency's monitors only. */
    @Transactional
    public TaskView decideExtension(long id, int requestId, boolean approve, String note, StaffUser caller) {
        AssignedTask task = load(id);
        require(caller.has(Role.MONITOR) && caller.agencyCode() != null
                && caller.agencyCode().equals(task.agencyCode));
        if (approve) {
            task.approveExtension(requestId, note, today(), actor(caller));
        } else {
            task.denyExtension(requestId, note, today(), actor(caller));
        }
        store.save(task, now(), caller.username(), null);
        return view(task, caller);
    }

    /**
     * Attaches a file (PDF, JPEG or PNG, judged by content): the assigning document by the monitoring office or an
     * administrator of the task's agency, a progress report's or the result's file by the host unit. Without a
     * purpose: PROGRESS for the host unit, ASSIGNMENT for the others.
     */
    @Transactional
    public TaskViews.Attachment attach(long id, TaskViews.AttachmentPurpose purpose, String fileName,
            InputStream content, StaffUser caller) throws IOException {
        AssignedTask task = load(id);
        boolean host = hosts(task, caller);
        boolean office = office(task, caller);
        TaskViews.AttachmentPurpose chosen = purpose != null ? purpose
                : host ? TaskViews.AttachmentPurpose.PROGRESS : TaskViews.AttachmentPurpose.ASSIGNMENT;
        require(chosen == TaskViews.AttachmentPurpose.ASSIGNMENT ? office : host);
        Uploads.Accepted file = uploads.accept(fileName, content);
        Instant now = now();
        long attachmentId = store.attach(task.id, chosen, file, caller.username(), now);
        return new TaskViews.Attachment(attachmentId, chosen, file.name(), file.size(), file.contentType(),
                caller.username(), now.atOffset(ZoneOffset.ofHours(7)));
    }

    /** A file of a task, to those who see the task; a file of another task reads as unknown. */
    @Transactional(readOnly = true)
    public TaskViews.Download attachment(long id, long attachmentId, StaffUser caller) throws IOException {
        require(scope(caller).sees(load(id)));
        TaskQueries.StoredAttachment stored = queries.attachment(id, attachmentId)
                .orElseThrow(() -> ProblemException.notFound("task.attachment.not-found", attachmentId));
        return new TaskViews.Download(stored.attachment(), uploads.open(stored.sha256()));
    }

    /** One task with its extension requests and timeline; 403 when the caller may not see it. */
    @Transactional(readOnly = true)
    public TaskView task(long id, StaffUser caller) {
        return view(id, caller);
    }

    @Transactional(readOnly = true)
    public Page<TaskSummary> list(TaskStatus status, String unitCode, Long assignedBy, String query, StaffUser caller,
            int page, int size) {
        return list(status, unitCode, assignedBy, query, null, caller, page, size);
    }

    /**
     * The list as things stood at the end of {@code asOf} (today when null): tasks assigned by then, with their
     * status, due date and working days left on that day, and a completion only if it had happened by then.
     * Progress is the latest reported, whenever.
     */
    @Transactional(readOnly = true)
    public Page<TaskSummary> list(TaskStatus status, String unitCode, Long assignedBy, String query, LocalDate asOf,
            StaffUser caller, int page, int size) {
        LocalDate today = asOf == null ? today() : asOf;
        TaskQueries.Rows rows = queries.list(scope(caller), new Filter(status, unitCode, assignedBy, query), today,
                page, size);
        Map<String, UnitView> units = organization.units(rows.rows().stream().map(TaskQueries.Row::hostUnitCode)
                .distinct().toList());
        List<TaskSummary> items = rows.rows().stream().map(row -> {
            Integer left = workingDaysLeft(row.status(), row.dueDate(), today);
            return new TaskSummary(row.id(), row.title(), row.sourceDocumentNumber(), row.assignedBy(),
                    row.assignedByName(), unitRef(row.hostUnitCode(), units), row.assignedOn(), row.dueDate(),
                    row.priority(), row.status(), row.progressPercent(), row.progressOn(),
                    row.completedOn() == null || row.completedOn().isAfter(today) ? null : row.completedOn(), left,
                    dueSoon(left));
        }).toList();
        return new Page<>(items, rows.total(), page, size);
    }

    /** As things stood at the end of {@code asOf} (today when null), for one host unit or all the caller sees. */
    @Transactional(readOnly = true)
    public Statistics statistics(LocalDate asOf, String unitCode, StaffUser caller) {
        return queries.statistics(scope(caller), unitCode, asOf == null ? today() : asOf);
    }

    /** Statistics, per host unit (with its name) and per assigning leader, in one pass: the dashboard's figures. */
    @Transactional(readOnly = true)
    public TaskViews.Overview overview(LocalDate asOf, StaffUser caller) {
        TaskViews.Overview overview = queries.overview(scope(caller), asOf == null ? today() : asOf);
        return new TaskViews.Overview(overview.total(), named(overview.byUnit()), overview.byLeader());
    }

    /** Per host unit (with its name), largest first. */
    @Transactional(readOnly = true)
    public List<Breakdown> byUnit(LocalDate asOf, StaffUser caller) {
        return named(queries.breakdown(scope(caller), asOf == null ? today() : asOf, false));
    }

    /** Host units' breakdowns with the units' names. */
    private List<Breakdown> named(List<Breakdown> rows) {
        Map<String, UnitView> units = organization.units(rows.stream().map(Breakdown::key).toList());
        return rows.stream().map(row -> new Breakdown(row.key(), unitRef(row.key(), units).name(), row.statistics()))
                .toList();
    }

    /** Per assigning leader, largest first. */
    @Transactional(readOnly = true)
    public List<Breakdown> byLeader(LocalDate asOf, StaffUser caller) {
        return queries.breakdown(scope(caller), asOf == null ? today() : asOf, true);
    }

    /** The Chairman and Vice-Chairmen in office, who assign tasks. */
    public List<Assigner> assigners() {
        return organization.staffInPositions(ASSIGNING_POSITIONS).stream()
                .map(staff -> new Assigner(staff.id(), staff.fullName(), staff.positionName())).toList();
    }

    /** Streams every task the caller sees as of the end of {@code asOf}, with unit names resolved. */
    @Transactional(readOnly = true)
    public void export(LocalDate asOf, StaffUser caller, Consumer<ExportRow> sink) {
        Map<String, String> unitNames = new LinkedHashMap<>();
        queries.export(scope(caller), asOf, row -> sink.accept(new ExportRow(row.id(), row.title(), row.source(),
                row.assignedByName(), unitNames.computeIfAbsent(row.hostUnitName(),
                        code -> organization.unit(code).map(UnitView::name).orElse(code)),
                row.assignedOn(), row.dueDate(), row.status(), row.progressPercent(), row.progressNote(),
                row.progressOn(), row.completedOn())));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    private Instant now() {
        return clock.instant();
    }

    private AssignedTask hostsTask(long id, StaffUser caller) {
        AssignedTask task = load(id);
        require(hosts(task, caller));
        return task;
    }

    private static boolean hosts(AssignedTask task, StaffUser caller) {
        return task.hostUnitCode.equals(caller.unitCode())
                && (caller.has(Role.SPECIALIST) || caller.has(Role.LEADER));
    }

    /** The monitoring office or an administrator of the task's agency. */
    private static boolean office(AssignedTask task, StaffUser caller) {
        return (caller.has(Role.MONITOR) || caller.has(Role.ADMIN)) && task.agencyCode.equals(caller.agencyCode());
    }

    private AssignedTask load(long id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("task.not-found", id));
    }

    private TaskView view(long id, StaffUser caller) {
        return view(load(id), caller);
    }

    private TaskView view(AssignedTask task, StaffUser caller) {
        Scope scope = scope(caller);
        require(scope.sees(task));
        LocalDate today = today();
        TaskStatus status = task.statusOn(today);
        Collection<String> codes = new HashSet<>(task.coordinatingUnitCodes);
        codes.add(task.hostUnitCode);
        Map<String, UnitView> units = organization.units(codes);
        Integer left = workingDaysLeft(status, task.dueDate, today);
        boolean host = hosts(task, caller) && !task.completed();
        boolean pending = task.extensions.stream().anyMatch(e -> e.state == AssignedTask.ExtensionState.PENDING);
        boolean decides = caller.has(Role.MONITOR) && task.agencyCode.equals(caller.agencyCode()) && pending
                && !task.completed();
        return new TaskView(task.id, task.title, task.description,
                task.source == null ? null : new TaskViews.Source(task.source.documentNumber(),
                        task.source.documentDate(), task.source.summary()),
                task.assignedBy, task.assignedByName, unitRef(task.hostUnitCode, units),
                task.coordinatingUnitCodes.stream().map(code -> unitRef(code, units)).toList(), task.assignedOn,
                task.originalDueDate, task.dueDate, task.priority, status, left, dueSoon(left), task.progressPercent,
                task.progressNote, task.progressOn, task.completedOn, task.resultSummary, task.resultDocument,
                task.extensions.stream().map(e -> new TaskViews.Extension(e.number, e.proposedDueDate, e.reason,
                        e.previousDueDate, e.requestedBy.name(), e.requestedAt.atOffset(ZoneOffset.ofHours(7)),
                        e.state.name(), e.decidedBy == null ? null : e.decidedBy.name(), e.decidedOn,
                        e.decisionNote)).toList(),
                queries.timeline(task.id), queries.attachments(task.id),
                new Permissions(host, host, host && task.dueDate != null && !pending, decides,
                        hosts(task, caller) || office(task, caller)),
                task.version);
    }

    /** Working days from today to the due date: 0 on the due date, negative once overdue; null if not open. */
    private Integer workingDaysLeft(TaskStatus status, LocalDate dueDate, LocalDate today) {
        if (status.completed() || dueDate == null) {
            return null;
        }
        if (dueDate.isBefore(today)) {
            return -countWorkingDays(dueDate, today);
        }
        return countWorkingDays(today, dueDate);
    }

    /** The {@code n}-th working day after {@code day}: an open task due by then is "due soon". */
    LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        return calendar.nthWorkingDayAfter(day, n);
    }

    /** Working days after {@code from} up to and including {@code to}. */
    private int countWorkingDays(LocalDate from, LocalDate to) {
        return calendar.countWorkingDays(from.plusDays(1), to);
    }

    private boolean dueSoon(Integer workingDaysLeft) {
        return workingDaysLeft != null && workingDaysLeft >= 0 && workingDaysLeft <= settings.reminderWorkingDays();
    }

    private static Scope scope(StaffUser caller) {
        boolean whole = caller.has(Role.LEADER) || caller.has(Role.MONITOR) || caller.has(Role.ADMIN);
        return new Scope(caller.agencyCode(), caller.unitCode(), whole);
    }

    private static UnitRef unitRef(String code, Map<String, UnitView> units) {
        UnitView unit = units.get(code);
        return new UnitRef(code, unit == null ? code : unit.name());
    }

    private static Actor actor(StaffUser caller) {
        return new Actor(caller.username(), caller.fullName());
    }

    /** Working days are known from 1900 to 2100 (calendar module): a date outside cannot be a deadline. */
    private static void withinCalendar(LocalDate date, String field) {
        if (date != null && (date.isBefore(WorkingCalendar.FIRST) || date.isAfter(WorkingCalendar.LAST))) {
            throw ProblemException.invalid(field, "task.date.out-of-range");
        }
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "task.forbidden");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
