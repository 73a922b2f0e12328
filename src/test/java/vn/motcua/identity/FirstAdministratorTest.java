package vn.motcua.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organization.Organization;
import vn.motcua.support.Api;

/**
 * Production starts on an empty database with no demo data: {@code motcua.bootstrap.admin} opens the first
 * administrator with a one-time password printed once, which allows nothing but choosing a new one. Its own
 * application context (and database): the shared one holds the demo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motcua.demo-data=false", "motcua.public-url=https://motcua.example.gov.vn",
        "motcua.bootstrap.admin=quantri", "motcua.bootstrap.agency-code=000.00.01.H99",
        "motcua.bootstrap.agency-name=Văn phòng Ủy ban nhân dân tỉnh thử nghiệm"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Identity identity;

    @Autowired
    Organization organization;

    @Autowired
    TransactionTemplate transaction;

    private FirstAdministrator bootstrap(String username) {
        return new FirstAdministrator(identity, organization, transaction, username, "", "", "QTHT");
    }

    @Test
    void a_production_start_opens_only_the_first_administrator_who_must_choose_a_password_and_no_demo_account()
            throws Exception {
        assertThat(jdbc.sql("select username from account").query(String.class).list()).containsExactly("quantri");
        assertThat(jdbc.sql("select must_change_password from account where username = 'quantri'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select agency_code from org_unit where code = 'QTHT'").query(String.class).single())
                .isEqualTo("000.00.01.H99");
        assertThat(Api.as(port, "admin").get("/api/v1/me").status()).as("no demo account").isEqualTo(401);
        assertThat(bootstrap("quantri2").open()).as("an administrator exists: nothing more is opened").isEmpty();
    }

    @Test
    void the_one_time_password_printed_once_allows_only_choosing_a_new_one(CapturedOutput output) {
        // Every administrator deactivated: the bootstrap may open a new one (in its existing unit).
        jdbc.sql("update account set enabled = false where username = 'quantri'").update();
        try {
            bootstrap("quantri2").run(new DefaultApplicationArguments());
            Matcher printed = Pattern.compile("First administrator: quantri2\\s+One-time password: +(\\S+)").matcher(output.getOut());
            assertThat(printed.find()).as("printed on the console").isTrue();
            String oneTime = printed.group(1);

            assertThat(Api.as(port, "quantri2", oneTime).get("/api/v1/me").json().get("roles").get(0).asString())
                    .isEqualTo("ADMIN");
            assertThat(Api.as(port, "quantri2", oneTime).get("/api/v1/accounts").status()).isEqualTo(403);
            assertThat(Api.as(port, "quantri2", oneTime).post("/api/v1/me/password",
                    Map.of("currentPassword", oneTime, "newPassword", "Quan-tri#2026!")).status()).isEqualTo(204);
            assertThat(Api.as(port, "quantri2", "Quan-tri#2026!").get("/api/v1/accounts").status()).isEqualTo(200);
        } finally {
            jdbc.sql("update account set enabled = true where username = 'quantri'").update();
        }
    }
}
