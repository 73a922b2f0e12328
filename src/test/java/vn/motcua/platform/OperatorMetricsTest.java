package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Api;
import vn.motcua.support.Intakes;
import vn.motcua.support.IntegrationTest;

/** What the operator of a desk watches in Prometheus moves with the work, and only an administrator reads it. */
@IntegrationTest
class OperatorMetricsTest {

    static final String BUILDING_PERMIT = "1.009794.000.00.00.H27";

    @LocalServerPort
    int port;

    String scrape() {
        Api.Response response = Api.as(port, "admin").get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The value of the sample {@code name} whose labels contain {@code label} (0 when there is none yet). */
    static double value(String scrape, String name, String label) {
        return scrape.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(label)).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(0.0);
    }

    @Test
    void an_accepted_demo_building_permit_and_a_wrong_password_are_counted_and_the_backlogs_are_there() {
        String before = scrape();
        Api.Response received = Api.as(port, "tiepnhan").post("/api/v1/dossiers",
                Intakes.accepted(port, BUILDING_PERMIT, "Vũ Văn Đếm"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(Api.as(port, "tiepnhan", "Sai@mat-khau1").get("/api/v1/me").status()).isEqualTo(401);

        String after = scrape();
        assertThat(value(after, "motcua_dossier_changes_total", "action=\"ACCEPTED\"")
                - value(before, "motcua_dossier_changes_total", "action=\"ACCEPTED\"")).isEqualTo(1.0);
        assertThat(value(after, "motcua_logins_failed_total", "")
                - value(before, "motcua_logins_failed_total", "")).isEqualTo(1.0);
        assertThat(after).containsPattern("(?m)^motcua_dossiers_open\\{?[^ ]* \\d")
                .containsPattern("(?m)^motcua_dossiers_overdue\\{?[^ ]* \\d")
                .containsPattern("(?m)^motcua_queue_oldest_age_seconds\\{?[^ ]* \\d")
                .containsPattern("(?m)^motcua_outbox_backlog\\{?[^ ]* \\d")
                .containsPattern("(?m)^motcua_outbox_oldest_age_seconds\\{?[^ ]* \\d");
        assertThat(value(after, "motcua_dossiers_open", "")).isPositive();
    }

    @Test
    void staff_other_than_administrators_are_refused_the_metrics() {
        assertThat(Api.as(port, "tiepnhan").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
    }
}
