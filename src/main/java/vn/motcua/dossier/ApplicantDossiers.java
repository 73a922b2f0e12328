package vn.motcua.dossier;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.DossierViews.Detail;
import vn.motcua.dossier.DossierViews.HistoryEntry;
import vn.motcua.dossier.forms.DossierForms;
import vn.motcua.dossier.forms.Form;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * The dossiers of an applicant's portal account ("hồ sơ của tôi"): those the account submitted online, and, for an
 * account whose holder proved their citizen ID in person (electronic identity level 2, Decree 69/2024/NĐ-CP Art.
 * 12), also those received at the desk or by post whose applicant has that ID. What the applicant sees of each: its
 * status in the National Public Service Portal's words, the timeline with the agency, the officer who acted and the
 * time (Decree 224/2026/NĐ-CP Art. 15(1)(g)), the supplement requests with their items, and the forms addressed to
 * them. A dossier of anyone else reads as unknown (404), as to staff outside their scope.
 */
@Service
@Transactional(readOnly = true)
public class ApplicantDossiers {

    /** The forms addressed to the applicant, printed from the portal: Forms 01 to 05, not the internal slip. */
    static final List<Form> APPLICANT_FORMS = List.of(Form.RECEIPT, Form.SUPPLEMENT_REQUEST, Form.REFUSAL,
            Form.APOLOGY, Form.STOP_NOTICE);

    /** The actions whose note is addressed to the applicant; the others' notes are the staff's own. */
    private static final Set<String> NOTES_FOR_APPLICANT = Set.of("SUPPLEMENT_REQUESTED", "SUPPLIED",
            "SUPPLEMENT_SUBMITTED", "REFUSED", "APOLOGY", "APOLOGY_LATE", "STOPPED", "WITHDRAWN");

    /** The reader of an owned dossier's detail and forms, once this class has checked the ownership. */
    private static final StaffUser READER = new StaffUser("he-thong", "Hệ thống", Set.of(Role.ADMIN), null, null);

