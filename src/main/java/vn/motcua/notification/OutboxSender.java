package vn.motcua.notification;

import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.ClusterLock;

/**
 * Sends the outbox. Each batch is one transaction: it locks up to {@code batch-size} due rows with {@code for
 * update skip locked} (rows another node is sending are skipped, never sent twice), sends each, and in the
 * same transaction marks it sent, or records the error and the time of the next attempt (exponential
 * back-off). If the node dies between sending and committing, the row is sent again later with the same
 * {@code Message-ID}, by which the receiving server can recognise the duplicate.
 *
 * <p>Without a mail server ({@code spring.mail.host} unset) there is no {@link JavaMailSender}: e-mails then
 * wait in the outbox, untouched, until a server is configured; SMS texts still go out.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_BATCHES_PER_PASS = 1_000;
    private static final int MAX_ERROR_LENGTH = 2_000;

    private record Row(long id, Channel channel, String kind, String recipient, String subject, String body,
            Instant createdAt, int attempts) {}

    private record Attachment(String name, String contentType, byte[] content) {}

    private record Batch(int fetched, int sent) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<AttachmentSource> attachmentSources;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final NotificationSettings settings;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final ClusterLock clusterLock;
    private final InternetAddress from;
    private final String messageIdDomain;

    OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
            NotificationSettings settings, ObjectProvider<JavaMailSender> mail, SmsGateway sms,
            ClusterLock clusterLock, ObjectProvider<AttachmentSource> attachmentSources) {
        this.attachmentSources = attachmentSources;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = settings;
        this.mail = mail.getIfAvailable();
        this.sms = sms;
        this.clusterLock = clusterLock;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalStateException("motcua.notification.from is not an e-mail address: " + settings.from(), e);
        }
        String address = from.getAddress();
        this.messageIdDomain = address.substring(address.indexOf('@') + 1);
        if (this.mail == null) {
            log.warn("No mail server configured (spring.mail.host): e-mails wait in the outbox until one is; "
                    + "SMS texts are sent");
        }
    }

    @Scheduled(fixedDelayString = "${motcua.notification.poll-interval:5s}",
            initialDelayString = "${motcua.notification.poll-interval:5s}")
    void poll() {
        try {
            deliverPending();
        } catch (RuntimeException e) {
            log.warn("Outbox delivery pass failed; the next pass retries: {}", e.toString());
        }
    }

    /** Sent rows are kept for {@code keep-sent}, then removed by one node. Unsent rows are never removed. */
    @Scheduled(fixedDelayString = "${motcua.notification.purge-interval:6h}", initialDelayString = "PT10M")
    void purgeSent() {
        clusterLock.runExclusively("notification.purge-sent", () -> {
            int purged = jdbc.sql("delete from outbox_message where sent_at < ?")
                    .param(Timestamp.from(clock.instant().minus(settings.keepSent()))).update();
            if (purged > 0) {
                log.info("Purged {} sent outbox messages older than {}", purged, settings.keepSent());
            }
        });
    }

    int deliverPending() {
        int sent = 0;
        for (int i = 0; i < MAX_BATCHES_PER_PASS; i++) {
            Batch batch = transaction.execute(status -> deliverBatch());
            sent += batch.sent();
            if (batch.fetched() < settings.batchSize()) {
                break;
            }
        }
        return sent;
    }

    private Batch deliverBatch() {
        Instant now = clock.instant();
        List<Row> rows = jdbc.sql("""
                select id, channel, kind, recipient, subject, body, created_at, attempts
                  from outbox_message
                 where sent_at is null and next_attempt_at <= ? and channel in (:channels)
                 order by next_attempt_at, id
                 limit ?
                   for update skip locked""".replace(":channels", mail == null ? "'SMS'" : "'EMAIL', 'SMS'"))
                .params(Timestamp.from(now), settings.batchSize())
                .query((rs, n) -> new Row(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts")))
                .list();
        int sent = 0;
        for (Row row : rows) {
            try {
                switch (row.channel()) {
                    case EMAIL -> sendEmail(row);
                    case SMS -> sms.send(reference(row), row.recipient(), row.body());
                }
                jdbc.sql("update outbox_message set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                        .params(Timestamp.from(clock.instant()), row.id()).update();
                sent++;
            } catch (Exception e) {
                int failures = row.attempts() + 1;
                Instant next = clock.instant().plus(settings.backoff(failures));
                jdbc.sql("update outbox_message set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?")
                        .params(failures, describe(e), Timestamp.from(next), row.id()).update();
                log.warn("Could not send {} {} #{} (attempt {}), next attempt at {}: {}", row.channel(), row.kind(),
                        row.id(), failures, next, describe(e));
            }
        }
        return new Batch(rows.size(), sent);
    }

    /** A referenced attachment, rendered now; none able to render it is a failure, retried like an outage. */
    private byte[] render(String source) {
        for (AttachmentSource attachmentSource : attachmentSources.orderedStream().toList()) {
            java.util.Optional<byte[]> content = attachmentSource.render(source);
            if (content.isPresent()) {
                return content.get();
            }
        }
        throw new IllegalStateException("No attachment source renders " + source);
    }

    private void sendEmail(Row row) throws Exception {
        List<Attachment> attachments = jdbc.sql("""
                select name, content_type, content, source from outbox_attachment where message_id = ? order by position""")
                .param(row.id())
                .query((rs, n) -> new Attachment(rs.getString("name"), rs.getString("content_type"),
                        rs.getBytes("content") != null ? rs.getBytes("content") : render(rs.getString("source"))))
                .list();
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
        helper.setFrom(from);
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.body(), false);
        for (Attachment attachment : attachments) {
            helper.addAttachment(attachment.name(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        if (!attachments.isEmpty()) {
            // Base64 always: a file that happens to be ASCII would otherwise go as 7bit text, and mail servers
            // rewrite the line ends of text (a PDF's byte offsets would break).
            MimeMultipart parts = helper.getRootMimeMultipart();
            for (int i = 0; i < parts.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    parts.getBodyPart(i).setHeader("Content-Transfer-Encoding", "base64");
                }
            }
        }
        // Stable across retries (JavaMailSenderImpl keeps a Message-ID set before sending).
        message.setHeader("Message-ID", messageId(row));
        message.setHeader("X-Motcua-Kind", row.kind());
        mail.send(message);
    }

    /** {@code <outbox.42.1767225600000@haiphong.gov.vn>}: the row's id and creation time, never reused. */
    private String messageId(Row row) {
        return "<" + reference(row) + "@" + messageIdDomain + ">";
    }

    private static String reference(Row row) {
        return "outbox." + row.id() + "." + row.createdAt().toEpochMilli();
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.toString());
        Throwable cause = e.getCause();
        for (int depth = 0; cause != null && depth < 3; depth++, cause = cause.getCause()) {
            text.append(" ← ").append(cause);
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }
}
