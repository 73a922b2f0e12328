package vn.motcua.portal;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.identity.Citizens.Registration;
import vn.motcua.portal.OneTimeCodes.Outcome;
import vn.motcua.portal.OneTimeCodes.Purpose;
import vn.motcua.shared.PhoneNumber;

/**
 * A citizen or a business opens an account on the portal: a PENDING account ({@link Citizens#register}) and a
 * one-time code sent to the phone number and the e-mail address given; the code, typed back within its validity,
 * makes the account ACTIVE. Each step is rate-limited per client address and per login ({@link PortalLimits}); what
 * was mistyped in the form (400) is refused before anything is counted.
 *
 * <p>Account enumeration: a phone number or address of an ACTIVE account is refused at sign-up (409), as
 * {@link Citizens#register} refuses it — the portal must tell the owner to sign in instead — and that answer costs
 * a try of the address's and the login's limits, so probing numbers is slow. Nothing else tells whether a login has
 * an account: a new code is answered alike for any login, and a wrong code for an unknown login reads as a wrong
 * code.
 */
@Service
public class SignUp {

    private final Citizens citizens;
    private final OneTimeCodes codes;
    private final PortalLimits limits;
    private final TransactionTemplate transaction;

    SignUp(Citizens citizens, OneTimeCodes codes, PortalLimits limits, TransactionTemplate transaction) {
        this.citizens = citizens;
        this.codes = codes;
        this.limits = limits;
        this.transaction = transaction;
    }

    /** Opens a PENDING account and sends its activation code by e-mail and SMS (whichever were given). */
    public CodeSent signUp(Registration registration, String password, String clientAddress) {
        citizens.validate(registration, password);
        limits.sendingCode(clientAddress, PhoneNumber.normalize(registration.phone()),
                registration.email() == null || registration.email().isBlank() ? null : registration.email());
        return transaction.execute(status -> {
            CitizenUser citizen = citizens.register(registration, password);
            return codes.send(citizen, Purpose.ACTIVATION);
        });
    }

    /** A new activation code for a PENDING account (it replaces the last); answered alike for any other login. */
    public CodeSent resend(String login, String clientAddress) {
        String key = PortalLimits.key(login);
        limits.sendingCode(clientAddress, key);
        return transaction.execute(status -> codes.sendIfAny(key, citizens.pending(login), Purpose.ACTIVATION));
    }

    /** The code sent to a PENDING account, typed back: the account becomes ACTIVE and may sign in. */
    public void verify(String login, String code, String clientAddress) {
        limits.tryingCode(clientAddress, PortalLimits.key(login));
        Outcome outcome = transaction.execute(status -> {
            Optional<CitizenUser> pending = citizens.pending(login);
            Outcome checked = codes.check(pending, Purpose.ACTIVATION, code);
            if (checked == Outcome.RIGHT) {
                citizens.activate(pending.orElseThrow().id());
            }
            return checked;
        });
        codes.refuseUnlessRight(outcome);
    }
}
