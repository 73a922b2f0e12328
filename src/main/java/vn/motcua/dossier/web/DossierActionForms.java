package vn.motcua.dossier.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.springframework.ui.Model;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.shared.web.PageForms;

/**
 * The forms of one dossier's page (the desk's decisions and the processing actions), as typed. Bean Validation
 * checks their shape; the dossier's own rules stay with the dossier. {@code expectedVersion} is the revision the
 * page showed: an action on a dossier changed meanwhile is refused rather than applied to what nobody saw. A refused
 * form is kept across the redirect in the page session, which lives in the database: hence {@link Serializable}.
 */
final class DossierActionForms {

    static final String NOTE = "noteForm";
    static final String REASON = "reasonForm";
    static final String SUPPLEMENT = "supplementForm";
    static final String APOLOGY = "apologyForm";
    static final String CLOSE = "closeForm";
    static final String RETURN = "returnForm";

    private DossierActionForms() {}

    /** A note with the action (hand-over, supplement received, supplied). */
    record NoteForm(@Size(max = 2000, message = "{validation.too-long}") String note, Integer expectedVersion)
            implements Serializable {}

    /** Why (send back, refuse). */
    record ReasonForm(@Size(max = 2000, message = "{validation.too-long}") String reason, Integer expectedVersion)
            implements Serializable {}

    /** What the applicant must add, row by row; blank rows are the form's spare ones. */
    record SupplementForm(List<@Valid SupplementRow> items, Integer expectedVersion) implements Serializable {

        List<IntakeRequest.SupplementItem> filled() {
            return items == null ? List.of() : items.stream().filter(Objects::nonNull)
                    .map(row -> new IntakeRequest.SupplementItem(DeskForm.blankToNull(row.description()),
                            DeskForm.blankToNull(row.reason())))
                    .filter(item -> item.description() != null || item.reason() != null)
                    .toList();
        }
    }

    record SupplementRow(@Size(max = 500, message = "{validation.too-long}") String description,
            @Size(max = 500, message = "{validation.too-long}") String reason) implements Serializable {}

    /** The apology letter (Form 04): why, and the new due time typed as dd/MM/yyyy HH:mm. */
    record ApologyForm(@Size(max = 2000, message = "{validation.too-long}") String reason, String newDueAt,
            Integer expectedVersion) implements Serializable {}

    /** Stopping (STOPPED) or a withdrawal by the applicant (WITHDRAWN), and why. */
    record CloseForm(String closing, @Size(max = 2000, message = "{validation.too-long}") String reason,
            Integer expectedVersion) implements Serializable {}

    /** How the result went back to the applicant. */
    record ReturnForm(String returnMethod, Integer expectedVersion) implements Serializable {}

    /** The page's forms: those kept after a refusal, fresh ones otherwise. */
    static void addTo(Model model) {
        PageForms.show(model, NOTE, () -> new NoteForm(null, null));
        PageForms.show(model, REASON, () -> new ReasonForm(null, null));
        PageForms.show(model, SUPPLEMENT, () -> new SupplementForm(List.of(new SupplementRow(null, null)), null));
        PageForms.show(model, APOLOGY, () -> new ApologyForm(null, null, null));
        PageForms.show(model, CLOSE, () -> new CloseForm("STOPPED", null, null));
        PageForms.show(model, RETURN, () -> new ReturnForm(null, null));
    }
}
