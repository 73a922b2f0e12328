package vn.motcua.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.Catalog;
import vn.motcua.dossier.DossierViews.Detail;
import vn.motcua.dossier.DossierViews.Summary;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.VietnameseText;

/**
 * What staff may see of dossiers, within the caller's {@link DossierScope}. A dossier outside it is answered as
 * unknown (404), so that its existence does not leak.
 */
@Service
@Transactional(readOnly = true)
public class DossierQueries {

    private static final ZoneId VIETNAM = VietnamTime.ZONE;

    private final DossierStore store;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Catalog catalog;
    private final ResultStore results;

    DossierQueries(DossierStore store, JdbcClient jdbc, JsonMapper json, MessageSource messages, Catalog catalog,
            ResultStore results) {
        this.catalog = catalog;
        this.results = results;
        this.store = store;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
    }

    public Detail detail(String code, StaffUser caller) {
        Dossier d = visibleDossier(code, caller);
        Reception r = d.reception();
        Reception.Applicant a = r.applicant();
        Reception.Representative rep = r.representative();
        Dossier.Apology apology = d.apology();
        Outcome outcome = d.outcome();
        return new Detail(d.code(), d.status(), d.status().code(), r.channel(), r.agencyCode(), r.deskUnitCode(),
                r.procedure().code(), r.procedure().version(), r.procedure().name(),
                new DossierViews.Person(a.name(), a.citizenId(), a.phone(), a.email(), a.address(), a.organization(), null),
                rep == null ? null
                        : new DossierViews.Person(rep.name(), rep.citizenId(), rep.phone(), null, null, null,
                                rep.authorization()),
                store.documents(d.id()).stream()
                        .map(x -> new DossierViews.Document(x.documentId(), x.name(), x.copyKind(), x.count(),
                                x.digitised(), x.reused()))
                        .toList(),
                time(r.receivedAt()), time(d.clock().acceptedAt()), time(d.dueAt()), r.lookupPin(),
                items(d.supplements().atIntake()), outcome.refusalReason(), r.receivedBy(), d.lockVersion(),
                store.events(d.id()).stream().map(e -> new DossierViews.HistoryEntry(time(e.at()), e.status(),
                        e.status().code(), e.action(), e.byUser(), e.unitCode(), e.note())).toList(),
                r.procedure().field(), step(d), apology == null ? null : time(apology.originalDueAt()),
                apology == null ? null : apology.reason(), items(d.supplements().duringProcessing()),
                time(outcome.resultReadyAt()), outcome.timeliness(), time(outcome.returnedAt()), outcome.returnMethod(),
                outcome.closingReason(), apology == null ? null : apology.number(), apology != null && apology.late(),
                route(d).decidingUnit(), r.sets(), r.requestedReturnMethod(), r.channel().code(),
                time(d.online().countsFrom()), time(d.online().checkDueAt()), time(d.online().supplementDueAt()),
                results.issued(d.id()), r.fees().total(), time(d.feesPaidAt()));
    }

    private List<IntakeRequest.SupplementItem> items(String json) {
        return json == null ? null : this.json.readValue(json, new TypeReference<List<IntakeRequest.SupplementItem>>() {});
    }

    private DossierViews.Step step(Dossier d) {
        CurrentStep step = d.step();
        if (step == null || !step.queued()) {
            return null;
        }
        Route route = route(d);
        return new DossierViews.Step(step.order(), route.step(step.order()).name(), step.unitCode(), step.role(),
                time(step.startedAt()), time(step.dueAt()));
    }

    private Route route(Dossier d) {
        return Route.of(catalog.version(d.procedure().code(), d.procedure().version()).orElseThrow());
    }

    private static OffsetDateTime time(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(VIETNAM).toOffsetDateTime();
    }

    /** The process control slip (Form 06): one line per hand-over, each judged against its step's due time. */
    public List<DossierViews.Handover> history(String code, StaffUser caller) {
        Dossier d = visibleDossier(code, caller);
        return store.handovers(d.id()).stream()
                .map(h -> new DossierViews.Handover(h.step(), h.stepName(), h.action(), h.fromUnit(), h.toUnit(),
                        h.at().atZone(VIETNAM).toOffsetDateTime(), h.byUser(),
                        h.stepDueAt() == null ? null : h.stepDueAt().atZone(VIETNAM).toOffsetDateTime(),
                        h.timeliness(), h.note()))
                .toList();
    }

    /** The dossier if the caller may see it; otherwise unknown (404), as if it did not exist. */
    Dossier visibleDossier(String code, StaffUser caller) {
        return store.find(code).filter(new DossierScope(caller)::sees)
                .orElseThrow(() -> ProblemException.notFound("dossier.not-found", code));
    }