    private final DossierQueries queries;
    private final DossierForms forms;
    private final ActorNames names;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    ApplicantDossiers(DossierQueries queries, DossierForms forms, ActorNames names, JdbcClient jdbc,
            MessageSource messages) {
        this.queries = queries;
        this.forms = forms;
        this.names = names;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /**
     * A portal account as owner of dossiers: its name in the dossiers' history ({@code citizen:42}) and the citizen
     * ID it proved at level 2, {@code null} for a level-1 account (a typed ID proves nothing).
     */
    public record Owner(String account, String provenCitizenId) {}

    /** A dossier in the applicant's list; {@code filedOnline}: this account submitted it. */
    public record Summary(String code, DossierStatus status, int statusCode, String statusName, String procedureCode,
            String procedureName, Channel channel, boolean filedOnline, OffsetDateTime receivedAt,
            OffsetDateTime dueAt) {}

    /** A change of the dossier, oldest first: its status, what happened, where, by whom (staff only), and a note meant for them. */
    public record TimelineEntry(OffsetDateTime at, DossierStatus status, int statusCode, String statusName,
            String action, String agencyName, String officerName, String note) {}

    /**
     * A supplement request (Form 02): when, by which agency and officer, its items; {@code atIntake} before
     * acceptance (the desk's check), else during processing; {@code answered} once the applicant's answer arrived.
     */
    public record SupplementRequest(OffsetDateTime at, boolean atIntake, String agencyName, String officerName,
            List<IntakeRequest.SupplementItem> items, boolean answered) {}

    /**
     * A dossier as its applicant sees it. {@code forms}: the slugs of the forms it has ({@code receipt},
     * {@code supplement-request}, {@code refusal}, {@code apology}, {@code stop-notice}); {@code awaitingSupplement}:
     * the account may answer a supplement request online now (it submitted the dossier online); {@code feesDue}:
     * the fees and charges fixed at intake (0: none), {@code feesPaidAt} when they were paid in full.
     */
    public record ApplicantDetail(String code, DossierStatus status, int statusCode, String statusName,
            Channel channel, boolean filedOnline, String procedureCode, int procedureVersion, String procedureName,
            String agencyName, String applicantName, String representativeName, List<DossierViews.Document> documents,
            OffsetDateTime receivedAt, OffsetDateTime acceptedAt, OffsetDateTime dueAt, OffsetDateTime checkDueAt,
            OffsetDateTime supplementDueAt, OffsetDateTime resultReadyAt, OffsetDateTime returnedAt,
            ReturnMethod requestedReturnMethod, ReturnMethod returnMethod, String lookupPin, String refusalReason,
            String closingReason, List<TimelineEntry> timeline, List<SupplementRequest> supplementRequests,
            List<String> forms, boolean awaitingSupplement, boolean electronicResult, long feesDue,
            OffsetDateTime feesPaidAt) {}

    /** A printed form: {@code <form>-<code>.pdf}. */
    public record PrintedForm(String filename, byte[] content) {}

    /**
     * The note of a change as the applicant may read it: the reason or the items of what was addressed to them (a
     * supplement request, a refusal, an apology, a stop), nothing of the staff's own notes on a hand-over.
     */
    public static String noteForApplicant(String action, String note) {
        return NOTES_FOR_APPLICANT.contains(action) ? note : null;
    }

    /** The owner's dossiers, newest first, of one status if given. */
    public Page<Summary> list(Owner owner, DossierStatus status, int page, int size) {
        Page.checkRequest(page, size);
        Map<String, Object> params = new HashMap<>();
        params.put("account", owner.account());
        StringBuilder where = new StringBuilder(" where ((channel = 'ONLINE' and received_by = :account)");
        if (owner.provenCitizenId() != null) {
            where.append(" or applicant_citizen_id = :citizenId");
            params.put("citizenId", owner.provenCitizenId());
        }
        where.append(')');
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("select count(*) from dossier" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Summary> items = jdbc.sql("select code, status, procedure_code, procedure_name, channel, received_by,"
                        + " received_at, due_at from dossier" + where
                        + " order by received_at desc, id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    DossierStatus s = DossierStatus.valueOf(rs.getString("status"));
                    Channel channel = Channel.valueOf(rs.getString("channel"));
                    return new Summary(rs.getString("code"), s, s.code(), statusName(s), rs.getString("procedure_code"),
                            rs.getString("procedure_name"), channel,
                            channel == Channel.ONLINE && owner.account().equals(rs.getString("received_by")),
                            time(rs.getTimestamp("received_at")), time(rs.getTimestamp("due_at")));
                })
                .list();
        return new Page<>(items, total, page, size);
    }

    /** One of the owner's dossiers; anyone else's reads as unknown (404). */
    public ApplicantDetail detail(Owner owner, String code) {
        Detail d = owned(owner, code);
        boolean online = filedOnline(owner, d);
        List<TimelineEntry> timeline = new ArrayList<>();
        List<SupplementRequest> supplements = new ArrayList<>();
        boolean accepted = false;
        for (HistoryEntry h : d.history()) {
            String agencyName = agencyName(h.unitCode(), d.agencyCode());
            String officer = names.officerName(h.by());
            timeline.add(new TimelineEntry(h.at(), h.status(), h.statusCode(), statusName(h.status()), h.action(),
                    agencyName, officer, noteForApplicant(h.action(), h.note())));
            if (h.action().equals("ACCEPTED")) {
                accepted = true;
            }
            if (h.action().equals("SUPPLEMENT_REQUESTED")) {
                List<IntakeRequest.SupplementItem> items = accepted ? d.processingSupplementItems() : d.supplementItems();
                supplements.add(new SupplementRequest(h.at(), !accepted, agencyName, officer,
                        items == null ? List.of() : items, false));
            } else if (!supplements.isEmpty() && answers(h.action())) {
                SupplementRequest last = supplements.remove(supplements.size() - 1);
                supplements.add(new SupplementRequest(last.at(), last.atIntake(), last.agencyName(), last.officerName(),
                        last.items(), true));
            }
        }
        return new ApplicantDetail(d.code(), d.status(), d.statusCode(), statusName(d.status()), d.channel(), online,
                d.procedureCode(), d.procedureVersion(), d.procedureName(), names.agencyName(d.agencyCode()),
                d.applicant().fullName(), d.representative() == null ? null : d.representative().fullName(),
                d.documents(), d.receivedAt(), d.acceptedAt(), d.dueAt(), d.checkDueAt(), d.supplementDueAt(),
                d.resultReadyAt(), d.returnedAt(), d.requestedReturnMethod(), d.returnMethod(), d.lookupPin(),
                d.refusalReason(), d.closingReason(), timeline, supplements,
                APPLICANT_FORMS.stream().filter(f -> f.appliesTo(d)).map(Form::slug).toList(),
                online && d.status() == DossierStatus.SUPPLEMENT_REQUESTED, d.electronicResult(), d.feesDue(),
                d.feesPaidAt());
    }

    /** A form addressed to the applicant of one of the owner's dossiers (404 for another form; 409 if it has none). */
    public PrintedForm form(Owner owner, String code, String slug) {
        owned(owner, code);
        Form form = APPLICANT_FORMS.stream().filter(f -> f.slug().equals(slug)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("dossier.form.unknown", slug));
        DossierForms.Pdf pdf = forms.render(form, code, READER);
        return new PrintedForm(pdf.filename(), pdf.content());
    }

    /**
     * Whether the dossier is the owner's: the 404 of anyone else's, before anything of it is read. One statement:
     * the citizen's payment page asks through here every few seconds while it is open.
     */
    public void requireOwned(Owner owner, String code) {
        if (!mine(owner, code)) {
            throw ProblemException.notFound("dossier.not-found", code);
        }
    }

    private Detail owned(Owner owner, String code) {
        requireOwned(owner, code);
        return queries.detail(code, READER);
    }

    private boolean mine(Owner owner, String code) {
        return code != null && code.length() <= 60
                && jdbc.sql("select channel, received_by, applicant_citizen_id from dossier where code = ?").param(code)
                        .query((rs, n) -> (rs.getString(1).equals(Channel.ONLINE.name())
                                && owner.account().equals(rs.getString(2)))
                                || owner.provenCitizenId() != null && owner.provenCitizenId().equals(rs.getString(3)))
                        .optional().orElse(false);
    }

    private static boolean filedOnline(Owner owner, Detail d) {
        return d.channel() == Channel.ONLINE && owner.account().equals(d.receivedBy());
    }

    /** The applicant's answer to a supplement request: sent online, received at the desk or by the step. */
    private static boolean answers(String action) {
        return Arrays.asList("SUPPLIED", "SUPPLEMENT_SUBMITTED", "SUPPLEMENT_RECEIVED").contains(action);
    }

    private String agencyName(String unitCode, String receivingAgency) {
        String agency = names.agencyOf(unitCode, receivingAgency);
        String name = names.agencyName(agency);
        return name == null ? agency : name;
    }

    /** A status in the National Public Service Portal's words, as the public look-up shows it. */
    public String statusName(DossierStatus status) {
        return messages.getMessage("public-status." + status.name(), null, status.name(), LocaleContextHolder.getLocale());
    }

    private static OffsetDateTime time(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
