package vn.motcua.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.shared.CitizenId;
import vn.motcua.shared.PhoneNumber;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.ProblemException.FieldError;
import vn.motcua.shared.TextPolicy;
import vn.motcua.shared.VietnamTime;

/**
 * Citizens' and businesses' accounts (tài khoản công dân): apart from staff accounts, signed in with a phone number
 * or an e-mail address, under the same password policy and lockout as staff. An account opens PENDING and becomes
 * ACTIVE once its owner proves the phone or the address (the portal's one-time code), or at once when an identity
 * provider vouches for it.
 */
@Service
@Transactional(readOnly = true)
public class Citizens {

    /** The authority of every citizen's request: staff endpoints refuse it, citizen endpoints require it. */
    public static final String ROLE = "CITIZEN";

    private final CitizenReader reader;
    private final CitizenTokens tokens;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final PrincipalCache cache;
    private final Clock clock;

    Citizens(CitizenReader reader, CitizenTokens tokens, JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy,
            AuditLog audit, PrincipalCache cache, Clock clock) {
        this.reader = reader;
        this.tokens = tokens;
        this.cache = cache;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A signed-in citizen as other modules see them, with the applicant data that pre-fills forms.
     *
     * @param assuranceLevel 1 or 2 (mức độ định danh điện tử, Decree 69/2024/ND-CP Art. 12): level 2 proves the
     *        citizen ID, so such an account also sees the desk's dossiers filed under it
     */
    public record CitizenUser(long id, String username, String fullName, String citizenId, LocalDate dateOfBirth,
            String phone, String email, String address, String organizationName, String taxCode, int assuranceLevel)
            implements java.io.Serializable {

        /** What the citizen signs in with, as shown to them. */
        public String login() {
            return phone != null ? phone : email != null ? email : username;
        }
    }

    /** What a citizen gives to open an account; the business fields stay empty for a person. */
    public record Registration(String fullName, String citizenId, LocalDate dateOfBirth, String phone, String email,
            String address, String organizationName, String taxCode) {}

    /**
     * What a citizen may change in their profile themselves. The name and the citizen ID are what the identity was
     * proven with, and a new phone number or address would need a code sent to it first: neither is here.
     */
    public record Profile(String address, LocalDate dateOfBirth, String organizationName, String taxCode) {}

    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<CitizenUser> citizen(long id) {
        return reader.citizen(id);
    }

    /**
     * The citizen this request is signed in as: a token's holder or an identity provider's sign-in carry the
     * citizen, a password sign-in names the account ({@code citizen:<id>}).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<CitizenUser> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof CitizenUser citizen) {
            return Optional.of(citizen);
        }
        return auth.getPrincipal() instanceof CitizenDetails.SignedInCitizen signedIn ? reader.citizen(signedIn.id())
                : Optional.empty();
    }

    /**
     * The active accounts whose holder proved this citizen ID in person (level 2): they follow the dossiers filed
     * under it, at the desk as well as online. A level-1 account's ID is only typed, and proves nothing.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Long> provenHolders(String citizenId) {
        if (citizenId == null || citizenId.isBlank()) {
            return List.of();
        }
        return jdbc.sql("select id from citizen_account where citizen_id = ? and assurance_level = 2"
                        + " and status = 'ACTIVE'")
                .param(citizenId).query(Long.class).list();
    }

    /** An active account by phone number, e-mail address or user name, as typed at sign-in. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<CitizenUser> byLogin(String login) {
        return withStatus(login, "ACTIVE");
    }

    /** An account that waits for its owner's one-time code, by phone number or e-mail address as typed. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<CitizenUser> pending(String login) {
        return withStatus(login, "PENDING");
    }

    private Optional<CitizenUser> withStatus(String login, String status) {
        return reader.credentials(login).filter(c -> c.status().equals(status)).flatMap(c -> reader.citizen(c.id()));
    }

    /**
     * Refuses (400, naming each field) what {@link #register} would refuse in its input, without writing anything: a
     * sign-up checks what was typed before it counts against a rate limit, so that a typing mistake costs no try.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void validate(Registration registration, String password) {
        Registration r = checked(registration);
        checkPassword(r.phone() != null ? r.phone() : r.email(), password, "password");
    }

    /**
     * Refuses (400, naming {@code newPassword}) a new password the policy does not accept for an account signed in
     * with {@code login}, without changing anything and without looking the account up: the answer is the same
     * whether or not there is one.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public void checkNewPassword(String login, String newPassword) {
        checkPassword(login, newPassword, "newPassword");
    }

    /**
     * Opens a PENDING account. A phone number or address already held by an active account is a 409; one held by a
     * pending account (a sign-up never confirmed) is given to this registration, so that nobody can reserve someone
     * else's number by signing up with it.
     */
    @Transactional
    public CitizenUser register(Registration registration, String password) {
        Registration r = checked(registration);
        checkPassword(r.phone() != null ? r.phone() : r.email(), password, "password");
        jdbc.sql("""
                delete from citizen_account where status = 'PENDING' and (phone = :phone or lower(email) = lower(:email))""")
                .param("phone", r.phone()).param("email", r.email()).update();
        if (jdbc.sql("select count(*) from citizen_account where phone = :phone or lower(email) = lower(:email)")
                .param("phone", r.phone()).param("email", r.email()).query(Integer.class).single() > 0) {
            throw ProblemException.conflict("identity.citizen.taken");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.sql("""
                insert into citizen_account (full_name, citizen_id, date_of_birth, phone, email, address,
                    organization_name, tax_code, password_hash, status, password_changed_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) returning id""")
                .params(r.fullName(), r.citizenId(), r.dateOfBirth(), r.phone(), r.email(), r.address(),
                        r.organizationName(), r.taxCode(), encoder.encode(password), Timestamp.from(now),
                        Timestamp.from(now))
                .query(Long.class).single();
        audit.append(actor(id), "CITIZEN_REGISTERED", "citizen/" + id, null, AuditLog.currentAddress());
        return reader.citizen(id).orElseThrow();
    }

    /**
     * Opens an account that is active at once, under a user name: an account an administrator opens for someone
     * whose identity was checked in person (and the demo's).
     */
    @Transactional
    public CitizenUser open(String username, Registration registration, String password, int assuranceLevel) {
        if (username == null || !username.matches("[a-z][a-z0-9._-]{2,49}")) {
            throw ProblemException.invalid("username", "identity.username.invalid");
        }
        if (jdbc.sql("select count(*) from citizen_account where username = ?").param(username).query(Integer.class)
                .single() > 0) {
            throw ProblemException.conflict("identity.username.taken", username);
        }
        CitizenUser citizen = register(registration, password);
        jdbc.sql("update citizen_account set username = ? where id = ?").params(username, citizen.id()).update();
        activate(citizen.id());
        raiseAssurance(citizen.id(), assuranceLevel);
        return reader.citizen(citizen.id()).orElseThrow();
    }

    /** The owner proved the phone number or the address: the account may sign in. */
    @Transactional
    public void activate(long id) {
        int changed = jdbc.sql("update citizen_account set status = 'ACTIVE', activated_at = ? where id = ? and status = 'PENDING'")
                .params(Timestamp.from(clock.instant()), id).update();
        if (changed > 0) {
            audit.append(actor(id), "CITIZEN_ACTIVATED", "citizen/" + id, null, AuditLog.currentAddress());
        }
    }

    /** An identity provider vouched for this level of assurance (it never lowers what was proven before). */
    @Transactional
    public void raiseAssurance(long id, int level) {
        if (level < 1 || level > 2) {
            throw new IllegalArgumentException("assurance level " + level);
        }
        if (jdbc.sql("update citizen_account set assurance_level = ? where id = ? and assurance_level < ?")
                .params(level, id, level).update() > 0) {
            cache.evictCitizen(id);
            audit.append(actor(id), "CITIZEN_ASSURANCE_RAISED", "citizen/" + id, "level " + level,
                    AuditLog.currentAddress());
        }
    }

    /**
     * Sets a new password for an owner who proved the account another way (a one-time code): it unlocks the account,
     * revokes its tokens, and ends its sessions at their next request.
     */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        checkNewPassword(reader.citizen(id).orElseThrow(() -> ProblemException.notFound("identity.citizen.not-found"))
                .login(), newPassword);
        storePassword(id, newPassword, PresentedToken.NONE, "password reset");
        audit.append(actor(id), "CITIZEN_PASSWORD_RESET", "citizen/" + id, null, AuditLog.currentAddress());
    }

    /** The citizen changes what the profile may change; an empty field is cleared. */
    @Transactional
    public CitizenUser changeProfile(long id, Profile profile) {
        Profile p = profile == null ? new Profile(null, null, null, null) : profile;
        List<FieldError> errors = new ArrayList<>();
        Profile checked = new Profile(checkedAddress(p.address(), errors), checkedBirth(p.dateOfBirth(), errors),
                checkedOrganization(p.organizationName(), errors), checkedTaxCode(p.taxCode(), errors));
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        if (jdbc.sql("""
                update citizen_account set address = ?, date_of_birth = ?, organization_name = ?, tax_code = ?
                where id = ? and status = 'ACTIVE'""")
                .params(checked.address(), checked.dateOfBirth(), checked.organizationName(), checked.taxCode(), id)
                .update() == 0) {
            throw ProblemException.notFound("identity.citizen.not-found");
        }
        // A token's holder carries the profile that pre-fills drafts: read again at the next call.
        cache.evictCitizen(id);
        audit.append(actor(id), "CITIZEN_PROFILE_CHANGED", "citizen/" + id, null, AuditLog.currentAddress());
        return reader.citizen(id).orElseThrow();
    }

    /** Whether the account has a password: one opened through an identity provider may have none. */
    @Transactional(readOnly = true)
    public boolean hasPassword(long id) {
        return jdbc.sql("select password_hash is not null from citizen_account where id = ?").param(id)
                .query(Boolean.class).optional().orElse(false);
    }

    /** A phone number or an e-mail address to be the account's, the other left {@code null}; as stored. */
    public record NewContact(String phone, String email) {}

    /**
     * Refuses, without writing anything, a change of the account's phone number or e-mail address that could not be
     * made: exactly one of them (400), well formed, not the account's already, not an active account's (409), and the
     * current password proven when the account has one (a session left open on a shared computer must not be enough
     * to take the account over). The owner then proves the new one with a code sent to it, and
     * {@link #changeContact} stores it.
     */
    @Transactional(readOnly = true)
    public NewContact checkNewContact(long id, String phone, String email, String currentPassword) {
        String hash = jdbc.sql("select password_hash from citizen_account where id = ? and status = 'ACTIVE'").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .orElseThrow(() -> ProblemException.notFound("identity.citizen.not-found")).orElse(null);
        String typedPhone = blankToNull(phone);
        // A page's form is not read through the JSON guard: the text rules are applied here too.
        String typedEmail = TextPolicy.line("email", email, 254);
        if (typedPhone == null == (typedEmail == null)) {
            throw ProblemException.invalid(typedPhone == null ? "phone" : "email", "identity.contact.one");
        }
        NewContact contact;
        if (typedPhone != null) {
            String normalized = PhoneNumber.normalize(typedPhone);
            if (normalized == null) {
                throw ProblemException.invalid("phone", "identity.citizen.phone");
            }
            contact = new NewContact(normalized, null);
        } else {
            if (!isEmail(typedEmail)) {
                throw ProblemException.invalid("email", "identity.citizen.email");
            }
            contact = new NewContact(null, typedEmail.toLowerCase(Locale.ROOT));
        }
        CitizenUser citizen = reader.citizen(id).orElseThrow(() -> ProblemException.notFound("identity.citizen.not-found"));
        if (contact.phone() != null && contact.phone().equals(citizen.phone())
                || contact.email() != null && contact.email().equalsIgnoreCase(citizen.email())) {
            throw ProblemException.invalid(contact.phone() != null ? "phone" : "email", "identity.contact.same");
        }
        if (hash != null && (currentPassword == null || !encoder.matches(currentPassword, hash))) {
            throw ProblemException.invalid("currentPassword", "identity.password.current-wrong");
        }
        requireFree(id, contact);
        return contact;
    }

    /**
     * Gives the account the phone number or e-mail address its owner has just proven to hold (a code sent to it came
     * back). One that an account waiting for activation holds is taken from it, as at sign-up; one that an active
     * account took meanwhile is a 409. The account signs in with it from now on.
     */
    @Transactional
    public CitizenUser changeContact(long id, NewContact contact) {
        requireFree(id, contact);
        jdbc.sql("""
                delete from citizen_account where status = 'PENDING' and id <> :id
                   and (phone = :phone or lower(email) = lower(:email))""")
                .param("id", id).param("phone", contact.phone()).param("email", contact.email()).update();
        int changed = contact.phone() != null
                ? jdbc.sql("update citizen_account set phone = ? where id = ? and status = 'ACTIVE'")
                        .params(contact.phone(), id).update()
                : jdbc.sql("update citizen_account set email = ? where id = ? and status = 'ACTIVE'")
                        .params(contact.email(), id).update();
        if (changed == 0) {
            throw ProblemException.notFound("identity.citizen.not-found");
        }
        cache.evictCitizen(id);
        audit.append(actor(id), "CITIZEN_CONTACT_CHANGED", "citizen/" + id, contact.phone() != null ? "phone" : "email",
                AuditLog.currentAddress());
        return reader.citizen(id).orElseThrow();
    }

    private void requireFree(long id, NewContact contact) {
        if (jdbc.sql("""
                select count(*) from citizen_account where status <> 'PENDING' and id <> :id
                   and (phone = :phone or lower(email) = lower(:email))""")
                .param("id", id).param("phone", contact.phone()).param("email", contact.email())
                .query(Integer.class).single() > 0) {
            throw ProblemException.conflict("identity.citizen.taken");
        }
    }

    /**
     * The citizen sets a new password, proving the current one. As after a reset, whoever knew the old password may
     * have issued tokens or signed in elsewhere: the tokens are revoked, the sessions end at their next request; only
     * the token this request came with, if any, stays (it proved the current password together with it).
     */
    @Transactional
    public void changePassword(long id, String currentPassword, String newPassword) {
        String hash = jdbc.sql("select password_hash from citizen_account where id = ? and status = 'ACTIVE'").param(id)
                .query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("identity.citizen.not-found"));
        if (currentPassword == null || hash == null || !encoder.matches(currentPassword, hash)) {
            throw ProblemException.invalid("currentPassword", "identity.password.current-wrong");
        }
        checkNewPassword(reader.citizen(id).orElseThrow().login(), newPassword);
        storePassword(id, newPassword, PresentedToken.currentId(), "password changed");
        audit.append(actor(id), "CITIZEN_PASSWORD_CHANGED", "citizen/" + id, null, AuditLog.currentAddress());
        renewSignIn(id);
    }

