package vn.motcua.dossier.forms;

import vn.motcua.dossier.DossierViews.Detail;

/**
 * The printed forms of the desk's decision (one-stop-rules §1.2, Decree 118/2025). Their numbers are not
 * here but in {@code motcua.forms.numbers}: Circular 03/2025 may renumber them.
 */
public enum Form {
    /** Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    RECEIPT("receipt", "ACCEPTED"),
    /** Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    SUPPLEMENT_REQUEST("supplement-request", "SUPPLEMENT_REQUESTED"),
    /** Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    REFUSAL("refusal", "REFUSED");

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
     * not undo it); so does a supplement request after the supplement came in.
     */
    boolean appliesTo(Detail dossier) {
        return switch (this) {
            case RECEIPT -> dossier.acceptedAt() != null && dossier.dueAt() != null;
            case SUPPLEMENT_REQUEST -> dossier.supplementItems() != null && !dossier.supplementItems().isEmpty();
            case REFUSAL -> dossier.refusalReason() != null;
        };
    }
}
