package vn.motcua.portal;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.portal.OneTimeCodes.Outcome;
import vn.motcua.portal.OneTimeCodes.Purpose;

/**
 * A citizen who forgot the password (quên mật khẩu) asks for a one-time code for the login, and sets a new password
 * with it ({@link Citizens#resetPassword}: same policy; the account's tokens are revoked, its sessions end). The
 * request is answered alike whether or not the login has an active account, so that it tells nobody which numbers
 * and addresses have one; requests and tries are rate-limited like the sign-up's ({@link PortalLimits}).
 */
@Service
public class PasswordRecovery {

    private final Citizens citizens;
    private final OneTimeCodes codes;
    private final PortalLimits limits;
    private final TransactionTemplate transaction;

    PasswordRecovery(Citizens citizens, OneTimeCodes codes, PortalLimits limits, TransactionTemplate transaction) {
        this.citizens = citizens;
        this.codes = codes;
        this.limits = limits;
        this.transaction = transaction;
    }

    /** Sends a code to the active account of the login, if there is one. */
    public CodeSent request(String login, String clientAddress) {
        String key = PortalLimits.key(login);
        limits.sendingCode(clientAddress, key);
        return transaction.execute(status -> codes.sendIfAny(key, citizens.byLogin(login), Purpose.PASSWORD_RESET));
    }

    /**
     * Sets the new password when the code is right. A password the policy refuses is refused first (400), before the
     * code is tried: it costs no try, and the answer says nothing about the code.
     */
    public void confirm(String login, String code, String newPassword, String clientAddress) {
        String key = PortalLimits.key(login);
        citizens.checkNewPassword(key, newPassword);
        limits.tryingCode(clientAddress, key);
        Outcome outcome = transaction.execute(status -> {
            Optional<CitizenUser> account = citizens.byLogin(login);
            Outcome checked = codes.check(account, Purpose.PASSWORD_RESET, code);
            if (checked == Outcome.RIGHT) {
                citizens.resetPassword(account.orElseThrow().id(), newPassword);
            }
            return checked;
        });
        codes.refuseUnlessRight(outcome);
    }
}
