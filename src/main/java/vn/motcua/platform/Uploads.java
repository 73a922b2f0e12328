package vn.motcua.platform;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import vn.motcua.shared.ProblemException;

/**
 * The checks every upload passes before it is stored: its type judged by content (never by the name a browser
 * sends), its size ({@code motcua.files.max-size}), a non-empty content and a plain file name that ends with the
 * extension of its type. Scans of a dossier's papers are PDF, JPEG or PNG ({@link #SCANS}); form templates may
 * also be Word or Excel files ({@link #FORMS}), read far enough to know which: an Office Open XML package by the
 * names in its ZIP directory (nothing is inflated), an older Office file by the streams of its compound file.
 * Files carrying macros are refused: a form a citizen downloads must not run code.
 */
@Component
public class Uploads {

    /** The kinds of file accepted, each with the type served and the extension its name ends with. */
    public enum Kind {
        PDF("application/pdf", ".pdf"),
        JPEG("image/jpeg", ".jpg"),
        PNG("image/png", ".png"),
        DOC("application/msword", ".doc"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
        XLS("application/vnd.ms-excel", ".xls"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

        private final String contentType;
        private final String extension;

        Kind(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** A dossier's papers and a task's files: scans and PDFs. */
    public static final Set<Kind> SCANS = Collections.unmodifiableSet(EnumSet.of(Kind.PDF, Kind.JPEG, Kind.PNG));

    /** Forms citizens fill in (mẫu đơn, tờ khai): PDF, Word or Excel. */
    public static final Set<Kind> FORMS = Collections.unmodifiableSet(
            EnumSet.of(Kind.PDF, Kind.DOC, Kind.DOCX, Kind.XLS, Kind.XLSX));

    private static final Set<Kind> OFFICE = EnumSet.of(Kind.DOC, Kind.DOCX, Kind.XLS, Kind.XLSX);

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
    private static final byte[] COMPOUND_FILE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
            0x1A, (byte) 0xE1};
    /** Other names people give these kinds. */
    private static final List<String> JPEG_EXTENSIONS = List.of(".jpg", ".jpeg");

    private final FileStore store;
    private final long maxBytes;

    Uploads(FileStore store, @Value("${motcua.files.max-size:20MB}") DataSize maxSize) {
        this.store = store;
        this.maxBytes = maxSize.toBytes();
    }

    /** A stored upload: its safe name, the type found in its content, its SHA-256 in the file store, its size. */
    public record Accepted(String name, String contentType, String sha256, long size) {}

    /** A scan: PDF, JPEG or PNG. */
    public Accepted accept(String originalName, InputStream content) throws IOException {
        return accept(originalName, content, SCANS);
    }

    /** Checks and stores the content if it is of one of the {@code allowed} kinds; 415, 413 or 400 problem details. */
    public Accepted accept(String originalName, InputStream content, Set<Kind> allowed) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(16);
        byte[] head = in.readNBytes(8);
        in.reset();
        if (head.length == 0) {
            throw ProblemException.invalid("file", "file.empty");
        }
        Kind kind = startsWith(head, PDF) ? Kind.PDF : startsWith(head, JPEG) ? Kind.JPEG
                : startsWith(head, PNG) ? Kind.PNG : null;
        boolean office = kind == null && (startsWith(head, ZIP) || startsWith(head, COMPOUND_FILE))
                && !Collections.disjoint(allowed, OFFICE);
        if ((kind == null && !office) || (kind != null && !allowed.contains(kind))) {
            throw refused(allowed);
        }
        FileStore.Stored stored;
        if (office) {
            // Read whole (at most the size limit) to look inside before anything is stored.
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            kind = startsWith(head, ZIP) ? officeOpenXml(bytes) : compoundFile(bytes);
            if (kind == null || !allowed.contains(kind)) {
                throw refused(allowed);
            }
            stored = store.put(new ByteArrayInputStream(bytes), maxBytes);
        } else {
            try {
                stored = store.put(in, maxBytes);
            } catch (FileStore.TooLarge e) {
                throw tooLarge();
            }
        }
        return new Accepted(safeName(originalName, kind), kind.contentType(), stored.sha256(), stored.size());
    }

    /**
     * A file accepted earlier ({@link #accept}) and kept in the store, taken again for another record (a draft's file
     * for the dossier it becomes) without reading it: under its SHA-256 the content cannot have changed, so the type
     * judged from it stands. What may have changed is checked again: the store still holds it with the size recorded
     * (else {@link IOException}), the type is one of the {@code allowed} kinds (415), the size within
     * {@code motcua.files.max-size} (413), the name plain.
     */
    public Accepted acceptStored(Accepted earlier, Set<Kind> allowed) throws IOException {
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.contentType.equals(earlier.contentType())).findFirst()
                .orElse(null);
        if (kind == null || !allowed.contains(kind)) {
            throw refused(allowed);
        }
        long size = store.size(earlier.sha256());
        if (size != earlier.size()) {
            throw new IOException("stored " + earlier.sha256() + " has " + size + " bytes, not " + earlier.size());
        }
        if (size == 0) {
            throw ProblemException.invalid("file", "file.empty");
        }
        if (size > maxBytes) {
            throw tooLarge();
        }
        return new Accepted(safeName(earlier.name(), kind), kind.contentType(), earlier.sha256(), size);
    }

