package vn.motcua.portal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.IntakeRequest;
import vn.motcua.dossier.IntakeRequest.Person;
import vn.motcua.dossier.ReturnMethod;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.platform.Uploads;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.ProblemException.FieldError;
import vn.motcua.shared.VietnameseText;

/**
 * A dossier a citizen prepares on the portal before submitting it (hồ sơ lưu nháp). It belongs to one account; the
 * applicant is the account's holder, pre-filled from the profile, unless the holder files for someone else: then the
 * holder is the representative and names the authorisation, as the receipt records them (Form 01 of Circular
 * 03/2025/TT-VPCP: the representative and the authorisation). Files attach to the documents of the procedure, as many as the document takes.
 * Once submitted it is kept with the dossier's code and changes no more.
 */
class FilingDraft {

    /** Files of one document: the pages of a scan, a copy of each page. */
    static final int MAX_FILES_PER_DOCUMENT = 10;
    static final int MAX_FILES = 50;
    static final int MAX_AUTHORIZATION = 300;

    /** A file attached to a document of the procedure, kept in the file store. */
    record File(Long id, long documentId, String name, long size, String contentType, String sha256,
            Instant uploadedAt) {}

    Long id;
    final long citizen;
    final String procedureCode;
    /** The version in force when the draft was begun: its document ids name the files' documents. */
    final int procedureVersion;
    Person applicant;
    Person representative;
    ReturnMethod returnMethod;
    final Instant createdAt;
    Instant updatedAt;
    Instant submittedAt;
    String dossierCode;
    String submitKey;
    int lockVersion;
    final List<File> files;
    /** Whether {@link #describe} changed who files or how the result comes back since the draft was read or saved. */
    boolean described;
    /** Ids of the files detached since the draft was read or saved. */
    final List<Long> detached = new ArrayList<>();

    FilingDraft(Long id, long citizen, String procedureCode, int procedureVersion, Person applicant,
            Person representative, ReturnMethod returnMethod, Instant createdAt, Instant updatedAt, Instant submittedAt,
            String dossierCode, String submitKey, int lockVersion, List<File> files) {
        this.id = id;
        this.citizen = citizen;
        this.procedureCode = procedureCode;
        this.procedureVersion = procedureVersion;
        this.applicant = applicant;
        this.representative = representative;
        this.returnMethod = returnMethod;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.submittedAt = submittedAt;
        this.dossierCode = dossierCode;
        this.submitKey = submitKey;
        this.lockVersion = lockVersion;
        this.files = new ArrayList<>(files);
    }

    /**
     * Begins a draft of a published procedure offered online (full or partial online service, Decree 42/2022/NĐ-CP
     * Art. 11; otherwise 422) by an account whose electronic identity reaches the level the procedure asks (403).
     */
    static FilingDraft begin(CitizenUser holder, ProcedureData procedure, Person applicant, Person representative,
            ReturnMethod returnMethod, Instant now) {
        requireOffered(holder, procedure);
        FilingDraft draft = new FilingDraft(null, holder.id(), procedure.code(), procedure.version(), null, null,
                null, now, now, null, null, null, 0, List.of());
        draft.describe(holder, applicant, representative, returnMethod, now);
        return draft;
    }

