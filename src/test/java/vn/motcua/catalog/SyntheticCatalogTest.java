package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scale-test generator produces procedures that pass the publication rules. */
class SyntheticCatalogTest {

    @Test
    void synthetic_procedures_are_valid_and_publishable() {
        for (int i = 0; i < 2000; i += 37) {
            ProcedureData p = CatalogDemoData.syntheticProcedure(i);
            assertThat(ProcedureRules.draftErrors(p)).as(p.code()).isEmpty();
            assertThat(ProcedureRules.publishProblems(p, p.publication(), unit -> true)).as(p.code()).isEmpty();
            assertThat(p.stepHours()).isEqualTo(p.timeLimit().hours());
        }
        assertThat(CatalogDemoData.syntheticCode(1999)).isEqualTo("9.002000.000.00.00.H27");
    }
}
