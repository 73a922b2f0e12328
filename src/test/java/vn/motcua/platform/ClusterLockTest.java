package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.IntegrationTest;

/** A job guarded by {@link ClusterLock} runs in one place at a time; the others skip their turn. */
@IntegrationTest
class ClusterLockTest {

    @Autowired
    ClusterLock lock;

    @Test
    void aSecondRunnerSkipsWhileTheFirstHoldsTheJobAndRunsOnceItIsDone() throws Exception {
        String job = "test.job." + UUID.randomUUID();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = threads.submit(() -> lock.runExclusively(job, () -> {
                runs.incrementAndGet();
                entered.countDown();
                await(release);
            }));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

            Future<Boolean> second = threads.submit(() -> lock.runExclusively(job, runs::incrementAndGet));
            assertThat(second.get(30, TimeUnit.SECONDS)).as("second runner while the first holds the lock").isFalse();
            assertThat(threads.submit(() -> lock.runExclusively(job + ".other", () -> {})).get(30, TimeUnit.SECONDS))
                    .as("another job is not blocked").isTrue();

            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(runs).hasValue(1);

            assertThat(threads.submit(() -> lock.runExclusively(job, runs::incrementAndGet)).get(30, TimeUnit.SECONDS))
                    .as("after the first committed, the lock is free again").isTrue();
            assertThat(runs).hasValue(2);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aFailingJobFreesTheLock() {
        String job = "test.failing." + UUID.randomUUID();
        try {
            lock.runExclusively(job, () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the job's failure reaches the caller
        }
        assertThat(lock.runExclusively(job, () -> {})).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