    /**
     * The procedure is filed online, and the holder's account may file it: level 2 (proven in person) where the
     * version asks for it (Decree 69/2024/NĐ-CP Art. 12), a 403 saying so otherwise.
     */
    static void requireOffered(CitizenUser holder, ProcedureData procedure) {
        if (procedure.onlineLevel() != OnlineLevel.FULL && procedure.onlineLevel() != OnlineLevel.PARTIAL) {
            throw ProblemException.ruleViolated("portal.filing.not-online", procedure.code());
        }
        if (holder.assuranceLevel() < procedure.assuranceLevel()) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "portal.filing.assurance", procedure.assuranceLevel(),
                    holder.assuranceLevel());
        }
    }

    /**
     * Who files and how the result comes back. Without an applicant, or with the holder's own name and ID, the
     * applicant is the holder, each field not given taken from the profile, and there is no representative. With
     * someone else's name or ID, the applicant is that person as given, and the holder represents them: the
     * representative's fields not given come from the profile, the authorisation must be named (400). A result sent
     * by post goes to the applicant's address, which is then required (400).
     */
    void describe(CitizenUser holder, Person applicant, Person representative, ReturnMethod returnMethod,
            Instant now) {
        requireOpen();
        Person own = profile(holder);
        List<FieldError> errors = new ArrayList<>();
        if (applicant == null || !someoneElse(applicant, own)) {
            this.applicant = applicant == null ? own : overlay(own, applicant, null);
            this.representative = null;
        } else {
            this.applicant = overlay(new Person(null, null, null, null, null, null, null), applicant, null);
            Person given = representative == null ? new Person(null, null, null, null, null, null, null) : representative;
            String authorization = blankToNull(given.authorizationDocument());
            if (authorization == null) {
                errors.add(new FieldError("representative.authorizationDocument", "portal.filing.authorization"));
            } else if (authorization.length() > MAX_AUTHORIZATION) {
                errors.add(new FieldError("representative.authorizationDocument", "validation.too-long.n",
                        MAX_AUTHORIZATION));
            }
            this.representative = overlay(new Person(own.fullName(), own.citizenId(), own.phone(), null, null, null,
                    null), given, authorization);
        }
        this.returnMethod = returnMethod == null ? ReturnMethod.ONLINE : returnMethod;
        if (this.returnMethod == ReturnMethod.POSTAL && this.applicant.address() == null) {
            errors.add(new FieldError("applicant.address", "portal.filing.postal-address"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        this.described = true;
        this.updatedAt = now;
    }

    /** Checks and stores an upload ({@link Uploads#accept}); called once the draft has taken the file. */
    interface Upload {
        Uploads.Accepted store() throws IOException;
    }

    /**
     * Attaches a file to a document of the version the draft was begun on (400 for another document; 422 past
     * {@value #MAX_FILES_PER_DOCUMENT} files of a document or {@value #MAX_FILES} in all), read and stored only
     * once those rules pass.
     */
    void attach(ProcedureData begunOn, long documentId, Upload content, Instant now) throws IOException {
        requireOpen();
        if (begunOn.documents().stream().noneMatch(d -> d.id() == documentId)) {
            throw ProblemException.invalid("documentId", "portal.filing.document-unknown", documentId, procedureCode);
        }
        if (files.size() >= MAX_FILES
                || files.stream().filter(f -> f.documentId() == documentId).count() >= MAX_FILES_PER_DOCUMENT) {
            throw ProblemException.ruleViolated("portal.filing.too-many-files", MAX_FILES_PER_DOCUMENT, MAX_FILES);
        }
        Uploads.Accepted upload = content.store();
        files.add(new File(null, documentId, upload.name(), upload.size(), upload.contentType(), upload.sha256(), now));
        updatedAt = now;
    }

    /** Removes a file of this draft; another draft's file is unknown (404). */
    void detach(long fileId, Instant now) {
        requireOpen();
        if (!files.removeIf(f -> f.id() != null && f.id() == fileId)) {
            throw ProblemException.notFound("portal.filing.file-not-found", fileId);
        }
        detached.add(fileId);
        updatedAt = now;
    }

    /**
     * The dossier as the desk receives it online: every document of the version in force that has a file, with the
     * catalogue's copy kind and count. A file of a version since replaced keeps its document by name; a document the
     * new version no longer asks for is left out.
     */
    IntakeRequest intake(ProcedureData begunOn, ProcedureData inForce) {
        Map<Long, Long> documentInForce = documentsInForce(begunOn, inForce);
        List<IntakeRequest.ReceivedDocument> documents = new ArrayList<>();
        for (ProcedureData.DocumentData document : inForce.documents()) {
            if (files.stream().anyMatch(f -> document.id().equals(documentInForce.get(f.documentId())))) {
                // Digitised, as every document with a file: the desk marks it so (DossierDesk.submitOnline).
                documents.add(new IntakeRequest.ReceivedDocument(document.id(), document.copyKind().name(),
                        document.count(), null, null));
            }
        }
        return new IntakeRequest(inForce.code(), vn.motcua.dossier.Channel.ONLINE, applicant, representative,
                documents, null, null, null, 1, returnMethod);
    }

    /** The document of the version in force each file belongs to (by id, or by name across versions). */
    Map<Long, Long> documentsInForce(ProcedureData begunOn, ProcedureData inForce) {
        Map<Long, Long> mapped = new HashMap<>();
        for (ProcedureData.DocumentData old : begunOn.documents()) {
            inForce.documents().stream()
                    .filter(d -> d.id().equals(old.id()) || d.name().equals(old.name()))
                    .findFirst().ifPresent(d -> mapped.put(old.id(), d.id()));
        }
        return mapped;
    }

    void submitted(String code, Instant at, String key) {
        requireOpen();
        this.dossierCode = code;
        this.submittedAt = at;
        this.submitKey = key;
        this.updatedAt = at;
    }

    boolean isSubmitted() {
        return submittedAt != null;
    }

    Optional<File> file(long fileId) {
        return files.stream().filter(f -> f.id() != null && f.id() == fileId).findFirst();
    }

    /** A submitted draft is the dossier's now: it changes no more (409 naming the dossier). */
    private void requireOpen() {
        if (isSubmitted()) {
            throw ProblemException.conflict("portal.filing.submitted", dossierCode);
        }
    }

    /** The account holder as an applicant: the profile that pre-fills every form. */
    static Person profile(CitizenUser holder) {
        return new Person(holder.fullName(), holder.citizenId(), holder.phone(), holder.email(), holder.address(),
                holder.organizationName(), null);
    }

    /** Another person's name or citizen ID than the holder's (names compared without case, spaces or diacritics). */
    static boolean someoneElse(Person given, Person own) {
        String id = blankToNull(given.citizenId());
        String name = blankToNull(given.fullName());
        return id != null && !id.equals(own.citizenId())
                || name != null && !VietnameseText.fold(name).equals(VietnameseText.fold(own.fullName()));
    }

    /** {@code base} with every field {@code given} fills replacing it, trimmed; blanks stay as in {@code base}. */
    private static Person overlay(Person base, Person given, String authorization) {
        return new Person(pick(given.fullName(), base.fullName()), pick(given.citizenId(), base.citizenId()),
                pick(given.phone(), base.phone()), pick(given.email(), base.email()),
                pick(given.address(), base.address()), pick(given.organizationName(), base.organizationName()),
                authorization);
    }

    private static String pick(String given, String otherwise) {
        String value = blankToNull(given);
        return value != null ? value : blankToNull(otherwise);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
