package vn.motcua.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.identity.Citizens.NewContact;
import vn.motcua.notification.Notice;
import vn.motcua.notification.Notices;
import vn.motcua.platform.ClusterLock;
import vn.motcua.platform.PublicAddress;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * One-time codes (mã xác thực) that prove a citizen holds a phone number or an e-mail address: six random digits,
 * sent through the notification outbox by e-mail and SMS, of which only a BCrypt hash is kept ({@code citizen_code}).
 * A code is good for {@code motcua.portal.code-validity} (10 minutes) and for {@code motcua.portal.code-attempts} (5)
 * tries: each try is counted by one atomic UPDATE before the code is compared, so parallel guesses cannot get more.
 * A new code replaces the account's last one of the same purpose. An unknown login costs the same BCrypt work as a
 * known one (a decoy hash), so that the time of an answer does not tell whether an account exists either.
 */
@Component
class OneTimeCodes {

    enum Purpose {
        ACTIVATION("/cong-dan/kich-hoat", "portal.notice.activation"),
        PASSWORD_RESET("/cong-dan/quen-mat-khau", "portal.notice.password-reset"),
        CONTACT_CHANGE("/cong-dan/tai-khoan/lien-he", "portal.notice.contact-change");

        private final String page;
        private final String messages;

        Purpose(String page, String messages) {
            this.page = page;
            this.messages = messages;
        }
    }

    enum Outcome {
        RIGHT, WRONG, EXPIRED, VOID
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Notices notices;
    private final MessageSource messages;
    private final PublicAddress publicAddress;
    private final ClusterLock clusterLock;
    private final PortalSettings settings;
    private final Clock clock;
    private final String decoy;

    OneTimeCodes(JdbcClient jdbc, PasswordEncoder encoder, Notices notices, MessageSource messages,
            PublicAddress publicAddress, ClusterLock clusterLock, PortalSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.notices = notices;
        this.messages = messages;
        this.publicAddress = publicAddress;
        this.clusterLock = clusterLock;
        this.settings = settings;
        this.clock = clock;
        this.decoy = encoder.encode(code());
    }

