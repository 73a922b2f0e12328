package vn.motcua.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.ApplicantDossiers;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * The citizen's inbox on the portal (hộp thư): every change of status of their dossiers, told at once with the agency,
 * the officer who acted and the time (Decree 224/2026/NĐ-CP Art. 15(1)(g): the channel is the system's choice; the
 * dossier module also sends e-mail and SMS). Who is told: the account that submitted the dossier online, and every
 * account whose holder proved the applicant's citizen ID (level 2). A notice is written in the transaction of the
 * change, so it exists exactly when the change does.
 */
@Service
public class Inbox {

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final ApplicantDossiers dossiers;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Citizens citizens, ApplicantDossiers dossiers, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /** A notice as the citizen reads it; {@code statusName} in the National Public Service Portal's words. */
    public record Notice(long id, String dossierCode, String procedureName, DossierStatus status, int statusCode,
            String statusName, String action, String agencyName, String officerName, OffsetDateTime at, String note,
            boolean read) {}

    /** Keeps a notice for each account told of the change, in the change's transaction. */
    @EventListener
    void on(DossierStatusChanged change) {
        Set<Long> told = new LinkedHashSet<>();
        String account = change.submittedBy();
        if (account != null && account.matches(Filing.ACCOUNT_PREFIX + "[0-9]{1,18}")) {
            told.add(Long.parseLong(account.substring(Filing.ACCOUNT_PREFIX.length())));
        }
        told.addAll(citizens.provenHolders(change.applicantCitizenId()));
        for (long citizen : told) {
            jdbc.sql("""
                    insert into citizen_notice (citizen, dossier_code, procedure_name, status, status_code, action,
                        agency_name, officer_name, at, note)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(citizen, change.code(), change.procedureName(), change.status().name(), change.statusCode(),
                            change.action(), change.agencyName(), change.officerName(),
                            Timestamp.from(change.at().toInstant()),
                            ApplicantDossiers.noteForApplicant(change.action(), change.note()))
                    .update();
        }
    }

    /** The citizen's notices, newest first; only the unread ones if asked. */
    @Transactional(readOnly = true)
    public Page<Notice> notices(CitizenUser citizen, boolean unreadOnly, int page, int size) {
        Page.checkRequest(page, size);
        String where = " where citizen = ?" + (unreadOnly ? " and read_at is null" : "");
        long total = jdbc.sql("select count(*) from citizen_notice" + where).param(citizen.id())
                .query(Long.class).single();
        List<Notice> items = jdbc.sql("select * from citizen_notice" + where + " order by id desc limit ? offset ?")
                .params(citizen.id(), size, (long) page * size)
                .query((rs, n) -> {
                    DossierStatus status = DossierStatus.valueOf(rs.getString("status"));
                    return new Notice(rs.getLong("id"), rs.getString("dossier_code"), rs.getString("procedure_name"),
                            status, rs.getInt("status_code"), dossiers.statusName(status), rs.getString("action"),
                            rs.getString("agency_name"), rs.getString("officer_name"),
                            rs.getTimestamp("at").toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                            rs.getString("note"), rs.getTimestamp("read_at") != null);
                })
                .list();
        return new Page<>(items, total, page, size);
    }

    /** How many notices the citizen has not read: the badge of the portal's navigation. */
    @Transactional(readOnly = true)
    public long unread(long citizen) {
        return jdbc.sql("select count(*) from citizen_notice where citizen = ? and read_at is null").param(citizen)
                .query(Long.class).single();
    }

    /** Marks one of the citizen's notices read; another account's is unknown (404). */
    @Transactional
    public void markRead(CitizenUser citizen, long id) {
        if (jdbc.sql("update citizen_notice set read_at = coalesce(read_at, ?) where id = ? and citizen = ?")
                .params(Timestamp.from(clock.instant()), id, citizen.id()).update() == 0) {
            throw ProblemException.notFound("portal.notice.not-found", id);
        }
    }

    /** Marks every notice of the citizen read; how many were unread. */
    @Transactional
    public int markAllRead(CitizenUser citizen) {
        return jdbc.sql("update citizen_notice set read_at = ? where citizen = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), citizen.id()).update();
    }
}
