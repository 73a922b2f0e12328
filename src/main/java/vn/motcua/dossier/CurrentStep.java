package vn.motcua.dossier;

import java.time.Instant;

/**
 * The step of the internal process a dossier is at ({@code order}, 1 = intake) and, while someone must act on
 * it, the unit and role whose queue holds it and the step's own due time. A dossier that left the queues
 * (refused, stopped, withdrawn, returned) keeps the order of its last step but no unit, role or due time.
 */
record CurrentStep(int order, String unitCode, String role, Instant startedAt, Instant dueAt) {

    boolean queued() {
        return unitCode != null;
    }

    CurrentStep leftQueues() {
        return new CurrentStep(order, null, null, startedAt, null);
    }

    CurrentStep due(Instant newDue) {
        return new CurrentStep(order, unitCode, role, startedAt, newDue);
    }
}
