package vn.motcua.dossier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureData.StepData;

/**
 * The internal process of the pinned procedure version (quy trình nội bộ, ISO 9001): step 1 is intake at
 * the desk, then the processing steps, then the return of the result at the desk. A process written
 * without a final return step gets one, so that a ready result always waits at the desk (Decree 118/2025/NĐ-CP Art. 22).
 */
record Route(List<StepData> steps) {

    /** Working hours the desk has to hand a ready result back when the process does not say. */
    static final int DEFAULT_RETURN_HOURS = 4;

    static Route of(ProcedureData procedure) {
        List<StepData> steps = new ArrayList<>(procedure.steps());
        steps.sort(Comparator.comparing(StepData::order));
        if (steps.isEmpty() || steps.get(0).role() != StepRole.RECEPTION) {
            steps.add(0, new StepData(0, "Tiếp nhận hồ sơ", null, StepRole.RECEPTION, 0, null));
        }
        if (steps.size() < 2 || steps.get(steps.size() - 1).role() != StepRole.RECEPTION) {
            steps.add(new StepData(steps.size() + 1, "Trả kết quả", null, StepRole.RECEPTION, DEFAULT_RETURN_HOURS,
                    null));
        }
        return new Route(List.copyOf(steps));
    }

    /** The step at position {@code number} (1 = intake). */
    StepData step(int number) {
        return steps.get(number - 1);
    }

    /**
     * The step where the result is decided: the last leader's step of the processing (the leader approves and
     * signs the result, the "phê duyệt, ký" step of the ISO 9001 internal process), or, in a process without
     * one, its last processing step; null when the desk alone handles the dossier. Its unit's agency is the
     * agency that directly resolves the dossier (cơ quan trực tiếp giải quyết), under which the statutory
     * statistics count it (Circular 01/2020/TT-VPCP, table 06/VPCP/KSTT).
     */
    StepData decidingStep() {
        for (int n = lastProcessingStep(); n >= 2; n--) {
            if (step(n).role() == StepRole.LEADER) {
                return step(n);
            }
        }
        return lastProcessingStep() >= 2 ? step(lastProcessingStep()) : null;
    }

    int returnStep() {
        return steps.size();
    }

    int lastProcessingStep() {
        return steps.size() - 1;
    }

    /**
     * The unit that decides the dossier: the last processing step held by a leader (who signs the result),
     * else the last processing step with a unit; {@code null} for a process with no processing unit. Its agency
     * is the handling agency (cơ quan trực tiếp giải quyết), which issues Forms 04 and 05 (Circular
     * 03/2025/TT-VPCP Annex I).
     */
    String decidingUnit() {
        String last = null;
        for (int n = lastProcessingStep(); n >= 2; n--) {
            StepData step = step(n);
            if (step.unitCode() == null) {
                continue;
            }
            if (step.role() == StepRole.LEADER) {
                return step.unitCode();
            }
            if (last == null) {
                last = step.unitCode();
            }
        }
        return last;
    }

    /** Whether the user's unit and role match some processing step of this route. */
    boolean involves(String unitCode, java.util.function.Predicate<String> hasRole) {
        for (int n = 2; n <= lastProcessingStep(); n++) {
            StepData step = step(n);
            if (unitCode.equals(step.unitCode()) && hasRole.test(step.role().name())) {
                return true;
            }
        }
        return false;
    }
}
