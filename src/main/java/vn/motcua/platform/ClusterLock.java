package vn.motcua.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a scheduled job on one node at a time when several nodes share the database: the job runs inside a
 * transaction holding the PostgreSQL advisory lock named after it ({@code pg_try_advisory_xact_lock}); a
 * node that finds the lock taken skips its turn instead of waiting. The lock goes with the transaction, so a
 * node that dies mid-job frees it at once. Called inside a transaction, the job joins it and the lock is held
 * until that transaction ends.
 */
@Component
public class ClusterLock {

    /** First key of the two-key advisory locks ("mc"), so that job names never meet other advisory locks. */
    private static final int NAMESPACE = 0x6d63;

    private static final Logger log = LoggerFactory.getLogger(ClusterLock.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    ClusterLock(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * Runs {@code job} unless another node (or thread) is running the job of the same name.
     *
     * @return {@code true} if the job ran here, {@code false} if it was already running elsewhere
     */
    public boolean runExclusively(String jobName, Runnable job) {
        Boolean ran = transaction.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?, hashtext(?))")
                    .params(NAMESPACE, jobName).query(Boolean.class).single();
            if (!locked) {
                return false;
            }
            // At DEBUG, when each run began and ended on this node: scripts/faults.sh reads the lines of both nodes
            // to show that no job ran on two nodes at once.
            log.debug("Job {} started", jobName);
            job.run();
            log.debug("Job {} ended", jobName);
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }
}
