package vn.motcua.catalog;

/** The vocabulary of the procedure catalogue. */
public final class CatalogTypes {

    private CatalogTypes() {}

    /** DRAFT → PUBLISHED (by decision) → ABOLISHED; a published version replaced by a newer one is SUPERSEDED. */
    public enum ProcedureStatus { DRAFT, PUBLISHED, SUPERSEDED, ABOLISHED }

    /** Decree 42/2022 Art. 11: full online (toàn trình), partial online (một phần), or not online. */
    public enum OnlineLevel { FULL, PARTIAL, NONE }

    /** What happens to the time limit when the applicant is asked for a supplement during processing. */
    public enum ClockPolicy { RESTART, PAUSE }

    /** Bản chính, bản sao, bản sao có chứng thực. */
    public enum CopyKind { ORIGINAL, COPY, CERTIFIED_COPY }

    /**
     * When the applicant must have paid the procedure's fees and charges (phí, lệ phí) for the dossier to move on:
     * {@code NONE} (collected at any time before the result is returned, nothing waits for it),
     * {@code BEFORE_ACCEPTANCE} (the desk accepts only a paid dossier), {@code BEFORE_RETURN} (the result is
     * returned only once paid). A dossier waiting for its payment is in the national portal's status 6, "financial
     * obligation requested".
     */
    public enum PaymentTiming { NONE, BEFORE_ACCEPTANCE, BEFORE_RETURN }

    public enum TimeUnit { WORKING_DAYS, WORKING_HOURS }

    /** Đối tượng thực hiện: citizens (cá nhân) and/or organisations (tổ chức). */
    public enum Applicant { CITIZEN, ORGANIZATION }

    /** The roles a process step may name (those of the identity module that act on dossiers). */
    public enum StepRole { RECEPTION, SPECIALIST, LEADER, CLERK }

    /** Statutory time limit (thời hạn giải quyết). 1 working day = 8 working hours. */
    public record TimeLimit(Integer amount, TimeUnit unit) {

        public int hours() {
            return unit == TimeUnit.WORKING_DAYS ? amount * 8 : amount;
        }
    }
}
