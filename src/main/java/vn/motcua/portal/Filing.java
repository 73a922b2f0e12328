package vn.motcua.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierDesk;
import vn.motcua.dossier.DossierFiles;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.IntakeRequest.Person;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.platform.Uploads;
import vn.motcua.shared.IdempotencyKey;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * Online filing by citizens (nộp hồ sơ trực tuyến): the account's drafts, their files, and their submission to the
 * desk that receives the procedure's online dossiers ({@link vn.motcua.dossier.DossierDesk#submitOnline}). A draft
 * belongs to its account alone: anyone else's reads as unknown (404).
 */
@Service
public class Filing {

    private final FilingDrafts drafts;
    private final DossierDesk desk;
    private final Catalog catalog;
    private final Uploads uploads;
    private final Clock clock;

    Filing(FilingDrafts drafts, DossierDesk desk, Catalog catalog, Uploads uploads, Clock clock) {
        this.drafts = drafts;
        this.desk = desk;
        this.catalog = catalog;
        this.uploads = uploads;
        this.clock = clock;
    }

    /** What the citizen sends to begin or change a draft; everything but the procedure is optional. */
    public record DraftRequest(String procedureCode, Person applicant, Person representative,
            ReturnMethod returnMethod) {}

    /** A file of the draft, as the citizen sees it. */
    public record DraftFile(long id, long documentId, String name, long size, String contentType,
            OffsetDateTime uploadedAt) {}

    /** A document of the procedure with the files attached to it. */
    public record DocumentSlot(long documentId, String name, CopyKind copyKind, int count, boolean mandatory,
            String templateName, List<DraftFile> files) {}

    /**
     * A draft: who files, how the result comes back, the procedure's documents with their files and its fees (read
     * only), and the mandatory documents still without a file. {@code dossierCode} once submitted.
     */
    public record DraftView(long id, String procedureCode, String procedureName, int procedureVersion,
            int requiredAssuranceLevel, Person applicant, Person representative, ReturnMethod returnMethod,
            List<DocumentSlot> documents, List<ProcedureData.FeeData> fees, List<String> missingDocuments,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, String dossierCode, OffsetDateTime submittedAt,
            int revision) {}

    /**
     * A submitted dossier as the citizen is told at once: its code and look-up PIN, status NEW (1) until the desk
     * checks it, by when the desk does ({@code checkDueAt}), the channel (ONLINE). The page keeps it across the
     * redirect in the page session, which lives in the database: hence {@link Serializable}.
     */
    public record Submitted(String code, DossierStatus status, int statusCode, Channel channel, int channelCode,
            OffsetDateTime submittedAt, OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime checkDueAt,
            String lookupPin, String procedureCode, int procedureVersion, long draftId) implements Serializable {}

    /**
     * Begins a draft; the applicant defaults to the account's profile. One statement, atomic by itself: no
     * transaction around it (a BEGIN and a COMMIT fewer).
     */
    public DraftView begin(CitizenUser citizen, DraftRequest request) {
        ProcedureData procedure = published(request == null ? null : request.procedureCode());
        FilingDraft draft = FilingDraft.begin(citizen, procedure, request.applicant(), request.representative(),
                request.returnMethod(), now());
        drafts.save(draft);
        return view(draft);
    }

    /** Changes who files and how the result comes back ({@code procedureCode} is the draft's and stays). */
    @Transactional
    public DraftView change(CitizenUser citizen, long id, DraftRequest request) {
        FilingDraft draft = find(citizen, id);
        draft.describe(citizen, request == null ? null : request.applicant(),
                request == null ? null : request.representative(), request == null ? null : request.returnMethod(),
                now());
        drafts.save(draft);
        return view(draft);
    }

    @Transactional(readOnly = true)
    public DraftView draft(CitizenUser citizen, long id) {
        return view(find(citizen, id));
    }

    /** The account's drafts not yet submitted, the last changed first. */
    @Transactional(readOnly = true)
    public List<DraftView> drafts(CitizenUser citizen) {
        return drafts.open(citizen.id()).stream().map(this::view).toList();
    }

    /** Discards a draft not yet submitted (a submitted one is the dossier's: 409). */
    @Transactional
    public void discard(CitizenUser citizen, long id) {
        FilingDraft draft = find(citizen, id);
        if (draft.isSubmitted()) {
            throw ProblemException.conflict("portal.filing.submitted", draft.dossierCode);
        }
        drafts.delete(draft);
    }

    /**
     * Attaches a file to a document of the draft's procedure, checked as the desk's uploads are ({@link Uploads}: PDF,
     * JPEG or PNG by content, at most {@code motcua.files.max-size}); the draft is checked before the file is read.
     */
    @Transactional
    public DraftFile attach(CitizenUser citizen, long id, Long documentId, String name, InputStream content)
            throws IOException {
        if (documentId == null) {
            throw ProblemException.invalid("documentId", "validation.required");
        }
        FilingDraft draft = find(citizen, id);
        ProcedureData begunOn = begunOn(draft);
        draft.attach(begunOn, documentId, () -> uploads.accept(name, content), now());
        drafts.save(draft);
        return file(draft.files.get(draft.files.size() - 1));
    }

    @Transactional
    public void detach(CitizenUser citizen, long id, long fileId) {
        FilingDraft draft = find(citizen, id);
        draft.detach(fileId, now());
        drafts.save(draft);
    }