    /**
     * The page session that made the change goes on: its security context gets the new password's stamp, which
     * {@link CitizenSessionCheck} compares at the next request ({@link CitizenSessions} stores it in the session).
     */
    private void renewSignIn(long id) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CitizenDetails.SignedInCitizen signedIn && signedIn.id() == id) {
            Identity.renewSignIn(new CitizenDetails.SignedInCitizen(id, "", true, true,
                    reader.passwordChangedAt(id).orElseThrow(), 0), auth);
        }
    }

    /**
     * A new password unlocks the account, revokes its tokens but {@code keptToken}, and ends its sessions at their
     * next request.
     */
    private void storePassword(long id, String newPassword, long keptToken, String reason) {
        jdbc.sql("""
                update citizen_account set password_hash = ?, password_changed_at = ?, failed_attempts = 0,
                    locked_until = null where id = ?""")
                .params(encoder.encode(newPassword), Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), id)
                .update();
        tokens.revokeAll(id, keptToken, reason);
    }

    private void checkPassword(String login, String password, String field) {
        List<String> problems = policy.problems(login, password);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST,
                    problems.stream().map(key -> new FieldError(field, key)).toList(), "identity.password.weak");
        }
    }

    private Registration checked(Registration r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw ProblemException.invalid("fullName", "identity.full-name.invalid");
        }
        String fullName = r.fullName() == null ? "" : r.fullName().strip();
        if (fullName.isEmpty() || fullName.length() > 100) {
            errors.add(new FieldError("fullName", "identity.full-name.invalid"));
        }
        String citizenId = blankToNull(r.citizenId());
        if (citizenId != null && !CitizenId.isValid(citizenId, Year.now(clock.withZone(VietnamTime.ZONE)))) {
            errors.add(new FieldError("citizenId", "identity.citizen.citizen-id"));
        }
        String phone = blankToNull(r.phone());
        String normalizedPhone = phone == null ? null : PhoneNumber.normalize(phone);
        if (phone != null && normalizedPhone == null) {
            errors.add(new FieldError("phone", "identity.citizen.phone"));
        }
        String email = blankToNull(r.email());
        if (email != null && (email.length() > 254 || !isEmail(email))) {
            errors.add(new FieldError("email", "identity.citizen.email"));
        }
        if (phone == null && email == null) {
            errors.add(new FieldError("phone", "identity.citizen.contact-required"));
        }
        String address = checkedAddress(r.address(), errors);
        String organization = checkedOrganization(r.organizationName(), errors);
        String taxCode = checkedTaxCode(r.taxCode(), errors);
        LocalDate born = checkedBirth(r.dateOfBirth(), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        return new Registration(fullName, citizenId, born, normalizedPhone,
                email == null ? null : email.toLowerCase(Locale.ROOT), address, organization, taxCode);
    }

    private static String checkedAddress(String text, List<FieldError> errors) {
        String address = blankToNull(text);
        if (address != null && address.length() > 300) {
            errors.add(new FieldError("address", "identity.citizen.address"));
        }
        return address;
    }

    private static String checkedOrganization(String text, List<FieldError> errors) {
        String organization = blankToNull(text);
        if (organization != null && organization.length() > 200) {
            errors.add(new FieldError("organizationName", "identity.citizen.organization"));
        }
        return organization;
    }

    private static String checkedTaxCode(String text, List<FieldError> errors) {
        String taxCode = blankToNull(text);
        // Mã số thuế: 10 digits, or 13 for a branch written 10-3 (Circular 105/2020/TT-BTC, Art. 5).
        if (taxCode != null && !taxCode.matches("[0-9]{10}(-?[0-9]{3})?")) {
            errors.add(new FieldError("taxCode", "identity.citizen.tax-code"));
        }
        return taxCode;
    }

    private LocalDate checkedBirth(LocalDate born, List<FieldError> errors) {
        if (born != null && (born.isAfter(LocalDate.now(clock.withZone(VietnamTime.ZONE))) || born.getYear() < 1900)) {
            errors.add(new FieldError("dateOfBirth", "identity.citizen.date-of-birth"));
        }
        return born;
    }

    /** An address a mail server could deliver to: a name, one @, a domain with a dot; nothing blank in it. */
    private static boolean isEmail(String text) {
        return text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String actor(long id) {
        return "citizen:" + id;
    }
}
