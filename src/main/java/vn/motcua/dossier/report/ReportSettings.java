package vn.motcua.dossier.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.reports.*}: how the statutory statistics judge lateness, and the heading of the statistics sheet.
 *
 * <p>The defaults follow the national dashboard's definitions (Decision 766/QĐ-TTg indicators, as the National
 * Public Service Portal computes them), so that our figures match the portal's: a dossier is judged against the
 * due date it was given (an apology's new date does not make it on time), and the end of processing is the first
 * of "processed", "returned" or "stopped, refused, withdrawn", so a stopped or withdrawn dossier is judged by the
 * time it was closed. Both definitions come from one secondary source; hence settings.
 *
 * @param lateness {@code motcua.reports.lateness.rescheduled} and {@code .closed}
 * @param formCode the table's code in the Government Office's reporting regime (Circular 01/2020/TT-VPCP)
 * @param receivingUnit who receives the report (Đơn vị nhận báo cáo): for an agency of the city, the Office of
 *     the city People's Committee
 */
@ConfigurationProperties("motcua.reports")
public record ReportSettings(Lateness lateness, String formCode, String receivingUnit) {

    public ReportSettings {
        lateness = lateness == null ? new Lateness(null, null) : lateness;
        formCode = formCode == null || formCode.isBlank() ? "06/VPCP/KSTT" : formCode.strip();
        receivingUnit = receivingUnit == null || receivingUnit.isBlank()
                ? "Văn phòng Ủy ban nhân dân thành phố Hải Phòng" : receivingUnit.strip();
    }

    /** Against which due time a dossier rescheduled by an apology (Form 04) is judged. */
    public enum Rescheduled {
        /** The due time first given to the applicant (the national dashboard's definition). */
        ORIGINAL,
        /** The new due time of the apology. */
        NEW
    }

    /** How a dossier stopped (status 8) or withdrawn (status 7) counts. */
    public enum Closed {
        /** Resolved when closed: on time if closed by its due time, late after it (the national dashboard's). */
        JUDGED,
        /** Resolved on time, whenever closed. */
        ON_TIME,
        /** Not counted at all: neither received nor resolved. */
        EXCLUDED
    }

    public record Lateness(Rescheduled rescheduled, Closed closed) {

        public Lateness {
            rescheduled = rescheduled == null ? Rescheduled.ORIGINAL : rescheduled;
            closed = closed == null ? Closed.JUDGED : closed;
        }
    }
}
