package vn.motcua.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.AdministrativeChange;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;

/**
 * The catalogue of administrative procedures: the public list in force, and the staff's drafts,
 * publication and abolition. Other modules (dossiers) read a procedure version through
 * {@link #published(String)} and {@link #version(String, int)}.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

    public static final int MAX_PAGE_SIZE = vn.motcua.shared.Page.MAX_SIZE;

    private final Procedures procedures;
    private final ProcedureSearch search;
    private final PublishedIndex index;
    private final java.util.Map<String, ProcedureData> publishedVersions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TemplateRows templates;

    Catalog(Procedures procedures, ProcedureSearch search, PublishedIndex index, Organization organization,
            ApplicationEventPublisher events, Clock clock, TemplateRows templates) {
        this.templates = templates;
        this.procedures = procedures;
        this.search = search;
        this.index = index;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
    }

    public record Summary(String code, String name, String field, String agencyName, TimeLimit timeLimit,
            OnlineLevel onlineLevel, ProcedureStatus status, Integer version) {}

    public record FieldCount(String field, long count) {}

    // --- public ---------------------------------------------------------------------------------

    /**
     * Published procedures matching the query, from the in-memory index: no transaction, no connection
     * (see {@link PublishedIndex}).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Page<Summary> searchPublished(String query, String field, OnlineLevel level, int page, int size) {
        return index.search(query, field, level, page, size);
    }

    public List<FieldCount> fields() {
        return search.fields();
    }

    /**
     * The version in force. Which version that is comes from the in-memory index (see {@link PublishedIndex}
     * for how fast a publication on another node reaches it); the version's content is cached, because a
     * published version never changes.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<ProcedureData> published(String code) {
        Integer version = index.versionInForce(code);
        if (version == null) {
            return Optional.empty();
        }
        ProcedureData data = publishedVersions.get(code + "#" + version);
        if (data == null) {
            data = procedures.findByCodeAndVersion(code, version).map(Procedure::data).orElse(null);
            if (data == null || data.status() != ProcedureStatus.PUBLISHED) {
                return procedures.findByCodeAndStatus(code, ProcedureStatus.PUBLISHED).map(Procedure::data);
            }
            publishedVersions.put(code + "#" + version, data);
        }
        return Optional.of(data);
    }

    /**
     * Any version, as a dossier pinned it. Every hand-over of a dossier reads its pinned version, so a version
     * that has been published is cached: its content never changes again (its {@code status} in the cached
     * copy may lag behind a later supersession; ask {@link #published} for what is in force).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<ProcedureData> version(String code, int version) {
        ProcedureData cached = publishedVersions.get(code + "#" + version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ProcedureData> data = procedures.findByCodeAndVersion(code, version).map(Procedure::data);
        data.filter(d -> d.status() != ProcedureStatus.DRAFT)
                .ifPresent(d -> publishedVersions.put(code + "#" + version, d));
        return data;
    }

    // --- staff ----------------------------------------------------------------------------------

    /** The latest version of every procedure, optionally only those whose latest version has a status. */
    public Page<Summary> searchAll(String query, ProcedureStatus status, int page, int size) {
        return search.search(query, null, null, status, true, page, size);
    }

    /** The draft if there is one, else the version in force, else the latest (abolished) version. */
    public Optional<ProcedureData> current(String code) {
        return procedures.findByCodeOrderByVersionDesc(code).stream().findFirst().map(Procedure::data);
    }

    public List<ProcedureData> versions(String code) {
        return procedures.findByCodeOrderByVersionDesc(code).stream().map(Procedure::data).toList();
    }

    @Transactional
    public ProcedureData create(ProcedureData data) {
        ProcedureRules.checkDraft(data);
        if (procedures.existsByCode(data.code())) {
            throw ProblemException.conflict("catalog.code.exists", data.code());
        }
        Procedure saved = save(Procedure.draft(data, 1, clock.instant()));
        events.publishEvent(new AdministrativeChange("PROCEDURE_DRAFTED", "procedure/" + data.code(),
                "v1 " + saved.data().name()));
        return saved.data();
    }

    /**
     * Edits the draft; a published procedure gets a new draft version while the published one stays in
     * force until the new one is published.
     */
    @Transactional
    public ProcedureData change(String code, ProcedureData data) {
        ProcedureData checked = withCode(code, data);
        ProcedureRules.checkDraft(checked);
        Optional<Procedure> draft = procedures.findByCodeAndStatus(code, ProcedureStatus.DRAFT);
        Optional<Procedure> inForce = draft.isPresent() ? Optional.empty()
                : procedures.findByCodeAndStatus(code, ProcedureStatus.PUBLISHED);
        Procedure saved;
        if (draft.isPresent()) {
            draft.get().edit(checked, clock.instant());
            saved = save(draft.get());
            // The form templates follow their documents by name (ProcedureTemplates).
            templates.keepDocumentsOf(saved.id());
        } else if (inForce.isPresent()) {
            saved = save(Procedure.draft(checked, procedures.lastVersion(code) + 1, clock.instant()));
            templates.copy(inForce.get().id(), saved.id());
        } else if (procedures.existsByCode(code)) {
            throw ProblemException.ruleViolated("catalog.abolished", code);
        } else {
            throw ProblemException.notFound("catalog.not-found", code);
        }
        events.publishEvent(new AdministrativeChange("PROCEDURE_EDITED", "procedure/" + code,
                "v" + saved.version() + " draft"));
        return saved.data();
    }

    @Transactional
    public ProcedureData publish(String code, ProcedureData.Publication publication) {
        Procedure draft = procedures.findByCodeAndStatus(code, ProcedureStatus.DRAFT).orElseThrow(() ->
                procedures.existsByCode(code)
                        ? ProblemException.ruleViolated("catalog.publish.no-draft", code)
                        : ProblemException.notFound("catalog.not-found", code));
        var problems = ProcedureRules.publishProblems(draft.data(), publication, this::activeUnit);
        if (!problems.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, problems, "catalog.publish.refused", code);
        }
        procedures.findByCodeAndStatus(code, ProcedureStatus.PUBLISHED).ifPresent(previous -> {
            previous.supersede(clock.instant());
            procedures.save(previous);
        });
        draft.publish(publication, clock.instant());
        Procedure saved = save(draft);
        index.changed();
        events.publishEvent(new AdministrativeChange("PROCEDURE_PUBLISHED", "procedure/" + code,
                "v" + saved.version() + " by " + publication.decisionNumber()));
        return saved.data();
    }

    @Transactional
    public ProcedureData abolish(String code) {
        List<Procedure> versions = procedures.findByCodeOrderByVersionDesc(code);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("catalog.not-found", code);
        }
        List<Procedure> inForce = versions.stream()
                .filter(p -> p.status() == ProcedureStatus.PUBLISHED || p.status() == ProcedureStatus.DRAFT).toList();
        if (inForce.stream().noneMatch(p -> p.status() == ProcedureStatus.PUBLISHED)) {
            throw ProblemException.ruleViolated("catalog.abolish.not-in-force", code);
        }
        inForce.forEach(p -> {
            p.abolish(clock.instant());
            procedures.save(p);
        });
        index.changed();
        events.publishEvent(new AdministrativeChange("PROCEDURE_ABOLISHED", "procedure/" + code, null));
        return versions.get(0).data();
    }

    boolean activeUnit(String unitCode) {
        return organization.unit(unitCode).filter(UnitView::active).isPresent();
    }

    private Procedure save(Procedure procedure) {
        try {
            return procedures.save(procedure);
        } catch (DuplicateKeyException e) {
            // Two officers created or re-drafted the same code at once: the unique indexes decide.
            throw ProblemException.conflict("catalog.concurrent-change", procedure.code());
        }
    }

    static ProcedureData withCode(String code, ProcedureData d) {
        return new ProcedureData(code, d.name(), d.field(), d.agencyName(), d.agencyCode(), d.applicants(),
                d.timeLimit(), d.onlineLevel(), d.requiredAssuranceLevel(), d.fees(), d.paymentTiming(), d.documents(), d.steps(),
                d.result(), d.conditions(), d.legalBasis(), d.clockPolicy(), d.status(), d.version(), d.revision(), d.publication());
    }
}
