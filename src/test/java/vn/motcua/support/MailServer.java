package vn.motcua.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A real SMTP server (GreenMail, in-process) on the test profile's {@code spring.mail.host} and
 * {@code spring.mail.port}, started before each test and stopped after it:
 * {@code @RegisterExtension final MailServer smtp = new MailServer();}. A test may stop it to play an
 * outage and start it again.
 */
public class MailServer implements BeforeEachCallback, AfterEachCallback {

    private ServerSetup setup;
    private GreenMail server;

    @Override
    public void beforeEach(ExtensionContext context) {
        Environment environment = SpringExtension.getApplicationContext(context).getEnvironment();
        setup = new ServerSetup(environment.getRequiredProperty("spring.mail.port", Integer.class),
                environment.getRequiredProperty("spring.mail.host"), ServerSetup.PROTOCOL_SMTP);
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stop();
    }

    /** Starts the server (again, after an outage); its mailbox starts empty. */
    public void start() {
        stop();
        server = new GreenMail(setup);
        server.start();
    }

    /** Stops the server: the application's deliveries fail until it is started again. */
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message received since the server last started. */
    public List<MimeMessage> received() {
        return List.of(running().getReceivedMessages());
    }

    /** The messages with {@code address} among their To recipients. */
    public List<MimeMessage> receivedBy(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : running().getReceivedMessages()) {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            for (Address recipient : to == null ? new Address[0] : to) {
                if (((InternetAddress) recipient).getAddress().equals(address)) {
                    found.add(message);
                    break;
                }
            }
        }
        return found;
    }

    /** The messages to any address at {@code domain}. */
    public List<MimeMessage> receivedForDomain(String domain) {
        return List.of(running().getReceivedMessagesForDomain(domain));
    }

    /** The plain text of a message (or a part of one), attachments left aside; null when it has none. */
    public static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private GreenMail running() {
        if (server == null) {
            throw new IllegalStateException("the mail server is stopped");
        }
        return server;
    }
}
