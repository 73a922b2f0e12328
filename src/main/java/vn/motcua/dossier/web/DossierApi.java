package vn.motcua.dossier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.DossierDesk;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierViews;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.PublicLookup;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.DateTimes;

@RestController
@Tag(name = "Dossiers", description = "Tiếp nhận hồ sơ một cửa, tra cứu")
class DossierApi {

    private final DossierDesk desk;
    private final DossierQueries queries;
    private final PublicLookup lookup;

    DossierApi(DossierDesk desk, DossierQueries queries, PublicLookup lookup) {
        this.desk = desk;
        this.queries = queries;
        this.lookup = lookup;
    }

    @PostMapping("/api/v1/dossiers")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    @Operation(summary = "Register a dossier at the desk: ACCEPT (Form 01), SUPPLEMENT (Form 02) or REFUSE (Form 03); "
            + "ONLINE dossiers stay NEW for the desk's check. Idempotency-Key makes a repeated submit harmless.")
    ResponseEntity<DossierDesk.Receipt> receive(@RequestBody IntakeRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, StaffUser caller) {
        DossierDesk.Receipt receipt = desk.receive(request, caller, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + receipt.code())).body(receipt);
    }

    @PostMapping("/api/v1/dossiers/{code}/accept")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    @Operation(summary = "Accept a NEW dossier; the time limit runs from now")
    DossierDesk.Receipt accept(@PathVariable String code, StaffUser caller) {
        return desk.accept(code, caller);
    }

    record Refusal(String reason) {}

    @PostMapping("/api/v1/dossiers/{code}/refuse")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    @Operation(summary = "Refuse the dossier with the reason (Form 03)")
    DossierDesk.Receipt refuse(@PathVariable String code, @RequestBody Refusal body, StaffUser caller) {
        return desk.refuse(code, body.reason(), caller);
    }

    record Supplied(String note) {}

    @PostMapping("/api/v1/dossiers/{code}/supplement")
    @PreAuthorize("hasAnyRole('RECEPTION', 'ADMIN')")
    @Operation(summary = "The applicant supplied what was asked: back to the desk's check")
    DossierDesk.Receipt supplement(@PathVariable String code, @RequestBody(required = false) Supplied body,
            StaffUser caller) {
        return desk.supplied(code, body == null ? null : body.note(), caller);
    }

    @GetMapping("/api/v1/dossiers/{code}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "A dossier in the caller's scope, with its history")
    DossierViews.Detail detail(@PathVariable String code, StaffUser caller) {
        return queries.detail(code, caller);
    }

    @GetMapping("/api/v1/dossiers")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Dossiers in the caller's scope: the desk its own, unit staff those routed through their unit, "
            + "leaders and monitors their agency's")
    Page<DossierViews.Summary> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) DossierStatus status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, StaffUser caller) {
        Page.checkRequest(page, size);
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "catalog.search.too-long", 200);
        }
        return queries.list(q, status, date("from", from), date("to", to), caller, page, size);
    }

    @GetMapping("/api/public/dossiers/{code}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Public look-up by code and PIN: status and history, the applicant's name masked")
    DossierViews.PublicStatus lookup(@PathVariable String code, @RequestParam(required = false) String pin,
            HttpServletRequest request) {
        return lookup.find(code, pin, request.getRemoteAddr());
    }


    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateTimes.date(value);
        } catch (DateTimes.OutOfRange e) {
            throw ProblemException.invalid(name, "validation.date-range");
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "calendar.date.malformed", name);
        }
    }
}
