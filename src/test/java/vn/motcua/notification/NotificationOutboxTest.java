package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.MailServer;

/**
 * The outbox against a real SMTP server (GreenMail, in-process, on {@code spring.mail.port} of the test
 * profile) and the real database: what is committed is delivered once, what is rolled back never, and an SMTP
 * outage loses nothing.
 */
@IntegrationTest
class NotificationOutboxTest {

    private static final String BODY = """
            Kính gửi ông/bà Nguyễn Thị Hường,
            Hồ sơ đăng ký hộ kinh doanh của ông/bà đã được tiếp nhận. Hẹn trả kết quả ngày 10/03/2026.
            Trân trọng — Bộ phận Một cửa UBND quận Hồng Bàng.""";
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    Notices notices;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoggingSmsGateway smsGateway;

    @Autowired
    List<ScheduledTaskHolder> schedules;

    @LocalServerPort
    int port;

    @RegisterExtension
    final MailServer smtp = new MailServer();

    @Test
    void aCommittedNoticeIsDeliveredWithItsSubjectVietnameseBodyAndPdf() throws Exception {
        String email = unique("huong");
        transaction.executeWithoutResult(status -> notices.enqueue(new Notice("DOSSIER_ACCEPTED", email, null,
                "Hồ sơ đã được tiếp nhận", BODY,
                List.of(new Notice.Attachment("Giấy tiếp nhận.pdf", "application/pdf", PDF)))));
        assertThat(receivedBy(email)).as("nothing is sent before a delivery pass").isEmpty();

        assertThat(notices.deliverPending()).isGreaterThanOrEqualTo(1);

        List<MimeMessage> received = receivedBy(email);
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).isEqualTo("Hồ sơ đã được tiếp nhận");
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Bộ phận Một cửa");
        assertThat(from.getAddress()).isEqualTo("motcua@localhost");
        assertThat(message.getHeader("X-Motcua-Kind", null)).isEqualTo("DOSSIER_ACCEPTED");

        Map<String, Object> row = row(email);
        assertThat(message.getMessageID()).isEqualTo("<outbox." + row.get("id") + "."
                + ((java.sql.Timestamp) row.get("created_at")).toInstant().toEpochMilli() + "@localhost>");
        assertThat(row.get("sent_at")).isNotNull();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_error")).isNull();

        List<Part> parts = new ArrayList<>();
        collectParts(message, parts);
        Part text = parts.stream().filter(p -> isType(p, "text/plain") && !Part.ATTACHMENT.equals(disposition(p)))
                .findFirst().orElseThrow();
        assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(((String) text.getContent()).replace("\r\n", "\n")).isEqualTo(BODY);
        Part pdf = parts.stream().filter(p -> Part.ATTACHMENT.equals(disposition(p))).findFirst().orElseThrow();
        assertThat(MimeUtility.decodeText(pdf.getFileName())).isEqualTo("Giấy tiếp nhận.pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pdf.getInputStream().transferTo(bytes);
        assertThat(bytes.toByteArray()).isEqualTo(PDF);

        assertThat(notices.deliverPending()).as("a sent notice is not sent again").isZero();
        assertThat(receivedBy(email)).hasSize(1);
    }

