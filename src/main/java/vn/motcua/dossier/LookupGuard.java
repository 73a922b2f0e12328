package vn.motcua.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.shared.ProblemException;

/**
 * Stops PIN guessing on the public lookup: more than 10 failed look-ups of one code, or from one client
 * address, within 15 minutes are refused with 429 — the right PIN included, until the window passes.
 * Counted per application node (with N nodes an attacker gets at most N × 10 tries per window, against
 * a million possible PINs).
 */
@Component
class LookupGuard {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 200_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LookupGuard(Clock clock) {
        this.clock = clock;
    }

    void check(String code, String address) {
        Instant since = clock.instant().minus(WINDOW);
        if (count("code:" + code, since) >= MAX_FAILURES || count("ip:" + address, since) >= MAX_FAILURES) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "dossier.lookup.too-many");
        }
    }

    void failed(String code, String address) {
        if (failures.size() > MAX_KEYS) {
            forgetOld();
        }
        Instant now = clock.instant();
        for (String key : new String[] {"code:" + code, "ip:" + address}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > MAX_FAILURES + 1) {
                    times.removeFirst();
                }
            }
        }
    }

    private int count(String key, Instant since) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            return (int) times.stream().filter(t -> t.isAfter(since)).count();
        }
    }

    /** Lifts every block at once (e.g. after a false alarm from a shared public address). */
    void forgetAll() {
        failures.clear();
    }

    @Scheduled(fixedDelay = 300_000)
    void forgetOld() {
        Instant since = clock.instant().minus(WINDOW);
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().stream().noneMatch(t -> t.isAfter(since));
            }
        });
    }
}
