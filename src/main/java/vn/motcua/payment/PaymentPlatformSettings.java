package vn.motcua.payment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.payment.platform.*}: the national public-service portal's payment platform, through which citizens
 * pay fees online. The partner code, the secret and the addresses are issued to the province by the platform's
 * operator; nothing here has a default that could reach a real platform.
 *
 * @param enabled whether motcua talks to the platform at all (default {@code false})
 * @param partnerCode {@code MaDoiTac}, the province's partner code
 * @param secret the shared secret that ends every checksum ({@code MaXacThuc}); never sent, never logged
 * @param initUrl where a payment is initiated ({@code INIT})
 * @param statusUrl where a payment's state is queried
 * @param receiptUrl where a paid payment's e-receipt (PDF) is requested
 * @param bearerToken sent as {@code Authorization: Bearer …} when set; some platform gateways ask for one
 * @param returnUrl where the platform sends the citizen back after paying, as registered with its operator
 * @param connectTimeout how long to wait for a connection (default 5 s)
 * @param readTimeout how long to wait for an answer (default 15 s); past either the payment is treated as
 *     pending and queried again later
 */
@ConfigurationProperties("motcua.payment.platform")
record PaymentPlatformSettings(boolean enabled, String partnerCode, String secret, URI initUrl, URI statusUrl,
        URI receiptUrl, String bearerToken, URI returnUrl, Duration connectTimeout, Duration readTimeout) {

    PaymentPlatformSettings {
        bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken.strip();
        connectTimeout = connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()
                ? Duration.ofSeconds(15) : readTimeout;
    }

    /** The secret and the token stay out of logs and failure messages. */
    @Override
    public String toString() {
        return "PaymentPlatformSettings[enabled=" + enabled + ", partnerCode=" + partnerCode + ", secret="
                + (secret == null ? null : "***") + ", initUrl=" + initUrl + ", statusUrl=" + statusUrl
                + ", receiptUrl=" + receiptUrl + ", bearerToken=" + (bearerToken == null ? null : "***")
                + ", returnUrl=" + returnUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + "]";
    }
}
