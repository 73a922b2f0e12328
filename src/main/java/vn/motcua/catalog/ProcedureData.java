package vn.motcua.catalog;

import java.time.LocalDate;
import java.util.List;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeLimit;

/**
 * A procedure as the API reads and writes it (the JSON shape of docs/api.md and docs/catalog-import.md), also the row of an import and
 * what other modules get. Read-only parts ({@code status}, {@code version}, document {@code id}s,
 * publication) are ignored on input. {@code requiredAssuranceLevel} (1 or 2, default 1) is the level of electronic
 * identity an account needs to file the procedure online (Decree 69/2024/NĐ-CP Art. 12). {@code paymentTiming}
 * (default NONE) is what waits for the fees to be paid.
 */
public record ProcedureData(
        String code,
        String name,
        String field,
        String agencyName,
        String agencyCode,
        List<Applicant> applicants,
        TimeLimit timeLimit,
        OnlineLevel onlineLevel,
        Integer requiredAssuranceLevel,
        List<FeeData> fees,
        PaymentTiming paymentTiming,
        List<DocumentData> documents,
        List<StepData> steps,
        String result,
        String conditions,
        String legalBasis,
        ClockPolicy clockPolicy,
        ProcedureStatus status,
        Integer version,
        Integer revision,
        Publication publication) {

    /**
     * A fee or charge (phí, lệ phí) with its amount in VND; {@code onlineAmount}, when set, is what an online
     * applicant pays instead: councils reduce fees for online filing by resolution (Law on Fees and Charges
     * 2015 Art. 21), and the Ministry of Finance has done so for many national fees.
     */
    public record FeeData(String name, Long amount, Long onlineAmount, String note) {

        /** What the applicant owes for this line, by the channel the dossier came through. */
        public long amountFor(boolean online) {
            return online && onlineAmount != null ? onlineAmount : amount;
        }
    }

    public record DocumentData(Long id, String name, CopyKind copyKind, Integer count, Boolean mandatory,
            String templateName) {}

    public record StepData(Integer order, String name, String unitCode, StepRole role, Integer durationHours,
            String output) {}

    /** The decision that publishes a version (quyết định công bố). */
    public record Publication(String decisionNumber, LocalDate decisionDate, LocalDate effectiveFrom) {}

    /** The level of electronic identity an account needs to file online: 1 unless the version asks for 2. */
    public int assuranceLevel() {
        return requiredAssuranceLevel == null ? 1 : requiredAssuranceLevel;
    }

    /** What waits for the fees to be paid: nothing unless the version says. */
    public PaymentTiming payment() {
        return paymentTiming == null ? PaymentTiming.NONE : paymentTiming;
    }

    /** The sum of the step durations, which must equal the time limit in working hours. */
    public int stepHours() {
        return steps == null ? 0 : steps.stream().mapToInt(s -> s.durationHours() == null ? 0 : s.durationHours()).sum();
    }
}
