package vn.motcua.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

/**
 * Without {@code motcua.payment.platform.enabled} (the default, and the shared test context's) nothing reaches for the
 * platform: a start is a conflict saying so, a return is not believed, the reconciliation does not run.
 */
@IntegrationTest
class PlatformPaymentDisabledTest {

    @LocalServerPort
    int port;

    @Autowired
    PaymentReconciliation reconciliation;

    @Test
    void a_platform_not_enabled_refuses_payments_returns_and_reconciliation() {
        Api.Response start = Api.as(port, "congdan").post(
                "/api/citizen/v1/dossiers/000.00.01.H27-261203-0001/payments/platform", null);
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.json().get("detail").asString()).startsWith("Chưa mở thanh toán trực tuyến qua Nền tảng");

        Api.Response back = Api.anonymous(port).get("/cong-dan/thanh-toan/ket-qua?data=dvc1_2&responseCode=00"
                + "&secureCode=" + "0".repeat(64));
        assertThat(back.status()).isEqualTo(400);

        assertThat(reconciliation.run().ran()).isFalse();
    }
}
