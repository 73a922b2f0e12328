package vn.motcua.portal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.identity.Citizens.NewContact;
import vn.motcua.notification.Notice;
import vn.motcua.notification.Notices;
import vn.motcua.portal.OneTimeCodes.Outcome;
import vn.motcua.portal.OneTimeCodes.Purpose;
import vn.motcua.shared.VietnamTime;

/**
 * A citizen changes the phone number or the e-mail address the account signs in with and receives its codes and
 * notices on: the current password proves it is the owner ({@link Citizens#checkNewContact}), a one-time code sent
 * to the new number or address proves the owner holds it, and only then is it stored ({@link Citizens#changeContact}).
 * The number or address replaced is told at once, so that an owner whose session was used by someone else learns of
 * it where the intruder cannot read. Requests and tries count against the sign-up's limits ({@link PortalLimits}).
 */
@Service
public class ContactChange {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Citizens citizens;
    private final OneTimeCodes codes;
    private final PortalLimits limits;
    private final Notices notices;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ContactChange(Citizens citizens, OneTimeCodes codes, PortalLimits limits, Notices notices, MessageSource messages,
            TransactionTemplate transaction, Clock clock) {
        this.citizens = citizens;
        this.codes = codes;
        this.limits = limits;
        this.notices = notices;
        this.messages = messages;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Sends a code to the new phone number or address (one of the two), once the request passes every check: a
     * mistyped number costs no try of the limits, a wrong password is refused before any code is sent.
     */
    public CodeSent request(CitizenUser citizen, String phone, String email, String currentPassword,
            String clientAddress) {
        NewContact contact = citizens.checkNewContact(citizen.id(), phone, email, currentPassword);
        limits.sendingCode(clientAddress, contact.phone() != null ? contact.phone() : contact.email());
        return transaction.execute(status -> codes.sendToNewContact(citizen, contact));
    }

    /** The code typed back: the account takes the new number or address, and the one it replaces is told. */
    public CitizenUser confirm(CitizenUser citizen, String code, String clientAddress) {
        // Counted apart from the login's activation and reset codes: tries at this code must not lock the owner out
        // of those, nor theirs out of this.
        limits.tryingCode(clientAddress, "contact-change:" + citizen.id());
        record Checked(Outcome outcome, CitizenUser changed) {}
        Checked checked = transaction.execute(status -> {
            NewContact contact = codes.pendingContact(citizen).orElse(null);
            Outcome outcome = codes.check(contact == null ? Optional.empty() : Optional.of(citizen),
                    Purpose.CONTACT_CHANGE, code);
            if (outcome != Outcome.RIGHT) {
                return new Checked(outcome, null);
            }
            CitizenUser changed = citizens.changeContact(citizen.id(), contact);
            tellReplaced(citizen, contact);
            return new Checked(outcome, changed);
        });
        codes.refuseUnlessRight(checked.outcome());
        return checked.changed();
    }

    /** Who held the account before hears of the change: the old phone by SMS, the old address by e-mail. */
    private void tellReplaced(CitizenUser before, NewContact contact) {
        String at = VietnamTime.DATE_TIME.format(clock.instant().atZone(VietnamTime.ZONE));
        boolean phone = contact.phone() != null;
        String what = text(phone ? "portal.contact.kind.phone" : "portal.contact.kind.email");
        String masked = phone ? masked(contact.phone()) : masked(contact.email());
        String old = phone ? before.phone() : before.email();
        if (old == null) {
            return;
        }
        String body = text("portal.notice.contact-changed.body", what, masked, at);
        notices.enqueue(phone
                ? new Notice("CITIZEN_CONTACT_CHANGED", null, old, text("portal.notice.contact-changed.subject"), body, null)
                : new Notice("CITIZEN_CONTACT_CHANGED", old, null, text("portal.notice.contact-changed.subject"),
                        text("portal.notice.greeting", before.fullName()) + "\n\n" + body, null));
    }

    /** Enough of a number or address for its owner to recognise it, not enough to learn it. */
    static String masked(String contact) {
        int at = contact.indexOf('@');
        if (at < 0) {
            return "*".repeat(Math.max(0, contact.length() - 3)) + contact.substring(Math.max(0, contact.length() - 3));
        }
        return contact.charAt(0) + "***" + contact.substring(at);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
