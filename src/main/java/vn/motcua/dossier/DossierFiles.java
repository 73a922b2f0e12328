package vn.motcua.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.platform.Uploads;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.ProblemException.FieldError;
import vn.motcua.shared.VietnamTime;

/**
 * Scanned papers and electronic files of a dossier, checked by {@link Uploads} (PDF, JPEG or PNG by content, size,
 * plain name) and kept in the content-addressed file store.
 */
@Service
public class DossierFiles {

    private final DossierQueries queries;
    private final DossierStore dossiers;
    private final vn.motcua.catalog.Catalog catalog;
    private final Uploads uploads;
    private final JdbcClient jdbc;
    private final Clock clock;

    DossierFiles(DossierQueries queries, DossierStore dossiers, vn.motcua.catalog.Catalog catalog, Uploads uploads,
            JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.uploads = uploads;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record FileView(long id, String name, long size, String contentType, String sha256, Long documentId,
            String uploadedBy, OffsetDateTime uploadedAt) {}

    public record Download(FileView file, InputStream content) {}

    /**
     * A file the applicant sends online (at submission, or as a supplement): the procedure document it is a copy
     * of, the name it had, and either its content (read once, by the call that receives it) or, for a file the
     * applicant's draft already holds in the file store, what {@link Uploads} accepted then ({@link #kept}).
     */
    public record Upload(Long documentId, String name, InputStream content, Uploads.Accepted stored) {

        public Upload(Long documentId, String name, InputStream content) {
            this(documentId, name, content, null);
        }

        /**
         * A file accepted by {@link Uploads#accept} earlier and kept in the file store: attached by its SHA-256
         * ({@link Uploads#acceptStored}), not read, hashed and copied again.
         */
        public static Upload kept(Long documentId, Uploads.Accepted stored) {
            return new Upload(documentId, stored.name(), null, stored);
        }
    }

    @Transactional
    public FileView upload(String code, Long documentId, String originalName, InputStream content, StaffUser by)
            throws IOException {
        var detail = queries.detail(code, by);
        if (!by.has(Role.ADMIN) && !by.has(Role.RECEPTION) && !by.has(Role.SPECIALIST)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "problem.forbidden");
        }
        if (documentId != null && catalog.version(detail.procedureCode(), detail.procedureVersion())
                .map(p -> p.documents().stream().noneMatch(d -> d.id().equals(documentId))).orElse(true)) {
            throw ProblemException.invalid("documentId", "dossier.document.unknown", documentId, detail.procedureCode());
        }
        Dossier dossier = dossiers.get(code);
        dossier.requireOpenToFiles();
        return attach(dossier.id(), documentId, uploads.accept(originalName, content), by.username());
    }

    /**
     * The applicant's files, each tied to a document of the procedure {@code procedure}: checked (400 naming the
     * file whose document is missing or unknown) and stored in the file store, not yet attached to a dossier.
     */
    List<Stored> accept(ProcedureData procedure, List<Upload> files) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Long documentId = files.get(i) == null ? null : files.get(i).documentId();
            if (files.get(i) == null || files.get(i).content() == null && files.get(i).stored() == null) {
                errors.add(new FieldError("files[" + i + "]", "validation.required"));
            } else if (documentId == null) {
                errors.add(new FieldError("files[" + i + "].documentId", "validation.required"));
            } else if (procedure.documents().stream().noneMatch(d -> d.id().equals(documentId))) {
                errors.add(new FieldError("files[" + i + "].documentId", "dossier.document.unknown", documentId,
                        procedure.code()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, errors, "problem.invalid-input");
        }
        List<Stored> stored = new ArrayList<>();
        for (Upload file : files) {
            try {
                stored.add(new Stored(file.documentId(), file.stored() != null
                        ? uploads.acceptStored(file.stored(), Uploads.SCANS)
                        : uploads.accept(file.name(), file.content())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    /** A file checked and kept in the file store, for the document {@code documentId}. */
    record Stored(Long documentId, Uploads.Accepted file) {}

    /** Attaches files already stored to the dossier, in the caller's transaction. */
    void attach(long dossierId, List<Stored> files, String by) {
        files.forEach(f -> attach(dossierId, f.documentId(), f.file(), by));
    }

    private FileView attach(long dossierId, Long documentId, Uploads.Accepted stored, String by) {
        var now = clock.instant();
        long id = jdbc.sql("""
                insert into dossier_file (dossier_id, document_id, name, size, content_type, sha256, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(dossierId, documentId, stored.name(), stored.size(), stored.contentType(), stored.sha256(),
                        by, Timestamp.from(now))
                .query(Long.class).single();
        return new FileView(id, stored.name(), stored.size(), stored.contentType(), stored.sha256(), documentId,
                by, now.atZone(VietnamTime.ZONE).toOffsetDateTime());
    }

    @Transactional(readOnly = true)
    public List<FileView> list(String code, StaffUser by) {
        queries.detail(code, by);
        return jdbc.sql("""
                select f.* from dossier_file f join dossier d on d.id = f.dossier_id where d.code = ? order by f.id""")
                .param(code).query((rs, n) -> view(rs)).list();
    }

    /** The file, to those who may see the dossier; a file of another dossier reads as unknown. */
    @Transactional(readOnly = true)
    public Download download(String code, long fileId, StaffUser by) throws IOException {
        queries.detail(code, by);
        FileView file = jdbc.sql("""
                select f.* from dossier_file f join dossier d on d.id = f.dossier_id where d.code = ? and f.id = ?""")
                .params(code, fileId).query((rs, n) -> view(rs)).optional()
                .orElseThrow(() -> ProblemException.notFound("dossier.file.not-found", fileId));
        return new Download(file, uploads.open(file.sha256()));
    }

    private static FileView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        long document = rs.getLong("document_id");
        return new FileView(rs.getLong("id"), rs.getString("name"), rs.getLong("size"), rs.getString("content_type"),
                rs.getString("sha256"), rs.wasNull() ? null : document, rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant().atZone(VietnamTime.ZONE).toOffsetDateTime());
    }
}
