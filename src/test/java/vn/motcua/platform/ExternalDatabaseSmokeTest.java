package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotcuaApplication;
import vn.motcua.support.Api;

/**
 * Production runs on a PostgreSQL server, not the embedded one: the application starts against a configured
 * datasource in a schema of its own, migrates, loads the demo data on request and answers. The server is the one
 * {@code MOTCUA_TEST_DB_URL} names (with {@code MOTCUA_TEST_DB_USERNAME}, {@code MOTCUA_TEST_DB_PASSWORD}), or
 * else one the test starts apart from the application.
 */
class ExternalDatabaseSmokeTest {

    @TempDir
    Path serverDir;

    @Test
    void the_application_runs_on_an_external_postgresql_server_with_the_demo_data() throws Exception {
        String given = System.getenv("MOTCUA_TEST_DB_URL");
        if (given != null && !given.isBlank()) {
            runOn(given, System.getenv().getOrDefault("MOTCUA_TEST_DB_USERNAME", "postgres"),
                    System.getenv().getOrDefault("MOTCUA_TEST_DB_PASSWORD", ""));
            return;
        }
        // No server given: one started apart from the application, which sees only its URL and credentials.
        try (EmbeddedServer server = EmbeddedServer.start(serverDir, false)) {
            runOn(server.jdbcUrl(), EmbeddedServer.SUPERUSER, server.password());
        }
    }

    private void runOn(String url, String user, String password) throws Exception {
        String schema = "motcua_smoke_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute("create schema " + schema);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class).run(
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.flyway.schemas=" + schema,
                "--motcua.demo-data=true",
                "--motcua.data-dir=target/test-data/external",
                "--server.port=0",
                "--logging.level.root=WARN")) {
            assertThat(app.getBeanNamesForType(EmbeddedServer.class))
                    .as("no embedded server when a datasource is configured").isEmpty();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(Api.anonymous(port).get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
            Api.Response me = Api.as(port, "admin").get("/api/v1/me");
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(me.json().get("agencyCode").asString())
                    .isEqualTo("000.00.01.H27");
            assertThat(Api.anonymous(port).get("/api/public/calendar/deadline?from=2026-04-29T10:00:00&workingDays=2")
                    .json().get("due").asString()).isEqualTo("2026-05-05T10:00:00");
        } finally {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                connection.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }
}
