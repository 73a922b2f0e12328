package vn.motcua.dossier;

/**
 * Where a dossier stands, mapped onto the status codes exchanged with the National Public Service Portal
 * (one-stop-rules §1): 1 newly registered … 10 result returned.
 */
public enum DossierStatus {
    NEW(1),
    ACCEPTED(2),
    REFUSED(3),
    IN_PROCESS(4),
    SUPPLEMENT_REQUESTED(5),
    FINANCIAL_OBLIGATION(6),
    WITHDRAWN(7),
    STOPPED(8),
    RESULT_READY(9),
    RETURNED(10);

    private final int code;

    DossierStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
