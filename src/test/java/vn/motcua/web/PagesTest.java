package vn.motcua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WebSession;

/** Every page over plain HTTP: sign-in, headers, languages, and no untranslated or inline script. */
@IntegrationTest
class PagesTest {

    static final List<String> PAGES = List.of("/", "/calendar?year=2031", "/organization", "/organization/staff");
    static final List<String> ADMIN_PAGES = List.of("/calendar/days/2031-07-05", "/organization/units/new",
            "/organization/units/VP.MC", "/organization/staff/new", "/organization/staff/1");

    /** An inline script, an inline event handler, or a javascript: URL — all refused by the CSP. */
    static final Pattern INLINE_SCRIPT = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;

    @Test
    void theSignInPageIsInVietnameseAndCarriesTheSecurityHeaders() {
        Api.Response response = WebSession.anonymous(port).get("/login");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<html lang=\"vi\">").contains("Đăng nhập hệ thống")
                .contains("<label for=\"username\" class=\"form-label\">Tên đăng nhập</label>");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy"))
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void theSignInPageSpeaksEnglishWhenAskedAndRemembersIt() {
        WebSession visitor = WebSession.anonymous(port);

        String english = visitor.get("/login?lang=en").body();
        String again = visitor.get("/login").body();

        assertThat(english).contains("<html lang=\"en\">").contains("Sign in");
        assertThat(again).contains("<html lang=\"en\">");
        assertThat(visitor.get("/login?lang=vi").body()).contains("<html lang=\"vi\">");
    }

    @Test
    void aWrongPasswordSendsThePersonBackWithAMessage() {
        WebSession visitor = WebSession.anonymous(port);
        visitor.get("/login");

        Api.Response response = visitor.post("/login", Map.of("username", "khong-co-ai", "password", "Sai@12345"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login?error");
        assertThat(visitor.get("/login?error").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng.");
    }

    @Test
    void theSignInPageExplainsLockingSigningOutAndExpiry() {
        WebSession visitor = WebSession.anonymous(port);

        assertThat(visitor.get("/login?error").body()).contains(
                "Sau 5 lần sai liên tiếp, tài khoản bị tạm khóa 15 phút.");
        assertThat(visitor.get("/login?logout").body()).contains("Bạn đã đăng xuất.");
        assertThat(visitor.get("/login?expired").body()).contains("Phiên làm việc đã hết hạn.");
    }

    @Test
    void aFormPostedWithoutItsTokenLeadsBackToTheSignInPage() {
        WebSession admin = WebSession.signIn(port, "admin");

        Api.Response response = admin.post("/calendar/days/2031-07-05",
                Map.of("_csrf", "not-the-token", "kind", "HOLIDAY", "name", "Giả mạo"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login?expired");
    }

    @Test
    void signingOutEndsTheSession() {
        WebSession member = WebSession.signIn(port, "vanthu");

        Api.Response out = member.post("/logout", Map.of());

        assertThat(out.header("Location")).endsWith("/login?logout");
        assertThat(member.get("/").status()).isEqualTo(302);
    }

    @Test
    void everyPageRendersInVietnameseWithoutUntranslatedTextOrInlineScript() {
        WebSession member = WebSession.signIn(port, "giamsat");
        WebSession admin = WebSession.signIn(port, "admin");

        for (String path : PAGES) {
            checkPage(member, path, "vi");
            checkPage(admin, path, "vi");
        }
        for (String path : ADMIN_PAGES) {
            checkPage(admin, path, "vi");
        }
        assertThat(member.get("/").body()).contains("Xin chào, Vũ Thanh Hương").contains("Giám sát");
        assertThat(admin.get("/").body()).contains("Xin chào, Phạm Đức Anh").contains("Quản trị hệ thống")
                .contains("Phòng Hành chính - Tổ chức");
    }

    @Test
    void everyPageRendersInEnglishWithoutUntranslatedText() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get("/?lang=en");

        for (String path : PAGES) {
            checkPage(admin, path, "en");
        }
        for (String path : ADMIN_PAGES) {
            checkPage(admin, path, "en");
        }
        assertThat(admin.get("/calendar?year=2031").body()).contains("Working calendar 2031");
    }

    @Test
    void anUnknownPageIsANotFoundPageInTheLayout() {
        Api.Response response = WebSession.signIn(port, "chuyenvien").get("/khong-co-trang-nay");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("Không tìm thấy").contains("Lê Minh Tuấn").doesNotContain("Exception");
    }

    private static void checkPage(WebSession session, String path, String language) {
        Api.Response response = session.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        assertThat(response.contentType()).as(path).startsWith("text/html");
        assertThat(response.body()).as(path)
                .contains("<html lang=\"" + language + "\">")
                .contains("<main id=\"main\"")
                .doesNotContain("??")
                .doesNotContain("_" + (language.equals("vi") ? "en" : "vi") + "??");
        assertThat(INLINE_SCRIPT.matcher(response.body()).find()).as(path + " has inline script").isFalse();
        assertThat(response.header("Content-Security-Policy")).as(path).contains("script-src 'self'");
    }
}
