package vn.motcua.notification;

/**
 * The port to an SMS provider (a telecom's brand-name SMS service). An adapter throws when the provider did
 * not accept the text; the outbox then retries later.
 */
interface SmsGateway {

    /**
     * @param reference the outbox row's stable reference, the same on every retry, for providers that accept a
     *     client message id to drop duplicates
     * @param phone the number as the notice gave it
     * @param text the text, already shortened to {@code motcua.notification.sms-max-length}
     */
    void send(String reference, String phone, String text);
}
