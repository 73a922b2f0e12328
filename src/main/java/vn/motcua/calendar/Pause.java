package vn.motcua.calendar;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An interval during which a time limit does not run, e.g. while the applicant prepares a
 * supplement (Form 02) or fulfils a financial obligation, where the procedure's policy says the
 * clock pauses rather than restarts. Local time in Asia/Ho_Chi_Minh.
 *
 * @param from when the clock stopped
 * @param to when it started again, not before {@code from}
 */
public record Pause(LocalDateTime from, LocalDateTime to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("pause ends before it starts: " + from + ".." + to);
        }
    }
}
