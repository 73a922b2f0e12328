package vn.motcua.payment;

import java.net.URI;

/**
 * The payment platform could not be reached or did not answer in time. Whatever was sent may or may not have
 * arrived: a payment in this state is pending, and its state is queried again later rather than guessed.
 */
class PaymentPlatformUnavailableException extends RuntimeException {

    private final String requestBody;

    PaymentPlatformUnavailableException(URI url, String requestBody, Throwable cause) {
        super("The national payment platform did not answer at " + url + ": " + cause, cause);
        this.requestBody = requestBody;
    }

    /** What was sent, for the transaction's record. */
    String requestBody() {
        return requestBody;
    }
}
