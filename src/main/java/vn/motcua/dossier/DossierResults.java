package vn.motcua.dossier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.dossier.forms.ResultStamp;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.platform.FileStore;
import vn.motcua.platform.PublicAddress;
import vn.motcua.platform.Uploads;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.TextPolicy;

/**
 * Electronic results (kết quả điện tử): the result of a dossier as a PDF, issued before the desk returns it, and
 * what makes an online return an online one (Decree 45/2020/NĐ-CP Art. 14: results returned electronically; Art.
 * 16: kept in the citizen's data store). Each gets a result code; the PDF served carries the code and a QR code
 * of its public check ({@code <public-url>/xac-thuc/<code>}) on its first page ({@link ResultStamp}). The national
 * dashboard counts a dossier as having an e-result when it has a result code and a result file (Decision
 * 766/QĐ-TTg, indicators 4.1 and 4.2): {@link DossierViews.Detail#electronicResult()}.
 *
 * <p>Who issues one: the unit that holds the dossier's processing step now (or held its last one, once the result
 * is ready), the desk that holds the dossier, or an administrator; while the dossier is accepted and not yet
 * returned or ended. The citizens' portal reads them through {@link #of(String)} and {@link #file(String, long)},
 * having checked that the citizen owns the dossier.
 */
@Service
public class DossierResults {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    static final int MAX_NAME = 500;

    private final DossierStore dossiers;
    private final DossierQueries queries;
    private final ResultStore results;
    private final Uploads uploads;
    private final FileStore files;
    private final ResultStamp stamp;
    private final ResultSigner signer;
    private final PublicAddress publicAddress;
    private final Catalog catalog;
    private final LookupGuard guard;
    private final MessageSource messages;
    private final Clock clock;

    DossierResults(DossierStore dossiers, DossierQueries queries, ResultStore results, Uploads uploads,
            FileStore files, ResultStamp stamp, ResultSigner signer, PublicAddress publicAddress, Catalog catalog,
            LookupGuard guard, MessageSource messages, Clock clock) {
        this.dossiers = dossiers;
        this.queries = queries;
        this.results = results;
        this.uploads = uploads;
        this.files = files;
        this.stamp = stamp;
        this.signer = signer;
        this.publicAddress = publicAddress;
        this.catalog = catalog;
        this.guard = guard;
        this.messages = messages;
        this.clock = clock;
    }

    /** An electronic result as staff and the portal list it; {@code sha256} is that of the file served. */
    public record Result(long id, String resultCode, String name, String fileName, long size, String sha256,
            OffsetDateTime issuedAt, String issuedBy) {

        public String contentType() {
            return Uploads.Kind.PDF.contentType();
        }
    }

    /** A result with its content, to be closed by whoever reads it. */
    public record ResultFile(Result result, InputStream content) {}

    /**
     * What anyone holding a result code may see: which procedure and agency, when, the file's SHA-256 to compare
     * a copy with, and the dossier code with only its daily number shown. Never the applicant or the file.
     */
    public record PublicCheck(String resultCode, String dossierCode, String procedureName, String agencyName,
            OffsetDateTime issuedAt, String sha256) {}

    // --- staff -----------------------------------------------------------------------------------

