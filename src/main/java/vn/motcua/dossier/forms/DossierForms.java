package vn.motcua.dossier.forms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
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
import vn.motcua.dossier.DossierViews.Detail;
import vn.motcua.dossier.DossierViews.HistoryEntry;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.organization.OrganizationViews.StaffView;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.ProblemException;

/**
 * Prints the desk's forms 01–03 of a dossier as PDF, from the templates under {@code templates/forms/}.
 * Always in Vietnamese, whatever language the caller reads: they are official documents. Nothing is
 * cached; each request renders the dossier as it is now.
 */
@Service
@EnableConfigurationProperties(FormSettings.class)
public class DossierForms {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
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
    private final String publicUrl;

    DossierForms(DossierQueries queries, Catalog catalog, Organization organization, Identity identity,
            SpringTemplateEngine templates, MessageSource messages, HtmlToPdf pdf, FormSettings settings,
            @Value("${motcua.public-url:http://localhost:8080}") String publicUrl) {
        this.queries = queries;
        this.catalog = catalog;
        this.organization = organization;
        this.identity = identity;
        this.templates = templates;
        this.messages = messages;
        this.pdf = pdf;
        this.settings = settings;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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

    /**
     * Renders {@code form} of the dossier {@code code}. A dossier outside the caller's scope is unknown
     * (404), exactly as its detail; a form the dossier does not have is a 409.
     */
    public Pdf render(Form form, String code, StaffUser caller) {
        Detail dossier = queries.detail(code, caller);
        if (!form.appliesTo(dossier)) {
            throw ProblemException.conflict("dossier.form." + form.slug() + ".not-applicable", dossier.code());
        }
        HistoryEntry decision = dossier.history().stream().filter(h -> h.action().equals(form.decision()))
                .max(Comparator.comparing(HistoryEntry::at)).orElse(null);
        OffsetDateTime decidedAt = decision == null ? dossier.receivedAt() : decision.at();
        // Organization offers agencies only as the whole list (a dozen or so per city).
        String agencyName = organization.agencies().stream().filter(a -> a.code().equals(dossier.agencyCode()))
                .map(AgencyView::name).findFirst().orElse(dossier.agencyCode());
        String unitName = organization.unit(dossier.deskUnitCode()).map(UnitView::name).orElse(dossier.deskUnitCode());
        ZonedDateTime day = decidedAt.atZoneSameInstant(VIETNAM);

        Context context = new Context(VIETNAMESE);
        context.setVariable("dossier", dossier);
        context.setVariable("header", new Header(settings.number(form), agencyName, unitName, settings.place(),
                String.format("%02d", day.getDayOfMonth()), month(day.getMonthValue()), String.valueOf(day.getYear())));
        context.setVariable("blank", BLANK);
        context.setVariable("officer", officer(decision == null ? dossier.receivedBy() : decision.by()));
        if (form == Form.RECEIPT) {
            receipt(context, dossier, agencyName, unitName);
        }
        String html = templates.process("forms/" + form.slug(), context);
        return new Pdf(form.slug() + "-" + dossier.code() + ".pdf", pdf.render(html));
    }

    private void receipt(Context context, Detail dossier, String agencyName, String unitName) {
        // The time limit of the procedure version the dossier pinned, not of the version in force today.
        TimeLimit limit = catalog.version(dossier.procedureCode(), dossier.procedureVersion())
                .map(ProcedureData::timeLimit).orElse(null);
        context.setVariable("timeLimit", limit == null || limit.amount() == null || limit.unit() == null ? BLANK
                : limit.amount() + " " + text("time-unit." + limit.unit(), limit.unit().name()));
        context.setVariable("documents", dossier.documents().stream().map(d -> new DocumentRow(d.name(),
                text("copy-kind." + d.copyKind(), d.copyKind()), String.format("%02d", d.count()))).toList());
        // One set per dossier until the desk records more than one.
        context.setVariable("sets", "01");
        // Received = accepted complete: for an online or supplemented dossier the time limit runs from then.
        context.setVariable("receivedAt", moment(dossier.acceptedAt()));
        context.setVariable("dueAt", moment(dossier.dueAt()));
        context.setVariable("collectAt", unitName + ", " + agencyName);
        // The electronic tracking book (Form 06) is keyed by the dossier code: its agency-and-day part names the
        // book, its daily sequence the line, until books per field and year exist.
        int dash = dossier.code().lastIndexOf('-');
        context.setVariable("book", dash < 0 ? dossier.code() : dossier.code().substring(0, dash));
        context.setVariable("line", dash < 0 ? dossier.code() : dossier.code().substring(dash + 1));
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
        ZonedDateTime local = time.atZoneSameInstant(VIETNAM);
        return new Moment(String.format("%02d", local.getHour()), String.format("%02d", local.getMinute()),
                DATE.format(local));
    }

    /** Decree 30/2020 Appendix I: a leading zero for days below 10 and for months 1 and 2 only. */
    static String month(int month) {
        return month <= 2 ? "0" + month : String.valueOf(month);
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, VIETNAMESE);
    }
}
