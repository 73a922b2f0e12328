package vn.motcua.portal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.ApplicantDossiers;
import vn.motcua.dossier.ApplicantDossiers.ApplicantDetail;
import vn.motcua.dossier.DossierDesk;
import vn.motcua.dossier.DossierFiles;
import vn.motcua.dossier.DossierResults;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Evaluations;
import vn.motcua.identity.Citizens.CitizenUser;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;

/**
 * "My dossiers" (hồ sơ của tôi): the dossiers the account filed online and, at level 2, those filed at the desk under
 * its holder's citizen ID ({@link ApplicantDossiers}); for each, the answer to a supplement request sent online
 * ({@link DossierDesk#suppliedOnline}), the electronic results ({@link DossierResults}) and the rating of the service
 * ({@link Evaluations}, as the public look-up rates it).
 */
@Service
public class MyDossiers {

    private final ApplicantDossiers dossiers;
    private final DossierDesk desk;
    private final DossierResults results;
    private final Evaluations evaluations;

    MyDossiers(ApplicantDossiers dossiers, DossierDesk desk, DossierResults results, Evaluations evaluations) {
        this.dossiers = dossiers;
        this.desk = desk;
        this.results = results;
        this.evaluations = evaluations;
    }

    /**
     * A dossier with its electronic results and whether it may be rated now (its result returned, not yet rated) or
     * was rated.
     */
    public record View(ApplicantDetail dossier, List<DossierResults.Result> results, boolean rated, boolean mayRate) {}

    /** A file the citizen sends with a supplement: the procedure document it belongs to, its name and content. */
    public record SupplementFile(Long documentId, String name, InputStream content) {}

    public Page<ApplicantDossiers.Summary> list(CitizenUser citizen, DossierStatus status, int page, int size) {
        return dossiers.list(owner(citizen), status, page, size);
    }

    public View view(CitizenUser citizen, String code) {
        ApplicantDetail detail = dossiers.detail(owner(citizen), code);
        boolean rated = detail.status() == DossierStatus.RETURNED && evaluations.rated(code);
        return new View(detail, results.of(code), rated, detail.status() == DossierStatus.RETURNED && !rated);
    }

    /**
     * Answers the supplement request of a dossier the account submitted online: a note and files, each for a document
     * of the procedure (Form 02 asked at intake sends the dossier back to the desk's check; asked during processing,
     * the step that asked confirms it). Anyone else's dossier is unknown (404); one not awaiting a supplement, 409.
     */
    public View supplement(CitizenUser citizen, String code, String note, List<SupplementFile> files) throws IOException {
        dossiers.requireOwned(owner(citizen), code);
        List<DossierFiles.Upload> uploads = new ArrayList<>();
        for (SupplementFile file : files) {
            uploads.add(new DossierFiles.Upload(file.documentId(), file.name(), file.content()));
        }
        desk.suppliedOnline(code, note, uploads, Filing.account(citizen));
        return view(citizen, code);
    }

    /** An electronic result of one of the citizen's dossiers, to download (a PDF stamped with its result code). */
    public DossierResults.ResultFile result(CitizenUser citizen, String code, long id) throws IOException {
        dossiers.requireOwned(owner(citizen), code);
        return results.file(code, id).orElseThrow(() -> ProblemException.notFound("dossier.result.file-not-found", id));
    }

    /** A form addressed to the applicant (receipt, Forms 02 to 05) of one of the citizen's dossiers. */
    public ApplicantDossiers.PrintedForm form(CitizenUser citizen, String code, String slug) {
        return dossiers.form(owner(citizen), code, slug);
    }

    /**
     * Rates the service once the result was returned, as the look-up does with the code and PIN, which the owner
     * holds ({@link Evaluations#rate}: 409 before the return or once rated, 400 for scores out of range).
     */
    public Evaluations.Result rate(CitizenUser citizen, String code, Evaluations.Rating rating, String clientAddress) {
        ApplicantDetail detail = dossiers.detail(owner(citizen), code);
        return evaluations.rate(code, detail.lookupPin(), clientAddress, rating);
    }

    /** The account as owner of dossiers: the citizen ID counts only as proven, at level 2. */
    public static ApplicantDossiers.Owner owner(CitizenUser citizen) {
        return new ApplicantDossiers.Owner(Filing.account(citizen),
                citizen.assuranceLevel() >= 2 ? citizen.citizenId() : null);
    }
}
