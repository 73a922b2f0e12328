package vn.motcua.dossier.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.dossier.DossierProcessing;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.web.RequestValues;
import vn.motcua.shared.web.Problems;

/**
 * The processing actions on the dossier page (the browser's twin of {@code /api/v1/dossiers/{code}/…}): each
 * a small form carrying the revision the user saw as {@code expectedVersion}, answered with a redirect back
 * to the dossier page and a message (post/redirect/get). A dossier outside the caller's scope is unknown
 * (404); every other refusal of the service is shown on the page in words.
 */
@Controller
class ProcessingPages {

    static final DateTimeFormatter DATE_TIME_INPUT = DateTimeFormatter.ofPattern("d/M/uuuu H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private final DossierProcessing processing;
    private final DossierQueries queries;
    private final Messages messages;
    private final Problems problems;

    ProcessingPages(DossierProcessing processing, DossierQueries queries, Messages messages, Problems problems) {
        this.processing = processing;
        this.queries = queries;
        this.messages = messages;
        this.problems = problems;
    }

    @PostMapping("/desk/dossiers/{code}/handover")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    String handOver(@PathVariable String code, @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer expectedVersion, StaffUser caller, RedirectAttributes redirect) {
        return act(code, caller, redirect, "web.process.done.handover",
                () -> processing.handOver(code, DeskForm.blankToNull(note), expectedVersion, caller));
    }

    @PostMapping("/desk/dossiers/{code}/send-back")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    String sendBack(@PathVariable String code, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer expectedVersion, StaffUser caller, RedirectAttributes redirect) {
        return act(code, caller, redirect, "web.process.done.send-back",
                () -> processing.sendBack(code, DeskForm.blankToNull(reason), expectedVersion, caller));
    }

    @PostMapping("/desk/dossiers/{code}/request-supplement")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    String requestSupplement(@PathVariable String code, @RequestParam Map<String, String> fields,
            StaffUser caller, RedirectAttributes redirect) {
        List<IntakeRequest.SupplementItem> items = new ArrayList<>();
        for (int i = 0; fields.containsKey("items[" + i + "].description"); i++) {
            String description = DeskForm.blankToNull(fields.get("items[" + i + "].description"));
            String reason = DeskForm.blankToNull(fields.get("items[" + i + "].reason"));
            if (description != null || reason != null) {
                items.add(new IntakeRequest.SupplementItem(description, reason));
            }
        }
        Integer expectedVersion = version(fields.get("expectedVersion"));
        return act(code, caller, redirect, "web.process.done.supplement",
                () -> processing.requestSupplement(code, items, expectedVersion, caller));
    }

    @PostMapping("/desk/dossiers/{code}/supplement-received")
    @PreAuthorize("hasAnyRole('RECEPTION', 'SPECIALIST', 'LEADER', 'CLERK')")
    String supplementReceived(@PathVariable String code, @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer expectedVersion, StaffUser caller, RedirectAttributes redirect) {
        return act(code, caller, redirect, "web.process.done.supplement-received",
                () -> processing.supplementReceived(code, DeskForm.blankToNull(note), expectedVersion, caller));
    }

    @PostMapping("/desk/dossiers/{code}/apology")
    @PreAuthorize("hasAnyRole('RECEPTION', 'LEADER')")
    String apology(@PathVariable String code, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String newDueAt, @RequestParam(required = false) Integer expectedVersion,
            StaffUser caller, RedirectAttributes redirect) {
        String typed = DeskForm.blankToNull(newDueAt);
        OffsetDateTime due = null;
        if (typed != null) {
            try {
                due = LocalDateTime.parse(typed.replaceAll("\\s+", " "), DATE_TIME_INPUT).atZone(VietnamTime.ZONE)
                        .toOffsetDateTime();
            } catch (DateTimeParseException e) {
                queries.detail(code, caller);
                redirect.addFlashAttribute("actionError", messages.text("web.process.apology.date-invalid"));
                return back(code);
            }
        }
        OffsetDateTime chosen = due;
        return act(code, caller, redirect, "web.process.done.apology",
                () -> processing.apologize(code, DeskForm.blankToNull(reason), chosen, expectedVersion, caller));
    }

    @PostMapping("/desk/dossiers/{code}/close")
    @PreAuthorize("hasAnyRole('RECEPTION', 'LEADER')")
    String close(@PathVariable String code, @RequestParam(required = false) String closing,
            @RequestParam(required = false) String reason, @RequestParam(required = false) Integer expectedVersion,
            StaffUser caller, RedirectAttributes redirect) {
        DossierStatus status = "WITHDRAWN".equals(closing) ? DossierStatus.WITHDRAWN : DossierStatus.STOPPED;
        return act(code, caller, redirect, status == DossierStatus.WITHDRAWN ? "web.process.done.withdraw"
                : "web.process.done.stop",
                () -> processing.close(code, status, DeskForm.blankToNull(reason), expectedVersion, caller));
    }

    @PostMapping("/desk/dossiers/{code}/return-result")
    @PreAuthorize("hasRole('RECEPTION')")
    String returnResult(@PathVariable String code,
            // Not "method": a field of that name would hide the form's own method property from scripts.
            @RequestParam(name = "returnMethod", required = false) String method,
            @RequestParam(required = false) Integer expectedVersion, StaffUser caller, RedirectAttributes redirect) {
        ReturnMethod returned = RequestValues.choiceOr(method, ReturnMethod.class, null);
        return act(code, caller, redirect, "web.process.done.return",
                () -> processing.returnResult(code, returned, expectedVersion, caller));
    }

    private String act(String code, StaffUser caller, RedirectAttributes redirect, String doneKey,
            Supplier<DossierProcessing.State> action) {
        // Outside the caller's scope the dossier does not exist for them: 404, as on the page itself.
        queries.detail(code, caller);
        try {
            action.get();
            redirect.addFlashAttribute("flash", messages.text(doneKey, code));
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("actionError", problems.describe(e, "web.process.field."));
        }
        return back(code);
    }

    private static Integer version(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String back(String code) {
        return "redirect:/desk/dossiers/" + code;
    }

}
