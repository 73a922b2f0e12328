package vn.motcua.dossier;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a dossier stands, mapped onto the status codes of the National Public Service Portal, as the systems
 * that exchange data with it use them (Circular 04/2025/TT-VPCP): 1 newly registered … 10 result returned.
 *
 * <p>The sets below are the only place the code groups statuses; SQL uses {@link #sql(Set)}, and
 * {@code DossierStatusTest} holds the migrations' partial indexes to the same sets.
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

    /** Someone at a unit must act now: the desk's check, a processing step, or the return of the result. */
    public static final Set<DossierStatus> QUEUED = set(NEW, ACCEPTED, IN_PROCESS, RESULT_READY);

    /**
     * Accepted, no result yet, and the statutory clock runs: it can fall overdue. While the applicant is asked for
     * a supplement the clock stops, so a dossier waiting for one is not overdue; nor is one waiting for its fees
     * (6), asked either before acceptance (no clock yet) or once the result is ready (judged then).
     */
    public static final Set<DossierStatus> CLOCK_RUNNING = set(ACCEPTED, IN_PROCESS);

    /** No result yet and not ended: may still be stopped or withdrawn. */
    public static final Set<DossierStatus> OPEN = set(NEW, ACCEPTED, IN_PROCESS, SUPPLEMENT_REQUESTED,
            FINANCIAL_OBLIGATION);

    /**
     * An electronic result may be issued: accepted and being processed (the applicant's financial obligation
     * included), or the result ready at the desk; not while a supplement is awaited, nor once returned or ended.
     */
    public static final Set<DossierStatus> RESULT_ISSUABLE = set(ACCEPTED, IN_PROCESS, FINANCIAL_OBLIGATION,
            RESULT_READY);

    /** Ended: nothing more happens to the dossier. */
    public static final Set<DossierStatus> CLOSED = set(REFUSED, WITHDRAWN, STOPPED, RETURNED);

    /** Counted as received in the statistics: every dossier the desk registered except those refused at intake. */
    public static final Set<DossierStatus> COUNTED_AS_RECEIVED = Collections.unmodifiableSet(
            EnumSet.complementOf(EnumSet.of(REFUSED)));

    private final int code;

    DossierStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The SQL twin of a set: {@code status_code in (1, 2, 4, 9)}, on the dossier's {@code status_code} column. */
    public static String sql(Set<DossierStatus> statuses) {
        return "status_code in (" + statuses.stream().map(s -> String.valueOf(s.code))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static Set<DossierStatus> set(DossierStatus first, DossierStatus... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }
}
