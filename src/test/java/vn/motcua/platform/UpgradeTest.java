package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotcuaApplication;
import vn.motcua.support.Api;
import vn.motcua.support.Intakes;

/**
 * A database of the previous release migrates to this one with its data intact. The fixture
 * {@code upgrade/release-v12.sql.gz} is the data of a demo database made by that release (schema version 12: see
 * {@code upgrade/README.md}); it is loaded on a schema migrated to version 12, then the application starts on it
 * and Flyway brings it up to date (the dossier table is rebuilt in another column order on the way).
 */
class UpgradeTest {

    static final String FIXTURE = "/upgrade/release-v12.sql.gz";
    static final String RELEASE_VERSION = "12";

    @TempDir
    Path dataDir;

    @Test
    void a_demo_database_of_the_previous_release_keeps_every_row_and_works_after_the_upgrade() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(dataDir.resolve("db"), false)) {
            Flyway.configure().dataSource(server.jdbcUrl(), EmbeddedServer.SUPERUSER, server.password())
                    .locations("classpath:db/migration").target(RELEASE_VERSION).load().migrate();
            Map<String, List<String>> columns;
            try (Connection connection = connect(server)) {
                load(connection);
            }
            try (Connection connection = connect(server)) {
                columns = columns(connection);
                snapshot(connection, columns);
                assertThat(rows(connection, "release.dossier")).isEqualTo(150);
                assertThat(rows(connection, "release.dossier_handover")).isPositive();
                assertThat(rows(connection, "release.assigned_task")).isPositive();
                assertThat(rows(connection, "release.audit_entry")).isPositive();
            }

            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class).run(
                    "--spring.datasource.url=" + server.jdbcUrl(),
                    "--spring.datasource.username=" + EmbeddedServer.SUPERUSER,
                    "--spring.datasource.password=" + server.password(),
                    "--motcua.demo-data=false",
                    "--motcua.public-url=http://localhost",
                    "--motcua.data-dir=" + dataDir.resolve("files"),
                    "--server.port=0",
                    "--logging.level.root=WARN")) {
                try (Connection connection = connect(server)) {
                    assertThat(missing(connection, columns)).as("rows of the release changed or gone").isEmpty();
                    assertThat(rows(connection, "public.dossier")).isEqualTo(150);
                }
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                Api admin = Api.as(port, "admin");
                assertThat(admin.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();

                String oldCode;
                long oldId;
                try (Connection connection = connect(server);
                        ResultSet last = connection.createStatement().executeQuery(
                                "select code, id from dossier where returned_at is not null order by id desc limit 1")) {
                    assertThat(last.next()).isTrue();
                    oldCode = last.getString(1);
                    oldId = last.getLong(2);
                }
                Api.Response old = Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + oldCode);
                assertThat(old.status()).as(old.toString()).isEqualTo(200);
                assertThat(old.json().get("status").asString()).isEqualTo("RETURNED");

                Api.Response received = Api.as(port, "tiepnhan").post("/api/v1/dossiers",
                        Intakes.accepted(port, Intakes.procedure(port, "giay phep xay dung"), "Trần Thị Nâng Cấp"));
                assertThat(received.status()).as(received.toString()).isEqualTo(201);
                try (Connection connection = connect(server);
                        ResultSet id = connection.createStatement().executeQuery(
                                "select id from dossier where code = '" + received.json().get("code").asString() + "'")) {
                    assertThat(id.next()).isTrue();
                    assertThat(id.getLong(1)).as("identifiers go on after the release's").isGreaterThan(oldId);
                }
            }
        }
    }

    private static Connection connect(EmbeddedServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), EmbeddedServer.SUPERUSER, server.password());
    }

    /**
     * Runs a {@code pg_dump --data-only} script: its single-line statements through JDBC, its {@code COPY … FROM
     * stdin} blocks through the driver's copy API; psql's meta-commands ({@code \restrict}) are skipped. The
     * tables are emptied first, without their triggers (the audit log forbids deleting): the dump holds the rows the
     * migrations seeded, as the release left them.
     */
    private static void load(Connection connection) throws IOException, SQLException {
        try (InputStream gz = UpgradeTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(gz).as(FIXTURE).isNotNull();
            BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz),
                    StandardCharsets.UTF_8));
            StringBuilder statement = new StringBuilder();
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute("set session_replication_role = replica");
                for (String table : columns(connection).keySet()) {
                    jdbc.execute("delete from " + table);
                }
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (statement.isEmpty() && (line.isBlank() || line.startsWith("--") || line.startsWith("\\"))) {
                        continue;
                    }
                    if (statement.isEmpty() && line.startsWith("COPY ")) {
                        StringBuilder rows = new StringBuilder();
                        for (String row = lines.readLine(); !"\\.".equals(row); row = lines.readLine()) {
                            rows.append(row).append('\n');
                        }
                        connection.unwrap(PGConnection.class).getCopyAPI()
                                .copyIn(line.substring(0, line.length() - 1), new StringReader(rows.toString()));
                        continue;
                    }
                    statement.append(line).append('\n');
                    if (line.endsWith(";")) {
                        jdbc.execute(statement.toString());
                        statement.setLength(0);
                    }
                }
            }
        }
    }

    /** Every table's columns (but Flyway's own), by name: the comparison does not depend on their order. */
    private static Map<String, List<String>> columns(Connection connection) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t using (table_schema, table_name)
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and c.table_name <> 'flyway_schema_history'
                order by c.table_name, c.column_name""")) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return columns;
    }

    /** Copies each table's rows (those columns only) into the schema {@code release}. */
    private static void snapshot(Connection connection, Map<String, List<String>> columns) throws SQLException {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute("create schema release");
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                jdbc.execute("create table release." + table.getKey() + " as select " + list(table.getValue())
                        + " from public." + table.getKey());
            }
        }
    }

    /** The tables with rows of the release that are no longer there, each with how many (none: an empty map). */
    private static Map<String, Long> missing(Connection connection, Map<String, List<String>> columns)
            throws SQLException {
        Map<String, Long> missing = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> table : columns.entrySet()) {
            String list = list(table.getValue());
            try (ResultSet row = connection.createStatement().executeQuery("select count(*) from (select " + list
                    + " from release." + table.getKey() + " except all select " + list + " from public."
                    + table.getKey() + ") gone")) {
                row.next();
                if (row.getLong(1) > 0) {
                    missing.put(table.getKey(), row.getLong(1));
                }
            }
        }
        return missing;
    }

    private static long rows(Connection connection, String table) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String list(List<String> columns) {
        return String.join(", ", columns.stream().map(name -> '"' + name + '"').toList());
    }
}
