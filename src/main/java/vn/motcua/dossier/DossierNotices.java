package vn.motcua.dossier;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.notification.Notice;
import vn.motcua.notification.Notices;
import vn.motcua.platform.PublicAddress;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.web.Formats;

/**
 * Tells the applicant of every change of their dossier's status, at once (Decree 224/2026/NĐ-CP Art. 15(1)(g)),
 * by e-mail (when an address is known) and SMS (when a phone is), naming the agency, the officer who acted and the
 * time: registered online, accepted (with the receipt, Form 01), asked for a supplement (Form 02), supplement
 * received, refused (Form 03), sent back for processing, result ready, stopped or withdrawn (Form 05), result
 * returned, asked to pay the fees (status 6); and of the apology with a new date (Form 04) and of the fees paid,
 * which need not change the status. Notices go
 * into the outbox in the transaction of the change, so an SMTP outage delays them but loses none; the forms are
 * rendered when the e-mail is sent ({@link DossierFormAttachments}). Every status change is also published as a
 * {@link DossierStatusChanged} event, and so are those two changes.
 */
@Component
class DossierNotices {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    /** The form attached to the notice of each action (the others have none). */
    private static final Map<String, String> FORMS = Map.of(
            "ACCEPTED", "receipt", "SUPPLEMENT_REQUESTED", "supplement-request", "REFUSED", "refusal",
            "APOLOGY", "apology", "APOLOGY_LATE", "apology", "STOPPED", "stop-notice", "WITHDRAWN", "stop-notice");

    /** Changes the applicant hears of, though the status may stay: a new date, the fees paid. */
    private static final Set<String> TOLD_ANYWAY = Set.of("APOLOGY", "APOLOGY_LATE", "FEES_PAID");

    private final Notices notices;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final ActorNames names;
    private final ApplicationEventPublisher events;

    DossierNotices(Notices notices, MessageSource messages, PublicAddress publicAddress, ActorNames names,
            ApplicationEventPublisher events) {
        this.notices = notices;
        this.messages = messages;
        this.publicAddress = publicAddress;
        this.names = names;
        this.events = events;
    }

    /** Called with the change a save wrote, in its transaction. */
    void changed(Dossier dossier, Dossier.Changes changes) {
        List<Dossier.Event> all = changes.events();
        List<Dossier.Event> reached = new ArrayList<>();
        DossierStatus before = changes.before();
        for (Dossier.Event event : all) {
            if (event.status() != before) {
                reached.add(event);
                events.publishEvent(statusChanged(dossier, event));
            } else if (TOLD_ANYWAY.contains(event.action())) {
                events.publishEvent(statusChanged(dossier, event));
            }
            before = event.status();
        }
        Reception.Applicant applicant = dossier.applicant();
        if (applicant.email() == null && applicant.phone() == null) {
            return;
        }
        for (Dossier.Event event : all) {
            if (TOLD_ANYWAY.contains(event.action()) || told(event, reached)) {
                notify(dossier, event);
            }
        }
    }

    /**
     * Whether the applicant hears of this event as a status change of its own: every status reached, except those
     * one act only passes through and which the applicant hears of as part of the next: registration when the desk
     * decides in the same act, and processing that follows acceptance at once (the receipt says so).
     */
    private static boolean told(Dossier.Event event, List<Dossier.Event> reached) {
        int i = -1;
        for (int n = 0; n < reached.size(); n++) {
            if (reached.get(n) == event) {
                i = n;
            }
        }
        return i >= 0 && !(event.action().equals("REGISTERED") && i < reached.size() - 1)
                && !(event.action().equals("IN_PROCESS") && i > 0 && reached.get(i - 1).action().equals("ACCEPTED"));
    }

    private DossierStatusChanged statusChanged(Dossier dossier, Dossier.Event event) {
        Reception reception = dossier.reception();
        String agency = names.agencyOf(event.unitCode(), reception.agencyCode());
        return new DossierStatusChanged(dossier.code(), event.status(), event.status().code(), event.action(),
                reception.procedure().name(), agency, names.agencyName(agency), names.officerName(event.byUser()),
                event.at().atZone(VietnamTime.ZONE).toOffsetDateTime(), reception.applicant().citizenId(),
                reception.channel() == Channel.ONLINE && !ActorNames.isStaff(reception.receivedBy()) ? reception.receivedBy() : null,
                event.note());
    }

    private void notify(Dossier dossier, Dossier.Event event) {
        Reception.Applicant applicant = dossier.applicant();
        String form = FORMS.get(event.action());
        // Message keys by the action: RESULT_READY → dossier.notice.result-ready.subject / .body.
        String key = "dossier.notice." + event.action().toLowerCase(Locale.ROOT).replace('_', '-');
        ReturnMethod method = dossier.outcome().returnMethod();
        OnlineIntake online = dossier.online();
        Object[] args = {dossier.code(), dossier.procedure().name(), moment(dossier.dueAt()),
                event.note() == null ? "" : event.note(),
                method == null ? "" : text("dossier.return-method." + method.name()), moment(online.checkDueAt()),
                moment(online.supplementDueAt()), Formats.vnd(dossier.reception().fees().total())};
        String agency = names.agencyOf(event.unitCode(), dossier.reception().agencyCode());
        String agencyName = names.agencyName(agency);
        String officer = names.officerName(event.byUser());
        String lookup = publicAddress.url() + "/tra-cuu?ma=" + URLEncoder.encode(dossier.code(), StandardCharsets.UTF_8);
        StringBuilder body = new StringBuilder(text("dossier.notice.greeting", applicant.name())).append("\n\n")
                .append(text(key + ".body", args));
        // An online applicant also hears by when they must answer, or by when the desk answers them.
        if (event.action().equals("SUPPLEMENT_REQUESTED") && online.supplementDueAt() != null
                || event.action().equals("SUPPLIED") && online.checkDueAt() != null) {
            body.append(' ').append(text(key + ".online", args));
        }
        body.append("\n\n").append(officer == null
                ? text("dossier.notice.acted", agencyName == null ? agency : agencyName, moment(event.at()))
                : text("dossier.notice.acted-by", agencyName == null ? agency : agencyName, officer, moment(event.at())))
                .append("\n\n").append(text("dossier.notice.lookup", lookup, dossier.reception().lookupPin()));
        List<Notice.Attachment> attachments = form == null ? List.of()
                : List.of(Notice.Attachment.rendered(form + "-" + dossier.code() + ".pdf", "application/pdf",
                        DossierFormAttachments.reference(form, dossier.code())));
        notices.enqueue(new Notice("DOSSIER_" + event.action(), applicant.email(), applicant.phone(),
                text(key + ".subject", args), body.toString(), attachments));
    }

    private String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(VietnamTime.ZONE));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
