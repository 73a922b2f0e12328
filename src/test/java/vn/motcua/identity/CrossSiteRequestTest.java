package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * A page of another site cannot change anything through the API with the credentials a browser keeps: its
 * requests carry a foreign {@code Origin}, or a form's body, and are refused before the credentials are looked at.
 */
@IntegrationTest
class CrossSiteRequestTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_state_changing_call_from_another_site_is_refused_whatever_its_credentials_and_changes_nothing() {
        int before = tokens("vanthu");
        Api.Response refused = Api.as(port, "vanthu").header("Origin", "http://evil.example")
                .post("/api/v1/me/tokens", Map.of("name", "từ trang lạ"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).startsWith("Yêu cầu thay đổi dữ liệu gửi từ một trang web khác");
        assertThat(tokens("vanthu")).isEqualTo(before);

        Api.Response upload = Api.as(port, "tiepnhan").header("Origin", "https://motcua.evil.example")
                .upload("/api/v1/dossiers/KHONG-CO/files", "a.pdf", "%PDF-1.4".getBytes(), Map.of("documentId", "1"));
        assertThat(upload.status()).isEqualTo(403);
        assertThat(Api.as(port, "congdan").header("Origin", "null").post("/api/citizen/v1/me/tokens",
                Map.of("name", "x")).status()).isEqualTo(403);
    }

    @Test
    void a_form_encoded_body_is_refused_even_without_an_origin() {
        Api.Response form = Api.as(port, "vanthu").header("Content-Type", "application/x-www-form-urlencoded")
                .send("POST", "/api/v1/me/tokens", "name=x");
        assertThat(form.status()).isEqualTo(403);
        Api.Response text = Api.as(port, "vanthu").header("Content-Type", "text/plain; charset=utf-8")
                .send("POST", "/api/v1/me/tokens", "{\"name\":\"x\"}");
        assertThat(text.status()).isEqualTo(403);
    }

    @Test
    void the_application_s_own_origin_programs_without_origin_and_reads_from_anywhere_pass() {
        assertThat(Api.as(port, "vanthu").header("Origin", "http://localhost:" + port)
                .post("/api/v1/me/tokens", Map.of("name", "cùng trang")).status()).isEqualTo(201);
        assertThat(Api.as(port, "vanthu").post("/api/v1/me/tokens", Map.of("name", "chương trình")).status())
                .isEqualTo(201);
        assertThat(Api.as(port, "vanthu").header("Origin", "http://evil.example").get("/api/v1/me").status())
                .isEqualTo(200);
    }

    private int tokens(String username) {
        return jdbc.sql("select count(*) from api_token where username = ?").param(username).query(Integer.class).single();
    }
}
