package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/** What says the database could not be reached, however deep the layers wrapped it. */
class DatabaseUnavailableTest {

    @Test
    void a_rollback_that_failed_on_the_broken_connection_is_judged_by_the_failure_it_overrode() {
        // As measured when PostgreSQL crashed under load: the insert failed on a reset connection, then the rollback
        // failed on the connection the pool had closed meanwhile.
        SQLException reset = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("insert failed", reset));

        assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
        assertThat(DatabaseUnavailable.isBrokenConnection(rollback)).isTrue();
    }

    @Test
    void a_commit_whose_rollback_then_failed_is_an_outage_but_not_retried_as_a_broken_connection() {
        // The commit's own failure is logged and lost ("Commit exception overridden by rollback exception"): whether
        // it committed is unknown, so only the caller may repeat it (with its Idempotency-Key).
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));

        assertThat(DatabaseUnavailable.isCause(rollback)).isTrue();
        assertThat(DatabaseUnavailable.isBrokenConnection(rollback)).isFalse();
    }

    @Test
    void a_server_shutting_down_or_a_connection_exception_is_an_outage_and_a_constraint_is_not() {
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("terminating", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("refused", "08001"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
