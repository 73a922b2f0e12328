package vn.motcua.dossier;

import java.time.Instant;

/**
 * How a dossier ended or stands at its end: the result ready at the desk (judged early, on time or late against
 * the due time then in force) and handed to the applicant; or stopped (8) or withdrawn (7) with the reason;
 * or refused at intake (3) with the reason.
 */
record Outcome(Instant resultReadyAt, Timeliness timeliness, Instant returnedAt, ReturnMethod returnMethod,
        Instant closedAt, String closingReason, String refusalReason) {

    static final Outcome NONE = new Outcome(null, null, null, null, null, null, null);

    Outcome resultReady(Instant at, Timeliness judged) {
        return new Outcome(at, judged, null, null, null, null, null);
    }

    Outcome returned(Instant at, ReturnMethod method) {
        return new Outcome(resultReadyAt, timeliness, at, method, null, null, null);
    }

    Outcome closed(Instant at, String reason) {
        return new Outcome(null, null, null, null, at, reason, null);
    }

    Outcome refused(String reason) {
        return new Outcome(null, null, null, null, null, null, reason);
    }
}
