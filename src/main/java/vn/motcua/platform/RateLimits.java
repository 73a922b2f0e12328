package vn.motcua.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.shared.ProblemException;

/**
 * Counts what an attacker repeats (sign-ups and codes sent, one-time codes tried, failed sign-ins, failed dossier
 * look-ups) per key — a client address, a login, a dossier code — and refuses a key that has used up its limit with
 * 429 and {@code Retry-After}. The counters are rows of {@code rate_limit_counter}, one per limit, key and window, so
 * that every node counts against the same limit (N nodes do not give N times the tries). Each hit is one atomic
 * upsert: parallel requests cannot slip under a limit.
 *
 * <p>Windows are fixed, aligned on the epoch ({@code 15m}: :00, :15, :30, :45): a key that spends its limit at the
 * end of one window may spend it again at the start of the next, so in the worst case twice the limit passes within
 * one window's length. That bound is what a few settings promise, for one statement per hit.
 *
 * <p>Hits are counted outside any transaction ({@link Propagation#NEVER}): a wrong code or a failed look-up must count
 * even though its request then fails and rolls back, and a second connection per request ({@code REQUIRES_NEW})
 * could exhaust the connection pool under the very flood the limits are for.
 */
@Component
public class RateLimits {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final int MAX_KEY = 254;

    private final JdbcClient jdbc;
    private final ClusterLock clusterLock;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, ClusterLock clusterLock, Clock clock) {
        this.jdbc = jdbc;
        this.clusterLock = clusterLock;
        this.clock = clock;
    }

    /**
     * Counts a hit of {@code key} and refuses it when it is one too many: 429 with {@code problemKey}, whose
     * {@code {0}} is the minutes to wait, and {@code Retry-After}.
     */
    @Transactional(propagation = Propagation.NEVER)
    public void take(String name, RateLimit limit, String key, String problemKey) {
        Instant now = clock.instant();
        if (count(name, limit, key, now) > limit.max()) {
            throw refusal(wait(limit, now), problemKey);
        }
    }

    /** Refuses {@code key} when it has used up its limit in this window, without counting this request. */
    @Transactional(propagation = Propagation.NEVER)
    public void check(String name, RateLimit limit, String key, String problemKey) {
        Optional<Duration> wait = blocked(name, limit, key);
        if (wait.isPresent()) {
            throw refusal(wait.get(), problemKey);
        }
    }

    /** How long {@code key} must wait when it has used up its limit in this window; empty when it may go on. */
    @Transactional(propagation = Propagation.NEVER)
    public Optional<Duration> blocked(String name, RateLimit limit, String key) {
        Instant now = clock.instant();
        int hits = jdbc.sql("select hits from rate_limit_counter where name = ? and key = ? and window_start = ?")
                .params(name, bounded(key), Timestamp.from(windowStart(limit, now)))
                .query(Integer.class).optional().orElse(0);
        return hits >= limit.max() ? Optional.of(wait(limit, now)) : Optional.empty();
    }

    /** Counts a hit of {@code key} (a failure, after the fact) without refusing anything: its hits in this window. */
    @Transactional(propagation = Propagation.NEVER)
    public int hit(String name, RateLimit limit, String key) {
        return count(name, limit, key, clock.instant());
    }

    /** Lifts every block of one limit at once (a false alarm from a shared public address; tests). */
    @Transactional(propagation = Propagation.NEVER)
    public void forget(String name) {
        jdbc.sql("delete from rate_limit_counter where name = ?").param(name).update();
    }

    private int count(String name, RateLimit limit, String key, Instant now) {
        Instant start = windowStart(limit, now);
        int hits = jdbc.sql("""
                insert into rate_limit_counter (name, key, window_start, window_end, hits) values (?, ?, ?, ?, 1)
                on conflict (name, key, window_start) do update set hits = rate_limit_counter.hits + 1
                returning hits""")
                .params(name, bounded(key), Timestamp.from(start), Timestamp.from(start.plus(limit.window())))
                .query(Integer.class).single();
        if (hits == limit.max()) {
            // Once per key and window: an operator sees who is refused, and may lift it (forget, or a row deleted).
            log.info("Rate limit {} ({}) reached by {}: refused until the window ends", name, limit, key);
        }
        return hits;
    }

    /** Windows that have passed are deleted, by one node at a time. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void purge() {
        clusterLock.runExclusively("platform.rate-limit-purge", () ->
                jdbc.sql("delete from rate_limit_counter where window_end <= ?").param(Timestamp.from(clock.instant()))
                        .update());
    }

    private static Instant windowStart(RateLimit limit, Instant now) {
        long size = limit.window().toMillis();
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, size));
    }

    private static Duration wait(RateLimit limit, Instant now) {
        return Duration.between(now, windowStart(limit, now).plus(limit.window()));
    }

    private static ProblemException refusal(Duration wait, String problemKey) {
        return ProblemException.tooManyRequests(wait, problemKey, RateLimit.minutes(wait));
    }

    /**
     * The key that stands for a client address: an IPv4 address as it is, an IPv6 address by its /64 prefix. One
     * subscriber (a home, a phone) is routinely given a whole /64 and may pick any of its 2^64 addresses, so counting
     * per full IPv6 address would give it as many fresh limits as it likes.
     */
    public static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal with ':' is parsed, never looked up in DNS; an IPv4-mapped address comes back as IPv4.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static String bounded(String key) {
        String value = key == null ? "" : key;
        return value.length() > MAX_KEY ? value.substring(0, MAX_KEY) : value;
    }
}
