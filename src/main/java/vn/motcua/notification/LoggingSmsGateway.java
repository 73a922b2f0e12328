package vn.motcua.notification;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link SmsGateway} until a provider is connected: writes the text and the masked number to the
 * log and keeps the last {@value #KEPT} messages in memory for inspection (tests, the demo).
 */
class LoggingSmsGateway implements SmsGateway {

    static final int KEPT = 100;
    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    record Sent(String reference, String phone, String text) {}

    private final Deque<Sent> recent = new ArrayDeque<>();

    @Override
    public void send(String reference, String phone, String text) {
        log.info("SMS {} to {}: {}", reference, mask(phone), text);
        synchronized (recent) {
            recent.addLast(new Sent(reference, phone, text));
            while (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
    }

    /** The last messages "sent", oldest first. */
    List<Sent> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** {@code 0912345678} → {@code 091****678}: enough to tell numbers apart in the log, not to call them. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        if (digits.length() <= 6) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 6) + digits.substring(digits.length() - 3);
    }
}
