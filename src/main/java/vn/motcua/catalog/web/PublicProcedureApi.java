package vn.motcua.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;

/** Public disclosure of the procedures in force (công khai thủ tục hành chính); no login. */
@RestController
@RequestMapping("/api/public/procedures")
@Tag(name = "Procedures (public)", description = "Danh mục thủ tục hành chính đang có hiệu lực")
class PublicProcedureApi {

    private final Catalog catalog;

    PublicProcedureApi(Catalog catalog) {
        this.catalog = catalog;
    }

    record Item(String code, String name, String field, String agencyName, TimeLimit timeLimit,
            OnlineLevel onlineLevel) {}

    record ItemPage(List<Item> items, long total, int page, int size) {}

    @GetMapping
    @PreAuthorize("permitAll()")
    @Operation(summary = "Search the published procedures (diacritics ignored; every word starts a word of the name or code)")
    ItemPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
            @RequestParam(required = false) OnlineLevel onlineLevel, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Page.checkRequest(page, size);
        Page<Catalog.Summary> found = catalog.searchPublished(q, field, onlineLevel, page, size);
        return new ItemPage(found.items().stream().map(s -> new Item(s.code(), s.name(), s.field(), s.agencyName(),
                s.timeLimit(), s.onlineLevel())).toList(), found.total(), page, size);
    }

    @GetMapping("/fields")
    @PreAuthorize("permitAll()")
    @Operation(summary = "The fields (lĩnh vực) with the number of published procedures in each")
    List<Catalog.FieldCount> fields() {
        return catalog.fields();
    }

    record Detail(String code, String name, String field, String agencyName, String agencyCode,
            List<Applicant> applicants, TimeLimit timeLimit, OnlineLevel onlineLevel, int requiredAssuranceLevel,
            List<ProcedureData.DocumentData> documents, List<ProcedureData.FeeData> fees,
            List<ProcedureData.StepData> steps, String result, String conditions, String legalBasis,
            ClockPolicy clockPolicy, ProcedureStatus status, Integer version, ProcedureData.Publication publication) {

        static Detail of(ProcedureData p) {
            return new Detail(p.code(), p.name(), p.field(), p.agencyName(), p.agencyCode(), p.applicants(),
                    p.timeLimit(), p.onlineLevel(), p.assuranceLevel(), p.documents(), p.fees(), p.steps(), p.result(),
                    p.conditions(), p.legalBasis(), p.clockPolicy(), p.status(), p.version(), p.publication());
        }
    }

    @GetMapping("/{code}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "A published procedure: documents, fees, steps, legal basis, result")
    Detail procedure(@PathVariable String code) {
        return catalog.published(code).map(Detail::of)
                .orElseThrow(() -> ProblemException.notFound("catalog.not-found", code));
    }
}
