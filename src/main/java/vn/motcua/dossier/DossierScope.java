package vn.motcua.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;

/**
 * Which dossiers a member of staff may see, written once in Java ({@link #sees}) and once in SQL ({@link #where});
 * {@code DossierScopeTest} holds the two equal. Administrators see every dossier; leaders and monitors those of
 * their agency (on the route); the desk the dossiers it received; specialists those routed through their unit; and
 * anyone the dossier waits for (its current step's unit and role: a clerk who registers the result, say) sees it
 * while it waits. The dossier list, the details, the forms, the work queues and every action on a dossier ask here
 * first: outside the scope a dossier is answered as unknown (404), so that its existence does not leak.
 */
record DossierScope(StaffUser caller) {

    /** The rule of {@link #where} for one dossier already loaded. */
    boolean sees(Dossier d) {
        if (caller.has(Role.ADMIN) || DossierProcessing.actsOnCurrentStep(d, caller)) {
            return true;
        }
        if ((caller.has(Role.LEADER) || caller.has(Role.MONITOR))
                && d.reception().participants().agencies().contains(caller.agencyCode())) {
            return true;
        }
        if (caller.has(Role.RECEPTION) && d.deskUnitCode().equals(caller.unitCode())) {
            return true;
        }
        return caller.has(Role.SPECIALIST) && d.reception().participants().units().contains(caller.unitCode());
    }

    /** A condition on the {@code dossier} table, its parameters put in {@code params}. */
    String where(Map<String, Object> params) {
        if (caller.has(Role.ADMIN)) {
            return "true";
        }
        params.put("scopeUnit", caller.unitCode());
        params.put("scopeRoles", caller.roles().stream().map(Role::name).toList());
        List<String> parts = new ArrayList<>();
        parts.add("(step_unit_code = :scopeUnit and step_role in (:scopeRoles))");
        if (caller.has(Role.LEADER) || caller.has(Role.MONITOR)) {
            parts.add(":scopeAgency = any(route_agencies)");
            params.put("scopeAgency", caller.agencyCode());
        }
        if (caller.has(Role.RECEPTION)) {
            parts.add("desk_unit_code = :scopeUnit");
        }
        if (caller.has(Role.SPECIALIST)) {
            parts.add(":scopeUnit = any(route_units)");
        }
        return "(" + String.join(" or ", parts) + ")";
    }
}
