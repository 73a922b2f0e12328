package vn.motcua.dossier.forms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierViews.Detail;
import vn.motcua.dossier.DossierViews.Handover;
import vn.motcua.dossier.DossierViews.HistoryEntry;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.TrackingBooks;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.organization.OrganizationViews.StaffView;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.platform.HtmlToPdf;
import vn.motcua.platform.PublicAddress;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * Prints the forms of a dossier as PDF (Circular 03/2025/TT-VPCP Annex I): the desk's 01–03, the apology and
 * extension request (04) and the stop notice (05) of the handling agency, and the process control slip (06),
 * from the templates under {@code templates/forms/}.
 * Always in Vietnamese, whatever language the caller reads: they are official documents. Nothing is
 * cached; each request renders the dossier as it is now.
 */
@Service
@EnableConfigurationProperties(FormSettings.class)
public class DossierForms {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Printed where a field is empty, for the officer to fill in by hand. */
    static final String BLANK = "……………";

    private final DossierQueries queries;
    private final Catalog catalog;
    private final Organization organization;
    private final Identity identity;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final HtmlToPdf pdf;
    private final FormSettings settings;
    private final ControlSlip controlSlip;
    private final PublicAddress publicAddress;
    private final TrackingBooks books;

    /** The reader of {@link #apology(String)}: notices are sent for any dossier that asked for one. */
    private static final StaffUser SYSTEM = new StaffUser("he-thong", "Hệ thống", Set.of(Role.ADMIN), null, null);

    DossierForms(DossierQueries queries, Catalog catalog, Organization organization, Identity identity,
            SpringTemplateEngine templates, MessageSource messages, HtmlToPdf pdf, FormSettings settings,
            PublicAddress publicAddress, TrackingBooks books) {
        this.queries = queries;
        this.catalog = catalog;
        this.organization = organization;
        this.identity = identity;
        this.templates = templates;
        this.messages = messages;
        this.pdf = pdf;
        this.settings = settings;
        this.controlSlip = new ControlSlip(this, catalog, organization, identity);
        this.publicAddress = publicAddress;
        this.books = books;
    }

    /** A printed form, named {@code <form>-<dossier code>.pdf}. */
    public record Pdf(String filename, byte[] content) {}

    /** Header of every form: who issues it, its number, where and when. */
    record Header(String number, String agencyName, String unitName, String place, String day, String month,
            String year) {}

    /** A time as the forms write it: "09 giờ 05 phút, ngày 15/03/2026". */
    record Moment(String hour, String minute, String date) {}

    record DocumentRow(String name, String kind, String count) {}

    record Officer(String fullName, String unitName, String phone) {}

    /** A time spelled out in a sentence: "… giờ … phút, ngày … tháng … năm …". */
    record Day(String hour, String minute, String day, String month, String year) {}

    /**
     * Who issues a letter of the handling agency (Decree 30/2020/NĐ-CP Annex I): its superior's name above its
     * own, {@code superior} {@code null} for an agency without one.
     */
    record Issuer(String superior, String name, String fullName) {}

    /**
     * Renders {@code form} of the dossier {@code code}. A dossier outside the caller's scope is unknown
     * (404), exactly as its detail; a form the dossier does not have is a 409.
     */
    public Pdf render(Form form, String code, StaffUser caller) {
        Detail dossier = queries.detail(code, caller);
        List<Handover> handovers = form == Form.CONTROL_SLIP ? queries.history(code, caller) : List.of();
        return render(form, dossier, handovers);
    }

    /**
     * Form 04 of the dossier {@code code} for the applicant's notice, without a caller: the notice names
     * its dossier, so no scope applies. A 404 problem if there is no such dossier, a 409 if it has no apology.
     */
    public Pdf apology(String code) {
        return render(Form.APOLOGY, code, SYSTEM);
    }

    /**
     * {@code form} of a dossier already read, for a notice or a page that has its detail at hand. The
     * control slip needs the hand-overs as well: {@link #render(Form, String, StaffUser)}.
     */
    public Pdf render(Form form, Detail dossier) {
        if (form == Form.CONTROL_SLIP) {
            throw new IllegalArgumentException("The control slip needs the hand-overs of the dossier");
        }
        return render(form, dossier, List.of());
    }

