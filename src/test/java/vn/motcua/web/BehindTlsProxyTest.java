package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.IntegrationTest;

/**
 * Behind a TLS proxy on a private address, the browser's connection is HTTPS: the session cookie is Secure and
 * Strict-Transport-Security is sent. The language links never carry a host a request named.
 */
@IntegrationTest
class BehindTlsProxyTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void a_request_forwarded_as_https_by_a_local_proxy_gets_a_secure_session_cookie_and_hsts() throws Exception {
        HttpResponse<String> page = get("/login", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
    }

    @Test
    void a_plain_http_request_gets_neither_so_that_a_demo_on_http_still_signs_in() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.headers().allValues("Set-Cookie")).noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }

    @Test
    void the_language_links_are_relative_whatever_host_the_request_named() throws Exception {
        HttpResponse<String> page = get("/procedures?q=h%E1%BB%99+t%E1%BB%8Bch", "X-Forwarded-Host", "evil.example");
        assertThat(page.body()).doesNotContain("evil.example");
        assertThat(page.body()).contains("href=\"/procedures?q=h%E1%BB%99+t%E1%BB%8Bch&amp;lang=en\"");
    }
}
