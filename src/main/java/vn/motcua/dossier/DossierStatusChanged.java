package vn.motcua.dossier;

import java.time.OffsetDateTime;

/**
 * A dossier's status changed: published in the transaction of the change, once per status it reached (an intake
 * accepted at the desk reaches NEW, ACCEPTED and IN_PROCESS in one change: three events), and for the two changes
 * the applicant is told of though the status may stay (APOLOGY with a new date, FEES_PAID). It carries what the
 * applicant must be told at once of every status change (Decree 224/2026/NĐ-CP Art. 15(1)(g)): the agency, the
 * officer who acted and the time. The dossier module tells the applicant by e-mail and SMS itself; other modules
 * (the citizens' portal) listen for their own purposes. A listener runs in the change's transaction, so one that
 * fails undoes the change: a listener that does slow or fallible work listens after the commit instead
 * ({@code @TransactionalEventListener} or Spring Modulith's {@code @ApplicationModuleListener}).
 *
 * @param action what happened, as the history records it (REGISTERED, ACCEPTED, SUPPLIED, REFUSED …)
 * @param agencyCode the agency of the unit where it happened (the desk's for intake, the processing unit's
 *     agency during processing)
 * @param officerName the full name of the member of staff who acted; {@code null} when the applicant acted
 *     online or the system did (a request for a supplement left unanswered)
 * @param applicantCitizenId the applicant's citizen ID number, {@code null} for an organisation without one
 * @param submittedBy the applicant's account that submitted the dossier online ({@code citizen:42}); {@code null}
 *     for a dossier received at the desk or by post
 * @param note the reason, the items asked for or the note of the change, if any
 */
public record DossierStatusChanged(String code, DossierStatus status, int statusCode, String action,
        String procedureName, String agencyCode, String agencyName, String officerName, OffsetDateTime at,
        String applicantCitizenId, String submittedBy, String note) {}
