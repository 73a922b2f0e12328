package vn.motcua.portal;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import vn.motcua.notification.SmsInbox;
import vn.motcua.support.MailServer;

/**
 * What the sign-up tests share: people of their own (a phone number and an address no other test uses), a client
 * address of their own (sent as {@code X-Forwarded-For}: every test calls from 127.0.0.1, and the rate limits count
 * per address), and the code as the citizen reads it in the e-mail or the SMS.
 */
public final class SignUpFixtures {

    public static final String PASSWORD = "Dang-ky#2026";
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 900_000));
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    private SignUpFixtures() {}

    /** A mobile number no account has: 0356xxxxxx. */
    public static String phone() {
        return "0356" + NEXT.incrementAndGet();
    }

    public static String email() {
        return "cong.dan." + NEXT.incrementAndGet() + "@example.vn";
    }

    /** A client address of documentation's ranges (RFC 5737), one per call. */
    public static String clientAddress() {
        int n = NEXT.incrementAndGet();
        return "198.51." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    /** A person signing up with both a phone number and an e-mail address. */
    public static Map<String, Object> person(String phone, String email) {
        return Map.of("fullName", "Phạm Thị Lan", "citizenId", "031190004217", "dateOfBirth", "1990-05-14",
                "phone", phone, "email", email, "address", "Số 5 Lạch Tray, phường Ngô Quyền, Hải Phòng",
                "password", PASSWORD);
    }

    /** The code of the last e-mail to {@code email}. */
    public static String emailedCode(MailServer smtp, String email) throws Exception {
        List<MimeMessage> received = smtp.receivedBy(email);
        if (received.isEmpty()) {
            throw new AssertionError("no e-mail to " + email);
        }
        return code(MailServer.text(received.get(received.size() - 1)));
    }

    /** The code of the last SMS to {@code phone}. */
    public static String textedCode(ApplicationContext context, String phone) {
        List<String> texts = SmsInbox.textsTo(context, phone);
        if (texts.isEmpty()) {
            throw new AssertionError("no SMS to " + phone);
        }
        return code(texts.get(texts.size() - 1));
    }

    public static String code(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no code in: " + text);
        }
        return matcher.group(1);
    }

    /** A six-digit code that is not {@code code}. */
    public static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
