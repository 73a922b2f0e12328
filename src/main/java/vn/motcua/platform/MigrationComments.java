package vn.motcua.platform;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrations whose comments were corrected after databases had applied them: Flyway compares each applied
 * migration's checksum with the file's and refuses to start on a difference. For exactly these versions, and
 * only when the stored checksum is the one of the old text, the stored checksum is replaced by the new one
 * before migrating; any other difference still stops the start-up, as it should.
 */
@Configuration(proxyBeanMethods = false)
class MigrationComments {

    /** Version → {checksum of the old text, checksum of the corrected text} (Flyway's CRC-32 of the lines). */
    static final Map<String, int[]> CORRECTED = Map.of(
            "8", new int[] {-1174206406, 1842016488},
            "9", new int[] {313179053, 1731126246},
            "10", new int[] {-173001773, 1495544564});

    @Bean
    FlywayMigrationStrategy migrateWithCorrectedComments() {
        return flyway -> {
            realign(flyway);
            flyway.migrate();
        };
    }

    static void realign(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        String table = flyway.getConfiguration().getTable();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        if (!jdbc.sql("select to_regclass(?) is not null").param(table).query(Boolean.class).single()) {
            return;
        }
        CORRECTED.forEach((version, checksums) -> jdbc
                .sql("update " + table + " set checksum = ? where version = ? and checksum = ?")
                .params(checksums[1], version, checksums[0]).update());
    }
}