    /**
     * Submits the draft to the desk that receives the procedure's online dossiers: the procedure in force (its
     * documents matched by name if a new version was published since), the account's level checked again, every
     * document with a file, the files themselves. Repeated with the same {@code Idempotency-Key} it answers the
     * first dossier; without one the draft's own key is used, so that a submission repeated after a lost answer
     * never files the dossier twice. A draft already submitted under another key is a 409 naming its dossier.
     */
    public Submitted submit(CitizenUser citizen, long id, String idempotencyKey) {
        FilingDraft draft = find(citizen, id);
        String key = idempotencyKey != null ? IdempotencyKey.checked(idempotencyKey) : "draft-" + draft.id;
        if (draft.isSubmitted() && !key.equals(draft.submitKey)) {
            throw ProblemException.conflict("portal.filing.submitted", draft.dossierCode);
        }
        ProcedureData inForce = published(draft.procedureCode);
        FilingDraft.requireOffered(citizen, inForce);
        ProcedureData begunOn = begunOn(draft);
        Map<Long, Long> documentInForce = draft.documentsInForce(begunOn, inForce);
        // The draft's files were checked when attached and are kept in the file store under their SHA-256: the
        // dossier takes them from there, not read, hashed and copied a second time.
        List<DossierFiles.Upload> files = new ArrayList<>();
        for (FilingDraft.File file : draft.files) {
            Long document = documentInForce.get(file.documentId());
            if (document != null) {
                files.add(DossierFiles.Upload.kept(document,
                        new Uploads.Accepted(file.name(), file.contentType(), file.sha256(), file.size())));
            }
        }
        DossierDesk.Submission submission = desk.submitOnline(draft.intake(begunOn, inForce), files,
                account(citizen), key);
        DossierDesk.Receipt receipt = submission.receipt();
        if (!draft.isSubmitted()) {
            draft.submitted(receipt.code(), submission.submittedAt().toInstant(), key);
            if (!drafts.saveSubmitted(draft)) {
                // Submitted meanwhile: the same dossier (the same key, sent twice at once) is the answer; another
                // key's dossier is a 409 naming it, as above.
                FilingDraft current = find(citizen, id);
                if (!receipt.code().equals(current.dossierCode)) {
                    throw ProblemException.conflict("portal.filing.submitted", current.dossierCode);
                }
            }
        }
        return new Submitted(receipt.code(), receipt.status(), receipt.statusCode(), submission.channel(),
                submission.channelCode(), submission.submittedAt(), receipt.receivedAt(), receipt.dueAt(),
                submission.checkDueAt(), receipt.lookupPin(), receipt.procedureCode(), receipt.procedureVersion(),
                draft.id);
    }

    /** How the dossier module names a citizen's account in its history and idempotency keys: {@code citizen:42}. */
    static final String ACCOUNT_PREFIX = "citizen:";

    static String account(CitizenUser citizen) {
        return ACCOUNT_PREFIX + citizen.id();
    }

    private FilingDraft find(CitizenUser citizen, long id) {
        return drafts.find(citizen.id(), id).orElseThrow(() -> ProblemException.notFound("portal.filing.not-found", id));
    }

    private ProcedureData published(String code) {
        if (code == null || code.isBlank()) {
            throw ProblemException.invalid("procedureCode", "validation.required");
        }
        return catalog.published(code.strip())
                .orElseThrow(() -> ProblemException.ruleViolated("portal.filing.not-published", code.strip()));
    }

    private ProcedureData begunOn(FilingDraft draft) {
        return catalog.version(draft.procedureCode, draft.procedureVersion).orElseThrow();
    }

    private DraftView view(FilingDraft draft) {
        ProcedureData begunOn = begunOn(draft);
        ProcedureData inForce = draft.isSubmitted() ? begunOn : catalog.published(draft.procedureCode).orElse(begunOn);
        List<DocumentSlot> slots = new ArrayList<>();
        for (ProcedureData.DocumentData d : begunOn.documents()) {
            slots.add(new DocumentSlot(d.id(), d.name(), d.copyKind(), d.count(), Boolean.TRUE.equals(d.mandatory()),
                    d.templateName(), draft.files.stream().filter(f -> f.documentId() == d.id()).map(Filing::file)
                            .toList()));
        }
        IntakeRequest intake = draft.intake(begunOn, inForce);
        List<String> missing = inForce.documents().stream()
                .filter(d -> Boolean.TRUE.equals(d.mandatory())
                        && intake.documents().stream().noneMatch(r -> r.documentId().equals(d.id())))
                .map(ProcedureData.DocumentData::name).toList();
        return new DraftView(draft.id, draft.procedureCode, inForce.name(), inForce.version(), inForce.assuranceLevel(),
                draft.applicant, draft.representative, draft.returnMethod, slots, inForce.fees(),
                draft.isSubmitted() ? List.of() : missing, time(draft.createdAt), time(draft.updatedAt),
                draft.dossierCode, time(draft.submittedAt), draft.lockVersion);
    }

    private static DraftFile file(FilingDraft.File f) {
        return new DraftFile(f.id(), f.documentId(), f.name(), f.size(), f.contentType(), time(f.uploadedAt()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }
}
