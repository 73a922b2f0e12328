package vn.motcua.dossier;

import java.time.Instant;

/**
 * The timing of an online dossier's intake ({@link OnlineIntakeClock}); every field {@code null} for a dossier
 * received at the desk or by post.
 *
 * @param countsFrom when the desk's check counts from: the moment the dossier (or the supplement asked at intake)
 *     arrived, or the start of the next office session when it arrived outside office hours
 * @param checkDueAt by when the desk must have checked it (accepted, asked for a supplement, or refused)
 * @param supplementDueAt while the applicant is asked at intake for a supplement (Form 02): by when it must arrive,
 *     after which the dossier is not accepted; {@code null} otherwise
 */
record OnlineIntake(Instant countsFrom, Instant checkDueAt, Instant supplementDueAt) {

    static final OnlineIntake NONE = new OnlineIntake(null, null, null);

    OnlineIntake awaitingSupplement(Instant due) {
        return new OnlineIntake(countsFrom, checkDueAt, due);
    }

    /** Nothing is awaited from the applicant any more (supplied, refused, closed). */
    OnlineIntake answered() {
        return supplementDueAt == null ? this : new OnlineIntake(countsFrom, checkDueAt, null);
    }
}
