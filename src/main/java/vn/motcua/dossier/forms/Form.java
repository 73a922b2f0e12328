package vn.motcua.dossier.forms;

import vn.motcua.dossier.DossierViews.Detail;

/**
 * The printed forms of a dossier (Circular 01/2018/TT-VPCP, replaced by Circular 03/2025/TT-VPCP; the desk's
 * decision under Decree 118/2025 Art. 17): the desk's decision (01–03), the apology with a new date (04) and
 * the process control slip (05). Their numbers are not here but in
 * {@code motcua.forms.numbers}: Circular 03/2025 may renumber them (05 → 06).
 */
public enum Form {
    /** Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    RECEIPT("receipt", "ACCEPTED"),
    /** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    SUPPLEMENT_REQUEST("supplement-request", "SUPPLEMENT_REQUESTED"),
    /** Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    REFUSAL("refusal", "REFUSED"),
    /** Mẫu số 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả, issued by the agency that apologised. */
    APOLOGY("apology", "APOLOGY"),
    /** Mẫu số 05: Phiếu kiểm soát quá trình giải quyết hồ sơ, one line per hand-over of the process. */
    CONTROL_SLIP("control-slip", "ACCEPTED");

    private final String slug;
    private final String decision;

    Form(String slug, String decision) {
        this.slug = slug;
        this.decision = decision;
    }

    /** The name in URLs, file names, templates and message keys. */
    public String slug() {
        return slug;
    }

    /** The history action whose time and officer the form carries. */
    String decision() {
        return decision;
    }

    /**
     * Whether the dossier has this form. A receipt stays printable after acceptance (a later status does
     * not undo it); so does a supplement request after the supplement came in; the apology once there was
     * one; the control slip from acceptance on.
     */
    boolean appliesTo(Detail dossier) {
        return switch (this) {
            case RECEIPT -> dossier.acceptedAt() != null && dossier.dueAt() != null;
            case SUPPLEMENT_REQUEST -> dossier.supplementItems() != null && !dossier.supplementItems().isEmpty();
            case REFUSAL -> dossier.refusalReason() != null;
            case APOLOGY -> dossier.apologyReason() != null && dossier.originalDueAt() != null && dossier.dueAt() != null;
            // The slip starts with the desk's hand-over at acceptance.
            case CONTROL_SLIP -> dossier.acceptedAt() != null && dossier.dueAt() != null;
        };
    }
}
