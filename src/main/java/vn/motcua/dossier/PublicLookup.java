package vn.motcua.dossier;

import org.springframework.stereotype.Service;
import vn.motcua.shared.ProblemException;

/** The citizen's look-up by dossier code and PIN, guarded against guessing. */
@Service
public class PublicLookup {

    private final DossierQueries queries;
    private final LookupGuard guard;

    PublicLookup(DossierQueries queries, LookupGuard guard) {
        this.queries = queries;
        this.guard = guard;
    }

    /** A wrong or missing PIN answers exactly like an unknown code. */
    public DossierViews.PublicStatus find(String code, String pin, String clientAddress) {
        String key = code == null ? "" : code.length() > 60 ? code.substring(0, 60) : code;
        guard.check(key, clientAddress);
        return queries.lookup(key, pin).orElseThrow(() -> {
            guard.failed(key, clientAddress);
            return ProblemException.notFound("dossier.lookup.not-found");
        });
    }
}
