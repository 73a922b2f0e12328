package vn.motcua.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureTransfer;
import vn.motcua.support.IntegrationTest;

/** The scale-test generator produces procedures that the catalogue's own import accepts and publishes. */
@IntegrationTest
class SyntheticProceduresTest {

    @Autowired
    ProcedureTransfer transfer;

    @Autowired
    Catalog catalog;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void synthetic_procedures_pass_the_catalogues_import_and_publication_rules() {
        List<ProcedureTransfer.Line> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i += 37) {
            ProcedureData p = SyntheticProcedures.procedure(i);
            assertThat(p.stepHours()).as(p.code()).isEqualTo(p.timeLimit().hours());
            assertThat(p.publication()).as(p.code()).isNotNull();
            lines.add(new ProcedureTransfer.Line(lines.size() + 1, p));
        }
        assertThat(SyntheticProcedures.code(1999)).isEqualTo("9.002000.000.00.00.H27");

        // The import checks every row, then creates and publishes them; rolled back, so that other tests never
        // see these procedures.
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            ProcedureTransfer.Report report = transfer.importLines(lines);
            assertThat(report.rows()).allSatisfy(row -> assertThat(row.result()).as(row.code() + " " + row.errors())
                    .isEqualTo(ProcedureTransfer.Outcome.CREATED));
            assertThat(report.applied()).isTrue();
            assertThat(catalog.current(SyntheticProcedures.code(0)))
                    .hasValueSatisfying(p -> assertThat(p.status().name()).isEqualTo("PUBLISHED"));
        });
        assertThat(catalog.current(SyntheticProcedures.code(0))).isEmpty();
    }
}
