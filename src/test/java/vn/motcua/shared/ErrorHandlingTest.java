package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class ErrorHandlingTest {

    @LocalServerPort
    int port;

    @Test
    void an_unknown_api_path_is_a_404_problem_in_vietnamese() {
        Api.Response response = Api.as(port, "admin").get("/api/v1/khong-co");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo("Không tìm thấy tài nguyên được yêu cầu.");
    }

    @Test
    void english_is_given_when_asked_for() {
        Api.Response response = Api.anonymous(port).header("Accept-Language", "en-US,en;q=0.9")
                .get("/api/public/calendar/lunar?date=x");
        assertThat(response.json().get("title").asString()).isEqualTo("Invalid request");
        Api.Response vietnamese = Api.anonymous(port).header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8")
                .get("/api/public/calendar/lunar?date=x");
        assertThat(vietnamese.json().get("title").asString()).isEqualTo("Yêu cầu không hợp lệ");
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        Api.Response response = Api.anonymous(port).post("/api/public/calendar/lunar?date=2026-01-01", "{}");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void health_is_up_without_signing_in() {
        Api.Response health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void responses_carry_security_headers() {
        for (String path : new String[] {"/api/public/calendar/lunar?date=2026-01-01", "/login"}) {
            Api.Response response = Api.anonymous(port).get(path);
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void the_openapi_description_lists_the_calendar_endpoints() {
        Api.Response docs = Api.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/public/calendar/deadline", "/api/v1/calendar/days/{date}",
                "/api/v1/organization/agencies", "/api/v1/audit/verify");
    }

    @Test
    void diacritics_fold_for_search() {
        assertThat(VietnameseText.fold("  Đăng ký   Hồ SƠ ")).isEqualTo("dang ky ho so");
        assertThat(VietnameseText.fold("Cấp giấy phép xây dựng")).isEqualTo("cap giay phep xay dung");
        assertThat(VietnameseText.normalize("Ho\u0302\u0300 so\u031b")).isEqualTo("Hồ sơ");
    }
}
