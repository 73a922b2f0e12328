package vn.motcua.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.catalog.web.ProcedureFixtures.code;
import static vn.motcua.catalog.web.ProcedureFixtures.decision;
import static vn.motcua.catalog.web.ProcedureFixtures.procedure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.catalog.Catalog;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WebSession;

/** The public catalogue over plain HTTP, without signing in: search, a procedure's page, hostile input. */
@IntegrationTest
class CatalogPagesTest {

    /** An inline script, an inline event handler, or a javascript: URL — all refused by the CSP. */
    static final Pattern INLINE_SCRIPT = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);

    static final Pattern RESULT = Pattern.compile("class=\"card border-0 shadow-sm mb-2 procedure-item\"");

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Test
    void anyoneSearchesTheDemoCatalogueWithoutSigningInAndWithoutDiacritics() {
        Api.Response response = WebSession.anonymous(port).get("/procedures?q=giay+phep+xay+dung");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<html lang=\"vi\">").contains("Thủ tục hành chính — Thành phố Hải Phòng")
                .contains("Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II")
                .contains("1.009794.000.00.00.H27").contains("Sở Xây dựng thành phố Hải Phòng")
                .contains("20 ngày làm việc").contains(">Toàn trình<")
                .doesNotContain("Đăng ký kết hôn").doesNotContain("id=\"user-menu\"").doesNotContain("??");
        assertThat(INLINE_SCRIPT.matcher(response.body()).find()).as("inline script").isFalse();
        assertThat(response.header("Set-Cookie")).as("no session for visitors").isNull();
    }

    @Test
    void aDemoSaysSoOnThePublicPagesAndOnTheStaffPages() {
        String banner = "Bản trình diễn: dữ liệu mẫu, các tài khoản dùng chung một mật khẩu công khai.";
        assertThat(WebSession.anonymous(port).get("/procedures").body()).contains("id=\"demo-banner\"").contains(banner);
        assertThat(WebSession.anonymous(port).get("/tra-cuu").body()).contains(banner);
        assertThat(WebSession.signIn(port, "tiepnhan").get("/desk").body()).contains(banner);
    }

    @Test
    void theDemoCatalogueShowsTwentyProceduresAPageWithTheirCount() {
        WebSession visitor = WebSession.anonymous(port);

        String first = visitor.get("/procedures").body();
        String second = visitor.get("/procedures?page=2").body();
        String beyond = visitor.get("/procedures?page=999").body();

        assertThat(RESULT.matcher(first).results().count()).isEqualTo(20);
        assertThat(first).containsPattern("Hiển thị 1–20 trong tổng số \\d+ thủ tục");
        assertThat(second).containsPattern("Hiển thị 21–40 trong tổng số \\d+ thủ tục").contains("aria-current=\"page\">2<");
        assertThat(beyond).contains("aria-current=\"page\"").doesNotContain("Không tìm thấy thủ tục nào phù hợp.");
    }

    @Test
    void theFieldAndOnlineLevelFiltersNarrowTheDemoCatalogue() {
        WebSession visitor = WebSession.anonymous(port);

        String page = visitor.get("/procedures?field=" + encode("Xây dựng") + "&onlineLevel=FULL").body();

        assertThat(page).contains("Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II")
                .doesNotContain("Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp I, cấp II")
                .containsPattern("<option value=\"Xây dựng\" selected=\"selected\">Xây dựng \\(\\d+\\)</option>")
                .contains("<option value=\"FULL\" selected=\"selected\">Toàn trình</option>");
        assertThat(page).doesNotContain("level-PARTIAL\">").doesNotContain("level-NONE\">");
    }

    @Test
    void typingInTheBoxFetchesOnlyTheResultsFromTheDemoCatalogue() {
        Api.Response response = Api.anonymous(port).header("HX-Request", "true").get("/procedures?q=xay+dung");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().strip()).startsWith("<div id=\"procedure-results-body\">")
                .contains("Cấp giấy phép xây dựng").doesNotContain("<html").doesNotContain("procedure-search");
        assertThat(response.header("Vary")).contains("HX-Request");
    }

    @Test
    void aPublishedProcedureShowsEverythingAnApplicantNeeds() {
        String code = code(1);
        catalog.create(procedure(code, "Cấp phép thử nghiệm trang công khai Quỳnh Lục"));
        catalog.publish(code, decision("1951/QĐ-UBND"));

        Api.Response response = WebSession.anonymous(port).get("/procedures/" + code);

        assertThat(response.status()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("id=\"procedure-name\">Cấp phép thử nghiệm trang công khai Quỳnh Lục</h1>")
                .contains("<code id=\"procedure-code\">" + code + "</code>")
                .contains("Sở Xây dựng thành phố Hải Phòng").contains("Công dân").contains("Tổ chức")
                .contains("id=\"procedure-time-limit\">15 ngày làm việc<").contains(">Một phần<")
                .contains("Đơn đề nghị cấp phép thử nghiệm").contains("Bản chính").contains("Bản sao có chứng thực")
                .contains("Bắt buộc").contains("Nếu có")
                .contains(">Mau-01-don-thu-nghiem.docx<").doesNotContain("href=\"Mau-01").doesNotContain("/Mau-01")
                .contains(">150.000 đ<").contains(">1.500.000 đ<")
                .contains("Giấy phép thử nghiệm").contains("Có mặt bằng thử nghiệm").contains("Luật Xây dựng số 50/2014/QH13")
                .contains("Quyết định số 1951/QĐ-UBND ngày 02/03/2026, có hiệu lực từ ngày 05/03/2026.")
                .contains("id=\"print-button\"").contains("/js/catalog.js")
                .contains(">http://localhost:" + port + "/procedures/" + code + "<");
        // The internal process: units by name, roles, durations in hours or whole days.
        assertThat(page).contains("id=\"step-timeline\"").contains(">B1<").contains(">B4<")
                .contains("class=\"step-unit\">Bộ phận Một cửa<").contains("class=\"step-role\">Cán bộ Một cửa<")
                .contains("class=\"step-role\">Chuyên viên<").contains("class=\"step-role\">Lãnh đạo<")
                .contains("step-duration\">4 giờ<").contains("step-duration\">12 ngày<").contains("step-duration\">2 ngày<")
                .contains("4 bước · tổng 15 ngày");
        assertThat(INLINE_SCRIPT.matcher(page).find()).as("inline script").isFalse();
    }

    @Test
    void aProcedureWithoutFeesSaysThatNoFeeIsCharged() {
        String code = code(2);
        catalog.create(ProcedureFixtures.withoutFees(procedure(code, "Thủ tục thử nghiệm không thu phí")));
        catalog.publish(code, decision("1952/QĐ-UBND"));

        String page = WebSession.anonymous(port).get("/procedures/" + code).body();

        assertThat(page).contains("id=\"procedure-free\">Không thu phí</p>").doesNotContain(" đ<");
    }

    @Test
    void anUnknownCodeAndADraftAreTheNotFoundPage() {
        String draft = code(3);
        catalog.create(procedure(draft, "Thủ tục thử nghiệm chưa công bố"));
        WebSession visitor = WebSession.anonymous(port);

        Api.Response unknown = visitor.get("/procedures/" + code(9999));
        Api.Response unpublished = visitor.get("/procedures/" + draft);
        Api.Response markup = visitor.get("/procedures/%3Cscript%3Ealert(1)%3C%20script%3E");

        for (Api.Response response : new Api.Response[] {unknown, unpublished, markup}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).contains("id=\"error-page\"").contains("Không tìm thấy")
                    .doesNotContain("Exception").doesNotContain("<script>alert");
        }
        assertThat(visitor.get("/procedures?q=" + encode("chưa công bố")).body())
                .doesNotContain("Thủ tục thử nghiệm chưa công bố");
    }

    @Test
    void hostileSearchesAreEscapedAndNeverAnErrorPage() {
        WebSession visitor = WebSession.anonymous(port);
        String markup = "<script>alert('x')</script>\"'><img src=x onerror=alert(1)>";

        Api.Response withMarkup = visitor.get("/procedures?q=" + encode(markup) + "&field=" + encode(markup)
                + "&onlineLevel=" + encode(markup) + "&page=" + encode(markup));
        Api.Response tooLong = visitor.get("/procedures?q=" + "a".repeat(5_000));
        Api.Response tooLongTyped = Api.anonymous(port).header("HX-Request", "true").get("/procedures?q=" + "x".repeat(201));
        Api.Response percent = visitor.get("/procedures?q=" + encode("100% {0} ' \\ _ ; --"));

        assertThat(withMarkup.status()).isEqualTo(200);
        assertThat(withMarkup.body()).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("Không tìm thấy thủ tục nào phù hợp.");
        assertThat(INLINE_SCRIPT.matcher(withMarkup.body().replace("onerror=alert(1)&gt;", "")).find()).isFalse();
        assertThat(tooLong.status()).isEqualTo(200);
        assertThat(tooLong.body()).contains("Từ khóa tìm kiếm không được dài quá 200 ký tự.")
                .doesNotContain("id=\"procedure-list\"");
        assertThat(tooLongTyped.status()).isEqualTo(200);
        assertThat(tooLongTyped.body()).contains("Từ khóa tìm kiếm không được dài quá 200 ký tự.");
        assertThat(percent.status()).isEqualTo(200);
    }

    @Test
    void theCatalogueSpeaksEnglishWhenAsked() {
        WebSession visitor = WebSession.anonymous(port);

        String code = code(4);
        catalog.create(procedure(code, "Cấp phép thử nghiệm trang tiếng Anh Vĩnh Niệm"));
        catalog.publish(code, decision("1956/QĐ-UBND"));

        String search = visitor.get("/procedures?lang=en&q=thu+nghiem+tieng+anh+vinh+niem").body();
        String procedure = visitor.get("/procedures/" + code).body();

        assertThat(search).contains("<html lang=\"en\">").contains("Administrative procedures — Hai Phong City")
                .contains(code).contains("15 working days").doesNotContain("??");
        assertThat(procedure).contains("<html lang=\"en\">").contains("Documents to file").contains("150.000 đ")
                .contains("lang=\"vi\"").doesNotContain("??");
    }

    @Test
    void staffWhoAreSignedInFindTheirWayBackFromThePublicPages() {
        String page = WebSession.signIn(port, "chuyenvien").get("/procedures").body();

        assertThat(page).contains("id=\"staff-home\"").contains("Trang cán bộ").doesNotContain("id=\"user-menu\"");
        assertThat(WebSession.signIn(port, "chuyenvien").get("/").body())
                .contains("href=\"/procedures\" id=\"nav-procedures\"").doesNotContain("/admin/procedures");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
