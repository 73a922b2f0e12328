package vn.motcua.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureTemplates;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;

/** Public disclosure of the procedures in force (công khai thủ tục hành chính); no login. */
@RestController
@RequestMapping("/api/public/procedures")
@Tag(name = "Procedures (public)", description = "Danh mục thủ tục hành chính đang có hiệu lực")
class PublicProcedureApi {

    private final Catalog catalog;
    private final ProcedureTemplates templates;

    PublicProcedureApi(Catalog catalog, ProcedureTemplates templates) {
        this.catalog = catalog;
        this.templates = templates;
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
            List<Document> documents, List<ProcedureData.FeeData> fees, List<ProcedureData.StepData> steps,
            String result, String conditions, String legalBasis, ClockPolicy clockPolicy, ProcedureStatus status,
            Integer version, ProcedureData.Publication publication) {

        static Detail of(ProcedureData p, Map<Long, ProcedureTemplates.Template> templates) {
            return new Detail(p.code(), p.name(), p.field(), p.agencyName(), p.agencyCode(), p.applicants(),
                    p.timeLimit(), p.onlineLevel(), p.assuranceLevel(), p.documents().stream().map(d -> Document.of(
                            p.code(), d, templates.get(d.id()))).toList(), p.fees(), p.steps(), p.result(),
                    p.conditions(), p.legalBasis(), p.clockPolicy(), p.status(), p.version(), p.publication());
        }
    }

    /** A document to bring, with its form template to download when the catalogue has the file. */
    record Document(Long id, String name, CopyKind copyKind, Integer count, Boolean mandatory, String templateName,
            TemplateLink template) {

        static Document of(String code, ProcedureData.DocumentData d, ProcedureTemplates.Template template) {
            return new Document(d.id(), d.name(), d.copyKind(), d.count(), d.mandatory(), d.templateName(),
                    template == null ? null : new TemplateLink(template.fileName(), template.contentType(),
                            template.size(), templateUrl(code, d.id())));
        }
    }

    record TemplateLink(String fileName, String contentType, long size, String url) {}

    /** Where a form template of the version in force is downloaded. */
    static String templateUrl(String code, long documentId) {
        return "/api/public/procedures/" + code + "/documents/" + documentId + "/template";
    }

    @GetMapping("/{code}")
    @PreAuthorize("permitAll()")
    @Operation(summary = "A published procedure: documents, fees, steps, legal basis, result")
    Detail procedure(@PathVariable String code) {
        ProcedureData procedure = catalog.published(code)
                .orElseThrow(() -> ProblemException.notFound("catalog.not-found", code));
        return Detail.of(procedure, templates.of(procedure));
    }

    @GetMapping("/{code}/documents/{documentId}/template")
    @PreAuthorize("permitAll()")
    @Operation(summary = "Download the form template (mẫu đơn, tờ khai) of a document of the version in force, as an "
            + "attachment")
    ResponseEntity<InputStreamResource> template(@PathVariable String code, @PathVariable long documentId)
            throws IOException {
        return StaffProcedureApi.download(templates.published(code, documentId)
                .orElseThrow(() -> ProblemException.notFound("catalog.template.not-found", documentId)));
    }
}
