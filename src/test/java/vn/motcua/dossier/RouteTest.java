package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.ProcedureData.StepData;

/** Which step of a route decides the result: the agency of its unit is the one the statistics count it under. */
class RouteTest {

    static StepData step(int order, String unit, StepRole role) {
        return new StepData(order, "Bước " + order, unit, role, 4, null);
    }

    @Test
    void the_last_leaders_step_decides_even_when_a_clerk_issues_the_result_after_it() {
        Route route = new Route(List.of(step(1, "VP.MC", StepRole.RECEPTION), step(2, "SXD.QLXD", StepRole.SPECIALIST),
                step(3, "SXD.LD", StepRole.LEADER), step(4, "UBND.LD", StepRole.LEADER), step(5, "UBND.VT", StepRole.CLERK),
                step(6, "VP.MC", StepRole.RECEPTION)));
        assertThat(route.decidingStep().unitCode()).isEqualTo("UBND.LD");
    }

    @Test
    void without_a_leaders_step_the_last_processing_step_decides() {
        Route route = new Route(List.of(step(1, "VP.MC", StepRole.RECEPTION), step(2, "SXD.QLXD", StepRole.SPECIALIST),
                step(3, "SXD.VT", StepRole.CLERK), step(4, "VP.MC", StepRole.RECEPTION)));
        assertThat(route.decidingStep().unitCode()).isEqualTo("SXD.VT");
    }

    @Test
    void a_route_of_the_desk_alone_has_no_deciding_step() {
        Route route = new Route(List.of(step(1, "VP.MC", StepRole.RECEPTION), step(2, "VP.MC", StepRole.RECEPTION)));
        assertThat(route.decidingStep()).isNull();
    }
}
