package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.catalog.CatalogFixtures.decision;
import static vn.motcua.catalog.CatalogFixtures.procedure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.shared.VietnameseText;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchTest {

    @LocalServerPort
    int port;

    @BeforeAll
    void publishSearchFixtures() {
        publish("1.910001.000.00.00.H27", "Cấp giấy phép xây dựng bến phà Quỳnh Lục", "Xây dựng", "FULL");
        publish("1.910002.000.00.00.H27", "Đăng ký kết hôn tại đảo Quỳnh Lục", "Hộ tịch", "PARTIAL");
        // Ranking: the first matches "910004" by its name, the second only by its code.
        publish("1.910003.000.00.00.H27", "Zê-ta Quỳnh Lục xếp hạng 910004", "Hộ tịch", "PARTIAL");
        publish("1.910004.000.00.00.H27", "An Quỳnh Lục xếp hạng theo mã", "Hộ tịch", "PARTIAL");
    }

    void publish(String code, String name, String field, String level) {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = procedure(code, name);
        p.put("field", field);
        p.put("onlineLevel", level);
        assertThat(admin.post("/api/v1/procedures", p).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/procedures/" + code + "/publish", decision()).status()).isEqualTo(200);
    }

    JsonNode search(String query) {
        return Api.anonymous(port).get("/api/public/procedures?size=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json();
    }

    List<String> names(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("name").asString()).toList();
    }

    @Test
    void typing_without_diacritics_finds_the_procedure() {
        assertThat(names(search("giay phep xay dung ben pha"))).containsExactly("Cấp giấy phép xây dựng bến phà Quỳnh Lục");
        assertThat(names(search("GIẤY PHÉP xây DỰNG bến phà"))).containsExactly("Cấp giấy phép xây dựng bến phà Quỳnh Lục");
    }

    @Test
    void the_examples_of_the_issue_find_the_demo_procedures() {
        assertThat(names(search("giay phep xay dung"))).anyMatch(n -> n.startsWith("Cấp giấy phép xây dựng"));
        assertThat(names(search("dang ky"))).isNotEmpty().allMatch(n -> VietnameseText.fold(n).contains("dang ky"));
    }

    @Test
    void d_finds_đ_and_đ_finds_d() {
        assertThat(names(search("dang ky ket hon quynh luc"))).containsExactly("Đăng ký kết hôn tại đảo Quỳnh Lục");
        assertThat(names(search("đăng ký kết hôn đảo quỳnh"))).containsExactly("Đăng ký kết hôn tại đảo Quỳnh Lục");
        assertThat(names(search("dao quynh luc"))).contains("Đăng ký kết hôn tại đảo Quỳnh Lục");
    }

    @Test
    void every_word_must_start_a_word_of_the_name_or_code() {
        assertThat(names(search("quynh luc ket"))).containsExactly("Đăng ký kết hôn tại đảo Quỳnh Lục");
        assertThat(names(search("uynh luc"))).isEmpty();
        assertThat(names(search("quynh luc hon nhan"))).isEmpty();
        assertThat(names(search("1.910002"))).containsExactly("Đăng ký kết hôn tại đảo Quỳnh Lục");
    }

    @Test
    void name_matches_come_before_code_matches() {
        assertThat(names(search("910004"))).containsExactly("Zê-ta Quỳnh Lục xếp hạng 910004", "An Quỳnh Lục xếp hạng theo mã");
    }

    @Test
    void filters_by_field_and_online_level() {
        JsonNode byField = Api.anonymous(port).get("/api/public/procedures?q=quynh+luc&field="
                + URLEncoder.encode("Xây dựng", StandardCharsets.UTF_8)).json();
        assertThat(names(byField)).containsExactly("Cấp giấy phép xây dựng bến phà Quỳnh Lục");
        JsonNode byLevel = Api.anonymous(port).get("/api/public/procedures?q=quynh+luc&onlineLevel=FULL").json();
        assertThat(names(byLevel)).containsExactly("Cấp giấy phép xây dựng bến phà Quỳnh Lục");
        JsonNode item = byLevel.get("items").get(0);
        assertThat(item.get("agencyName").asString()).isEqualTo("Sở Xây dựng thành phố Hải Phòng");
        assertThat(item.get("timeLimit").get("amount").asInt()).isEqualTo(15);
        assertThat(byLevel.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void the_fields_are_counted() {
        JsonNode fields = Api.anonymous(port).get("/api/public/procedures/fields").json();
        long civilStatus = fields.valueStream().filter(f -> f.get("field").asString().equals("Hộ tịch"))
                .findFirst().orElseThrow().get("count").asLong();
        assertThat(civilStatus).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "' or 1=1 --", "\"; drop table procedure_version; --",
        "%", "_", "\\", "%%__", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ꙮ", "   "})
    void hostile_input_is_answered_never_crashed(String query) {
        Api.Response response = Api.anonymous(port).get("/api/public/procedures?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("<script>");
    }

    @Autowired
    PublishedIndex index;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_change_published_by_another_node_reaches_this_nodes_search_after_the_refresh() {
        publish("1.910005.000.00.00.H27", "Thủ tục nút một Quỳnh Lục", "Hộ tịch", "PARTIAL");
        assertThat(names(search("nut mot quynh"))).containsExactly("Thủ tục nút một Quỳnh Lục");
        // Another node renames it in the database and bumps the revision.
        jdbc.sql("update procedure_version set name = 'Thủ tục nút hai Quỳnh Lục', search_name = 'thu tuc nut hai quynh luc'"
                + " where code = '1.910005.000.00.00.H27' and status = 'PUBLISHED'").update();
        jdbc.sql("update catalog_revision set revision = revision + 1").update();
        assertThat(names(search("nut hai quynh"))).isEmpty();
        index.refreshIfChangedElsewhere();
        assertThat(names(search("nut hai quynh"))).containsExactly("Thủ tục nút hai Quỳnh Lục");
    }

    @Test
    void an_overlong_query_or_page_is_a_400() {
        assertThat(Api.anonymous(port).get("/api/public/procedures?q=" + "a".repeat(5000)).status()).isEqualTo(400);
        assertThat(Api.anonymous(port).get("/api/public/procedures?size=101").status()).isEqualTo(400);
        assertThat(Api.anonymous(port).get("/api/public/procedures?page=-1").status()).isEqualTo(400);
        assertThat(Api.anonymous(port).get("/api/public/procedures?onlineLevel=LEVEL4").status()).isEqualTo(400);
    }
}