    public InputStream open(String sha256) throws IOException {
        return store.open(sha256);
    }

    /** A Word or Excel document by the parts of its package; a macro-enabled one or any other ZIP is none. */
    private static Kind officeOpenXml(byte[] bytes) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            Set<String> names = Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName)
                    .collect(Collectors.toSet());
            if (!names.contains("[Content_Types].xml")
                    || names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
                return null;
            }
            return names.contains("word/document.xml") ? Kind.DOCX : names.contains("xl/workbook.xml") ? Kind.XLSX
                    : null;
        } catch (IOException | RuntimeException notAZip) {
            return null;
        }
    }

    /** A Word 97–2003 or Excel 97–2003 document by its main stream; one with a macro project is none. */
    private static Kind compoundFile(byte[] bytes) {
        try (POIFSFileSystem file = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = file.getRoot();
            if (root.hasEntryCaseInsensitive("Macros") || root.hasEntryCaseInsensitive("_VBA_PROJECT_CUR")) {
                return null;
            }
            return root.hasEntryCaseInsensitive("WordDocument") ? Kind.DOC
                    : root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book") ? Kind.XLS
                    : null;
        } catch (IOException | RuntimeException notACompoundFile) {
            return null;
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "file.too-large", maxBytes / (1024 * 1024));
    }

    private static ProblemException refused(Set<Kind> allowed) {
        if (allowed.equals(SCANS)) {
            return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file.type");
        }
        if (allowed.equals(FORMS)) {
            return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file.type.forms");
        }
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file.type.only",
                allowed.stream().map(Kind::name).collect(Collectors.joining(", ")));
    }

    /**
     * A plain file name: no directories, no control or invisible formatting characters, at most 255 characters,
     * ending with the extension of the kind found (replacing another kind's, so that a Word file sent as
     * {@code mau.pdf} is served as {@code mau.docx} and opens in the right program).
     */
    static String safeName(String original, Kind kind) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        // Invisible format characters go: a right-to-left override (U+202E) before "fdp.exe" shows the name to a
        // reader as ending in "exe.pdf"; zero-width characters and the byte-order mark make look-alike names.
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cf}\\p{Cs}\\x{FFFE}\\x{FFFF}]", "")
                .replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean fits = kind == Kind.JPEG ? JPEG_EXTENSIONS.stream().anyMatch(lower::endsWith)
                : lower.endsWith(kind.extension);
        if (!fits) {
            for (Kind other : Kind.values()) {
                if (lower.endsWith(other.extension) || other == Kind.JPEG && lower.endsWith(".jpeg")) {
                    name = name.substring(0, name.lastIndexOf('.'));
                    break;
                }
            }
            name = name.strip() + kind.extension;
        }
        if (name.equals(kind.extension)) {
            name = "tep" + kind.extension;
        }
        if (name.length() > 255) {
            String extension = name.substring(name.lastIndexOf('.'));
            name = name.substring(0, 255 - extension.length()) + extension;
        }
        return name;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }
}
