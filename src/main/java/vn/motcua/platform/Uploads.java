package vn.motcua.platform;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import vn.motcua.shared.ProblemException;

/**
 * The checks every upload passes before it is stored: its type judged by content (PDF, JPEG or PNG, never by the
 * name a browser sends), its size ({@code motcua.files.max-size}), a non-empty content and a plain file name.
 */
@Component
public class Uploads {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final FileStore store;
    private final long maxBytes;

    Uploads(FileStore store, @Value("${motcua.files.max-size:20MB}") DataSize maxSize) {
        this.store = store;
        this.maxBytes = maxSize.toBytes();
    }

    /** A stored upload: its safe name, the type found in its content, its SHA-256 in the file store, its size. */
    public record Accepted(String name, String contentType, String sha256, long size) {}

    /** Checks and stores the content; 415, 413 or 400 problem details for what fails. */
    public Accepted accept(String originalName, InputStream content) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(16);
        byte[] head = in.readNBytes(8);
        in.reset();
        String type = startsWith(head, PDF) ? "application/pdf" : startsWith(head, JPEG) ? "image/jpeg"
                : startsWith(head, PNG) ? "image/png" : null;
        if (head.length == 0) {
            throw ProblemException.invalid("file", "file.empty");
        }
        if (type == null) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "file.type");
        }
        FileStore.Stored stored;
        try {
            stored = store.put(in, maxBytes);
        } catch (FileStore.TooLarge e) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "file.too-large", maxBytes / (1024 * 1024));
        }
        return new Accepted(safeName(originalName, type), type, stored.sha256(), stored.size());
    }

    public InputStream open(String sha256) throws IOException {
        return store.open(sha256);
    }

    /** A plain file name: no directories, no control characters, at most 255 characters, a sensible extension. */
    static String safeName(String original, String contentType) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC).replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
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

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }
}
