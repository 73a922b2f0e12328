package vn.motcua.dossier;

import java.time.Duration;
import java.time.Instant;

/**
 * The statutory clock of a dossier: it starts at acceptance (the receipt, Form 01, gives the due time), stops
 * while the applicant is asked for a supplement during processing, and is moved by an apology (Form 04) or by
 * the resumption rule of the procedure. {@code pausedSeconds} is the working time spent waiting.
 */
record DueClock(Instant acceptedAt, Instant dueAt, Instant waitingSince, long pausedSeconds) {

    static final DueClock NOT_STARTED = new DueClock(null, null, null, 0);

    boolean started() {
        return acceptedAt != null;
    }

    boolean waiting() {
        return waitingSince != null;
    }

    DueClock start(Instant at, Instant due) {
        return new DueClock(at, due, null, 0);
    }

    DueClock pause(Instant at) {
        return new DueClock(acceptedAt, dueAt, at, pausedSeconds);
    }

    /** Resumed after waiting {@code waited} of working time, with the due time now in force. */
    DueClock resume(Duration waited, Instant due) {
        return new DueClock(acceptedAt, due, null, pausedSeconds + waited.getSeconds());
    }

    DueClock dueAt(Instant due) {
        return new DueClock(acceptedAt, due, waitingSince, pausedSeconds);
    }

    /** Closed while waiting: nothing is awaited any more. */
    DueClock stopWaiting() {
        return new DueClock(acceptedAt, dueAt, null, pausedSeconds);
    }
}
