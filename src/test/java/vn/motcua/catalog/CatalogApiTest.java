package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.catalog.CatalogFixtures.decision;
import static vn.motcua.catalog.CatalogFixtures.procedure;
import static vn.motcua.catalog.CatalogFixtures.step;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class CatalogApiTest {

    @LocalServerPort
    int port;

    Api admin() {
        return Api.as(port, "admin");
    }

    Api anonymous() {
        return Api.anonymous(port);
    }

    @Test
    void a_draft_is_invisible_to_the_public_until_published_by_decision() {
        String code = "1.900001.000.00.00.H27";
        Api.Response created = admin().post("/api/v1/procedures", procedure(code, "Cấp phép thử nghiệm vòng đời"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        assertThat(anonymous().get("/api/public/procedures/" + code).status()).isEqualTo(404);

        Api.Response published = admin().post("/api/v1/procedures/" + code + "/publish", decision());
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        JsonNode detail = anonymous().get("/api/public/procedures/" + code).json();
        assertThat(detail.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(detail.get("timeLimit").get("amount").asInt()).isEqualTo(15);
        assertThat(detail.get("timeLimit").get("unit").asString()).isEqualTo("WORKING_DAYS");
        assertThat(detail.get("documents").get(0).get("id").asLong()).isPositive();
        assertThat(detail.get("documents").get(0).get("copyKind").asString()).isEqualTo("ORIGINAL");
        assertThat(detail.get("fees").get(0).get("amount").asLong()).isEqualTo(150000);
        assertThat(detail.get("steps").get(1).get("unitCode").asString()).isEqualTo("SXD.QLXD");
        assertThat(detail.get("steps").get(1).get("durationHours").asInt()).isEqualTo(100);
        assertThat(detail.get("publication").get("decisionNumber").asString()).isEqualTo("1500/QĐ-UBND");

        Api.Response twice = admin().post("/api/v1/procedures/" + code + "/publish", decision());
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("detail").asString()).contains("không có bản dự thảo mới");
    }

    @Test
    void changing_a_published_procedure_opens_a_new_version_and_the_old_stays_in_force() {
        String code = "1.900002.000.00.00.H27";
        admin().post("/api/v1/procedures", procedure(code, "Cấp phép thử nghiệm phiên bản"));
        admin().post("/api/v1/procedures/" + code + "/publish", decision());

        Map<String, Object> changed = procedure(code, "Cấp phép thử nghiệm phiên bản (sửa đổi)");
        changed.put("timeLimit", Map.of("amount", 10, "unit", "WORKING_DAYS"));
        changed.put("steps", List.of(step(1, "Tiếp nhận", "VP.MC", "RECEPTION", 4),
                step(2, "Thẩm định", "SXD.QLXD", "SPECIALIST", 64), step(3, "Phê duyệt", "SXD.LD", "LEADER", 8),
                step(4, "Trả kết quả", "VP.MC", "RECEPTION", 4)));
        JsonNode draft = admin().put("/api/v1/procedures/" + code, changed).json();
        assertThat(draft.get("version").asInt()).isEqualTo(2);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");

        JsonNode inForce = anonymous().get("/api/public/procedures/" + code).json();
        assertThat(inForce.get("version").asInt()).isEqualTo(1);
        assertThat(inForce.get("timeLimit").get("amount").asInt()).isEqualTo(15);

        admin().post("/api/v1/procedures/" + code + "/publish", decision());
        JsonNode now = anonymous().get("/api/public/procedures/" + code).json();
        assertThat(now.get("version").asInt()).isEqualTo(2);
        assertThat(now.get("timeLimit").get("amount").asInt()).isEqualTo(10);

        JsonNode versions = admin().get("/api/v1/procedures/" + code + "/versions").json();
        assertThat(versions.valueStream().map(v -> v.get("version").asInt() + ":" + v.get("status").asString()))
                .containsExactly("2:PUBLISHED", "1:SUPERSEDED");
    }

    @Test
    void steps_that_do_not_add_up_to_the_time_limit_block_publication_with_a_vietnamese_reason() {
        String code = "1.900003.000.00.00.H27";
        Map<String, Object> p = procedure(code, "Cấp phép thử nghiệm tổng thời gian");
        p.put("steps", List.of(step(1, "Tiếp nhận", "VP.MC", "RECEPTION", 4),
                step(2, "Thẩm định", "SXD.QLXD", "SPECIALIST", 50), step(3, "Trả kết quả", "VP.MC", "RECEPTION", 4)));
        assertThat(admin().post("/api/v1/procedures", p).status()).isEqualTo(201);
        Api.Response refused = admin().post("/api/v1/procedures/" + code + "/publish", decision());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString())
                .contains("tổng thời gian các bước là 58 giờ làm việc, trong khi thời hạn giải quyết là 120 giờ làm việc");
    }

    @Test
    void a_procedure_without_a_mandatory_document_or_with_an_unknown_unit_cannot_be_published() {
        String code = "1.900004.000.00.00.H27";
        Map<String, Object> p = procedure(code, "Cấp phép thử nghiệm thành phần");
        p.put("documents", List.of(Map.of("name", "Tờ khai", "copyKind", "COPY", "count", 1, "mandatory", false)));
        p.put("steps", List.of(step(1, "Tiếp nhận", "VP.MC", "RECEPTION", 4),
                step(2, "Thẩm định", "KHONG.CO", "SPECIALIST", 112), step(3, "Trả", "VP.MC", "RECEPTION", 4)));
        admin().post("/api/v1/procedures", p);
        Api.Response refused = admin().post("/api/v1/procedures/" + code + "/publish",
                Map.of("decisionNumber", "abc", "decisionDate", "2026-03-02", "effectiveFrom", "2026-03-01"));
        assertThat(refused.status()).isEqualTo(422);
        String detail = refused.json().get("detail").asString();
        assertThat(detail).contains("chưa có thành phần hồ sơ bắt buộc", "KHONG.CO", "số quyết định",
                "không được trước ngày ký");
    }

    @Test
    void malformed_drafts_are_refused_field_by_field() {
        Map<String, Object> p = procedure("12345", " ");
        p.put("timeLimit", Map.of("amount", 0, "unit", "WORKING_DAYS"));
        p.put("documents", List.of(Map.of("name", "Đơn", "copyKind", "ORIGINAL", "count", 0, "mandatory", true)));
        Api.Response response = admin().post("/api/v1/procedures", p);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("code", "name", "timeLimit.amount", "documents[0].count");
        assertThat(admin().post("/api/v1/procedures", "{\"code\": [}").status()).isEqualTo(400);
        assertThat(admin().post("/api/v1/procedures", Map.of("onlineLevel", "LEVEL4")).status()).isEqualTo(400);
        Map<String, Object> level = procedure("1.900009.000.00.00.H27", "Cấp phép mức định danh sai");
        level.put("requiredAssuranceLevel", 3);
        Api.Response wrongLevel = admin().post("/api/v1/procedures", level);
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(wrongLevel.json().get("errors").get(0).get("field").asString()).isEqualTo("requiredAssuranceLevel");
    }

    @Test
    void a_version_may_require_a_level_two_account_to_file_online_and_one_not_saying_requires_level_one() {
        Map<String, Object> p = procedure("1.900010.000.00.00.H27", "Cấp phép cần tài khoản mức 2");
        p.put("requiredAssuranceLevel", 2);
        assertThat(admin().post("/api/v1/procedures", p).json().get("requiredAssuranceLevel").asInt()).isEqualTo(2);
        assertThat(admin().post("/api/v1/procedures", procedure("1.900011.000.00.00.H27", "Cấp phép mức 1"))
                .json().get("requiredAssuranceLevel").asInt()).isEqualTo(1);
    }

    @Test
    void a_stale_revision_is_a_409() {
        String code = "1.900005.000.00.00.H27";
        JsonNode created = admin().post("/api/v1/procedures", procedure(code, "Cấp phép thử nghiệm đồng thời")).json();
        int revision = created.get("revision").asInt();
        Map<String, Object> first = procedure(code, "Sửa lần một");
        first.put("revision", revision);
        assertThat(admin().put("/api/v1/procedures/" + code, first).status()).isEqualTo(200);
        Map<String, Object> second = procedure(code, "Sửa lần hai dựa trên bản cũ");
        second.put("revision", revision);
        Api.Response stale = admin().put("/api/v1/procedures/" + code, second);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("detail").asString()).contains("vừa được người khác sửa");
    }

    @Test
    void an_abolished_procedure_leaves_the_public_list_but_its_versions_are_kept() {
        String code = "1.900006.000.00.00.H27";
        admin().post("/api/v1/procedures", procedure(code, "Cấp phép thử nghiệm bãi bỏ"));
        admin().post("/api/v1/procedures/" + code + "/publish", decision());
        assertThat(admin().post("/api/v1/procedures/" + code + "/abolish", Map.of()).status()).isEqualTo(200);
        assertThat(anonymous().get("/api/public/procedures/" + code).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/procedures/" + code + "/versions").json().get(0).get("status").asString())
                .isEqualTo("ABOLISHED");
        assertThat(admin().post("/api/v1/procedures/" + code + "/abolish", Map.of()).status()).isEqualTo(422);
        assertThat(admin().put("/api/v1/procedures/" + code, procedure(code, "Hồi sinh")).status()).isEqualTo(422);
    }

    @Test
    void only_administrators_maintain_the_catalogue() {
        Map<String, Object> p = procedure("1.900007.000.00.00.H27", "Cấp phép thử nghiệm quyền");
        assertThat(anonymous().post("/api/v1/procedures", p).status()).isEqualTo(401);
        for (String user : new String[] {"tiepnhan", "chuyenvien", "lanhdao", "vanthu", "giamsat"}) {
            assertThat(Api.as(port, user).post("/api/v1/procedures", p).status()).as(user).isEqualTo(403);
            assertThat(Api.as(port, user).get("/api/v1/procedures").status()).as(user).isEqualTo(403);
        }
        assertThat(anonymous().get("/api/v1/procedures/export?format=json").status()).isEqualTo(401);
        assertThat(admin().get("/api/v1/procedures/1.900007.000.00.00.H27").status()).isEqualTo(404);
    }
}