    /** A new code for the account, sent to its address and phone, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    CodeSent send(CitizenUser citizen, Purpose purpose) {
        return send(citizen, purpose, new NewContact(null, null), citizen.phone(), citizen.email(),
                "?login=" + URLEncoder.encode(citizen.login(), StandardCharsets.UTF_8));
    }

    /**
     * A code that proves the owner of the account holds {@code contact}, sent to it alone (never to the account's
     * present number or address, which is what is being replaced), and kept with it until it comes back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    CodeSent sendToNewContact(CitizenUser citizen, NewContact contact) {
        return send(citizen, Purpose.CONTACT_CHANGE, contact, contact.phone(), contact.email(), "");
    }

    /** The phone number or address that the account's last contact-change code was sent to, if one is pending. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<NewContact> pendingContact(CitizenUser citizen) {
        return jdbc.sql("select new_phone, new_email from citizen_code where citizen = ? and purpose = ?")
                .params(citizen.id(), Purpose.CONTACT_CHANGE.name())
                .query((rs, n) -> new NewContact(rs.getString(1), rs.getString(2))).optional();
    }

    private CodeSent send(CitizenUser citizen, Purpose purpose, NewContact pending, String phone, String email,
            String pageQuery) {
        String code = code();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(settings.codeValidity());
        jdbc.sql("""
                insert into citizen_code (citizen, purpose, code_hash, created_at, expires_at, attempts, new_phone,
                    new_email)
                values (?, ?, ?, ?, ?, 0, ?, ?)
                on conflict (citizen, purpose) do update set code_hash = excluded.code_hash,
                    created_at = excluded.created_at, expires_at = excluded.expires_at, attempts = 0,
                    new_phone = excluded.new_phone, new_email = excluded.new_email""")
                .params(citizen.id(), purpose.name(), encoder.encode(code), Timestamp.from(now), Timestamp.from(expires),
                        pending.phone(), pending.email())
                .update();
        String until = VietnamTime.DATE_TIME.format(expires.atZone(VietnamTime.ZONE));
        long minutes = settings.codeValidity().toMinutes();
        String kind = "CITIZEN_" + purpose.name() + "_CODE";
        List<String> channels = new ArrayList<>();
        if (email != null) {
            String page = publicAddress.url() + purpose.page + pageQuery;
            notices.enqueue(new Notice(kind, email, null, text(purpose.messages + ".subject"),
                    text("portal.notice.greeting", citizen.fullName()) + "\n\n"
                            + text(purpose.messages + ".body", code, minutes, until) + "\n\n"
                            + text(purpose.messages + ".link", page) + "\n\n" + text("portal.notice.never-share"),
                    null));
            channels.add("EMAIL");
        }
        if (phone != null) {
            // An SMS of its own, short enough that the code is never cut off.
            notices.enqueue(new Notice(kind, null, phone, text(purpose.messages + ".subject"),
                    text(purpose.messages + ".sms", code, minutes), null));
            channels.add("SMS");
        }
        return new CodeSent(citizen.login(), channels, at(expires));
    }

    /**
     * A code for the account if there is one, and the same work and the same answer if there is none: whoever asks
     * for a code for a login learns nothing about the login.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    CodeSent sendIfAny(String login, Optional<CitizenUser> citizen, Purpose purpose) {
        if (citizen.isPresent()) {
            return new CodeSent(login, null, send(citizen.get(), purpose).expiresAt());
        }
        encoder.encode(code());
        return new CodeSent(login, null, at(clock.instant().truncatedTo(ChronoUnit.MICROS).plus(settings.codeValidity())));
    }

    /**
     * Tries a typed code against the account's last one, counting the try first; a right code is spent. No account, or
     * no code, reads as a wrong code.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Outcome check(Optional<CitizenUser> citizen, Purpose purpose, String typed) {
        String code = typed == null ? "" : typed.strip();
        record Row(int attempts, String hash, Instant expiresAt) {}
        Optional<Row> row = citizen.flatMap(c -> jdbc.sql("""
                update citizen_code set attempts = attempts + 1 where citizen = ? and purpose = ?
                returning attempts, code_hash, expires_at""")
                .params(c.id(), purpose.name())
                .query((rs, n) -> new Row(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional());
        if (row.isEmpty()) {
            encoder.matches(code, decoy);
            return Outcome.WRONG;
        }
        if (!row.get().expiresAt().isAfter(clock.instant())) {
            return Outcome.EXPIRED;
        }
        if (row.get().attempts() > settings.codeAttempts()) {
            return Outcome.VOID;
        }
        if (code.matches("[0-9]{6}") && encoder.matches(code, row.get().hash())) {
            jdbc.sql("delete from citizen_code where citizen = ? and purpose = ?")
                    .params(citizen.get().id(), purpose.name()).update();
            return Outcome.RIGHT;
        }
        return row.get().attempts() >= settings.codeAttempts() ? Outcome.VOID : Outcome.WRONG;
    }

    /** What a citizen is told of a code that was not right (400, 410), after the try has been counted. */
    void refuseUnlessRight(Outcome outcome) {
        switch (outcome) {
            case RIGHT -> { }
            case WRONG -> throw ProblemException.invalid("code", "portal.code.wrong", settings.codeAttempts());
            case EXPIRED -> throw new ProblemException(HttpStatus.GONE, "portal.code.expired");
            case VOID -> throw new ProblemException(HttpStatus.GONE, "portal.code.void", settings.codeAttempts());
        }
    }

    /** Codes expired for a day are deleted (until then a late try is told the code expired), by one node at a time. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    void purge() {
        clusterLock.runExclusively("portal.code-purge", () -> jdbc.sql("delete from citizen_code where expires_at < ?")
                .param(Timestamp.from(clock.instant().minus(1, ChronoUnit.DAYS))).update());
    }

    private static String code() {
        return "%06d".formatted(RANDOM.nextInt(1_000_000));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
