package vn.motcua.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.ProblemException.FieldError;
import vn.motcua.shared.IdempotencyKey;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnamTime;

/**
 * The one-stop desk (Bộ phận Một cửa): registers dossiers for a published procedure and decides on them —
 * accept with a receipt and appointment (Form 01), ask for everything missing at once (Form 02), or refuse
 * with a reason (Form 03). Online dossiers arrive NEW for the same check.
 */
@Service
public class DossierDesk {

    private final DossierStore store;
    private final DossierIntake intake;
    private final ProcessClock processClock;
    private final OnlineIntakeClock onlineClock;
    private final DossierCodes codes;
    private final DossierFiles files;
    private final Catalog catalog;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DossierDesk(DossierStore store, DossierIntake intake, ProcessClock processClock, OnlineIntakeClock onlineClock,
            DossierCodes codes, DossierFiles files, Catalog catalog, JdbcClient jdbc, JsonMapper json, Clock clock,
            TransactionTemplate transaction) {
        this.store = store;
        this.intake = intake;
        this.processClock = processClock;
        this.onlineClock = onlineClock;
        this.codes = codes;
        this.files = files;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** What the desk gets back: enough to print the slip and to tell the applicant their code and PIN. */
    public record Receipt(String code, DossierStatus status, int statusCode, OffsetDateTime receivedAt,
            OffsetDateTime dueAt, String lookupPin, String procedureCode, int procedureVersion, int revision) {}

    /**
     * What an applicant gets back from an online submission: the receipt (code, PIN, status NEW), when the dossier
     * was submitted and the channel (2, online), the desk that checks it, and from when and by when it does
     * ({@link OnlineIntakeClock}).
     */
    public record Submission(Receipt receipt, OffsetDateTime submittedAt, Channel channel, int channelCode,
            String deskUnitCode, OffsetDateTime checkCountsFrom, OffsetDateTime checkDueAt) {}

    /**
     * Registers a dossier. With an {@code idempotencyKey}, a repeated request returns the first result
     * (same code); the same key with a different body is a 409.
     *
     * <p>A dossier of a procedure that asks for its fees before acceptance is registered, not accepted: it waits in
     * status 6 until they are paid (cash at the desk, or online), then the desk accepts it ({@link #accept}).
     *
     * <p>Everything that can refuse the request is checked before a number is drawn; the number comes
     * from its own short transaction (see {@link DossierCodes}), then the dossier is written in one
     * transaction. A failure after the number is drawn leaves a gap in the day's sequence, never a
     * duplicate.
     */
    public Receipt receive(IntakeRequest request, StaffUser by, String idempotencyKey) {
        IntakeRules.check(request, Year.now(clock.withZone(VietnamTime.ZONE)));
        String hash = hash(request, idempotencyKey);
        Optional<String> first = firstCode(by.username(), idempotencyKey, hash);
        if (first.isPresent()) {
            return receipt(find(first.get()));
        }
        ProcedureData procedure = procedure(request);
        IntakeRequest.Decision decision = request.channel() == Channel.ONLINE ? null
                : request.decision() == null ? IntakeRequest.Decision.ACCEPT : request.decision();
        if (decision == IntakeRequest.Decision.ACCEPT) {
            requireMandatory(procedure, request.documents());
        }
        Instant now = now();
        return receipt(registered(by.agencyCode(), by.username(), idempotencyKey, hash, now,
                code -> register(request, procedure, decision, code, now, by)));
    }

    /**
     * An applicant submits a dossier online, through the citizens' portal: no member of staff is involved until
     * the desk checks it. It is registered NEW (status 1) at the desk that receives the procedure's online
     * dossiers ({@link DossierIntake#onlineDesk}), channel ONLINE (national channel code 2), its code drawn at
     * once, and waits for the desk's check within the online intake's time ({@link OnlineIntakeClock}).
     * Refused before anything is written: a procedure not offered online (online level neither FULL nor PARTIAL,
     * Decree 42/2022/NĐ-CP Art. 11) or with no desk to check it (422), a mandatory document missing (422 naming
     * each, as at the desk), invalid data (400 naming each field).
     *
     * @param request the dossier; its channel is ONLINE whatever it says, the desk's decision fields are ignored
     * @param files the applicant's files, each tied to a document of the procedure; a document with a file is
     *     digitised
     * @param submittedBy the applicant's account, named with a prefix ({@code citizen:42}, at most 50 characters):
     *     the history and the idempotency keys keep it apart from staff accounts
     * @param idempotencyKey as for {@link #receive}: a repeated submission returns the first dossier
     */
    public Submission submitOnline(IntakeRequest request, List<DossierFiles.Upload> files, String submittedBy,
            String idempotencyKey) {
        requireApplicantAccount(submittedBy);
        IntakeRequest online = new IntakeRequest(request.procedureCode(), Channel.ONLINE, request.applicant(),
                request.representative(), request.documents(), null, null, null, request.sets(), request.returnMethod());
        IntakeRules.check(online, Year.now(clock.withZone(VietnamTime.ZONE)));
        String hash = hash(online, idempotencyKey);
        Optional<String> first = firstCode(submittedBy, idempotencyKey, hash);
        if (first.isPresent()) {
            return submission(find(first.get()));
        }
        ProcedureData procedure = procedure(online);
        requireMandatory(procedure, online.documents());
        UnitView desk = intake.onlineDesk(procedure)
                .orElseThrow(() -> ProblemException.ruleViolated("dossier.online.no-desk", procedure.code()));
        List<DossierFiles.Stored> stored = this.files.accept(procedure, files == null ? List.of() : files);
        IntakeRequest received = digitisedWhereUploaded(online, stored);
        Instant now = now();
        return submission(registered(desk.agencyCode(), submittedBy, idempotencyKey, hash, now, code -> {
            Dossier dossier = store.save(intake.receive(received, procedure,
                    intake.participants(procedure, desk.agencyCode(), desk.code()), code, desk.agencyCode(),
                    desk.code(), now, submittedBy));
            this.files.attach(dossier.id(), stored, submittedBy);
            return dossier;
        }));
    }

    /** {@link #submitOnline(IntakeRequest, List, String, String)} without files. */
    public Submission submitOnline(IntakeRequest request, String submittedBy, String idempotencyKey) {
        return submitOnline(request, List.of(), submittedBy, idempotencyKey);
    }

    /**
     * The applicant sends online what Form 02 asked for, with a note and files (each tied to a document of the
     * procedure, kept like the desk's scans). Asked at intake: the dossier goes back to the desk's check (NEW),
     * due anew by the online intake's clock. Asked during processing: the files and note are recorded for the step
     * that asked, which confirms the supplement with {@code supplement-received}; the clock stays stopped until
     * then. Only the account that submitted the dossier online sends its supplement (anyone else: 404); a dossier
     * not waiting for one is a 409; neither a note nor a file, a 400.
     */
    @Transactional
    public Receipt suppliedOnline(String code, String note, List<DossierFiles.Upload> files, String by) {
        requireApplicantAccount(by);
        List<DossierFiles.Upload> sent = files == null ? List.of() : files;
        String text = IntakeRules.note("note", note);
        if (text == null && sent.isEmpty()) {
            throw ProblemException.invalid("files", "dossier.supplement.nothing-sent");
        }
        Dossier dossier = store.find(code)
                .filter(d -> d.reception().channel() == Channel.ONLINE && by.equals(d.reception().receivedBy()))
                .orElseThrow(() -> ProblemException.notFound("dossier.not-found", code));
        Instant now = now();
        if (dossier.clock().started()) {
            dossier.supplementSubmitted(now, by, text);
        } else {
            dossier.supplied(now, by, dossier.deskUnitCode(), text, onlineClock);
        }
        ProcedureData procedure = catalog.version(dossier.procedure().code(), dossier.procedure().version()).orElseThrow();
        this.files.attach(dossier.id(), this.files.accept(procedure, sent), by);
        return receipt(store.save(dossier));
    }

    /** The code of the dossier a repeated request first registered (409 if the body differs). */
    private Optional<String> firstCode(String username, String idempotencyKey, String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        return jdbc.sql("select request_hash, dossier_code from dossier_idempotency where username = ? and key = ?")
                .params(username, idempotencyKey)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .map(first -> {
                    if (!first[0].equals(hash)) {
                        throw ProblemException.conflict("dossier.idempotency.different-body");
                    }
                    return first[1];
                });
    }

    /** The request's hash when it carries an idempotency key, else {@code null}. */
    private String hash(IntakeRequest request, String idempotencyKey) {
        return IdempotencyKey.checked(idempotencyKey) == null ? null : sha256(json.writeValueAsString(request));
    }

    /**
     * Draws the dossier's number at {@code agency}, then registers the dossier in one transaction with the
     * idempotency key; the same request sent twice at once registers it once.
     */
    private Dossier registered(String agency, String username, String idempotencyKey, String hash, Instant now,
            Function<String, Dossier> register) {
        String code = codes.next(agency, now.atZone(VietnamTime.ZONE).toLocalDate());
        return transaction.execute(status -> {
            if (hash != null) {
                int inserted = jdbc.sql("""
                        insert into dossier_idempotency (username, key, request_hash, dossier_code, created_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(username, idempotencyKey, hash, code, java.sql.Timestamp.from(now)).update();
                if (inserted == 0) {
                    // The same request, sent twice at once: the other one won.
                    return find(firstCode(username, idempotencyKey, hash).orElseThrow());
                }
            }
            return register.apply(code);
        });
    }

    /**
     * The published procedure the request names, with its documents checked; a dossier filed online only for a
     * procedure offered online (full or partial online service, Decree 42/2022/NĐ-CP Art. 11).
     */
    private ProcedureData procedure(IntakeRequest request) {
        ProcedureData procedure = catalog.published(request.procedureCode().strip())
                .orElseThrow(() -> ProblemException.ruleViolated("dossier.procedure.not-published", request.procedureCode()));
        IntakeRules.documentsBelong(procedure, request.documents());
        if (request.channel() == Channel.ONLINE && procedure.onlineLevel() != OnlineLevel.FULL
                && procedure.onlineLevel() != OnlineLevel.PARTIAL) {
            throw ProblemException.ruleViolated("dossier.online.not-offered", procedure.code());
        }
        return procedure;
    }

    /** Every mandatory document of the version is there, else 422 naming each one missing. */
    private static void requireMandatory(ProcedureData procedure, List<IntakeRequest.ReceivedDocument> documents) {
        List<String> missing = IntakeRules.missingMandatory(procedure, documents);
        if (!missing.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                    missing.stream().map(name -> new FieldError("documents", "dossier.document.missing", name)).toList(),
                    "dossier.accept.incomplete");
        }
    }

    /** The request with every document that came with a file marked digitised (its electronic copy is kept). */
    private static IntakeRequest digitisedWhereUploaded(IntakeRequest request, List<DossierFiles.Stored> stored) {
        if (request.documents() == null || stored.isEmpty()) {
            return request;
        }
        List<IntakeRequest.ReceivedDocument> documents = request.documents().stream()
                .map(d -> stored.stream().anyMatch(f -> f.documentId().equals(d.documentId()))
                        ? new IntakeRequest.ReceivedDocument(d.documentId(), d.copyKind(), d.count(), true, d.reused())
                        : d)
                .toList();
        return new IntakeRequest(request.procedureCode(), request.channel(), request.applicant(),
                request.representative(), documents, request.decision(), request.supplementItems(),
                request.refusalReason(), request.sets(), request.returnMethod());
    }

    /**
     * An applicant's account is named with a prefix ({@code citizen:42}) so that it never passes for a member of
     * staff in the history, the forms or the idempotency keys; the calling module names it.
     */
    private static void requireApplicantAccount(String by) {
        if (by == null || by.length() > 50 || by.indexOf(':') < 1) {
            throw new IllegalArgumentException("An applicant's account is named with a prefix, e.g. citizen:42: " + by);
        }
    }

    private Dossier register(IntakeRequest request, ProcedureData procedure, IntakeRequest.Decision decision,
            String code, Instant now, StaffUser by) {
        Dossier dossier = intake.receive(request, procedure,
                intake.participants(procedure, by.agencyCode(), by.unitCode()), code, by.agencyCode(), by.unitCode(),
                now, by.username());
        if (decision == IntakeRequest.Decision.ACCEPT && dossier.status() != DossierStatus.FINANCIAL_OBLIGATION) {
            dossier.accept(Route.of(procedure), processClock, now, processClock.due(procedure.timeLimit(), now),
                    by.username(), by.unitCode());
        } else if (decision == IntakeRequest.Decision.SUPPLEMENT) {
            dossier.requestSupplement(json.writeValueAsString(request.supplementItems()),
                    IntakeRules.summary(request.supplementItems()), now, by.username(), by.unitCode(), onlineClock);
        } else if (decision == IntakeRequest.Decision.REFUSE) {
            dossier.refuse(IntakeRules.text(request.refusalReason()), now, by.username(), by.unitCode());
        }
        return store.save(dossier);
    }

    /** The desk accepts a NEW (online or supplied) dossier: the time limit runs from now. */
    @Transactional
    public Receipt accept(String code, StaffUser by) {
        Dossier dossier = deskDossier(code, by);
        ProcedureData procedure = catalog.version(dossier.procedure().code(), dossier.procedure().version()).orElseThrow();
        requireMandatory(procedure, store.documents(dossier.id()).stream()
                .map(d -> new IntakeRequest.ReceivedDocument(d.documentId(), d.copyKind(), d.count(), d.digitised(),
                        d.reused()))
                .toList());
        Instant now = now();
        dossier.accept(Route.of(procedure), processClock, now, processClock.due(procedure.timeLimit(), now),
                by.username(), by.unitCode());
        return receipt(store.save(dossier));
    }

    @Transactional
    public Receipt requestSupplement(String code, List<IntakeRequest.SupplementItem> items, StaffUser by) {
        return receipt(requestSupplement(find(code), items, null, by));
    }

    /**
     * Form 02 at intake, on a dossier already read (processing's request-supplement before acceptance, with the
     * revision its caller saw).
     */
    Dossier requestSupplement(Dossier dossier, List<IntakeRequest.SupplementItem> items, Integer expectedVersion,
            StaffUser by) {
        requireDesk(dossier, by);
        DossierProcessing.requireVersion(dossier, expectedVersion);
        List<FieldError> errors = new ArrayList<>();
        IntakeRules.items(errors, "items", items);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        dossier.requestSupplement(json.writeValueAsString(items), IntakeRules.summary(items), clock.instant(), by.username(),
                by.unitCode(), onlineClock);
        return store.save(dossier);
    }

    @Transactional
    public Receipt refuse(String code, String reason, StaffUser by) {
        List<FieldError> errors = new ArrayList<>();
        IntakeRules.reason(errors, "reason", reason);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        Dossier dossier = deskDossier(code, by);
        dossier.refuse(IntakeRules.text(reason), clock.instant(), by.username(), by.unitCode());
        return receipt(store.save(dossier));
    }

    /** The applicant supplied what Form 02 asked for: the dossier returns to the desk's check. */
    @Transactional
    public Receipt supplied(String code, String note, StaffUser by) {
        return receipt(supplied(find(code), note, null, by));
    }

    /**
     * The supplement arrived at intake, on a dossier already read (processing's supplement-received, with the
     * revision its caller saw).
     */
    Dossier supplied(Dossier dossier, String note, Integer expectedVersion, StaffUser by) {
        String text = IntakeRules.note("note", note);
        requireDesk(dossier, by);
        DossierProcessing.requireVersion(dossier, expectedVersion);
        dossier.supplied(clock.instant(), by.username(), by.unitCode(), text,
                onlineClock);
        return store.save(dossier);
    }

    /** The dossier, for the desk that holds it (or an administrator) to decide on ({@link #requireDesk}). */
    private Dossier deskDossier(String code, StaffUser by) {
        return requireDesk(find(code), by);
    }

    /**
     * The receiving desk's officers (RECEPTION in the desk's unit) or an administrator decide at intake (Decree
     * 118/2025/NĐ-CP Art. 17); other staff who may see the dossier are refused (403); anyone else is answered as if
     * it did not exist (404).
     */
    private static Dossier requireDesk(Dossier dossier, StaffUser by) {
        if (by.has(Role.ADMIN) || by.has(Role.RECEPTION) && dossier.deskUnitCode().equals(by.unitCode())) {
            return dossier;
        }
        if (new DossierScope(by).sees(dossier)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "dossier.desk.forbidden");
        }
        throw ProblemException.notFound("dossier.not-found", dossier.code());
    }

    private Dossier find(String code) {
        return store.get(code);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static Submission submission(Dossier d) {
        OnlineIntake online = d.online();
        return new Submission(receipt(d), time(d.reception().receivedAt()), d.reception().channel(),
                d.reception().channel().code(), d.deskUnitCode(), time(online.countsFrom()), time(online.checkDueAt()));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
    }

    static Receipt receipt(Dossier d) {
        return new Receipt(d.code(), d.status(), d.status().code(),
                d.reception().receivedAt().atZone(VietnamTime.ZONE).toOffsetDateTime(),
                d.dueAt() == null ? null : d.dueAt().atZone(VietnamTime.ZONE).toOffsetDateTime(), d.reception().lookupPin(),
                d.procedure().code(), d.procedure().version(), d.lockVersion());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