    private Pdf render(Form form, Detail dossier, List<Handover> handovers) {
        if (!form.appliesTo(dossier)) {
            throw ProblemException.conflict("dossier.form." + form.slug() + ".not-applicable", dossier.code());
        }
        HistoryEntry decision = dossier.history().stream().filter(h -> form.decidedBy(h.action()))
                .max(Comparator.comparing(HistoryEntry::at)).orElse(null);
        OffsetDateTime decidedAt = decision == null ? dossier.receivedAt() : decision.at();
        // Organization offers agencies only as the whole list (a dozen or so per city).
        Map<String, AgencyView> agencies = organization.agencies().stream()
                .collect(Collectors.toMap(AgencyView::code, Function.identity(), (a, b) -> a));
        String agencyName = Optional.ofNullable(agencies.get(dossier.agencyCode())).map(AgencyView::name)
                .orElse(dossier.agencyCode());
        UnitView desk = organization.unit(dossier.deskUnitCode()).orElse(null);
        String unitName = desk == null ? dossier.deskUnitCode() : desk.name();
        ZonedDateTime day = decidedAt.atZoneSameInstant(VietnamTime.ZONE);
        String reference = dossier.code();

        Context context = new Context(VIETNAMESE);
        context.setVariable("dossier", dossier);
        context.setVariable("blank", BLANK);
        context.setVariable("landscape", false);
        // The desk's forms are headed by the receiving agency over its desk; the letters of the handling agency
        // (04, 05) by that agency under its superior, as Decree 30/2020/NĐ-CP lays out a document's issuer.
        String headerAgency = agencyName;
        String headerUnit = unitName;
        if (form == Form.APOLOGY || form == Form.STOP_NOTICE) {
            Issuer issuer = issuer(dossier, agencies);
            headerAgency = issuer.superior();
            headerUnit = issuer.name();
            context.setVariable("issuer", issuer.fullName());
            addressee(context, dossier);
            context.setVariable("receivedAt", moment(received(dossier)));
        }
        switch (form) {
            case RECEIPT -> {
                context.setVariable("officer", officer(decision == null ? dossier.receivedBy() : decision.by()));
                receipt(context, dossier, agencyName, unitName);
            }
            case SUPPLEMENT_REQUEST -> {
                // The applicant calls the desk, whoever is on duty (Form 02); the officer's own number otherwise.
                Officer officer = officer(decision == null ? dossier.receivedBy() : decision.by());
                context.setVariable("officer", desk == null || desk.phone() == null ? officer
                        : new Officer(officer.fullName(), officer.unitName(), desk.phone()));
                context.setVariable("items", supplementItems(dossier));
            }
            case REFUSAL ->
                context.setVariable("officer", officer(decision == null ? dossier.receivedBy() : decision.by()));
            case APOLOGY -> {
                apology(context, dossier);
                reference = dossier.apologyNumber() == null ? BLANK : dossier.apologyNumber();
            }
            case STOP_NOTICE -> {
                context.setVariable("stoppedAt", moment(decidedAt));
                context.setVariable("withdrawn", dossier.status() == DossierStatus.WITHDRAWN);
            }
            case CONTROL_SLIP -> controlSlip.fill(context, dossier, handovers, agencies);
            case TRACKING_BOOK -> throw new IllegalArgumentException("The tracking book is a report, not a dossier's form");
        }
        context.setVariable("header", new Header(settings.number(form), headerAgency, headerUnit, settings.place(),
                String.format("%02d", day.getDayOfMonth()), month(day.getMonthValue()), String.valueOf(day.getYear())));
        context.setVariable("reference", reference);
        String html = templates.process("forms/" + form.slug(), context);
        return new Pdf(form.slug() + "-" + dossier.code() + ".pdf", pdf.render(html));
    }

    /**
     * What Form 02 lists: the request in force, every item with its reason, whichever stage asked. Only one
     * request is allowed during processing (Decree 118/2025/NĐ-CP), and it supersedes the intake's, which the
     * applicant has answered by then.
     */
    static List<IntakeRequest.SupplementItem> supplementItems(Detail dossier) {
        List<IntakeRequest.SupplementItem> processing = dossier.processingSupplementItems();
        if (processing != null && !processing.isEmpty()) {
            return processing;
        }
        return dossier.supplementItems() == null ? List.of() : dossier.supplementItems();
    }

    /**
     * The handling agency (the deciding step's, else the receiving agency) under its superior: "ỦY BAN NHÂN DÂN
     * THÀNH PHỐ HẢI PHÒNG" over "SỞ XÂY DỰNG", not the unit whose member recorded the letter.
     */
    private Issuer issuer(Detail dossier, Map<String, AgencyView> agencies) {
        String code = organization.unit(dossier.handlingUnitCode()).map(UnitView::agencyCode)
                .orElse(dossier.agencyCode());
        AgencyView agency = agencies.get(code);
        if (agency == null) {
            return new Issuer(null, code, code);
        }
        AgencyView superior = agency.parentCode() == null ? null : agencies.get(agency.parentCode());
        return new Issuer(superior == null ? null : superior.name().toUpperCase(VIETNAMESE), agency.nameUnder(superior),
                agency.name());
    }

