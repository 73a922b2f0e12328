package vn.motcua.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
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
    private final DossierCodes codes;
    private final Catalog catalog;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    DossierDesk(DossierStore store, DossierIntake intake, ProcessClock processClock, DossierCodes codes,
            Catalog catalog, JdbcClient jdbc, JsonMapper json, Clock clock,
            org.springframework.transaction.support.TransactionTemplate transaction) {
        this.store = store;
        this.intake = intake;
        this.processClock = processClock;
        this.codes = codes;
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
     * Registers a dossier. With an {@code idempotencyKey}, a repeated request returns the first result
     * (same code); the same key with a different body is a 409.
     *
     * <p>Everything that can refuse the request is checked before a number is drawn; the number comes
     * from its own short transaction (see {@link DossierCodes}), then the dossier is written in one
     * transaction. A failure after the number is drawn leaves a gap in the day's sequence, never a
     * duplicate.
     */
    public Receipt receive(IntakeRequest request, StaffUser by, String idempotencyKey) {
        IntakeRules.check(request, Year.now(clock.withZone(VietnamTime.ZONE)));
        String hash = null;
        if (IdempotencyKey.checked(idempotencyKey) != null) {
            hash = sha256(json.writeValueAsString(request));
            Optional<Receipt> first = firstResult(by, idempotencyKey, hash);
            if (first.isPresent()) {
                return first.get();
            }
        }
        ProcedureData procedure = catalog.published(request.procedureCode().strip())
                .orElseThrow(() -> ProblemException.ruleViolated("dossier.procedure.not-published", request.procedureCode()));
        IntakeRules.documentsBelong(procedure, request.documents());
        IntakeRequest.Decision decision = request.channel() == Channel.ONLINE ? null
                : request.decision() == null ? IntakeRequest.Decision.ACCEPT : request.decision();
        if (decision == IntakeRequest.Decision.ACCEPT) {
            List<String> missing = IntakeRules.missingMandatory(procedure, request.documents());
            if (!missing.isEmpty()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                        missing.stream().map(name -> new FieldError("documents", "dossier.document.missing", name)).toList(),
                        "dossier.accept.incomplete");
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String code = codes.next(by.agencyCode(), now.atZone(VietnamTime.ZONE).toLocalDate());
        String requestHash = hash;
        return transaction.execute(status -> {
            if (idempotencyKey != null) {
                int inserted = jdbc.sql("""
                        insert into dossier_idempotency (username, key, request_hash, dossier_code, created_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(by.username(), idempotencyKey, requestHash, code, java.sql.Timestamp.from(now)).update();
                if (inserted == 0) {
                    // The same request, sent twice at once: the other one won.
                    return firstResult(by, idempotencyKey, requestHash).orElseThrow();
                }
            }
            return register(request, procedure, decision, code, now, by);
        });
    }

    private Optional<Receipt> firstResult(StaffUser by, String idempotencyKey, String hash) {
        return jdbc.sql("select request_hash, dossier_code from dossier_idempotency where username = ? and key = ?")
                .params(by.username(), idempotencyKey)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                .map(first -> {
                    if (!first[0].equals(hash)) {
                        throw ProblemException.conflict("dossier.idempotency.different-body");
                    }
                    return receipt(find(first[1]));
                });
    }

    private Receipt register(IntakeRequest request, ProcedureData procedure, IntakeRequest.Decision decision,
            String code, Instant now, StaffUser by) {
        Dossier dossier = intake.receive(request, procedure,
                intake.participants(procedure, by.agencyCode(), by.unitCode()), code, by.agencyCode(), by.unitCode(),
                now, by.username());
        if (decision == IntakeRequest.Decision.ACCEPT) {
            dossier.accept(Route.of(procedure), processClock, now, processClock.due(procedure.timeLimit(), now),
                    by.username(), by.unitCode());
        } else if (decision == IntakeRequest.Decision.SUPPLEMENT) {
            dossier.requestSupplement(json.writeValueAsString(request.supplementItems()),
                    IntakeRules.summary(request.supplementItems()), now, by.username(), by.unitCode());
        } else if (decision == IntakeRequest.Decision.REFUSE) {
            dossier.refuse(IntakeRules.text(request.refusalReason()), now, by.username(), by.unitCode());
        }
        return receipt(store.save(dossier));
    }

    /** The desk accepts a NEW (online or supplied) dossier: the time limit runs from now. */
    @Transactional
    public Receipt accept(String code, StaffUser by) {
        Dossier dossier = deskDossier(code, by);
        ProcedureData procedure = catalog.version(dossier.procedure().code(), dossier.procedure().version()).orElseThrow();
        List<String> missing = IntakeRules.missingMandatory(procedure, store.documents(dossier.id()).stream()
                .map(d -> new IntakeRequest.ReceivedDocument(d.documentId(), d.copyKind(), d.count())).toList());
        if (!missing.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT,
                    missing.stream().map(name -> new FieldError("documents", "dossier.document.missing", name)).toList(),
                    "dossier.accept.incomplete");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        dossier.accept(Route.of(procedure), processClock, now, processClock.due(procedure.timeLimit(), now),
                by.username(), by.unitCode());
        return receipt(store.save(dossier));
    }

    @Transactional
    public Receipt requestSupplement(String code, List<IntakeRequest.SupplementItem> items, StaffUser by) {
        return receipt(requestSupplement(find(code), items, by));
    }

    /** Form 02 at intake, on a dossier already read (processing's request-supplement before acceptance). */
    Dossier requestSupplement(Dossier dossier, List<IntakeRequest.SupplementItem> items, StaffUser by) {
        List<FieldError> errors = new ArrayList<>();
        IntakeRules.items(errors, "items", items);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        requireDesk(dossier, by);
        dossier.requestSupplement(json.writeValueAsString(items), IntakeRules.summary(items), clock.instant(), by.username(),
                by.unitCode());
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
        return receipt(supplied(find(code), note, by));
    }

    /** The supplement arrived at intake, on a dossier already read (processing's supplement-received). */
    Dossier supplied(Dossier dossier, String note, StaffUser by) {
        requireDesk(dossier, by);
        dossier.supplied(clock.instant(), by.username(), by.unitCode(), note == null ? null : IntakeRules.text(note));
        return store.save(dossier);
    }

    /** Only the desk that holds the dossier (or an administrator) decides on it; others do not see it. */
    private Dossier deskDossier(String code, StaffUser by) {
        return requireDesk(find(code), by);
    }

    /**
     * The receiving desk's officers (RECEPTION in the desk's unit) or an administrator decide at intake; other staff
     * of the desk's unit are refused (403); anyone else is answered as if the dossier did not exist (404).
     */
    private static Dossier requireDesk(Dossier dossier, StaffUser by) {
        if (by.has(Role.ADMIN) || by.has(Role.RECEPTION) && dossier.deskUnitCode().equals(by.unitCode())) {
            return dossier;
        }
        if (dossier.deskUnitCode().equals(by.unitCode())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "dossier.desk.forbidden");
        }
        throw ProblemException.notFound("dossier.not-found", dossier.code());
    }

    private Dossier find(String code) {
        return store.get(code);
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
