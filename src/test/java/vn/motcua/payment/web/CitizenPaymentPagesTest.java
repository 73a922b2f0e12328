package vn.motcua.payment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.identity.Citizens;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.SqlLog;
import vn.motcua.support.WebSession;

/**
 * The citizen's payment page over plain HTTP, as its poller sees it: nothing new is a 204 without a body, read from
 * the database without writing to it; after the bank's transfer, the page's live part with the status said and no
 * poller left. The procedure (1.987104) and the citizen are this test's own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenPaymentPagesTest {

    static final String PROCEDURE = "1.987104.000.00.00.H27";
    static final String CITIZEN = "nop.phi.tu.dong";
    static final String CITIZEN_ID = "031087104001";
    static final Pattern POLL = Pattern.compile("id=\"payment-poll\"[^>]*hx-get=\"([^\"]+)\"");
    static final Pattern CONTENT = Pattern.compile("id=\"transfer-content\">([^<]+)<");

    @LocalServerPort
    int port;

    @Autowired
    Citizens citizens;

    @Autowired
    SqlLog sql;

    @BeforeAll
    void procedureAndCitizen() {
        PaymentPageFixtures.publish(port, PROCEDURE, "Cấp giấy phép thử nghiệm theo dõi nộp phí", "BEFORE_RETURN");
        PaymentPageFixtures.citizen(citizens, CITIZEN, CITIZEN_ID);
    }

    /** The citizen signed in through the portal's form, as a browser does. */
    WebSession citizen() {
        WebSession session = WebSession.anonymous(port);
        session.get("/cong-dan/dang-nhap");
        Api.Response signedIn = session.post("/cong-dan/dang-nhap", Map.of("login", CITIZEN,
                "password", Api.DEMO_PASSWORD));
        assertThat(signedIn.header("Location")).as(signedIn.toString()).endsWith("/cong-dan/ho-so");
        return session;
    }

    static String found(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertThat(m.find()).as(pattern + " in the page").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    @Test
    void the_poller_hears_nothing_until_the_transfer_arrives_and_then_gets_the_page_paid_without_a_poller() throws Exception {
        String code = PaymentPageFixtures.received(port, PROCEDURE, CITIZEN_ID);
        WebSession session = citizen();
        Api.Response page = session.get("/cong-dan/ho-so/" + code + "/thanh-toan");
        assertThat(page.status()).isEqualTo(200);
        String poll = found(POLL, page.body());
        String content = found(CONTENT, page.body());

        String probe = "payment-poll-" + code;
        Api.Response nothingNew = session.header(SqlLog.PROBE, probe).get(poll);
        session.header(SqlLog.PROBE, null);
        assertThat(nothingNew.status()).isEqualTo(204);
        assertThat(nothingNew.body()).isEmpty();
        // A poll only reads: the payment reference was drawn when the page was first shown, and no other is spent.
        assertThat(sql.statements(probe)).isNotEmpty()
                .noneMatch(s -> s.stripLeading().toLowerCase().matches("(?s)(insert|update|delete).*"));

        PaymentPageFixtures.notifyCredit(port, PaymentPageFixtures.transactionId(), 80_000, content);
        Api.Response news = session.get(poll);
        assertThat(news.status()).isEqualTo(200);
        assertThat(news.body()).contains("Đã nộp đủ", "hx-swap-oob=\"innerHTML\"",
                "Trạng thái nộp phí, lệ phí: Đã nộp đủ", "Chuyển khoản VietQR");
        assertThat(news.body()).doesNotContain("payment-poll", "<html", "transfer-content");
    }
}