    @Test
    void aNoticeOfARolledBackTransactionIsNeverSent() throws Exception {
        String email = unique("rollback");
        transaction.executeWithoutResult(status -> {
            notices.enqueue(new Notice("DOSSIER_ACCEPTED", email, "0912000111", "Không gửi", BODY, null));
            status.setRollbackOnly();
        });
        notices.deliverPending();

        assertThat(receivedBy(email)).isEmpty();
        assertThat(smsGateway.recent()).noneMatch(sms -> sms.phone().equals("0912000111"));
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient in (?, ?)")
                .params(email, "0912000111").query(Integer.class).single()).isZero();
    }

    @Test
    void enqueueNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> notices.enqueue(new Notice("K", unique("none"), null, "s", "b", null)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void whileTheMailServerIsDownNothingIsLostAndAfterwardsItIsDeliveredExactlyOnce() throws Exception {
        smtp.stop();
        String email = unique("outage");
        transaction.executeWithoutResult(status -> notices.enqueue(new Notice("DOSSIER_RESULT_READY", email, null,
                "Kết quả đã có", BODY, null)));

        Instant before = Instant.now();
        notices.deliverPending();
        Map<String, Object> failed = row(email);
        assertThat(failed.get("sent_at")).isNull();
        assertThat(failed.get("attempts")).isEqualTo(1);
        assertThat((String) failed.get("last_error")).isNotBlank();
        Instant next = ((java.sql.Timestamp) failed.get("next_attempt_at")).toInstant();
        assertThat(next).as("the next attempt waits about a minute")
                .isBetween(before.plus(50, ChronoUnit.SECONDS), before.plus(3, ChronoUnit.MINUTES));

        notices.deliverPending();
        assertThat(row(email).get("attempts")).as("not due yet: not attempted again").isEqualTo(1);

        // The server is back and the minute has passed (moved back in the row rather than waited for).
        smtp.start();
        jdbc.sql("update outbox_message set next_attempt_at = now() - interval '1 second' where id = ?")
                .param(failed.get("id")).update();
        notices.deliverPending();
        notices.deliverPending();

        assertThat(receivedBy(email)).hasSize(1);
        Map<String, Object> sent = row(email);
        assertThat(sent.get("sent_at")).isNotNull();
        assertThat(sent.get("attempts")).isEqualTo(2);
        assertThat(sent.get("last_error")).isNull();
    }

    @Test
    void aRowClaimedByAnotherNodeWaitsForItsLeaseToLapseAndIsThenSentOnce() throws Exception {
        String email = unique("lease");
        transaction.executeWithoutResult(status -> notices.enqueue(new Notice("DOSSIER_RESULT_READY", email, null,
                "Kết quả đã có", BODY, null)));
        Object id = row(email).get("id");
        // Another node claimed it and died before marking it (a PostgreSQL restart, a kill -9).
        jdbc.sql("update outbox_message set claimed_until = now() + interval '1 hour' where id = ?").param(id).update();

        notices.deliverPending();
        assertThat(receivedBy(email)).as("claimed by another node: left to it").isEmpty();
        assertThat(row(email).get("sent_at")).isNull();

        jdbc.sql("update outbox_message set claimed_until = now() - interval '1 second' where id = ?").param(id)
                .update();
        notices.deliverPending();
        notices.deliverPending();

        assertThat(receivedBy(email)).as("sent once the claim lapsed, and only once").hasSize(1);
        Map<String, Object> sent = row(email);
        assertThat(sent.get("sent_at")).isNotNull();
        assertThat(sent.get("claimed_until")).as("marked sent and released in one statement").isNull();
    }

    @Test
    void concurrentDeliveryPassesNeverSendARowTwice() throws Exception {
        String domain = "race-" + UUID.randomUUID().toString().substring(0, 8) + ".example.vn";
        int count = 45;
        Set<String> recipients = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "citizen" + i + "@" + domain).collect(Collectors.toSet());
        transaction.executeWithoutResult(status -> recipients.forEach(email -> notices.enqueue(
                new Notice("DOSSIER_ACCEPTED", email, null, "Thông báo", BODY, null))));

        CyclicBarrier start = new CyclicBarrier(3);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> passes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                passes.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return notices.deliverPending();
                }));
            }
            int sent = 0;
            for (Future<Integer> pass : passes) {
                sent += pass.get(60, TimeUnit.SECONDS);
            }
            assertThat(sent).isGreaterThanOrEqualTo(count);
        } finally {
            threads.shutdownNow();
        }

        List<MimeMessage> received = smtp.receivedForDomain(domain);
        List<String> to = new ArrayList<>();
        for (MimeMessage message : received) {
            to.add(((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
        }
        assertThat(to).hasSize(count).containsExactlyInAnyOrderElementsOf(recipients);
        assertThat(received.stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct()).hasSize(count);
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient like ? and attempts = 1 "
                + "and sent_at is not null").param("%@" + domain).query(Integer.class).single()).isEqualTo(count);
    }

    @Test
    void anSmsGoesToTheGatewayShortenedAndAnEmailToo() throws Exception {
        String phone = "09" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        String email = unique("both");
        String longBody = BODY + " " + BODY;
        transaction.executeWithoutResult(status -> notices.enqueue(
                new Notice("DOSSIER_SUPPLEMENT_REQUESTED", email, phone, "Yêu cầu bổ sung", longBody, null)));

        notices.deliverPending();

        List<LoggingSmsGateway.Sent> sms = smsGateway.recent().stream().filter(s -> s.phone().equals(phone)).toList();
        assertThat(sms).hasSize(1);
        String text = sms.get(0).text();
        assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(160);
        assertThat(text).startsWith("Kính gửi ông/bà Nguyễn Thị Hường, Hồ sơ").endsWith("…");
        assertThat(sms.get(0).reference()).startsWith("outbox.");
        assertThat(receivedBy(email)).hasSize(1);
        assertThat(jdbc.sql("select channel from outbox_message where recipient in (?, ?) and sent_at is not null "
                + "order by channel").params(email, phone).query(String.class).list()).containsExactly("EMAIL", "SMS");

        notices.deliverPending();
        assertThat(smsGateway.recent().stream().filter(s -> s.phone().equals(phone))).hasSize(1);
    }

    @Test
    void aMailServerOutageDoesNotMakeTheNodeUnhealthy() {
        smtp.stop();
        Api.Response health = Api.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void aNoticeWithNeitherAddressNorPhoneIsDropped() {
        String kind = "NOBODY_" + UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(status -> notices.enqueue(new Notice(kind, null, null, "s", "b", null)));
        assertThat(jdbc.sql("select count(*) from outbox_message where kind = ?").param(kind)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void thePollerIsScheduled() {
        assertThat(schedules.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .map(task -> task.getTask().getRunnable().toString()))
                .anyMatch(name -> name.contains("OutboxSender.poll"))
                .anyMatch(name -> name.contains("OutboxSender.purgeSent"));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.vn";
    }

    private List<MimeMessage> receivedBy(String email) throws Exception {
        return smtp.receivedBy(email);
    }

    private Map<String, Object> row(String recipient) {
        return jdbc.sql("select * from outbox_message where recipient = ?").param(recipient).query().singleRow();
    }

    private static void collectParts(Part part, List<Part> parts) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectParts(child, parts);
            }
        } else {
            parts.add(part);
        }
    }

    private static boolean isType(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
