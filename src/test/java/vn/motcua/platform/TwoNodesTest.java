package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.MotcuaApplication;
import vn.motcua.support.Api;
import vn.motcua.support.Intakes;
import vn.motcua.support.WebSession;

/**
 * Two nodes on one PostgreSQL server, as behind a load balancer without sticky sessions: what one node knows of a
 * browser or of a guesser, the other knows too, because it is kept in the database and not in a node's memory.
 */
class TwoNodesTest {

    @TempDir
    static Path serverDir;

    static EmbeddedServer server;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodesOnOneServer() throws Exception {
        server = EmbeddedServer.start(serverDir, false);
        // One after the other: the first migrates and loads the demo, the second finds both done.
        nodeA = node("a");
        nodeB = node("b");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
            if (node != null) {
                node.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_staff_page_session_signed_in_on_one_node_goes_on_on_the_other_with_the_same_cookie() {
        WebSession onA = WebSession.signIn(port(nodeA), "tiepnhan");
        assertThat(onA.get("/desk").status()).isEqualTo(200);

        WebSession onB = onA.at(port(nodeB));
        Api.Response desk = onB.get("/desk");
        assertThat(desk.status()).as("signed in on B without signing in again").isEqualTo(200);
        assertThat(desk.body()).contains("name=\"_csrf\"");
        // A form posted on B with the CSRF token of the session opened on A: the token lives in the session too.
        Api.Response signOut = onB.post("/logout", Map.of());
        assertThat(signOut.status()).isEqualTo(302);
        assertThat(onA.get("/desk").header("Location")).as("signed out on A as well").contains("/login");

        var timeouts = JdbcClient.create(nodeA.getBean(javax.sql.DataSource.class))
                .sql("select max_inactive_interval from spring_session").query(Integer.class).list();
        assertThat(timeouts).as("sessions are rows of the shared database, with the timeout of"
                + " server.servlet.session.timeout (30 minutes)").isNotEmpty().containsOnly(1800);
    }

    @Test
    void the_public_look_up_guard_counts_the_wrong_pins_of_both_nodes_together() {
        String procedure = Intakes.procedure(port(nodeA), "giay phep xay dung");
        var receipt = Api.as(port(nodeA), "tiepnhan")
                .post("/api/v1/dossiers", Intakes.accepted(port(nodeA), procedure, "Trần Văn Hai Nút")).json();
        String code = receipt.get("code").asString();
        String pin = receipt.get("lookupPin").asString();
        String wrong = pin.equals("111111") ? "222222" : "111111";

        for (int i = 0; i < 5; i++) {
            assertThat(Api.anonymous(port(nodeA)).get("/api/public/dossiers/" + code + "?pin=" + wrong).status())
                    .isEqualTo(404);
            assertThat(Api.anonymous(port(nodeB)).get("/api/public/dossiers/" + code + "?pin=" + wrong).status())
                    .isEqualTo(404);
        }
        // Ten wrong PINs in all, five on each node: each alone would have allowed more; together they are refused.
        assertThat(Api.anonymous(port(nodeA)).get("/api/public/dossiers/" + code + "?pin=" + pin).status())
                .isEqualTo(429);
        assertThat(Api.anonymous(port(nodeB)).get("/api/public/dossiers/" + code + "?pin=" + pin).status())
                .isEqualTo(429);
    }

    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(MotcuaApplication.class).run(
                "--spring.datasource.url=" + server.jdbcUrl(),
                "--spring.datasource.username=" + EmbeddedServer.SUPERUSER,
                "--spring.datasource.password=" + server.password(),
                "--motcua.demo-data=true",
                "--motcua.demo.history-dossiers=0",
                "--motcua.data-dir=target/test-data/two-nodes-" + name,
                "--motcua.notification.poll-interval=1h",
                "--server.port=0",
                "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
