package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Organization;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WebSession;

/**
 * Who sees which dossier ({@link DossierScope}): the Java rule and its SQL twin agree, and the work queues show
 * no more than the dossier list. On a procedure of this test's own with a clerk's step: desk VP.MC → VP.HCTC
 * (CLERK, the demo's clerk vanthu) → VP.LD (LEADER) → desk.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierScopeTest {

    static final String PROCEDURE = "1.984101.000.00.00.H27";
    static final String PASSWORD = "Pham-vi#2026";

    @LocalServerPort
    int port;

    @Autowired
    DossierStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organization organization;

    @Autowired
    Identity identity;

    long document;

    @BeforeAll
    void publishAProcessWithAClerksStep() {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of("code", PROCEDURE, "name", "Thủ tục thử nghiệm phạm vi hồ sơ",
                "field", "Hành chính tư pháp", "agencyName", "Văn phòng UBND thành phố Hải Phòng",
                "applicants", List.of("CITIZEN"), "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"),
                "onlineLevel", "PARTIAL", "clockPolicy", "RESTART",
                "documents", List.of(Map.of("name", "Tờ khai", "copyKind", "ORIGINAL", "count", 1, "mandatory", true)),
                "steps", List.of(
                        Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                        Map.of("order", 2, "name", "Vào sổ, lập phiếu", "unitCode", "VP.HCTC", "role", "CLERK", "durationHours", 24),
                        Map.of("order", 3, "name", "Ký", "unitCode", "VP.LD", "role", "LEADER", "durationHours", 8),
                        Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4))));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + PROCEDURE + "/publish", Map.of("decisionNumber",
                "12/QĐ-UBND", "decisionDate", "2025-01-02", "effectiveFrom", "2025-01-02"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        document = Api.anonymous(port).get("/api/public/procedures/" + PROCEDURE).json().get("documents").get(0)
                .get("id").asLong();
        for (Role role : List.of(Role.CLERK, Role.LEADER)) {
            String username = "phamvi." + role.name().toLowerCase();
            if (identity.user(username).isEmpty()) {
                identity.open(username, "Cán bộ Một cửa " + role, PASSWORD, "VP.MC", EnumSet.of(role));
            }
        }
    }

    /** A dossier of the procedure, accepted at the desk: it waits at the clerk's step (VP.HCTC). */
    String accepted(String applicant) {
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", PROCEDURE);
        body.put("channel", "DIRECT");
        body.put("applicant", Map.of("fullName", applicant, "citizenId", "031085001234",
                "address", "5 Lê Lợi, Ngô Quyền, Hải Phòng"));
        body.put("documents", List.of(Map.of("documentId", document)));
        Api.Response response = Api.as(port, "tiepnhan").post("/api/v1/dossiers", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asString();
    }

    @Test
    void the_sql_scope_and_the_java_rule_agree_for_every_role_in_every_unit_on_every_dossier() {
        accepted("Trương Thị Song Sinh");
        List<Dossier> dossiers = jdbc.sql("select code from dossier").query(String.class).list().stream()
                .map(store::get).toList();
        assertThat(dossiers).anyMatch(d -> d.step() != null && "CLERK".equals(d.step().role()) && d.step().queued());
        List<StaffUser> users = new ArrayList<>();
        organization.agencies().forEach(agency -> organization.units(agency.code()).forEach(unit -> {
            for (Role role : Role.values()) {
                users.add(new StaffUser("phamvi", "Phạm Vi", Set.of(role), unit.code(), agency.code()));
            }
            users.add(new StaffUser("phamvi", "Phạm Vi", Set.of(Role.CLERK, Role.SPECIALIST), unit.code(),
                    agency.code()));
        }));
        for (StaffUser user : users) {
            DossierScope scope = new DossierScope(user);
            Map<String, Object> params = new HashMap<>();
            Set<String> bySql = new TreeSet<>(jdbc.sql("select code from dossier where " + scope.where(params))
                    .params(params).query(String.class).list());
            Set<String> byJava = new TreeSet<>(dossiers.stream().filter(scope::sees).map(Dossier::code).toList());
            assertThat(bySql).as("%s in %s", user.roles(), user.unitCode()).isEqualTo(byJava);
        }
    }

    @Test
    void a_clerk_or_leader_of_the_desks_unit_is_shown_in_the_work_queue_no_more_than_the_dossier_list_shows() {
        String code = accepted("Hồ Thị Hàng Chờ");
        // The desk's unit holds its new and returned dossiers: its receiving officer sees them.
        JsonNode desk = Api.as(port, "tiepnhan").get("/api/v1/work-queue?scope=unit&size=1").json();
        assertThat(desk.get("total").asLong()).isPositive();

        Api clerk = Api.as(port, "phamvi.clerk", PASSWORD);
        assertThat(clerk.get("/api/v1/work-queue?scope=unit").json().get("total").asLong()).isZero();
        assertThat(clerk.get("/api/v1/dossiers").json().get("total").asLong()).isZero();
        String page = WebSession.signIn(port, "phamvi.clerk", PASSWORD).get("/work").body();
        assertThat(page).doesNotContain("data-code=");

        // A leader sees the agency's dossiers, hence what waits at their unit.
        Api leader = Api.as(port, "phamvi.leader", PASSWORD);
        assertThat(leader.get("/api/v1/work-queue?scope=unit&size=1").json().get("total").asLong())
                .isEqualTo(desk.get("total").asLong());
        assertThat(leader.get("/api/v1/dossiers/" + code).status()).isEqualTo(200);
    }

    @Test
    void a_clerk_sees_and_hands_over_a_dossier_while_it_waits_at_the_clerks_step_and_no_longer_once_it_has_moved_on() {
        String code = accepted("Lưu Văn Văn Thư");
        Api clerk = Api.as(port, "vanthu");
        assertThat(clerk.get("/api/v1/work-queue?scope=mine&size=100").json().get("items").valueStream()
                .map(item -> item.get("code").asString())).contains(code);
        assertThat(clerk.get("/api/v1/dossiers/" + code).status()).isEqualTo(200);
        assertThat(WebSession.signIn(port, "vanthu").get("/work").body()).contains("data-code=\"" + code + "\"");

        Api.Response handedOver = clerk.post("/api/v1/dossiers/" + code + "/handover", Map.of("note", "Đã vào sổ"));
        assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(200);
        assertThat(handedOver.json().get("stepUnitCode").asString()).isEqualTo("VP.LD");
        assertThat(clerk.get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
        assertThat(clerk.post("/api/v1/dossiers/" + code + "/handover", Map.of()).status()).isEqualTo(404);
    }
}
