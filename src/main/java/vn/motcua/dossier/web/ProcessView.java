package vn.motcua.dossier.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.DossierQueries;
import vn.motcua.dossier.DossierResults;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierViews;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;

/**
 * What the dossier page shows of the internal process: the current step, the control slip (Form 06), the
 * electronic results and the actions the signed-in user may take. The forms offered follow {@link vn.motcua.dossier.DossierProcessing}'s
 * rules so that nobody is shown a button the service would refuse; the service still decides, and a refusal
 * (someone acted first) comes back as a message on the page.
 */
@Component
class ProcessView {

    /** Statuses in which a dossier may still be stopped, withdrawn or given a new date (no result yet). */
    static final Set<DossierStatus> OPEN = EnumSet.of(DossierStatus.ACCEPTED, DossierStatus.IN_PROCESS,
            DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.FINANCIAL_OBLIGATION);

    /** The processing actions offered to the caller on this dossier now. */
    public record Actions(boolean handOver, boolean sendBack, boolean requestSupplement, boolean supplementReceived,
            boolean apologize, boolean close, boolean returnResult) {

        public boolean any() {
            return handOver || sendBack || requestSupplement || supplementReceived || apologize || close || returnResult;
        }
    }

    private final DossierQueries queries;
    private final Catalog catalog;
    private final Organization organization;
    private final Clock clock;
    private final DossierResults results;

    ProcessView(DossierQueries queries, Catalog catalog, Organization organization, Clock clock,
            DossierResults results) {
        this.results = results;
        this.queries = queries;
        this.catalog = catalog;
        this.organization = organization;
        this.clock = clock;
    }

    void addTo(Model model, DossierViews.Detail d, StaffUser caller) {
        List<DossierViews.Handover> slip = d.acceptedAt() == null ? List.of() : queries.history(d.code(), caller);
        Set<String> units = new HashSet<>();
        ProcedureData procedure = catalog.version(d.procedureCode(), d.procedureVersion()).orElse(null);
        if (procedure != null) {
            procedure.steps().forEach(s -> units.add(s.unitCode()));
        }
        slip.forEach(h -> {
            units.add(h.fromUnit());
            if (h.toUnit() != null) {
                units.add(h.toUnit());
            }
        });
        units.add(d.deskUnitCode());
        units.remove(null);
        Map<String, UnitView> found = organization.units(units);
        Map<String, String> unitNames = new HashMap<>();
        units.forEach(u -> unitNames.put(u, found.containsKey(u) ? found.get(u).name() : u));
        Set<String> routeAgencies = new HashSet<>();
        routeAgencies.add(d.agencyCode());
        found.values().forEach(u -> routeAgencies.add(u.agencyCode()));

        model.addAttribute("slip", slip);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("actions", actions(d, caller, routeAgencies));
        model.addAttribute("returnMethods", ReturnMethod.values());
        // The electronic results, and the form to issue one for those who may now.
        model.addAttribute("results", d.acceptedAt() == null ? List.of() : results.list(d.code(), caller));
        model.addAttribute("mayIssueResult", d.acceptedAt() != null && results.mayIssue(d.code(), caller));
    }

    Actions actions(DossierViews.Detail d, StaffUser caller, Set<String> routeAgencies) {
        DossierStatus status = d.status();
        boolean accepted = d.acceptedAt() != null;
        boolean onStep = d.step() != null && d.step().unitCode().equals(caller.unitCode()) && hasRole(caller, d.step().role());
        boolean desk = caller.has(Role.RECEPTION) && d.deskUnitCode().equals(caller.unitCode());
        boolean leader = caller.has(Role.LEADER) && routeAgencies.contains(caller.agencyCode());
        boolean inProcess = status == DossierStatus.IN_PROCESS;
        boolean beforeDue = d.dueAt() != null && clock.instant().isBefore(d.dueAt().toInstant());
        return new Actions(
                inProcess && onStep,
                onStep && ((inProcess && d.step().order() > 2) || status == DossierStatus.RESULT_READY),
                accepted && inProcess && (desk || onStep) && d.processingSupplementItems() == null,
                accepted && status == DossierStatus.SUPPLEMENT_REQUESTED && (desk || onStep),
                accepted && OPEN.contains(status) && (desk || leader) && d.originalDueAt() == null && beforeDue,
                accepted && OPEN.contains(status) && (desk || leader),
                desk && status == DossierStatus.RESULT_READY);
    }

    private static boolean hasRole(StaffUser caller, String role) {
        for (Role r : Role.values()) {
            if (r.name().equals(role)) {
                return caller.has(r);
            }
        }
        return false;
    }
}
