package vn.motcua.tasks.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.Downloads;
import vn.motcua.shared.web.RequestValues;
import vn.motcua.tasks.TaskStatus;
import vn.motcua.tasks.TaskViews;
import vn.motcua.tasks.TaskViews.TaskSummary;
import vn.motcua.tasks.TaskViews.TaskView;
import vn.motcua.tasks.TaskWorkbook;
import vn.motcua.tasks.Tasks;

/** Assigned tasks: assignment, progress, completion, extensions, lists, statistics and export. */
@RestController
@Tag(name = "Assigned tasks", description = "Nhiệm vụ UBND thành phố, Chủ tịch UBND thành phố giao")
class TasksApi {

    enum Format { XLSX }

    private final Tasks tasks;
    private final TaskWorkbook workbook;

    TasksApi(Tasks tasks, TaskWorkbook workbook) {
        this.tasks = tasks;
        this.workbook = workbook;
    }

    record ProgressRequest(Integer percent, String note) {}

    record CompleteRequest(String resultSummary, LocalDate completedOn, String resultDocument) {}

    record ExtensionRequest(LocalDate proposedDueDate, String reason) {}

    record DecisionRequest(String note) {}

    @PostMapping("/api/v1/tasks")
    @PreAuthorize("hasAnyRole('MONITOR', 'ADMIN')")
    @Operation(summary = "Assign a task to a host unit of the caller's agency. assignedBy: staff id of the "
            + "Chairman or a Vice-Chairman (see /api/v1/tasks/assigners); dueDate empty for a regular task. "
            + "Idempotency-Key makes a repeated submit harmless")
    ResponseEntity<TaskView> assign(@RequestBody Tasks.AssignForm form,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, StaffUser caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tasks.assign(form, caller, idempotencyKey));
    }

    @GetMapping("/api/v1/tasks")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Tasks the caller sees (leaders, monitors, administrators: their agency's; other staff: "
            + "their unit's as host or coordinator), overdue first. status: completed_on_time, completed_late, "
            + "in_progress_within_deadline, in_progress_overdue, no_deadline; q ignores diacritics")
    Page<TaskSummary> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String unitCode, @RequestParam(required = false) Long assignedBy,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, StaffUser caller) {
        Page.checkRequest(page, size);
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "validation.too-long.n", 200);
        }
        TaskStatus chosen = status == null || status.isBlank() ? null
                : RequestValues.choice("status", status, TaskStatus.class);
        return tasks.list(chosen, unitCode, assignedBy, q, caller, page, size);
    }

    @GetMapping("/api/v1/tasks/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One task with its extension requests, timeline and what the caller may do")
    TaskView task(@PathVariable long id, StaffUser caller) {
        return tasks.task(id, caller);
    }

    @PostMapping("/api/v1/tasks/{id}/progress")
    @PreAuthorize("hasAnyRole('SPECIALIST', 'LEADER')")
    @Operation(summary = "Progress report of the host unit: percent 0–100 and a note")
    TaskView progress(@PathVariable long id, @RequestBody ProgressRequest request, StaffUser caller) {
        if (request.percent() == null) {
            throw ProblemException.invalid("percent", "task.progress.percent-range");
        }
        return tasks.reportProgress(id, request.percent(), request.note(), caller);
    }

    @PostMapping("/api/v1/tasks/{id}/complete")
    @PreAuthorize("hasAnyRole('SPECIALIST', 'LEADER')")
    @Operation(summary = "Completion by the host unit: result summary, completion date (today when empty, never "
            + "in the future) and optionally the result document (number and date)")
    TaskView complete(@PathVariable long id, @RequestBody CompleteRequest request, StaffUser caller) {
        return tasks.complete(id, request.resultSummary(), request.resultDocument(), request.completedOn(), caller);
    }

    @PostMapping("/api/v1/tasks/{id}/extension-requests")
    @PreAuthorize("hasAnyRole('SPECIALIST', 'LEADER')")
    @Operation(summary = "The host unit asks for a later due date; one request may be pending at a time")
    ResponseEntity<TaskView> requestExtension(@PathVariable long id, @RequestBody ExtensionRequest request,
            StaffUser caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tasks.requestExtension(id,
                request.proposedDueDate(), request.reason(), caller));
    }

    @PostMapping("/api/v1/tasks/{id}/extension-requests/{requestId}/approve")
    @PreAuthorize("hasRole('MONITOR')")
    @Operation(summary = "The monitoring office approves: the proposed date becomes the due date")
    TaskView approve(@PathVariable long id, @PathVariable int requestId,
            @RequestBody(required = false) DecisionRequest request, StaffUser caller) {
        return tasks.decideExtension(id, requestId, true, request == null ? null : request.note(), caller);
    }

    @PostMapping("/api/v1/tasks/{id}/extension-requests/{requestId}/deny")
    @PreAuthorize("hasRole('MONITOR')")
    @Operation(summary = "The monitoring office denies: the due date stays")
    TaskView deny(@PathVariable long id, @PathVariable int requestId,
            @RequestBody(required = false) DecisionRequest request, StaffUser caller) {
        return tasks.decideExtension(id, requestId, false, request == null ? null : request.note(), caller);
    }

    @PostMapping(path = "/api/v1/tasks/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Attach a file (PDF, JPEG or PNG judged by content; at most motcua.files.max-size): "
            + "purpose ASSIGNMENT (the monitoring office or an administrator of the task's agency), PROGRESS or "
            + "RESULT (the host unit); without purpose PROGRESS for the host unit, ASSIGNMENT otherwise")
    ResponseEntity<TaskViews.Attachment> attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String purpose, StaffUser caller) throws IOException {
        TaskViews.AttachmentPurpose chosen = purpose == null || purpose.isBlank() ? null
                : RequestValues.choice("purpose", purpose, TaskViews.AttachmentPurpose.class);
        TaskViews.Attachment stored = tasks.attach(id, chosen, file.getOriginalFilename(), file.getInputStream(),
                caller);
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id + "/attachments/" + stored.id()))
                .body(stored);
    }

    @GetMapping("/api/v1/tasks/{id}/attachments/{attachmentId}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Download a file of a task, for those who see the task")
    ResponseEntity<InputStreamResource> attachment(@PathVariable long id, @PathVariable long attachmentId,
            StaffUser caller) throws IOException {
        TaskViews.Download download = tasks.attachment(id, attachmentId, caller);
        return Downloads.attachment(download.attachment().name(), download.attachment().contentType(),
                download.attachment().size(), download.content());
    }

    @GetMapping("/api/v1/tasks/statistics")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "As things stood at the end of asOf (today when empty): tasks assigned on or before it, "
            + "completed on or before it; received = completed + inProgress, inProgress = within deadline + "
            + "overdue + no deadline. unitCode: one host unit")
    TaskViews.Statistics statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate asOf, @RequestParam(required = false) String unitCode, StaffUser caller) {
        return tasks.statistics(asOf, unitCode, caller);
    }

    @GetMapping("/api/v1/tasks/statistics/by-unit")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The same statistics per host unit, largest first")
    List<TaskViews.Breakdown> byUnit(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate asOf, StaffUser caller) {
        return tasks.byUnit(asOf, caller);
    }

    @GetMapping("/api/v1/tasks/statistics/by-leader")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The same statistics per assigning leader, largest first")
    List<TaskViews.Breakdown> byLeader(@RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, StaffUser caller) {
        return tasks.byLeader(asOf, caller);
    }

    @GetMapping("/api/v1/tasks/assigners")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The Chairman and Vice-Chairmen who assign tasks")
    List<TaskViews.Assigner> assigners() {
        return tasks.assigners();
    }

    @GetMapping("/api/v1/tasks/export")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The list as leaders read it, as of the end of asOf (today when empty): task, source, "
            + "host unit, due date, status, latest progress; format=xlsx")
    void export(@RequestParam(defaultValue = "xlsx") String format, @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, StaffUser caller,
            HttpServletResponse response) throws IOException {
        RequestValues.choice("format", format, Format.class);
        LocalDate day = asOf == null ? tasks.today() : asOf;
        Downloads.workbookHeaders(response, TaskWorkbook.fileName(day));
        workbook.write(day, caller, response.getOutputStream());
        response.flushBuffer();
    }
}
