package vn.motcua.dossier;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.shared.VietnamTime;

/**
 * Numbers of the letters a dossier's handling agency sends (Form 04): a series per agency and year, from 01 on
 * 1 January, numbers below 10 with a leading zero, the notation after them from
 * {@code motcua.dossier.apology.number-pattern} (Decree 30/2020/NĐ-CP Art. 15 and Annex II). Until a register
 * of official documents exists this is the agency's register for these letters.
 *
 * <p>The number is drawn by an atomic upsert in the caller's transaction: the row stays locked until the
 * apology commits (apologies are rare, the wait is short), and a refused or failed apology rolls its number
 * back, so the series has no gaps, as the decree's numbering requires.
 */
@Component
@EnableConfigurationProperties(ApologySettings.class)
class LetterRegister {

    private final JdbcClient jdbc;
    private final Organization organization;
    private final ApologySettings settings;

    LetterRegister(JdbcClient jdbc, Organization organization, ApologySettings settings) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.settings = settings;
    }

    /** The next number of {@code agencyCode}'s letters in the year of {@code at} (Vietnam time), with its notation. */
    String next(String agencyCode, Instant at) {
        int year = at.atZone(VietnamTime.ZONE).getYear();
        int number = jdbc.sql("""
                insert into letter_register (agency_code, year, last) values (?, ?, 1)
                on conflict (agency_code, year) do update set last = letter_register.last + 1
                returning last""")
                .params(agencyCode, year)
                .query(Integer.class).single();
        // Organization offers agencies only as the whole list (a dozen or so per city).
        Map<String, AgencyView> agencies = organization.agencies().stream()
                .collect(Collectors.toMap(AgencyView::code, Function.identity(), (a, b) -> a));
        AgencyView agency = agencies.get(agencyCode);
        AgencyView superior = agency == null || agency.parentCode() == null ? null : agencies.get(agency.parentCode());
        return settings.number(number, agency == null ? agencyCode : agency.notation(superior));
    }
}
