package vn.motcua.dossier;

import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.motcua.platform.RateLimit;
import vn.motcua.platform.RateLimits;

/**
 * Stops PIN guessing on the public look-up (and on the rating, which answers like it): after 10 failed look-ups of
 * one code, or from one client address (an IPv6 client by its /64), within a window of 15 minutes, every look-up of that code or from that
 * address is refused with 429 — the right PIN included — until the window ends. Counted in the database
 * ({@link RateLimits}), so the limit holds whatever the number of nodes: against a million possible PINs.
 */
@Component
class LookupGuard {

    static final RateLimit FAILURES = new RateLimit(10, Duration.ofMinutes(15));
    private static final String BY_CODE = "lookup-code";
    private static final String BY_ADDRESS = "lookup-address";

    private final RateLimits limits;

    LookupGuard(RateLimits limits) {
        this.limits = limits;
    }

    void check(String code, String address) {
        limits.check(BY_CODE, FAILURES, code, "dossier.lookup.too-many");
        limits.check(BY_ADDRESS, FAILURES, RateLimits.clientKey(address), "dossier.lookup.too-many");
    }

    void failed(String code, String address) {
        limits.hit(BY_CODE, FAILURES, code);
        limits.hit(BY_ADDRESS, FAILURES, RateLimits.clientKey(address));
    }

    /** Lifts every block at once (e.g. after a false alarm from a shared public address). */
    void forgetAll() {
        limits.forget(BY_CODE);
        limits.forget(BY_ADDRESS);
    }
}
