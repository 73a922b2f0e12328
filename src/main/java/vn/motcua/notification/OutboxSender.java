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
import vn.motcua.platform.ClusterLock;
import vn.motcua.shared.DatabaseUnavailable;

/**
 * Sends the outbox. A batch is claimed first: up to {@code batch-size} due rows get a lease ({@code claimed_until},
 * {@code motcua.notification.lease}) in one short statement with {@code for update skip locked}, so that rows
 * another node is sending are skipped. Then each row is sent and at once marked sent, or its error and the time of
 * its next attempt recorded (exponential back-off), each by a statement of its own. If the node dies, or the
 * database restarts, between a send and its mark, that one row is sent again once its lease has lapsed, with the same
 * {@code Message-ID}, by which the receiving server can recognise the duplicate. (Before, one transaction held the
 * whole batch while it was sent, and a PostgreSQL restart before its commit sent the whole batch again.)
 *
 * <p>Without a mail server ({@code spring.mail.host} unset) there is no {@link JavaMailSender}: e-mails then
 * wait in the outbox, untouched, until a server is configured; SMS texts still go out.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int MAX_BATCHES_PER_PASS = 1_000;
    private static final int MAX_ERROR_LENGTH = 2_000;

    /** {@code claimedUntil}: this node's claim as written, by which it recognises the row as still its own. */
    private record Row(long id, Channel channel, String kind, String recipient, String subject, String body,
            Instant createdAt, int attempts, Timestamp claimedUntil, Instant nextAttemptAt) {}

    private record Attachment(String name, String contentType, byte[] content) {}

    private record Batch(int fetched, int sent) {}

    private final JdbcClient jdbc;
    private final ObjectProvider<AttachmentSource> attachmentSources;
    private final Clock clock;
    private final NotificationSettings settings;
    private final JavaMailSender mail;
    private final SmsGateway sms;
    private final ClusterLock clusterLock;
    private final InternetAddress from;
    private final String messageIdDomain;

    OutboxSender(JdbcClient jdbc, Clock clock,
            NotificationSettings settings, ObjectProvider<JavaMailSender> mail, SmsGateway sms,
            ClusterLock clusterLock, ObjectProvider<AttachmentSource> attachmentSources) {
        this.attachmentSources = attachmentSources;
        this.jdbc = jdbc;
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
            Batch batch = deliverBatch();
            sent += batch.sent();
            if (batch.fetched() < settings.batchSize()) {
                break;
            }
        }
        return sent;
    }

    /**
     * Claims a batch, then sends its rows one by one, each marked sent (or failed) by a statement of its own as soon
     * as it is sent. No transaction stays open while a server is talked to: when the database goes away mid-batch
     * (a restart), what was sent is already marked, the row being sent at that moment is the only one that can go
     * out twice, and the rest of the claim simply lapses (the pass stops on the first database failure).
     */
    private Batch deliverBatch() {
        List<Row> rows = claim();
        int sent = 0;
        for (Row row : rows) {
            // Still this node's, for a new lease: a claim that lapsed during a long batch (a slow mail server) and
            // was taken by another node is left to that node.
            if (!renew(row)) {
                continue;
            }
            Exception failure = null;
            try {
                switch (row.channel()) {
                    case EMAIL -> sendEmail(row);
                    case SMS -> sms.send(reference(row), row.recipient(), row.body());
                }
            } catch (Exception e) {
                if (DatabaseUnavailable.isCause(e)) {
                    throw new DatabaseUnavailable(e); // an attachment that could not be read: the row lapses
                }
                failure = e;
            }
            if (failure == null) {
                jdbc.sql("""
                        update outbox_message set sent_at = ?, attempts = attempts + 1, last_error = null,
                               claimed_until = null where id = ?""")
                        .params(Timestamp.from(clock.instant()), row.id()).update();
                sent++;
            } else {
                int failures = row.attempts() + 1;
                Instant next = clock.instant().plus(settings.backoff(failures));
                jdbc.sql("""
                        update outbox_message set attempts = ?, last_error = ?, next_attempt_at = ?, claimed_until = null
                         where id = ?""")
                        .params(failures, describe(failure), Timestamp.from(next), row.id()).update();
                log.warn("Could not send {} {} #{} (attempt {}), next attempt at {}: {}", row.channel(), row.kind(),
                        row.id(), failures, next, describe(failure));
            }
        }
        return new Batch(rows.size(), sent);
    }

    /**
     * Up to {@code batch-size} due rows, unsent and unclaimed (or whose claim lapsed), claimed for {@code lease} by one
     * short statement: {@code for update skip locked} keeps two nodes claiming at the same moment apart, the claim
     * keeps them apart afterwards.
     */
    private List<Row> claim() {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(settings.lease()));
        List<Row> rows = new java.util.ArrayList<>(jdbc.sql("""
                update outbox_message set claimed_until = ?
                 where id in (select id from outbox_message
                               where sent_at is null and next_attempt_at <= ? and channel in (:channels)
                                 and (claimed_until is null or claimed_until <= ?)
                               order by next_attempt_at, id
                               limit ?
                                 for update skip locked)
                returning id, channel, kind, recipient, subject, body, created_at, attempts, claimed_until,
                          next_attempt_at""".replace(":channels", mail == null ? "'SMS'" : "'EMAIL', 'SMS'"))
                .params(until, Timestamp.from(now), Timestamp.from(now), settings.batchSize())
                .query((rs, n) -> new Row(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("kind"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("body"), rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts"),
                        rs.getTimestamp("claimed_until"), rs.getTimestamp("next_attempt_at").toInstant()))
                .list());
        rows.sort(java.util.Comparator.comparing(Row::nextAttemptAt).thenComparingLong(Row::id));
        return rows;
    }

    /**
     * Whether the row is still this node's, before it is sent. Within the first half of the lease it is (another node
     * claims only lapsed rows, and half a lease is a wide margin for the nodes' clocks), and nothing is written: a
     * statement, and its commit, per notice is what the outbox cost an intake under load. Later in a long batch (a
     * slow mail server) the claim is extended first; false when it lapsed and another node took the row.
     */
    private boolean renew(Row row) {
        if (row.claimedUntil().toInstant().isAfter(clock.instant().plus(settings.lease().dividedBy(2)))) {
            return true;
        }
        Timestamp until = Timestamp.from(clock.instant().plus(settings.lease()));
        boolean ours = jdbc.sql("""
                update outbox_message set claimed_until = ? where id = ? and claimed_until = ? and sent_at is null""")
                .params(until, row.id(), row.claimedUntil()).update() == 1;
        return ours;
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
