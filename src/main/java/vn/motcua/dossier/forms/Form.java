package vn.motcua.dossier.forms;

import java.util.Set;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierViews.Detail;

/**
 * The forms of Circular 03/2025/TT-VPCP Annex I (the one-stop mechanism of Decree 118/2025/NĐ-CP): the desk's
 * decision (01–03), the apology and extension request (04), the stop notice (05), the process control slip
 * (06) and the tracking book (07). Their numbers are not here but in {@code motcua.forms.numbers}, defaulting to
 * the Annex's. All but the tracking book are printed per dossier here; the book is a report of many dossiers.
 */
public enum Form {
    /** Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    RECEIPT("receipt", "ACCEPTED"),
    /** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, at intake or during processing. */
    SUPPLEMENT_REQUEST("supplement-request", "SUPPLEMENT_REQUESTED"),
    /** Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    REFUSAL("refusal", "REFUSED"),
    /** Mẫu số 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết, from the handling agency. */
    APOLOGY("apology", "APOLOGY", "APOLOGY_LATE"),
    /** Mẫu số 05: Thông báo dừng giải quyết hồ sơ (Circular 03/2025/TT-VPCP Art. 7), from the handling agency. */
    STOP_NOTICE("stop-notice", "STOPPED", "WITHDRAWN"),
    /** Mẫu số 06: Phiếu kiểm soát quá trình giải quyết hồ sơ: every hand-over and every event of the process. */
    CONTROL_SLIP("control-slip", "ACCEPTED"),
    /** Mẫu số 07: Sổ theo dõi hồ sơ, the report of the dossiers accepted in a period (no per-dossier print). */
    TRACKING_BOOK("tracking-book");

    private final String slug;
    private final Set<String> decisions;

    Form(String slug, String... decisions) {
        this.slug = slug;
        this.decisions = Set.of(decisions);
    }

    /** The name in URLs, file names, templates and message keys. */
    public String slug() {
        return slug;
    }

    /** Whether a history action is the decision whose time and officer the form carries. */
    boolean decidedBy(String action) {
        return decisions.contains(action);
    }

    /**
     * Whether the dossier has this form. A receipt stays printable after acceptance (a later status does
     * not undo it); so does a supplement request after the supplement came in; the apology once there was
     * one; the stop notice once the dossier was stopped or withdrawn (both stop its processing at the
     * applicant's request or the agency's, Decree 118/2025/NĐ-CP Art. 21); the control slip from acceptance on.
     */
    public boolean appliesTo(Detail dossier) {
        return switch (this) {
            case RECEIPT -> dossier.acceptedAt() != null && dossier.dueAt() != null;
            case SUPPLEMENT_REQUEST -> !DossierForms.supplementItems(dossier).isEmpty();
            case REFUSAL -> dossier.refusalReason() != null;
            case APOLOGY -> dossier.apologyReason() != null && dossier.originalDueAt() != null && dossier.dueAt() != null;
            case STOP_NOTICE -> dossier.status() == DossierStatus.STOPPED || dossier.status() == DossierStatus.WITHDRAWN;
            // The slip starts with the desk's hand-over at acceptance.
            case CONTROL_SLIP -> dossier.acceptedAt() != null && dossier.dueAt() != null;
            case TRACKING_BOOK -> false;
        };
    }
}
