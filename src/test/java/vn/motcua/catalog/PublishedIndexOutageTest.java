package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import vn.motcua.shared.DatabaseUnavailable;
import vn.motcua.support.IntegrationTest;

/**
 * The index of published procedures when the database fails it: never an empty index taken for the catalogue (every
 * procedure unpublished, an intake refused 422 for the server's failure), but a 503 while it cannot be loaded, a new
 * attempt by the next caller, and callers that wait for a load under way. Uses the demo's published procedures.
 */
@IntegrationTest
class PublishedIndexOutageTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_index_that_could_not_be_loaded_is_a_database_outage_and_the_next_caller_loads_it() {
        String code = aPublishedCode();
        AtomicInteger failures = new AtomicInteger(1);
        PublishedIndex index = new PublishedIndex(JdbcClient.create(new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (failures.getAndDecrement() > 0) {
                    throw new SQLTransientConnectionException("Connection is not available, request timed out");
                }
                return super.getConnection();
            }
        }));

        assertThatThrownBy(() -> index.versionInForce(code)).isInstanceOf(DatabaseUnavailable.class);
        assertThat(index.versionInForce(code)).as("loaded by the next caller").isNotNull();
    }

    @Test
    void a_caller_waits_for_the_first_load_under_way_instead_of_reading_an_empty_index() throws Exception {
        String code = aPublishedCode();
        CountDownLatch loadStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger connections = new AtomicInteger();
        PublishedIndex index = new PublishedIndex(JdbcClient.create(new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (connections.getAndIncrement() == 0) {
                    loadStarted.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.getConnection();
            }
        }));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> index.versionInForce(code));
        assertThat(loadStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> index.versionInForce(code));
        Thread.sleep(200);
        assertThat(second).as("the second caller waits for the load").isNotDone();
        release.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(first.get(10, TimeUnit.SECONDS)).isNotNull();
    }

    private String aPublishedCode() {
        return jdbc.sql("select code from procedure_version where status = 'PUBLISHED' order by code limit 1")
                .query(String.class).single();
    }
}
