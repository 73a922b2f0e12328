package vn.motcua.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.payment.*}: the province's collection account that VietQR transfers credit, and the secret the bank
 * (or its payment intermediary) signs its credit notifications with. Without an account no QR code is offered;
 * without a secret every notification is refused.
 *
 * @param notificationSecret the HMAC-SHA256 key of {@code X-Signature}
 */
@ConfigurationProperties("motcua.payment")
record PaymentSettings(VietQrAccount vietqr, String notificationSecret) {

    PaymentSettings {
        vietqr = vietqr == null ? new VietQrAccount(null, null, null, null) : vietqr;
    }

    /**
     * @param bankBin the bank's 6-digit BIN in the NAPAS list (970415 VietinBank, 970436 Vietcombank …)
     * @param accountNumber the collection account (tài khoản thu), at most 19 characters
     * @param accountName the account holder's name as the bank shows it, for the payer to check
     * @param bankName the bank's short name, shown next to the QR code
     */
    record VietQrAccount(String bankBin, String accountNumber, String accountName, String bankName) {

        boolean configured() {
            return bankBin != null && !bankBin.isBlank() && accountNumber != null && !accountNumber.isBlank();
        }
    }

    boolean acceptsNotifications() {
        return notificationSecret != null && !notificationSecret.isBlank();
    }
}
