package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application killed with {@code kill -9} leaves its PostgreSQL server running on the data directory; the next
 * start stops that server and comes up at once, with what was committed.
 */
class EmbeddedServerCrashTest {

    @TempDir
    Path dataDir;

    @Test
    void a_restart_after_the_application_was_killed_stops_the_orphaned_server_and_keeps_the_committed_data()
            throws Exception {
        Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Crashing.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.equals("COMMITTED")) {
                // the child's log, until it has committed its row
            }
            assertThat(line).as("the child application committed a row").isEqualTo("COMMITTED");
        }
        application.destroyForcibly(); // SIGKILL: nothing of the application's shutdown runs
        assertThat(application.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long orphan = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("the server outlived the application")
                .contains(true);

        long started = System.nanoTime();
        try (EmbeddedServer server = EmbeddedServer.start(dataDir, true)) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertThat(seconds).as("the restart did not wait out the library's 60 s start-up limit").isLessThan(45);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            try (Connection connection = connect(server);
                    ResultSet kept = connection.createStatement().executeQuery("select note from kept")) {
                assertThat(kept.next()).isTrue();
                assertThat(kept.getString(1)).isEqualTo("hồ sơ 1");
            }
        }
    }

    /** Whatever happened above, no server is left running on the temporary directory. */
    @org.junit.jupiter.api.AfterEach
    void noServerLeftBehind() throws Exception {
        EmbeddedServer.stopOrphan(dataDir.resolve("postgres"));
    }

    private static Connection connect(EmbeddedServer server) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedServer.SUPERUSER);
        properties.setProperty("password", server.password());
        return DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    /** The application, reduced to its database: starts the server, commits a row, says so, and waits to be killed. */
    static final class Crashing {

        public static void main(String[] args) throws Exception {
            EmbeddedServer server = EmbeddedServer.start(Path.of(args[0]), true);
            try (Connection connection = connect(server)) {
                connection.createStatement().execute("create table kept (note text); insert into kept values ('hồ sơ 1')");
            }
            System.out.println("COMMITTED");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
