package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.IntegrationTest;

/**
 * A database that applied a migration before its comments were corrected still starts; any other change to an
 * applied migration still stops the start-up.
 */
@IntegrationTest
class MigrationCommentsTest {

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restore() {
        MigrationComments.CORRECTED.forEach((version, checksums) -> checksum(version, checksums[1]));
    }

    @Test
    void the_corrected_checksums_are_those_of_the_migrations_as_they_are_now() {
        MigrationComments.CORRECTED.forEach((version, checksums) -> assertThat(jdbc
                .sql("select checksum from flyway_schema_history where version = ?").param(version)
                .query(Integer.class).single()).as("V" + version).isEqualTo(checksums[1]));
    }

    @Test
    void a_database_migrated_with_the_old_comments_is_realigned_and_validates() {
        MigrationComments.CORRECTED.forEach((version, checksums) -> checksum(version, checksums[0]));
        assertThatThrownBy(flyway::validate).as("Flyway refuses the old checksums").isNotNull();
        MigrationComments.realign(flyway);
        flyway.validate();
    }

    @Test
    void any_other_difference_is_left_for_flyway_to_refuse() {
        checksum("8", 12345);
        MigrationComments.realign(flyway);
        assertThatThrownBy(flyway::validate).hasMessageContaining("checksum");
    }

    private void checksum(String version, int value) {
        jdbc.sql("update flyway_schema_history set checksum = ? where version = ?").params(value, version).update();
    }
}
