package vn.motcua.dossier.forms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierViews.Detail;
import vn.motcua.dossier.DossierViews.Handover;
import vn.motcua.dossier.DossierViews.HistoryEntry;
import vn.motcua.dossier.TrackingBooks;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.organization.OrganizationViews.StaffView;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.platform.PublicAddress;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * Prints the forms of a dossier as PDF: the desk's 01–03, the apology with a new date (04) and the process
 * control slip (05), from the templates under {@code templates/forms/}.
 * Always in Vietnamese, whatever language the caller reads: they are official documents. Nothing is
 * cached; each request renders the dossier as it is now.
 */
@Service
@EnableConfigurationProperties(FormSettings.class)
public class DossierForms {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Printed where a field is empty, for the officer to fill in by hand. */
    private static final String BLANK = "……………";

    private final DossierQueries queries;
    private final Catalog catalog;
    private final Organization organization;
    private final Identity identity;
    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final HtmlToPdf pdf;
    private final FormSettings settings;
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

    /** A line of the control slip (Form 05). */
    record SlipLine(String fromUnit, String toUnit, Moment at, String result, String giver, String note,
            boolean sentBack) {}

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
        HistoryEntry decision = dossier.history().stream().filter(h -> h.action().equals(form.decision()))
                .max(Comparator.comparing(HistoryEntry::at)).orElse(null);
        OffsetDateTime decidedAt = decision == null ? dossier.receivedAt() : decision.at();
        // Organization offers agencies only as the whole list (a dozen or so per city).
        Map<String, String> agencies = organization.agencies().stream()
                .collect(Collectors.toMap(AgencyView::code, AgencyView::name, (a, b) -> a));
        String agencyName = agencies.getOrDefault(dossier.agencyCode(), dossier.agencyCode());
        UnitView desk = organization.unit(dossier.deskUnitCode()).orElse(null);
        String unitName = desk == null ? dossier.deskUnitCode() : desk.name();
        // Form 04 comes from the agency that apologised (the desk's or the deciding agency's), and its head signs.
        String issuerAgency = agencyName;
        String issuerUnit = unitName;
        if (form == Form.APOLOGY && decision != null) {
            UnitView unit = organization.unit(decision.unitCode()).orElse(null);
            if (unit != null) {
                issuerAgency = agencies.getOrDefault(unit.agencyCode(), agencyName);
                issuerUnit = unit.name();
            }
        }
        ZonedDateTime day = decidedAt.atZoneSameInstant(VietnamTime.ZONE);

