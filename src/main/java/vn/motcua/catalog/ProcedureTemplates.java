package vn.motcua.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.platform.Uploads;
import vn.motcua.shared.AdministrativeChange;
import vn.motcua.shared.ProblemException;

/**
 * The form templates (mẫu đơn, mẫu tờ khai) of a procedure's documents, which the procedure names (Decree
 * 63/2010/NĐ-CP Art. 8(2)) and citizens download from its public page to prepare their dossier. A template is a PDF,
 * Word or Excel file judged by its content ({@link Uploads#FORMS}, at most {@code motcua.files.max-size}), attached
 * to a document of a draft or of the version in force by the catalogue's administrators: attaching the file that the
 * publishing decision annexes does not change the procedure, so the version in force may receive it. A new draft
 * takes over the templates of the version in force for the documents it keeps (same name); a superseded or
 * abolished version no longer changes.
 */
@Service
@Transactional(readOnly = true)
public class ProcedureTemplates {

    private final Procedures procedures;
    private final Catalog catalog;
    private final TemplateRows rows;
    private final Uploads uploads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProcedureTemplates(Procedures procedures, Catalog catalog, TemplateRows rows, Uploads uploads,
            ApplicationEventPublisher events, Clock clock) {
        this.procedures = procedures;
        this.catalog = catalog;
        this.rows = rows;
        this.uploads = uploads;
        this.events = events;
        this.clock = clock;
    }

    /** A stored template: the file's safe name, the type found in its content, its size and SHA-256. */
    public record Template(String fileName, String contentType, long size, String sha256, String uploadedBy,
            OffsetDateTime uploadedAt) {

        /** What a page calls the file: its extension, {@code PDF}, {@code DOCX}. */
        public String kind() {
            return fileName.substring(fileName.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT);
        }

        /** Its size in kilobytes, rounded up. */
        public long kilobytes() {
            return (size + 1023) / 1024;
        }
    }

    /** A template with its content, to be closed by whoever reads it. */
    public record TemplateFile(Template template, InputStream content) {}

    /** Attaches (or replaces) the template of document {@code documentId} of version {@code version}. */
    @Transactional
    public Template attach(String code, int version, long documentId, String originalName, InputStream content,
            String by) throws IOException {
        Procedure procedure = changeable(code, version);
        String document = documentName(procedure, documentId);
        Uploads.Accepted file = uploads.accept(originalName, content, Uploads.FORMS);
        Template template = rows.put(procedure.id(), document, file, by, clock.instant());
        events.publishEvent(new AdministrativeChange("PROCEDURE_TEMPLATE_ATTACHED", "procedure/" + code,
                "v" + version + " \"" + document + "\": " + file.name() + " sha256 " + file.sha256()));
        return template;
    }

    /** Removes the template of a document; 404 when it has none. */
    @Transactional
    public void remove(String code, int version, long documentId) {
        Procedure procedure = changeable(code, version);
        String document = documentName(procedure, documentId);
        if (!rows.remove(procedure.id(), document)) {
            throw ProblemException.notFound("catalog.template.not-found", documentId);
        }
        events.publishEvent(new AdministrativeChange("PROCEDURE_TEMPLATE_REMOVED", "procedure/" + code,
                "v" + version + " \"" + document + "\""));
    }

    /** The template of a document of any version, for the catalogue's administrators. */
    public TemplateFile file(String code, int version, long documentId) throws IOException {
        Procedure procedure = procedures.findByCodeAndVersion(code, version)
                .orElseThrow(() -> ProblemException.notFound("catalog.version.not-found", code, version));
        Template template = rows.find(procedure.id(), documentName(procedure, documentId))
                .orElseThrow(() -> ProblemException.notFound("catalog.template.not-found", documentId));
        return new TemplateFile(template, uploads.open(template.sha256()));
    }

    /** The templates of the documents of a version, by document id (as {@link ProcedureData} numbers them). */
    public Map<Long, Template> of(ProcedureData version) {
        Map<String, Template> byName = rows.of(version.code(), version.version());
        Map<Long, Template> byDocument = new HashMap<>();
        version.documents().forEach(d -> {
            Template template = byName.get(d.name());
            if (template != null && d.id() != null) {
                byDocument.put(d.id(), template);
            }
        });
        return byDocument;
    }

    /** The template of a document of the version in force, for anyone; empty when there is none. */
    public Optional<TemplateFile> published(String code, long documentId) throws IOException {
        Optional<ProcedureData> inForce = catalog.published(code);
        Optional<Template> template = inForce.flatMap(p -> Optional.ofNullable(of(p).get(documentId)));
        if (template.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TemplateFile(template.get(), uploads.open(template.get().sha256())));
    }

    private Procedure changeable(String code, int version) {
        Procedure procedure = procedures.findByCodeAndVersion(code, version)
                .orElseThrow(() -> ProblemException.notFound("catalog.version.not-found", code, version));
        if (procedure.status() != ProcedureStatus.DRAFT && procedure.status() != ProcedureStatus.PUBLISHED) {
            throw ProblemException.ruleViolated("catalog.template.version-closed", code, version);
        }
        return procedure;
    }

    private static String documentName(Procedure procedure, long documentId) {
        return procedure.data().documents().stream().filter(d -> d.id() != null && d.id() == documentId)
                .map(ProcedureData.DocumentData::name).findFirst()
                .orElseThrow(() -> ProblemException.notFound("catalog.document.not-found", documentId,
                        procedure.code(), procedure.version()));
    }
}
