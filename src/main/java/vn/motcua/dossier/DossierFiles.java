package vn.motcua.dossier;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.motcua.identity.Identity.StaffUser;
import vn.motcua.identity.Role;
import vn.motcua.platform.FileStore;
import vn.motcua.shared.ProblemException;

/**
 * Scanned papers and electronic files of a dossier. Only PDF, JPEG and PNG are accepted, judged by their
 * first bytes and not by the name a browser sends; names are reduced to a plain file name; the bytes go
 * to the content-addressed {@link FileStore}.
 */
@Service
public class DossierFiles {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final DossierQueries queries;
    private final DossierStore dossiers;
    private final vn.motcua.catalog.Catalog catalog;
    private final FileStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long maxBytes;

    DossierFiles(DossierQueries queries, DossierStore dossiers, vn.motcua.catalog.Catalog catalog, FileStore store, JdbcClient jdbc, Clock clock,
            @Value("${motcua.files.max-size:20MB}") DataSize maxSize) {
        this.queries = queries;
        this.dossiers = dossiers;
        this.catalog = catalog;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }

    public record FileView(long id, String name, long size, String contentType, String sha256, Long documentId,
            String uploadedBy, OffsetDateTime uploadedAt) {}

    public record Download(FileView file, InputStream content) {}

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
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(16);
        byte[] head = in.readNBytes(8);
        in.reset();
        String type = startsWith(head, PDF) ? "application/pdf" : startsWith(head, JPEG) ? "image/jpeg"
                : startsWith(head, PNG) ? "image/png" : null;
        if (type == null) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "dossier.file.type");
        }
        FileStore.Stored stored;
        try {
            stored = store.put(in, maxBytes);
        } catch (FileStore.TooLarge e) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "dossier.file.too-large", maxBytes / (1024 * 1024));
        }
        if (stored.size() == 0) {
            throw ProblemException.invalid("file", "dossier.file.empty");
        }
        long dossierId = dossiers.get(code).id();
        String name = safeName(originalName, type);
        var now = clock.instant();
        long id = jdbc.sql("""
                insert into dossier_file (dossier_id, document_id, name, size, content_type, sha256, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(dossierId, documentId, name, stored.size(), type, stored.sha256(), by.username(), Timestamp.from(now))
                .query(Long.class).single();
        return new FileView(id, name, stored.size(), type, stored.sha256(), documentId, by.username(),
                now.atZone(DossierDesk.VIETNAM).toOffsetDateTime());
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
        return new Download(file, store.open(file.sha256()));
    }

    /** A plain file name: no directories, no control characters, at most 255 characters, a sensible extension. */
    static String safeName(String original, String contentType) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String extension = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
        if (name.isBlank()) {
            name = "tep" + extension;
        }
        if (name.length() > 255) {
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name;
    }

    private static FileView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        long document = rs.getLong("document_id");
        return new FileView(rs.getLong("id"), rs.getString("name"), rs.getLong("size"), rs.getString("content_type"),
                rs.getString("sha256"), rs.wasNull() ? null : document, rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant().atZone(DossierDesk.VIETNAM).toOffsetDateTime());
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }
}