        Context context = new Context(VIETNAMESE);
        context.setVariable("dossier", dossier);
        context.setVariable("header", new Header(settings.number(form), issuerAgency, issuerUnit, settings.place(),
                String.format("%02d", day.getDayOfMonth()), month(day.getMonthValue()), String.valueOf(day.getYear())));
        context.setVariable("blank", BLANK);
        context.setVariable("landscape", false);
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
            }
            case REFUSAL ->
                context.setVariable("officer", officer(decision == null ? dossier.receivedBy() : decision.by()));
            case APOLOGY -> apology(context, dossier, issuerAgency);
            case CONTROL_SLIP -> controlSlip(context, dossier, handovers, agencies);
        }
        String html = templates.process("forms/" + form.slug(), context);
        return new Pdf(form.slug() + "-" + dossier.code() + ".pdf", pdf.render(html));
    }

    private void apology(Context context, Detail dossier, String issuerAgency) {
        context.setVariable("issuer", issuerAgency);
        // The person who filed, "Ông/Bà …", also for an organisation's dossier: its name is on the next lines.
        context.setVariable("addressee", dossier.applicant().fullName());
        context.setVariable("receivedAt", moment(received(dossier)));
        context.setVariable("originalDueAt", moment(dossier.originalDueAt()));
        context.setVariable("newDueAt", moment(dossier.dueAt()));
        ZonedDateTime due = dossier.dueAt().atZoneSameInstant(VietnamTime.ZONE);
        context.setVariable("newDue", new Day(String.format("%02d", due.getHour()), String.format("%02d", due.getMinute()),
                String.format("%02d", due.getDayOfMonth()), month(due.getMonthValue()), String.valueOf(due.getYear())));
    }

    private void controlSlip(Context context, Detail dossier, List<Handover> handovers, Map<String, String> agencies) {
        context.setVariable("landscape", true);
        List<StepData> steps = catalog.version(dossier.procedureCode(), dossier.procedureVersion())
                .map(ProcedureData::steps).orElse(List.of()).stream()
                .sorted(Comparator.comparing(StepData::order, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        // The processing units: the route without the desk's intake and return steps. The first specialist
        // step's unit leads; the others coordinate.
        List<StepData> processing = steps.stream().filter(s -> s.role() != StepRole.RECEPTION && s.unitCode() != null)
                .toList();
        String lead = processing.stream().filter(s -> s.role() == StepRole.SPECIALIST).map(StepData::unitCode)
                .findFirst().orElse(processing.isEmpty() ? null : processing.get(0).unitCode());
        Set<String> codes = new LinkedHashSet<>();
        processing.forEach(s -> codes.add(s.unitCode()));
        handovers.forEach(h -> {
            codes.add(h.fromUnit());
            codes.add(h.toUnit());
        });
        codes.add(dossier.deskUnitCode());
        codes.remove(null);
        Map<String, UnitView> units = organization.units(codes);
        Function<String, String> name = code -> {
            UnitView unit = units.get(code);
            if (unit == null) {
                return code;
            }
            // A unit of another agency (a department's board, say) is named with its agency.
            return unit.agencyCode() == null || unit.agencyCode().equals(dossier.agencyCode()) ? unit.name()
                    : unit.name() + ", " + agencies.getOrDefault(unit.agencyCode(), unit.agencyCode());
        };
        context.setVariable("leadUnit", lead == null ? BLANK : name.apply(lead));
        String coordinating = processing.stream().map(StepData::unitCode).filter(c -> !c.equals(lead)).distinct()
                .map(name).collect(Collectors.joining("; "));
        context.setVariable("coordinatingUnits", coordinating.isEmpty() ? BLANK : coordinating);
        context.setVariable("receivedAt", moment(received(dossier)));
        context.setVariable("dueAt", moment(dossier.dueAt()));
        context.setVariable("originalDueAt", dossier.originalDueAt() == null ? null : moment(dossier.originalDueAt()));
        Map<String, String> people = new HashMap<>();
        Function<String, String> person = username -> username == null ? ""
                : people.computeIfAbsent(username, u -> identity.user(u).map(StaffUser::fullName).orElse(u));
        context.setVariable("lines", handovers.stream().map(h -> {
            boolean sentBack = "SEND_BACK".equals(h.action());
            boolean returned = "RETURNED".equals(h.action());
            String to = returned ? text("dossier.form.control-slip.applicant-receiver", "Tổ chức, cá nhân")
                    : h.toUnit() == null ? BLANK : name.apply(h.toUnit());
            String note;
            if (sentBack) {
                note = text("dossier.form.control-slip.sent-back", "Trả lại", h.note() == null ? "" : h.note());
            } else if (returned && h.note() != null) {
                note = text("dossier.form.control-slip.returned",  "Trả kết quả",
                        text("dossier.return-method." + h.note(), h.note()));
            } else {
                note = h.note() == null ? "" : h.note();
            }
            String result = h.timeliness() == null ? ""
                    : text("dossier.form.control-slip.timeliness." + h.timeliness().name(), h.timeliness().name());
            return new SlipLine(h.fromUnit() == null ? BLANK : name.apply(h.fromUnit()), to, moment(h.at()), result,
                    person.apply(h.by()), note, sentBack);
        }).toList());
    }

    /** When the time limit started: acceptance, or reception for a dossier accepted on the spot. */
    private static OffsetDateTime received(Detail dossier) {
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

    private Officer officer(String username) {
        if (username == null) {
            return new Officer(BLANK, BLANK, BLANK);
        }
        StaffUser user = identity.user(username).orElse(null);
        if (user == null) {
            return new Officer(username, BLANK, BLANK);
        }
        String unitName = organization.unit(user.unitCode()).map(UnitView::name).orElse(BLANK);
        String phone = organization.staff(user.unitCode(), user.fullName(), true, PageRequest.of(0, 20)).stream()
                .filter(s -> username.equals(s.accountUsername())).map(StaffView::phone)
                .filter(p -> p != null && !p.isBlank()).findFirst().orElse(BLANK);
        return new Officer(user.fullName(), unitName, phone);
    }

    private static Moment moment(OffsetDateTime time) {
        ZonedDateTime local = time.atZoneSameInstant(VietnamTime.ZONE);
        return new Moment(String.format("%02d", local.getHour()), String.format("%02d", local.getMinute()),
                DATE.format(local));
    }

    /** Decree 30/2020 Appendix I: a leading zero for days below 10 and for months 1 and 2 only. */
    static String month(int month) {
        return month <= 2 ? "0" + month : String.valueOf(month);
    }

    private String text(String key, String fallback, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, fallback, VIETNAMESE);
    }
}