    /**
     * Issues the uploaded PDF as the dossier's electronic result named {@code name} (e.g. "Giấy phép xây dựng số
     * 12/GPXD"): checked like every upload ({@link Uploads}, PDF only), stamped, passed to the {@link ResultSigner}
     * and stored; the dossier's history records it.
     */
    @Transactional
    public Result issue(String dossierCode, String name, String originalName, InputStream content, StaffUser by)
            throws IOException {
        Dossier d = queries.visibleDossier(dossierCode, by);
        ProcedureData procedure = catalog.version(d.procedure().code(), d.procedure().version()).orElseThrow();
        if (!mayIssue(d, Route.of(procedure), by)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "dossier.result.forbidden");
        }
        // A multipart field, which the JSON guard does not see: the text rules are applied here (a title, one line).
        String title = TextPolicy.line("name", name, MAX_NAME);
        if (title == null) {
            throw ProblemException.invalid("name", "validation.required");
        }
        String code = results.freshCode();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        // The dossier's rule first (409 once it was returned or ended), before any file is read.
        d.issueResult(code, title, now, by.username(), by.unitCode());
        Uploads.Accepted original = uploads.accept(originalName, content, EnumSet.of(Uploads.Kind.PDF));
        byte[] uploaded;
        try (InputStream in = uploads.open(original.sha256())) {
            uploaded = in.readAllBytes();
        }
        byte[] stamped;
        try {
            String check = checkUrl(code);
            stamped = stamp.stamp(uploaded, check, text("dossier.result.stamp.code", code),
                    text("dossier.result.stamp.check", check.replaceFirst("^https?://", "")));
        } catch (ResultStamp.Unreadable e) {
            throw ProblemException.invalid("file", "dossier.result.unreadable");
        }
        byte[] served = signer.sign(stamped, code);
        FileStore.Stored stored = files.put(new ByteArrayInputStream(served), served.length);
        Result result = results.insert(d.id(), code, title, original.name(), stored.size(), stored.sha256(),
                original.sha256(), procedure.agencyName(), by.username(), now);
        dossiers.save(d);
        return result;
    }

    /** Whether {@code by} may issue a result for the dossier now: the upload form is offered to them. */
    @Transactional(readOnly = true)
    public boolean mayIssue(String dossierCode, StaffUser by) {
        Dossier d = queries.visibleDossier(dossierCode, by);
        return d.resultIssuable() && catalog.version(d.procedure().code(), d.procedure().version())
                .map(p -> mayIssue(d, Route.of(p), by)).orElse(false);
    }

    /** The results of a dossier the caller may see, oldest first. */
    @Transactional(readOnly = true)
    public List<Result> list(String dossierCode, StaffUser by) {
        queries.visibleDossier(dossierCode, by);
        return results.of(dossierCode);
    }

    /** A result of a dossier the caller may see; another dossier's result reads as unknown. */
    @Transactional(readOnly = true)
    public ResultFile download(String dossierCode, long id, StaffUser by) throws IOException {
        queries.visibleDossier(dossierCode, by);
        return file(dossierCode, id).orElseThrow(() -> ProblemException.notFound("dossier.result.file-not-found", id));
    }

    /**
     * The unit holding the dossier's processing step, or the one that held the last processing step once the
     * result is ready; the desk holding the dossier; an administrator.
     */
    private static boolean mayIssue(Dossier d, Route route, StaffUser by) {
        if (by.has(Role.ADMIN) || (by.has(Role.RECEPTION) && d.deskUnitCode().equals(by.unitCode()))) {
            return true;
        }
        if (!by.has(Role.SPECIALIST) && !by.has(Role.LEADER) && !by.has(Role.CLERK)) {
            return false;
        }
        CurrentStep step = d.step();
        int last = route.lastProcessingStep();
        String holding = step != null && step.queued() && step.order() >= 2 && step.order() <= last ? step.unitCode()
                : last >= 2 ? route.step(last).unitCode() : null;
        return by.unitCode().equals(holding);
    }

    // --- the citizens' portal (the caller has checked that the citizen owns the dossier) ---------

    /**
     * The results of a dossier, oldest first; none for an unknown code, nor while the fees the procedure asks before
     * the return of the result are unpaid: the applicant gets the result, on paper or online, once they are paid.
     */
    @Transactional(readOnly = true)
    public List<Result> of(String dossierCode) {
        return withheld(dossierCode) ? List.of() : results.of(dossierCode);
    }

    /** A result of the dossier with its content (a PDF), or empty when the dossier has no such result (or withholds it). */
    @Transactional(readOnly = true)
    public Optional<ResultFile> file(String dossierCode, long id) throws IOException {
        Optional<Result> result = withheld(dossierCode) ? Optional.empty() : results.find(dossierCode, id);
        if (result.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResultFile(result.get(), files.open(result.get().sha256())));
    }

    private boolean withheld(String dossierCode) {
        return dossiers.find(dossierCode).map(Dossier::resultWithheld).orElse(false);
    }

    // --- anyone ----------------------------------------------------------------------------------

    /**
     * The public check of a result code (typed with or without spaces and hyphens, in small letters or capitals),
     * guarded against guessing like the dossier look-up: after too many unknown codes from one address, 429.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public PublicCheck check(String typedCode, String clientAddress) {
        String code = ResultCodes.typed(typedCode);
        String raw = typedCode == null ? "" : typedCode.length() > 60 ? typedCode.substring(0, 60) : typedCode;
        String key = "result:" + (code == null ? raw : code);
        guard.check(key, clientAddress);
        return Optional.ofNullable(code).flatMap(results::check).orElseThrow(() -> {
            guard.failed(key, clientAddress);
            return ProblemException.notFound("dossier.result.not-found");
        });
    }

    /** Where the QR code of a result leads. */
    public String checkUrl(String resultCode) {
        return publicAddress.url() + "/xac-thuc/" + resultCode;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
