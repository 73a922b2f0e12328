package vn.motcua.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureTransfer;

/**
 * The demo catalogue: real procedures of Hải Phòng's City People's Committee and departments
 * ({@code demo/procedures.json}), imported and published through {@link ProcedureTransfer} like any import, so
 * they satisfy the same rules, a few of them with a form template to download ({@link DemoFormTemplates}). With
 * {@code --motcua.demo.synthetic-procedures=N} it adds N {@link SyntheticProcedures} for scale tests and benchmarks.
 */
@Component
class CatalogDemo {

    private static final Logger log = LoggerFactory.getLogger(CatalogDemo.class);
    static final String PROCEDURES = "demo/procedures.json";

    private final Catalog catalog;
    private final ProcedureTransfer transfer;
    private final JsonMapper json;
    private final int synthetic;
    private final DemoFormTemplates formTemplates;

    CatalogDemo(Catalog catalog, ProcedureTransfer transfer, JsonMapper json, DemoSettings settings,
            DemoFormTemplates formTemplates) {
        this.formTemplates = formTemplates;
        this.catalog = catalog;
        this.transfer = transfer;
        this.json = json;
        this.synthetic = settings.syntheticProcedures();
    }

    /**
     * Imports the demo procedures unless the catalogue holds procedures already; then the synthetic ones asked
     * for, unless the last of them is there.
     */
    void load() {
        if (catalog.searchAll(null, null, 0, 1).total() == 0) {
            apply(procedures(), "demo");
            formTemplates.load();
        }
        if (synthetic > 0 && !exists(SyntheticProcedures.code(synthetic - 1))) {
            List<ProcedureData> generated = new ArrayList<>();
            for (int i = 0; i < synthetic; i++) {
                if (!exists(SyntheticProcedures.code(i))) {
                    generated.add(SyntheticProcedures.procedure(i));
                }
            }
            apply(generated, "synthetic");
        }
    }

    List<ProcedureData> procedures() {
        try (InputStream in = new ClassPathResource(PROCEDURES).getInputStream()) {
            return json.readValue(in, new TypeReference<List<ProcedureData>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + PROCEDURES, e);
        }
    }

    private boolean exists(String code) {
        return catalog.current(code).isPresent();
    }

    private void apply(List<ProcedureData> list, String what) {
        List<ProcedureTransfer.Line> lines = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            lines.add(new ProcedureTransfer.Line(i + 1, list.get(i)));
        }
        ProcedureTransfer.Report report = transfer.importLines(lines);
        if (!report.applied()) {
            report.rows().stream().filter(r -> r.result() == ProcedureTransfer.Outcome.REJECTED)
                    .forEach(r -> log.error("{} procedure {} rejected: {}", what, r.code(), r.errors()));
            throw new IllegalStateException("The " + what + " catalogue does not satisfy the catalogue rules");
        }
        log.info("Loaded {} {} procedures", report.created() + report.updated(), what);
    }
}
