package vn.motcua.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.organization.UnitKind;
import vn.motcua.platform.MissingSettingException;

/**
 * The first administrator of a production database, which starts with no account at all: started once with
 * {@code --motcua.bootstrap.admin=<user name>}, motcua opens that account with a one-time password printed on the
 * console, which must be changed at the first sign-in. Production never has a known password.
 *
 * <p>It acts only while no enabled administrator exists (the first start, or when every administrator was
 * deactivated), and never on an existing account. The account needs a unit: {@code motcua.bootstrap.unit-code}
 * (default {@code QTHT}, "Quản trị hệ thống") is used if it exists, or created in the agency
 * {@code motcua.bootstrap.agency-code}, registered first (named {@code motcua.bootstrap.agency-name}) when the
 * database has no agency; with exactly one agency that setting may be left out.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Identity identity;
    private final Organization organization;
    private final TransactionTemplate transaction;
    private final String username;
    private final String agencyCode;
    private final String agencyName;
    private final String unitCode;

    FirstAdministrator(Identity identity, Organization organization, TransactionTemplate transaction,
            @Value("${motcua.bootstrap.admin:}") String username,
            @Value("${motcua.bootstrap.agency-code:}") String agencyCode,
            @Value("${motcua.bootstrap.agency-name:}") String agencyName,
            @Value("${motcua.bootstrap.unit-code:QTHT}") String unitCode) {
        this.identity = identity;
        this.organization = organization;
        this.transaction = transaction;
        this.username = username.strip();
        this.agencyCode = agencyCode.strip();
        this.agencyName = agencyName.strip();
        this.unitCode = unitCode.strip();
    }

    @Override
    public void run(ApplicationArguments args) {
        open().ifPresent(password -> log.warn("""

                ================================================================================
                 First administrator: {}
                 One-time password:   {}
                 Sign in at /login and choose your own password (asked at once). It is shown
                 only this once; remove motcua.bootstrap.admin from the settings now.
                ================================================================================""",
                username, password));
    }

    /** Opens the account when the setting asks for it and nothing forbids it; the one-time password if so. */
    java.util.Optional<String> open() {
        if (username.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (identity.activeAdministratorExists()) {
            log.warn("motcua.bootstrap.admin={} ignored: an administrator exists already; remove the setting", username);
            return java.util.Optional.empty();
        }
        if (identity.user(username).isPresent()) {
            log.warn("motcua.bootstrap.admin={} ignored: that account exists; an administrator resets its password",
                    username);
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(transaction.execute(status -> identity.openFirstAdministrator(username,
                "Quản trị hệ thống", unit())));
    }

    /** The unit of the first administrator, created (with its agency if there is none) when missing. */
    private String unit() {
        if (organization.unit(unitCode).isPresent()) {
            return unitCode;
        }
        List<AgencyView> agencies = organization.agencies();
        String agency = agencyCode;
        if (agency.isEmpty()) {
            if (agencies.size() != 1) {
                throw new MissingSettingException("motcua.bootstrap.agency-code", "MOTCUA_BOOTSTRAP_AGENCY_CODE",
                        "the electronic ID (Decision 20/2020/QĐ-TTg) of the agency whose administrator is set up");
            }
            agency = agencies.get(0).code();
        }
        String code = agency;
        if (agencies.stream().noneMatch(a -> a.code().equals(code))) {
            if (agencyName.isEmpty()) {
                throw new MissingSettingException("motcua.bootstrap.agency-name", "MOTCUA_BOOTSTRAP_AGENCY_NAME",
                        "the name of the agency " + agency + ", registered with the first administrator");
            }
            organization.registerAgency(agency, agencyName, null, AgencyKind.OFFICE, null, null, 0);
        }
        organization.createUnit(agency, unitCode, "Quản trị hệ thống", UnitKind.DEPARTMENT, null);
        return unitCode;
    }
}
