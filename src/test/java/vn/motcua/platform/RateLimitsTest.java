package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.shared.ProblemException;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TestClock;

/**
 * Rate limits counted in the database: parallel requests (as from several nodes) never get past a limit, a window
 * that ends frees its keys, and a hit is never made inside a transaction that could roll it back.
 */
@IntegrationTest
class RateLimitsTest {

    private static final RateLimit FIVE_AN_HOUR = RateLimit.valueOf("5/1h");

    @Autowired
    RateLimits limits;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_limit_is_written_hits_per_duration_and_nothing_else_is_read_as_one() {
        assertThat(RateLimit.valueOf("5/1h")).isEqualTo(new RateLimit(5, Duration.ofHours(1)));
        assertThat(RateLimit.valueOf(" 3 / 15m ")).isEqualTo(new RateLimit(3, Duration.ofMinutes(15)));
        assertThat(RateLimit.valueOf("20/PT90S").toString()).isEqualTo("20/90s");
        assertThat(RateLimit.valueOf("30/15m").toString()).isEqualTo("30/15m");
        for (String wrong : new String[] {"5", "5/", "/1h", "0/1h", "-1/1h", "5/0s", "5/500ms", "năm/1h", "5/1h/2"}) {
            assertThatThrownBy(() -> RateLimit.valueOf(wrong)).as(wrong).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void sixteen_parallel_requests_of_one_key_get_exactly_five_through_a_limit_of_five() throws Exception {
        String key = UUID.randomUUID().toString();
        int threads = 16;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    try {
                        limits.take("test-parallel", FIVE_AN_HOUR, key, "problem.too-many-requests");
                        return true;
                    } catch (ProblemException e) {
                        assertThat(e.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                        return false;
                    }
                }));
            }
            int passed = 0;
            for (Future<Boolean> result : results) {
                passed += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(passed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_refusal_says_how_long_to_wait_and_the_next_window_starts_afresh() {
        clock.set(LocalDateTime.of(2026, 5, 4, 10, 40));
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            limits.take("test-window", FIVE_AN_HOUR, key, "problem.too-many-requests");
        }
        assertThat(limits.blocked("test-window", FIVE_AN_HOUR, key)).contains(Duration.ofMinutes(20));
        assertThatThrownBy(() -> limits.take("test-window", FIVE_AN_HOUR, key, "problem.too-many-requests"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(20));
                    assertThat(e.args()).containsExactly(20L);
                });
        assertThat(limits.blocked("test-window", FIVE_AN_HOUR, "another key")).isEmpty();
        clock.advance(Duration.ofMinutes(20));
        assertThat(limits.blocked("test-window", FIVE_AN_HOUR, key)).isEmpty();
        limits.take("test-window", FIVE_AN_HOUR, key, "problem.too-many-requests");

        clock.reset();
        limits.purge();
        assertThat(jdbc.sql("select count(*) from rate_limit_counter where name = 'test-window'").query(Integer.class)
                .single()).as("windows that have ended are deleted").isZero();
    }

    @Test
    void a_hit_inside_a_transaction_is_refused_so_that_a_rollback_cannot_undo_it() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                limits.hit("test-transaction", FIVE_AN_HOUR, "key")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