    /** Dossiers in the caller's scope, newest first; {@code query} ignores diacritics. */
    public Page<Summary> list(String query, DossierStatus status, LocalDate from, LocalDate to, StaffUser caller,
            int page, int size) {
        StringBuilder where = new StringBuilder(" where ");
        Map<String, Object> params = new HashMap<>();
        where.append(new DossierScope(caller).where(params));
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (from != null) {
            where.append(" and received_at >= :from");
            params.put("from", java.sql.Timestamp.from(from.atStartOfDay(VIETNAM).toInstant()));
        }
        if (to != null) {
            where.append(" and received_at < :to");
            params.put("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(VIETNAM).toInstant()));
        }
        String folded = VietnameseText.fold(query).replace("\\", "").replace("%", "").replace("_", "");
        String[] words = folded.isEmpty() ? new String[0] : folded.split(" ");
        for (int i = 0; i < words.length && i < 10; i++) {
            where.append(" and search_text like :w").append(i);
            params.put("w" + i, "%" + words[i] + "%");
        }
        long total = jdbc.sql("select count(*) from dossier" + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Summary> items = jdbc.sql("select code, status, procedure_code, procedure_name, applicant_name, channel,"
                        + " received_at, due_at from dossier" + where
                        + " order by received_at desc, id desc limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> {
                    DossierStatus s = DossierStatus.valueOf(rs.getString("status"));
                    var due = rs.getTimestamp("due_at");
                    return new Summary(rs.getString("code"), s, s.code(), rs.getString("procedure_code"),
                            rs.getString("procedure_name"), rs.getString("applicant_name"),
                            Channel.valueOf(rs.getString("channel")),
                            rs.getTimestamp("received_at").toInstant().atZone(VIETNAM).toOffsetDateTime(),
                            due == null ? null : due.toInstant().atZone(VIETNAM).toOffsetDateTime());
                })
                .list();
        return new Page<>(items, total, page, size);
    }

    /**
     * Public lookup by code and PIN; anything else reads as unknown. One query and no transaction: citizens
     * look up far more often than staff change dossiers.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public java.util.Optional<DossierViews.PublicStatus> lookup(String code, String pin) {
        if (pin == null || !pin.matches("[0-9]{6}")) {
            return java.util.Optional.empty();
        }
        record Row(String procedureName, String status, java.sql.Timestamp receivedAt, java.sql.Timestamp dueAt,
                String applicantName, String pin, java.sql.Timestamp eventAt, String eventStatus) {}
        List<Row> rows = jdbc.sql("""
                select d.procedure_name, d.status, d.received_at, d.due_at, d.applicant_name, d.lookup_pin,
                       e.at, e.status as event_status
                from dossier d left join dossier_event e on e.dossier_id = d.id
                where d.code = ? order by e.position""")
                .param(code)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7), rs.getString(8)))
                .list();
        if (rows.isEmpty() || !java.security.MessageDigest.isEqual(
                rows.get(0).pin().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                pin.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return java.util.Optional.empty();
        }
        Row first = rows.get(0);
        DossierStatus status = DossierStatus.valueOf(first.status());
        return java.util.Optional.of(new DossierViews.PublicStatus(code, first.procedureName(), status, status.code(),
                publicStatusName(status), first.receivedAt().toInstant().atZone(VIETNAM).toOffsetDateTime(),
                first.dueAt() == null ? null : first.dueAt().toInstant().atZone(VIETNAM).toOffsetDateTime(),
                mask(first.applicantName()),
                rows.stream().filter(r -> r.eventAt() != null).map(r -> {
                    DossierStatus s = DossierStatus.valueOf(r.eventStatus());
                    return new DossierViews.PublicHistoryEntry(r.eventAt().toInstant().atZone(VIETNAM).toOffsetDateTime(),
                            s.code(), publicStatusName(s));
                }).toList()));
    }

    /** "Nguyễn Văn Hải" → "Nguyễn V*** H***": the family name alone identifies nobody. */
    static String mask(String name) {
        String[] words = name.strip().split("\\s+");
        List<String> masked = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            masked.add(i == 0 ? words[i] : words[i].codePoints().limit(1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "***");
        }
        return String.join(" ", masked);
    }

    /**
     * A status as the citizen reads it: the National Public Service Portal's wording ("Được tiếp nhận", "Đang xử
     * lý", …), while staff keep the desk's own ({@code dossier-status.*}).
     */
    private String publicStatusName(DossierStatus status) {
        return messages.getMessage("public-status." + status.name(), null, status.name(), LocaleContextHolder.getLocale());
    }
}
