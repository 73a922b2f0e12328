package vn.motcua.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.portal.Inbox;
import vn.motcua.shared.Page;

/** The signed-in citizen's inbox: the status changes of their dossiers. */
@RestController
@RequestMapping("/api/citizen/v1/notices")
@PreAuthorize("hasRole('CITIZEN')")
@Tag(name = "Notices", description = "Thông báo về hồ sơ của công dân")
class NoticesApi {

    private final Inbox inbox;

    NoticesApi(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "The citizen's notices, newest first (each with the agency, the officer and the time); "
            + "`unread=true` for the unread ones only")
    Page<Inbox.Notice> notices(CitizenUser citizen, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return inbox.notices(citizen, unread, page, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many notices are unread")
    Map<String, Long> unread(CitizenUser citizen) {
        return Map.of("unread", inbox.unread(citizen.id()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark a notice read")
    ResponseEntity<Void> markRead(CitizenUser citizen, @PathVariable long id) {
        inbox.markRead(citizen, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read")
    @Operation(summary = "Mark every notice read")
    ResponseEntity<Void> markAllRead(CitizenUser citizen) {
        inbox.markAllRead(citizen);
        return ResponseEntity.noContent().build();
    }
}
