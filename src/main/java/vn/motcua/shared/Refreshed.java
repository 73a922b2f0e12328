package vn.motcua.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read again at most every {@code period}: for figures that several callers ask for often (a Prometheus
 * scrape reads each gauge) but that cost a query. Two callers at the moment it expires may both read it; the
 * value is the same.
 */
public final class Refreshed<T> {

    private record Reading<T>(Instant at, T value) {}

    private final Duration period;
    private final Clock clock;
    private final Supplier<T> read;
    private volatile Reading<T> last;

    public Refreshed(Duration period, Clock clock, Supplier<T> read) {
        this.period = period;
        this.clock = clock;
        this.read = read;
    }

    public T get() {
        Instant now = clock.instant();
        Reading<T> current = last;
        if (current == null || current.at().plus(period).isBefore(now)) {
            current = new Reading<>(now, read.get());
            last = current;
        }
        return current.value();
    }
}
