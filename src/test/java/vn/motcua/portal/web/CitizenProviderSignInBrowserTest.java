package vn.motcua.portal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.support.BrowserTest;
import vn.motcua.support.OidcProvider;

/**
 * Citizens sign in with an identity provider through OpenID Connect: a real one, started here
 * ({@link OidcProvider}), configured as an operator would (standard client registration, motcua's claim settings).
 * The application runs in a context of its own (its settings differ), closed after this class; the application is
 * browsed at 127.0.0.1, the provider at localhost.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CitizenProviderSignInBrowserTest extends BrowserTest {

    static final String REGISTRATION = "thu-nghiem";

    static OidcProvider provider;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        if (provider == null) {
            provider = OidcProvider.start("motcua", "bi-mat-thu-nghiem", REGISTRATION, Map.of(
                    "dinh", Map.of("name", "Trần Văn Định", "citizen_id", "031090001234", "muc_dinh_danh", "LOA2",
                            "phone_number", "0987 654 321", "birthdate", "1990-03-08"),
                    "lan", Map.of("name", "Lê Thị Lan", "citizen_id", "001185002468", "muc_dinh_danh", "LOA1"),
                    "khoa", Map.of("name", "Phạm Minh Khoa", "muc_dinh_danh", "LOA2")));
        }
        String registration = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        registry.add(registration + "client-id", () -> "motcua");
        registry.add(registration + "client-secret", () -> "bi-mat-thu-nghiem");
        registry.add(registration + "scope", () -> "openid,profile,email,phone");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/cong-dan/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri", provider::issuer);
        String settings = "motcua.portal.oidc." + REGISTRATION + ".";
        registry.add(settings + "display-name", () -> "Cổng định danh thử nghiệm");
        registry.add(settings + "assurance-claim", () -> "muc_dinh_danh");
        registry.add(settings + "assurance-levels[LOA1]", () -> "1");
        registry.add(settings + "assurance-levels[LOA2]", () -> "2");
        registry.add(settings + "citizen-id-claim", () -> "citizen_id");
        // This context needs the demo's accounts, not its year of dossiers.
        registry.add("motcua.demo.history-dossiers", () -> "0");
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    @Test
    void a_citizen_signs_in_at_the_provider_and_comes_back_signed_in_at_the_level_it_vouches_for_and_again_to_the_same_account() {
        Page page = signInAtProvider("dinh");
        assertThat(page.locator("#citizen-name")).hasText("Trần Văn Định");
        assertThat(page.locator("#profile")).containsText("031090001234");
        assertThat(page.locator("#profile")).containsText("Mức 2");
        long account = linkedAccount("dinh");
        assertThat(jdbc.sql("select status, phone, date_of_birth::text, password_hash is null from citizen_account where id = ?")
                .param(account).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4))).single())
                .containsExactly("ACTIVE", "0987654321", "1990-03-08", true);
        // The citizen's session is not a member of staff's.
        page.navigate(app("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        Page again = signInAtProvider("dinh");
        assertThat(again.locator("#citizen-name")).hasText("Trần Văn Định");
        assertThat(linkedAccount("dinh")).isEqualTo(account);
        assertThat(jdbc.sql("select count(*) from citizen_account where citizen_id = '031090001234'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select action from audit_entry where actor = ? order by id").param("citizen:" + account)
                .query(String.class).list())
                .containsSubsequence("CITIZEN_REGISTERED", "CITIZEN_PROVIDER_LINKED", "CITIZEN_ASSURANCE_RAISED",
                        "CITIZEN_PROVIDER_SIGN_IN", "CITIZEN_PROVIDER_SIGN_IN");
    }

    @Test
    void a_level_1_claim_signs_in_at_level_1_and_a_later_level_2_one_raises_the_account_for_good() {
        Page page = signInAtProvider("lan");
        assertThat(page.locator("#citizen-name")).hasText("Lê Thị Lan");
        assertThat(page.locator("#profile")).containsText("Mức 1");
        try {
            provider.claim("lan", "muc_dinh_danh", "LOA2");
            assertThat(signInAtProvider("lan").locator("#profile")).containsText("Mức 2");
            provider.claim("lan", "muc_dinh_danh", "LOA1");
            assertThat(signInAtProvider("lan").locator("#profile")).containsText("Mức 2");
        } finally {
            provider.claim("lan", "muc_dinh_danh", "LOA1");
        }
    }

    @Test
    void a_session_opened_by_the_provider_ends_when_the_account_is_disabled() {
        Page page = signInAtProvider("khoa");
        assertThat(page.locator("#citizen-name")).hasText("Phạm Minh Khoa");
        jdbc.sql("update citizen_account set status = 'DISABLED' where id = ?").param(linkedAccount("khoa")).update();
        page.navigate(app("/cong-dan/ho-so"));
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/dang-nhap$"));
        // Nor does signing in at the provider again open it.
        page.locator("#provider-" + REGISTRATION).click();
        assertThat(page.locator("#login-inactive")).isVisible();
    }

    @Test
    void an_answer_from_the_provider_that_does_not_check_out_is_told_in_vietnamese() {
        Page page = browser.newPage(port);
        page.navigate(app("/cong-dan/oauth2/code/" + REGISTRATION + "?error=access_denied&state=gia-mao"));
        assertThat(page).hasURL(Pattern.compile(".*/cong-dan/dang-nhap\\?provider-error$"));
        assertThat(page.locator("#provider-error"))
                .hasText("Không đăng nhập được qua tài khoản định danh điện tử. Vui lòng thử lại, hoặc đăng nhập bằng mật khẩu.");
    }

    /**
     * A fresh browser at motcua's sign-in page: the provider's button, the provider's own form, and back on "my
     * dossiers".
     */
    private Page signInAtProvider(String user) {
        Page page = browser.newPage(port);
        page.navigate(app("/cong-dan/dang-nhap"));
        assertThat(page.locator("#provider-" + REGISTRATION)).hasText("Đăng nhập bằng Cổng định danh thử nghiệm");
        page.locator("#provider-" + REGISTRATION).click();
        page.waitForURL(provider.issuer() + "/login");
        page.locator("#username").fill(user);
        page.locator("#password").fill(OidcProvider.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL(app("/cong-dan/ho-so"));
        return page;
    }

    private long linkedAccount(String subject) {
        return jdbc.sql("select citizen from citizen_identity where provider = ? and subject = ?")
                .params(REGISTRATION, subject).query(Long.class).single();
    }

    /** The application at 127.0.0.1, the host its registration at the provider names. */
    private String app(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