    /** A company's dossier is addressed to the company, a citizen's to "Ông/Bà" and the name. */
    private void addressee(Context context, Detail dossier) {
        String organizationName = dossier.applicant().organizationName();
        boolean company = organizationName != null && !organizationName.isBlank();
        context.setVariable("addressee", company ? organizationName
                : text("dossier.form.addressee.person", "Ông/Bà {0}", dossier.applicant().fullName()));
        context.setVariable("you", company ? text("dossier.form.you.organization", "Quý cơ quan, tổ chức")
                : text("dossier.form.you.person", "Ông/Bà"));
    }

    private void apology(Context context, Detail dossier) {
        context.setVariable("originalDueAt", moment(dossier.originalDueAt()));
        context.setVariable("newDueAt", moment(dossier.dueAt()));
        ZonedDateTime due = dossier.dueAt().atZoneSameInstant(VietnamTime.ZONE);
        context.setVariable("newDue", new Day(String.format("%02d", due.getHour()), String.format("%02d", due.getMinute()),
                String.format("%02d", due.getDayOfMonth()), month(due.getMonthValue()), String.valueOf(due.getYear())));
    }

    /** When the time limit started: acceptance, or reception for a dossier accepted on the spot. */
    static OffsetDateTime received(Detail dossier) {
        return dossier.acceptedAt() != null ? dossier.acceptedAt() : dossier.receivedAt();
    }

    private void receipt(Context context, Detail dossier, String agencyName, String unitName) {
        // The time limit of the procedure version the dossier pinned, not of the version in force today.
        TimeLimit limit = catalog.version(dossier.procedureCode(), dossier.procedureVersion())
                .map(ProcedureData::timeLimit).orElse(null);
        context.setVariable("timeLimit", limit == null || limit.amount() == null || limit.unit() == null ? BLANK
                : limit.amount() + " " + text("time-unit." + limit.unit(), limit.unit().name()));
        context.setVariable("documents", dossier.documents().stream().map(d -> new DocumentRow(d.name(),
                text("copy-kind." + d.copyKind(), d.copyKind()), String.format("%02d", d.count()))).toList());
        context.setVariable("sets", String.format("%02d", dossier.sets()));
        // Received = accepted complete: for an online or supplemented dossier the time limit runs from then.
        context.setVariable("receivedAt", moment(dossier.acceptedAt()));
        context.setVariable("dueAt", moment(dossier.dueAt()));
        // Where the applicant chose at intake to receive the result.
        String desk = unitName + ", " + agencyName;
        context.setVariable("collectAt", text("dossier.form.receipt.collect." + dossier.requestedReturnMethod(), desk,
                desk, unitName, agencyName, dossier.applicant().address() == null ? BLANK : dossier.applicant().address()));
        TrackingBooks.Line line = books.line(dossier.code()).orElse(null);
        context.setVariable("book", line == null ? BLANK : String.valueOf(line.book()));
        context.setVariable("line", line == null ? BLANK : String.valueOf(line.line()));
        String publicUrl = publicAddress.url();
        String lookup = publicUrl + "/tra-cuu?ma=" + URLEncoder.encode(dossier.code(), StandardCharsets.UTF_8)
                + "&pin=" + URLEncoder.encode(dossier.lookupPin(), StandardCharsets.UTF_8);
        context.setVariable("lookupPage", publicUrl + "/tra-cuu");
        context.setVariable("qrCode", QrCode.dataUri(lookup));
    }

    Officer officer(String username) {
        if (username == null) {
            return new Officer(BLANK, BLANK, BLANK);
        }
        StaffUser user = identity.user(username).orElse(null);
        if (user == null) {
            // No officer signs for the applicant's online account or the system (named with a prefix, citizen:42).
            return new Officer(username.contains(":") ? BLANK : username, BLANK, BLANK);
        }
        String unitName = organization.unit(user.unitCode()).map(UnitView::name).orElse(BLANK);
        String phone = organization.staff(user.unitCode(), user.fullName(), true, PageRequest.of(0, 20)).stream()
                .filter(s -> username.equals(s.accountUsername())).map(StaffView::phone)
                .filter(p -> p != null && !p.isBlank()).findFirst().orElse(BLANK);
        return new Officer(user.fullName(), unitName, phone);
    }

    static Moment moment(OffsetDateTime time) {
        ZonedDateTime local = time.atZoneSameInstant(VietnamTime.ZONE);
        return new Moment(String.format("%02d", local.getHour()), String.format("%02d", local.getMinute()),
                DATE.format(local));
    }

    /** Decree 30/2020 Appendix I: a leading zero for days below 10 and for months 1 and 2 only. */
    public static String month(int month) {
        return month <= 2 ? "0" + month : String.valueOf(month);
    }

    String text(String key, String fallback, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, fallback, VIETNAMESE);
    }
}
