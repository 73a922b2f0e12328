package vn.motcua.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.motcua.shared.VietnamTime;

/**
 * The application's clock in tests: the system clock, unless a test sets it to a moment of its own (deadlines
 * at their boundaries). A test that sets it resets it afterwards; tests run one at a time.
 */
public final class TestClock extends Clock {


    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Sets the clock to a wall-clock time in Vietnam. */
    public void set(LocalDateTime vietnamTime) {
        fixed.set(vietnamTime.atZone(VietnamTime.ZONE).toInstant());
    }

    public void advance(Duration duration) {
        fixed.updateAndGet(now -> (now == null ? Instant.now() : now).plus(duration));
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant now = fixed.get();
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Clock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
