package vn.motcua.dossier.forms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.thymeleaf.context.Context;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureData.StepData;
import vn.motcua.dossier.DossierViews.Detail;
import vn.motcua.dossier.DossierViews.Handover;
import vn.motcua.dossier.DossierViews.HistoryEntry;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.organization.UnitKind;

/**
 * What Form 06, the process control slip (Circular 03/2025/TT-VPCP Annex I), says of a dossier: the lead and
 * coordinating bodies, and one line per hand-over and per event the applicant is part of (supplement requests
 * and supplements received, the apology, a stop or a withdrawal), in the order they happened, each with who gave
 * and who received the dossier.
 */
final class ControlSlip {

    /** The events of the history that are lines of the slip besides the hand-overs. */
    private static final Set<String> EVENTS = Set.of("SUPPLEMENT_REQUESTED", "SUPPLIED", "SUPPLEMENT_SUBMITTED",
            "SUPPLEMENT_RECEIVED", "APOLOGY", "APOLOGY_LATE", "STOPPED", "WITHDRAWN");

    /** The events in which the applicant hands something to the agency. */
    private static final Set<String> FROM_APPLICANT = Set.of("SUPPLIED", "SUPPLEMENT_SUBMITTED", "SUPPLEMENT_RECEIVED");

    /**
     * The history actions recorded with a hand-over, one each, in the same change: they place the hand-overs
     * among the events (times alone do not, several changes may fall in one second).
     */
    private static final Set<String> HANDED_OVER = Set.of("IN_PROCESS", "HANDOVER", "RESULT_READY", "SENT_BACK",
            "RETURNED");

    /** A line of the slip; {@code result} is empty for an event, {@code sentBack} sets it in italics. */
    record Line(String fromUnit, String toUnit, DossierForms.Moment at, String result, String giver, String receiver,
            String note, boolean sentBack) {}

    private final DossierForms forms;
    private final Catalog catalog;
    private final Organization organization;
    private final Identity identity;

    ControlSlip(DossierForms forms, Catalog catalog, Organization organization, Identity identity) {
        this.forms = forms;
        this.catalog = catalog;
        this.organization = organization;
        this.identity = identity;
    }

