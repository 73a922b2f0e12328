package vn.motcua.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices to citizens and units through the transactional outbox: {@link #enqueue} writes the notice in the
 * caller's transaction; after that transaction commits, the poller (every {@code
 * motcua.notification.poll-interval}) or {@link #deliverPending()} sends it. A notice of a rolled-back change
 * is never sent.
 */
@Service
public class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationSettings settings;
    private final OutboxSender sender;

    Notices(JdbcClient jdbc, Clock clock, NotificationSettings settings, OutboxSender sender) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.sender = sender;
    }

    /** Stores the notice in the caller's transaction (Propagation.MANDATORY); it is sent after commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(Notice notice) {
        Instant now = clock.instant();
        if (notice.email() != null) {
            long id = insert(Channel.EMAIL, notice.kind(), notice.email(), notice.subject(), notice.body(), now);
            List<Notice.Attachment> attachments = notice.attachments();
            for (int i = 0; i < attachments.size(); i++) {
                Notice.Attachment attachment = attachments.get(i);
                jdbc.sql("""
                        insert into outbox_attachment (message_id, position, name, content_type, content, source)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(id, i, attachment.name(), attachment.contentType(), attachment.content(),
                                attachment.source())
                        .update();
            }
        }
        if (notice.phone() != null) {
            insert(Channel.SMS, notice.kind(), notice.phone(), notice.subject(),
                    Sms.shorten(notice.body(), settings.smsMaxLength()), now);
        }
        if (notice.email() == null && notice.phone() == null) {
            log.debug("Notice {} has neither an e-mail address nor a phone number: not sent", notice.kind());
        }
    }

    /**
     * Sends every notice that is due now, on this thread, and returns how many went out. The poller calls it;
     * tests call it instead of waiting for the poller. Rows that another node or thread is sending are skipped.
     */
    public int deliverPending() {
        return sender.deliverPending();
    }

    private long insert(Channel channel, String kind, String recipient, String subject, String body, Instant now) {
        return jdbc.sql("""
                insert into outbox_message (channel, kind, recipient, subject, body, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(channel.name(), kind, recipient, subject, body, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
    }
}
