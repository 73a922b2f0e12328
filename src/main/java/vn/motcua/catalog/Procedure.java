package vn.motcua.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.PaymentTiming;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnameseText;

/**
 * One version of an administrative procedure. A version is edited only while it is a DRAFT; publishing
 * puts it in force by a decision and retires the version it replaces; nothing is ever deleted, because a
 * dossier pins the version it was received under.
 */
@Table("procedure_version")
class Procedure {

    @Id
    private Long id;
    private final String code;
    private final int version;
    private ProcedureStatus status;
    private String name;
    private String searchName;
    private String field;
    private String agencyCode;
    private String agencyName;
    private String applicants;
    private int timeLimitAmount;
    private TimeUnit timeLimitUnit;
    private OnlineLevel onlineLevel;
    private int requiredAssuranceLevel;
    private PaymentTiming paymentTiming;
    private String result;
    private String conditions;
    private String legalBasis;
    private ClockPolicy clockPolicy;
    private String decisionNumber;
    private LocalDate decisionDate;
    private LocalDate effectiveFrom;
    private Instant publishedAt;
    private Instant abolishedAt;
    private final Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer lockVersion;
    @MappedCollection(idColumn = "procedure_version_id", keyColumn = "position")
    private List<Document> documents = new ArrayList<>();
    @MappedCollection(idColumn = "procedure_version_id", keyColumn = "position")
    private List<Fee> fees = new ArrayList<>();
    @MappedCollection(idColumn = "procedure_version_id", keyColumn = "position")
    private List<Step> steps = new ArrayList<>();

    @Table("procedure_document")
    record Document(@Id Long id, String name, CopyKind copyKind, int count, boolean mandatory, String templateName) {}

    @Table("procedure_fee")
    record Fee(String name, long amount, Long onlineAmount, String note) {}

    @Table("procedure_step")
    record Step(@Column("step_order") int order, String name, String unitCode, StepRole role, int durationHours,
            String output) {}

    @PersistenceCreator
    Procedure(Long id, String code, int version, ProcedureStatus status, Instant createdAt, Integer lockVersion) {
        this.id = id;
        this.code = code;
        this.version = version;
        this.status = status;
        this.createdAt = createdAt;
        this.lockVersion = lockVersion;
    }

    /** A first draft of a new procedure, from data already checked by {@link ProcedureRules#checkDraft}. */
    static Procedure draft(ProcedureData data, int version, Instant now) {
        Procedure procedure = new Procedure(null, data.code(), version, ProcedureStatus.DRAFT, now, null);
        procedure.fill(data, now);
        return procedure;
    }

    /** Replaces the content of this draft. */
    void edit(ProcedureData data, Instant now) {
        if (status != ProcedureStatus.DRAFT) {
            throw ProblemException.ruleViolated("catalog.not-a-draft", code, version);
        }
        if (data.revision() != null && !data.revision().equals(lockVersion)) {
            throw ProblemException.conflict("catalog.stale-revision", code);
        }
        fill(data, now);
    }

    /** Puts this draft in force (Decree 63/2010 Art. 15: procedures are applied once published by decision). */
    void publish(ProcedureData.Publication publication, Instant now) {
        if (status != ProcedureStatus.DRAFT) {
            throw ProblemException.ruleViolated("catalog.publish.not-draft", code);
        }
        this.status = ProcedureStatus.PUBLISHED;
        this.decisionNumber = publication.decisionNumber().strip();
        this.decisionDate = publication.decisionDate();
        this.effectiveFrom = publication.effectiveFrom();
        this.publishedAt = now;
        this.updatedAt = now;
    }

    /** The version in force is replaced by a newly published one. */
    void supersede(Instant now) {
        this.status = ProcedureStatus.SUPERSEDED;
        this.updatedAt = now;
    }

    void abolish(Instant now) {
        if (status != ProcedureStatus.PUBLISHED && status != ProcedureStatus.DRAFT) {
            throw ProblemException.ruleViolated("catalog.abolish.not-in-force", code);
        }
        this.status = ProcedureStatus.ABOLISHED;
        this.abolishedAt = now;
        this.updatedAt = now;
    }

    private void fill(ProcedureData data, Instant now) {
        this.name = VietnameseText.normalize(data.name());
        this.searchName = ProcedureSearch.tokens(data.name());
        this.field = VietnameseText.normalize(data.field());
        this.agencyCode = blankToNull(data.agencyCode());
        this.agencyName = VietnameseText.normalize(data.agencyName());
        this.applicants = data.applicants().stream().map(Enum::name).sorted().distinct()
                .collect(Collectors.joining(","));
        this.timeLimitAmount = data.timeLimit().amount();
        this.timeLimitUnit = data.timeLimit().unit();
        this.onlineLevel = data.onlineLevel();
        this.requiredAssuranceLevel = data.assuranceLevel();
        this.paymentTiming = data.payment();
        this.result = text(data.result());
        this.conditions = text(data.conditions());
        this.legalBasis = text(data.legalBasis());
        this.clockPolicy = data.clockPolicy() == null ? ClockPolicy.RESTART : data.clockPolicy();
        this.documents = new ArrayList<>(data.documents().stream()
                .map(d -> new Document(null, VietnameseText.normalize(d.name()), d.copyKind(), d.count(),
                        Boolean.TRUE.equals(d.mandatory()), blankToNull(d.templateName())))
                .toList());
        this.fees = new ArrayList<>(data.fees() == null ? List.of() : data.fees().stream()
                .map(f -> new Fee(VietnameseText.normalize(f.name()), f.amount(), f.onlineAmount(), text(f.note()))).toList());
        this.steps = new ArrayList<>(data.steps() == null ? List.of() : data.steps().stream()
                .map(s -> new Step(s.order(), VietnameseText.normalize(s.name()), s.unitCode(), s.role(),
                        s.durationHours(), text(s.output())))
                .toList());
        this.updatedAt = now;
    }

    ProcedureData data() {
        return new ProcedureData(code, name, field, agencyName, agencyCode,
                Arrays.stream(applicants.split(",")).map(Applicant::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Applicant.class))).stream().toList(),
                new TimeLimit(timeLimitAmount, timeLimitUnit), onlineLevel, requiredAssuranceLevel,
                fees.stream().map(f -> new ProcedureData.FeeData(f.name(), f.amount(), f.onlineAmount(), f.note())).toList(),
                paymentTiming,
                documents.stream().map(d -> new ProcedureData.DocumentData(d.id(), d.name(), d.copyKind(), d.count(),
                        d.mandatory(), d.templateName())).toList(),
                steps.stream().map(s -> new ProcedureData.StepData(s.order(), s.name(), s.unitCode(), s.role(),
                        s.durationHours(), s.output())).toList(),
                result, conditions, legalBasis, clockPolicy, status, version, lockVersion,
                decisionNumber == null ? null : new ProcedureData.Publication(decisionNumber, decisionDate, effectiveFrom));
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    int version() {
        return version;
    }

    ProcedureStatus status() {
        return status;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : VietnameseText.normalize(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