    void fill(Context context, Detail dossier, List<Handover> handovers, Map<String, AgencyView> agencies) {
        context.setVariable("landscape", true);
        List<StepData> steps = catalog.version(dossier.procedureCode(), dossier.procedureVersion())
                .map(ProcedureData::steps).orElse(List.of()).stream()
                .sorted(Comparator.comparing(StepData::order, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        // The processing units: the route without the desk's intake and return steps. The first specialist
        // step's unit leads.
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
        dossier.history().forEach(h -> codes.add(h.unitCode()));
        codes.add(dossier.deskUnitCode());
        codes.remove(null);
        Map<String, UnitView> units = organization.units(codes);
        Map<String, String> agencyNames = agencies.values().stream()
                .collect(Collectors.toMap(AgencyView::code, AgencyView::name));
        Function<String, String> name = code -> {
            UnitView unit = code == null ? null : units.get(code);
            if (unit == null) {
                return code == null ? DossierForms.BLANK : code;
            }
            // A unit of another agency (a department's board, say) is named with its agency.
            return unit.agencyCode() == null || unit.agencyCode().equals(dossier.agencyCode()) ? unit.name()
                    : unit.name() + ", " + agencyNames.getOrDefault(unit.agencyCode(), unit.agencyCode());
        };
        context.setVariable("leadUnit", lead == null ? DossierForms.BLANK : name.apply(lead));
        // Coordination (liên thông) is another body's part in the decision; the lead agency's own leadership,
        // which signs, does not coordinate.
        String leadAgency = units.containsKey(lead) ? units.get(lead).agencyCode() : null;
        String coordinating = processing.stream().map(StepData::unitCode).filter(c -> !c.equals(lead)).distinct()
                .filter(c -> !ownLeadership(units.get(c), leadAgency)).map(name).collect(Collectors.joining("; "));
        context.setVariable("coordinatingUnits", coordinating.isEmpty()
                ? forms.text("dossier.form.control-slip.no-coordination", "Không") : coordinating);
        context.setVariable("receivedAt", DossierForms.moment(DossierForms.received(dossier)));
        context.setVariable("dueAt", DossierForms.moment(dossier.dueAt()));
        context.setVariable("originalDueAt",
                dossier.originalDueAt() == null ? null : DossierForms.moment(dossier.originalDueAt()));
        context.setVariable("lines", lines(dossier, handovers, name));
    }

    private static boolean ownLeadership(UnitView unit, String leadAgency) {
        return unit != null && unit.kind() == UnitKind.LEADERSHIP && unit.agencyCode().equals(leadAgency);
    }

    private List<Line> lines(Detail dossier, List<Handover> handovers, Function<String, String> name) {
        Map<String, String> people = new HashMap<>();
        // The applicant's online account and the system (named with a prefix, citizen:42) are no officer.
        Function<String, String> person = username -> username == null ? ""
                : people.computeIfAbsent(username, u -> identity.user(u).map(StaffUser::fullName)
                        .orElse(u.contains(":") ? "" : u));
        String applicantSide = forms.text("dossier.form.control-slip.applicant-receiver", "Tổ chức, cá nhân");
        String applicant = dossier.applicant().organizationName() != null ? dossier.applicant().organizationName()
                : dossier.representative() != null ? dossier.representative().fullName() : dossier.applicant().fullName();
        List<Line> handed = new ArrayList<>();
        for (int i = 0; i < handovers.size(); i++) {
            Handover h = handovers.get(i);
            boolean sentBack = "SEND_BACK".equals(h.action());
            boolean returned = "RETURNED".equals(h.action());
            String to = returned ? applicantSide : h.toUnit() == null ? DossierForms.BLANK : name.apply(h.toUnit());
            // Who received it: the applicant for the result; else whoever acted next at the receiving unit, or
            // that unit while nobody has yet.
            String receiver = returned ? applicant : receiver(handovers, i).map(next -> person.apply(next.by()))
                    .orElse(to);
            String note;
            if (sentBack) {
                note = forms.text("dossier.form.control-slip.sent-back", "Trả lại", h.note() == null ? "" : h.note());
            } else if (returned && h.note() != null) {
                note = forms.text("dossier.form.control-slip.returned", "Trả kết quả",
                        forms.text("dossier.return-method." + h.note(), h.note()));
            } else {
                note = h.note() == null ? "" : h.note();
            }
            String result = h.timeliness() == null ? "" : forms.text(
                    "dossier.form.control-slip.timeliness." + h.timeliness().name(), h.timeliness().name());
            handed.add(new Line(h.fromUnit() == null ? DossierForms.BLANK : name.apply(h.fromUnit()), to,
                    DossierForms.moment(h.at()), result, person.apply(h.by()), receiver, note, sentBack));
        }
        List<Line> lines = new ArrayList<>();
        int next = 0;
        for (HistoryEntry e : dossier.history()) {
            if (HANDED_OVER.contains(e.action()) && next < handed.size()) {
                lines.add(handed.get(next++));
                continue;
            }
            if (!EVENTS.contains(e.action())) {
                continue;
            }
            String unit = e.unitCode() == null ? DossierForms.BLANK : name.apply(e.unitCode());
            boolean fromApplicant = FROM_APPLICANT.contains(e.action());
            String note = forms.text("dossier.form.control-slip.event." + e.action(), e.action(),
                    e.note() == null ? "" : e.note(), dossier.apologyNumber() == null ? DossierForms.BLANK
                            : dossier.apologyNumber()).strip();
            String officer = person.apply(e.by());
            Line line = fromApplicant
                    ? new Line(applicantSide, unit, DossierForms.moment(e.at()), "", applicant,
                            officer.isEmpty() ? unit : officer, note, false)
                    : new Line(unit, applicantSide, DossierForms.moment(e.at()), "", officer, applicant, note, false);
            lines.add(line);
        }
        lines.addAll(handed.subList(next, handed.size()));
        return lines;
    }

    /** The next hand-over made by the unit that received hand-over {@code index}. */
    private static Optional<Handover> receiver(List<Handover> handovers, int index) {
        String to = handovers.get(index).toUnit();
        return handovers.subList(index + 1, handovers.size()).stream().filter(h -> h.fromUnit().equals(to)).findFirst();
    }
}
