package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotcuaApplication;
import vn.motcua.support.Api;

/**
 * Production runs on a PostgreSQL server, not the embedded one. When {@code MOTCUA_TEST_DB_URL} names
 * one (CI sets it when a server listens on 127.0.0.1:5432), the application starts against it in a
 * schema of its own, migrates, loads the demo data on request and answers.
 */
@EnabledIfEnvironmentVariable(named = "MOTCUA_TEST_DB_URL", matches = "jdbc:postgresql:.+")
class ExternalDatabaseSmokeTest {

    @Test
    void the_application_runs_on_an_external_postgresql_server_with_the_demo_data() throws Exception {
        String url = System.getenv("MOTCUA_TEST_DB_URL");
        String user = System.getenv().getOrDefault("MOTCUA_TEST_DB_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("MOTCUA_TEST_DB_PASSWORD", "");
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
