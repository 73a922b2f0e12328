package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.MotcuaApplication;
import vn.motcua.support.Api;
import vn.motcua.support.WebSession;

/**
 * The PostgreSQL server stops under the running application and starts again: meanwhile every kind of call is
 * answered 503 with {@code Retry-After} (never a 4xx, which would blame the caller, nor a 500), a password that could
 * not be checked is no failed sign-in; afterwards the same calls work again, and a read whose connection broke is
 * repeated once on a new connection and answered.
 */
class DatabaseOutageTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static final String ALIVE_BYPASS_WINDOW = "com.zaxxer.hikari.aliveBypassWindowMs";

    @TempDir
    Path dir;

    @Test
    void a_database_outage_is_answered_503_with_retry_after_and_the_same_calls_work_once_it_is_back()
            throws Exception {
        int dbPort = freePort();
        EmbeddedPostgres postgres = start(dbPort);
        // Hikari hands out a connection used in the last 500 ms (this window) without checking it: widened, the call
        // after the server ended the connections surely meets a broken one, as under load after a restart.
        System.setProperty(ALIVE_BYPASS_WINDOW, "600000");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MotcuaApplication.class).run(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + dbPort + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                // The test waits less than production for a connection that will not come.
                "--spring.datasource.hikari.connection-timeout=2000",
                "--motcua.demo-data=true",
                "--motcua.data-dir=" + dir.resolve("app"),
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.vn.motcua.shared.web=ERROR")) {
            System.clearProperty(ALIVE_BYPASS_WINDOW); // read once, by the pool at its creation
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Api basic = Api.as(port, "admin");
            String token = basic.post("/api/v1/me/tokens", Map.of("name", "Giám sát", "days", 2)).json()
                    .get("token").asString();
            Api bearer = Api.anonymous(port).header("Authorization", "Bearer " + token);
            Map<String, Supplier<Integer>> calls = new LinkedHashMap<>();
            calls.put("an API read", () -> bearer.get("/api/v1/me/tokens").status());
            // A token not seen before, each time: its look-up needs the database (a known one is cached a while).
            calls.put("a bearer-token call", () -> Api.anonymous(port)
                    .header("Authorization", "Bearer mc_" + java.util.UUID.randomUUID()).get("/api/v1/me").status());
            calls.put("an API write", () -> bearer.post("/api/v1/me/tokens", Map.of("name", "x", "days", 1)).status());
            calls.put("a Basic sign-in", () -> basic.get("/api/v1/me").status());
            calls.put("a page", () -> page(port, "/procedures").statusCode());
            calls.put("a page sign-in", () -> {
                WebSession visitor = WebSession.anonymous(port);
                visitor.get("/login");
                return visitor.post("/login", Map.of("username", "admin", "password", Api.DEMO_PASSWORD)).status();
            });
            // Last: its account is remembered for a few seconds (PrincipalCache), by then long past.
            WebSession signedIn = WebSession.signIn(port, "admin").header("Accept", "text/html");
            calls.put("a signed-in page", () -> signedIn.get("/").status());
            Map<String, Integer> before = new LinkedHashMap<>();
            calls.forEach((name, call) -> before.put(name, call.get()));
            assertThat(before).as("before the outage").doesNotContainValue(503).doesNotContainValue(500);

            postgres.close();

            Map<String, Integer> during = new LinkedHashMap<>();
            calls.forEach((name, call) -> during.put(name, call.get()));
            assertThat(during).as("while the database is down").allSatisfy((name, status) -> assertThat(status)
                    .as(name).isEqualTo(503));
            Api.Response read = basic.get("/api/v1/me");
            assertThat(read.header("Retry-After")).isEqualTo("5");
            assertThat(read.contentType()).startsWith("application/problem+json");
            assertThat(read.json().get("status").asInt()).isEqualTo(503);
            Api.Response english = bearer.header("Accept-Language", "en").get("/api/v1/me/tokens");
            assertThat(english.header("Retry-After")).isEqualTo("5");
            assertThat(english.json().get("detail").asString()).contains("cannot reach its database");
            HttpResponse<String> page = page(port, "/procedures");
            assertThat(page.headers().firstValue("Retry-After")).contains("5");
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("503", "cơ sở dữ liệu");

            postgres = start(dbPort);

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (basic.get("/api/v1/me").status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Map<String, Integer> after = new LinkedHashMap<>();
            calls.forEach((name, call) -> after.put(name, call.get()));
            assertThat(after).as("the same calls once the database is back").isEqualTo(before);
            try (Connection connection = connect(dbPort);
                    ResultSet counts = connection.createStatement().executeQuery("""
                            select (select failed_attempts from account where username = 'admin'),
                                   (select count(*) from audit_entry where action = 'LOGIN_FAILED')""")) {
                counts.next();
                assertThat(counts.getInt(1)).as("failed sign-ins counted on the account").isZero();
                assertThat(counts.getInt(2)).as("failed sign-ins audited").isZero();
            }

            // A connection broken under the pool (the server ended it): the read is repeated once, on a new one.
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            double retries = meters.counter("motcua.database.retries").count();
            try (Connection admin = connect(dbPort)) {
                breakConnections(basic, admin);
                Api.Response repeated = basic.get("/api/v1/me");
                assertThat(repeated.status()).as(repeated.toString()).isEqualTo(200);
                assertThat(repeated.json().get("username").asString()).as("signed in on the repeat too")
                        .isEqualTo("admin");
                assertThat(meters.counter("motcua.database.retries").count())
                        .as("requests repeated after a broken connection").isEqualTo(retries + 1);

                // A write with an Idempotency-Key is repeated too, its body read again.
                breakConnections(basic, admin);
                Api.Response keyed = basic.header("Idempotency-Key", "outage-1")
                        .post("/api/v1/me/tokens", Map.of("name", "Sau sự cố", "days", 1));
                assertThat(keyed.status()).as(keyed.toString()).isEqualTo(201);
                assertThat(keyed.json().get("name").asString()).isEqualTo("Sau sự cố");
                assertThat(meters.counter("motcua.database.retries").count()).isEqualTo(retries + 2);
                retries = meters.counter("motcua.database.retries").count();

                // One without the key is not: only the client knows whether to send it again.
                breakConnections(basic, admin);
                Api.Response unkeyed = basic.post("/api/v1/me/tokens", Map.of("name", "Không khóa", "days", 1));
                assertThat(unkeyed.status()).as(unkeyed.toString()).isEqualTo(503);
                assertThat(unkeyed.header("Retry-After")).isEqualTo("5");
                assertThat(meters.counter("motcua.database.retries").count()).as("not repeated").isEqualTo(retries);
            }
        } finally {
            System.clearProperty(ALIVE_BYPASS_WINDOW);
            postgres.close();
        }
    }

    /** The server ends the application's connections (as a restart would): the next call meets a broken one. */
    private static void breakConnections(Api caller, Connection admin) throws Exception {
        assertThat(caller.get("/api/v1/me").status()).isEqualTo(200);
        admin.createStatement().execute("""
                select pg_terminate_backend(pid) from pg_stat_activity
                where pid <> pg_backend_pid() and backend_type = 'client backend'""");
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("timezone", "UTC").setLocaleConfig("locale", "C.UTF-8").start();
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static HttpResponse<String> page(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
