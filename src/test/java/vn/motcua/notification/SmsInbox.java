package vn.motcua.notification;

import java.util.List;
import org.springframework.context.ApplicationContext;

/**
 * The SMS texts the application has sent, for tests of other modules: until a provider is connected they go to
 * {@link LoggingSmsGateway}, which keeps the last ones. Tests send what is due with {@code Notices.deliverPending()}.
 */
public final class SmsInbox {

    private SmsInbox() {}

    /** The texts sent to {@code phone}, oldest first. */
    public static List<String> textsTo(ApplicationContext context, String phone) {
        return context.getBean(LoggingSmsGateway.class).recent().stream()
                .filter(sms -> sms.phone().equals(phone))
                .map(LoggingSmsGateway.Sent::text)
                .toList();
    }
}
