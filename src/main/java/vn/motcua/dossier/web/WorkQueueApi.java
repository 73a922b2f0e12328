package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.DossierViews;
import vn.motcua.dossier.WorkQueue;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Page;
import vn.motcua.shared.web.RequestValues;

@RestController
@Tag(name = "Work queues", description = "Hồ sơ chờ xử lý tại đơn vị, sắp đến hạn, quá hạn")
class WorkQueueApi {

    private final WorkQueue queue;

    WorkQueueApi(WorkQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/api/v1/work-queue")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Dossiers waiting at the caller's unit, most urgent first: scope=mine (steps the caller's "
            + "roles act on) or unit; due=soon (within one working day), overdue or all")
    Page<WorkQueue.Item> queue(@RequestParam(defaultValue = "unit") String scope,
            @RequestParam(defaultValue = "all") String due, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, StaffUser caller) {
        Page.checkRequest(page, size);
        return queue.queue(RequestValues.choice("scope", scope, WorkQueue.Scope.class),
                RequestValues.choice("due", due, WorkQueue.Due.class),
                caller, page, size);
    }

    @GetMapping("/api/v1/work-queue/units")
    @PreAuthorize("hasAnyRole('LEADER', 'MONITOR', 'ADMIN')")
    @Operation(summary = "The leader's view: per unit, dossiers waiting, due soon and overdue, and the on-time "
            + "rate of its hand-overs over the last 90 days")
    List<WorkQueue.UnitLoad> units(StaffUser caller) {
        return queue.units(caller);
    }

}
