package vn.motcua.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.MotcuaProperties;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class DemoDataTest {

    @Autowired
    DemoData demo;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void the_demo_data_is_loaded_once_and_never_twice() {
        Map<String, Long> before = counts();
        assertThat(before.get("staff")).isGreaterThanOrEqualTo(75);
        assertThat(before.get("account")).isGreaterThanOrEqualTo(8);
        assertThat(before.get("procedure_version")).isGreaterThanOrEqualTo(40);
        assertThat(before.get("assigned_task")).isGreaterThanOrEqualTo(107);
        assertThat(before.get("dossier")).isPositive();

        demo.load();

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void the_demo_catalogue_covers_at_least_eight_fields_with_full_and_partial_online_procedures() {
        long fields = jdbc.sql("select count(distinct field) from procedure_version where status = 'PUBLISHED'"
                + " and code not like '9.%' and code not like '1.9%'").query(Long.class).single();
        assertThat(fields).isGreaterThanOrEqualTo(8);
        for (String level : new String[] {"FULL", "PARTIAL"}) {
            assertThat(jdbc.sql("select count(*) from procedure_version where status = 'PUBLISHED' and online_level = ?")
                    .param(level).query(Long.class).single()).as(level).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void the_demo_loads_by_default_on_the_embedded_database_only_and_the_setting_forces_it_either_way() {
        assertThat(new MotcuaProperties(null, null, null).demo(true)).isTrue();
        assertThat(new MotcuaProperties(null, null, null).demo(false)).isFalse();
        assertThat(new MotcuaProperties(null, true, null).demo(false)).isTrue();
        assertThat(new MotcuaProperties(null, false, null).demo(true)).isFalse();
    }

    @Test
    void no_synthetic_procedures_unless_asked_for() {
        assertThat(new DemoSettings(null).syntheticProcedures()).isZero();
        assertThat(new DemoSettings(new DemoSettings.Demo(2000, null, null, null)).syntheticProcedures()).isEqualTo(2000);
        assertThat(jdbc.sql("select count(*) from procedure_version where code like ?")
                .param(SyntheticProcedures.PREFIX + "%").query(Long.class).single()).isZero();
    }

    @Test
    void the_dossier_history_holds_3000_dossiers_of_one_year_unless_told_otherwise() {
        DemoSettings unset = new DemoSettings(null);
        assertThat(List.of(unset.historyDossiers(), unset.historyYears())).containsExactly(3000, 1);
        DemoSettings none = new DemoSettings(new DemoSettings.Demo(null, 0, 0, null));
        assertThat(List.of(none.historyDossiers(), none.historyYears())).containsExactly(0, 1);
    }

    @Test
    void the_demo_citizen_has_dossiers_online_and_at_the_desk_in_several_states_notices_and_a_draft() {
        Api congdan = Api.as(port, "congdan");
        JsonNode dossiers = congdan.get("/api/citizen/v1/dossiers?size=100").json().get("items");
        assertThat(dossiers.valueStream().map(d -> d.get("procedureCode").asString() + " " + d.get("status").asString()
                + " " + d.get("channel").asString())).contains(
                        PortalDemo.EXTRACT + " NEW ONLINE",
                        PortalDemo.PERMIT_EXTENSION + " SUPPLEMENT_REQUESTED ONLINE",
                        PortalDemo.PERMIT + " IN_PROCESS ONLINE",
                        PortalDemo.CERTIFICATE + " RETURNED ONLINE",
                        PortalDemo.PERMIT_REPAIR + " IN_PROCESS DIRECT");
        String returned = dossiers.valueStream().filter(d -> d.get("procedureCode").asString().equals(PortalDemo.CERTIFICATE))
                .findFirst().orElseThrow().get("code").asString();
        JsonNode certificate = congdan.get("/api/citizen/v1/dossiers/" + returned).json();
        assertThat(certificate.get("results")).hasSize(1);
        assertThat(certificate.get("dossier").get("timeline").valueStream().map(e -> e.path("officerName").asString("")))
                .contains("Trần Thị Thu Hà", "Hoàng Văn Nam", "Bùi Thị Mai");
        assertThat(congdan.get("/api/citizen/v1/notices?size=100").json().get("total").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(congdan.get("/api/citizen/v1/drafts").json().valueStream().map(d -> d.get("procedureCode").asString()))
                .contains(PortalDemo.CRIMINAL_RECORD);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("agency", "org_unit", "staff_position", "staff", "account", "procedure_version",
                "dossier", "assigned_task", "task_event", "audit_entry")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        return counts;
    }
}
