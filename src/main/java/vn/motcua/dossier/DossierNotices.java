package vn.motcua.dossier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.notification.Notice;
import vn.motcua.notification.Notices;
import vn.motcua.platform.PublicAddress;
import vn.motcua.shared.VietnamTime;

/**
 * Tells the applicant, by e-mail (when an address is known) and SMS (when a phone is), what happened to
 * their dossier: accepted (with the receipt, Form 01), asked for a supplement (Form 02), refused (Form 03),
 * result ready, apology with a new date (Form 04), result returned. Notices go into the outbox in the
 * transaction of the change, so an SMTP outage delays them but loses none; the forms are rendered when the
 * e-mail is sent ({@link DossierFormAttachments}).
 */
@Component
class DossierNotices {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    /** The actions the applicant hears about, and the form attached to each (if any). */
    private static final Map<String, String> FORMS = Map.of(
            "ACCEPTED", "receipt", "SUPPLEMENT_REQUESTED", "supplement-request", "REFUSED", "refusal",
            "RESULT_READY", "", "APOLOGY", "apology", "APOLOGY_LATE", "apology", "RETURNED", "");

    private final Notices notices;
    private final MessageSource messages;
    private final PublicAddress publicAddress;

    DossierNotices(Notices notices, MessageSource messages, PublicAddress publicAddress) {
        this.notices = notices;
        this.messages = messages;
        this.publicAddress = publicAddress;
    }

    /** Called with the history rows a change added, in its transaction. */
    void changed(Dossier dossier, List<Dossier.Event> events) {
        Reception.Applicant applicant = dossier.applicant();
        if (applicant.email() == null && applicant.phone() == null) {
            return;
        }
        for (Dossier.Event event : events) {
            String form = FORMS.get(event.action());
            if (form == null) {
                continue;
            }
            boolean attach = java.util.Arrays.stream(vn.motcua.dossier.forms.Form.values())
                    .anyMatch(f -> f.slug().equals(form));
            // Message keys by the action: RESULT_READY → dossier.notice.result-ready.subject / .body.
            String key = "dossier.notice." + event.action().toLowerCase(Locale.ROOT).replace('_', '-');
            ReturnMethod method = dossier.outcome().returnMethod();
            Object[] args = {dossier.code(), dossier.procedure().name(), moment(dossier.dueAt()),
                    event.note() == null ? "" : event.note(),
                    method == null ? "" : text("dossier.return-method." + method.name())};
            String lookup = publicAddress.url() + "/tra-cuu?ma=" + URLEncoder.encode(dossier.code(), StandardCharsets.UTF_8);
            String body = text("dossier.notice.greeting", applicant.name()) + "\n\n"
                    + text(key + ".body", args) + "\n\n"
                    + text("dossier.notice.lookup", lookup, dossier.reception().lookupPin());
            List<Notice.Attachment> attachments = attach
                    ? List.of(Notice.Attachment.rendered(form + "-" + dossier.code() + ".pdf", "application/pdf",
                            DossierFormAttachments.reference(form, dossier.code())))
                    : List.of();
            notices.enqueue(new Notice("DOSSIER_" + event.action(), applicant.email(), applicant.phone(),
                    text(key + ".subject", args), body, attachments));
        }
    }

    private String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(VietnamTime.ZONE));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
