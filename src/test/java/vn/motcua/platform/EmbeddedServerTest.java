package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL asks every local connection for the password that only its owner can read. */
class EmbeddedServerTest {

    @TempDir
    Path dataDir;

    @Test
    void a_new_cluster_refuses_the_superuser_without_the_password_kept_readable_by_its_owner_only() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(dataDir, false)) {
            Path passwordFile = dataDir.resolve("postgres.password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSizeGreaterThan(30);

            assertThatThrownBy(() -> connect(server, null)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> connect(server, "postgres")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection connection = connect(server, server.password());
                    ResultSet settings = connection.createStatement().executeQuery("""
                            select current_setting('listen_addresses'),
                                   (select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'),
                                   (select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres')""")) {
                settings.next();
                assertThat(settings.getString(1)).isEqualTo("localhost");
                assertThat(settings.getInt(2)).as("pg_hba.conf lines other than scram-sha-256").isZero();
                assertThat(settings.getBoolean(3)).as("password stored as a SCRAM verifier").isTrue();
            }
        }
    }

    @Test
    void a_durable_server_flushes_each_commit_to_disk_and_a_throwaway_one_does_not() throws Exception {
        for (boolean durable : new boolean[] {true, false}) {
            try (EmbeddedServer server = EmbeddedServer.start(dataDir, durable);
                    Connection connection = connect(server, server.password());
                    ResultSet settings = connection.createStatement().executeQuery(
                            "select current_setting('fsync'), current_setting('synchronous_commit')")) {
                settings.next();
                String expected = durable ? "on" : "off";
                assertThat(settings.getString(1)).as("fsync, durable: " + durable).isEqualTo(expected);
                assertThat(settings.getString(2)).as("synchronous_commit, durable: " + durable).isEqualTo(expected);
            }
        }
    }

    @Test
    void a_cluster_of_an_earlier_release_that_trusted_local_connections_is_locked_at_its_next_start() throws Exception {
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            try (Connection connection = trusting.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create table kept (note text); insert into kept values ('hồ sơ')");
            }
        }
        try (EmbeddedServer server = EmbeddedServer.start(dataDir, false)) {
            assertThatThrownBy(() -> connect(server, null)).isInstanceOf(SQLException.class);
            try (Connection connection = connect(server, server.password());
                    ResultSet kept = connection.createStatement().executeQuery("select note from kept")) {
                kept.next();
                assertThat(kept.getString(1)).isEqualTo("hồ sơ");
            }
        }
    }

    @Test
    void a_lost_password_file_gets_a_new_password_at_the_next_start() throws Exception {
        String first;
        try (EmbeddedServer server = EmbeddedServer.start(dataDir, false)) {
            first = server.password();
        }
        Files.delete(dataDir.resolve("postgres.password"));
        try (EmbeddedServer server = EmbeddedServer.start(dataDir, false)) {
            assertThat(server.password()).isNotEqualTo(first);
            assertThatThrownBy(() -> connect(server, first)).isInstanceOf(SQLException.class);
            try (Connection connection = connect(server, server.password())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    private static Connection connect(EmbeddedServer server, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedServer.SUPERUSER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }
}
