package vn.motcua.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.notification.Notices;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.MailServer;
import vn.motcua.support.TestClock;

/** Reminders to the host unit, once before the due date and once when overdue, by e-mail through the outbox. */
@IntegrationTest
class TaskWatchTest {

    static final String HOST_EMAIL = "chuyenvien@haiphong.gov.vn"; // the only VP.KSTT staff with an address

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    TaskWatch watch;

    @Autowired
    Notices notices;

    @RegisterExtension
    final MailServer smtp = new MailServer();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_host_unit_is_reminded_once_before_the_due_date_once_when_overdue_and_again_after_an_extension()
            throws Exception {
        clock.set(LocalDateTime.of(2026, 7, 1, 9, 0)); // Wednesday
        Api monitor = Api.as(port, "giamsat");
        long chairman = monitor.get("/api/v1/tasks/assigners").json().get(0).get("id").asLong();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Nhiệm vụ thử nhắc hạn");
        body.put("assignedBy", chairman);
        body.put("hostUnitCode", "VP.KSTT");
        body.put("assignedOn", "2026-07-01");
        body.put("dueDate", "2026-07-10"); // Friday: 7 working days ahead, not yet "due soon" (3 working days)
        Api.Response created = monitor.post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String line = "#" + created.json().get("id").asLong() + " Nhiệm vụ thử nhắc hạn (10/07/2026)";

        watch.run();
        notices.deliverPending();
        assertThat(mentioning(line)).isEmpty();

        clock.set(LocalDateTime.of(2026, 7, 7, 8, 0)); // Tuesday: due within 3 working days
        watch.run();
        watch.run();
        notices.deliverPending();
        List<MimeMessage> soon = mentioning(line);
        assertThat(soon).hasSize(1);
        assertThat(soon.get(0).getSubject()).contains("sắp đến hạn");

        clock.set(LocalDateTime.of(2026, 7, 11, 8, 0)); // Saturday after the due date
        watch.run();
        watch.run();
        notices.deliverPending();
        List<MimeMessage> all = mentioning(line);
        assertThat(all).hasSize(2);
        assertThat(all.get(1).getSubject()).contains("đã quá hạn");

        // an approved extension re-arms the reminders for the new due date
        long id = created.json().get("id").asLong();
        Api.as(port, "chuyenvien").post("/api/v1/tasks/" + id + "/extension-requests",
                Map.of("proposedDueDate", "2026-07-20", "reason", "Chờ ý kiến"));
        monitor.post("/api/v1/tasks/" + id + "/extension-requests/1/approve", Map.of());
        clock.set(LocalDateTime.of(2026, 7, 15, 8, 0));
        watch.run();
        notices.deliverPending();
        assertThat(mentioning("#" + id + " Nhiệm vụ thử nhắc hạn (20/07/2026)")).hasSize(1);
    }

    private List<MimeMessage> mentioning(String line) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.receivedBy(HOST_EMAIL)) {
            if (message.getContent().toString().contains(line)) {
                found.add(message);
            }
        }
        return found;
    }
}
