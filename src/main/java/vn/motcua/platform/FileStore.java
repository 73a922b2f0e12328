package vn.motcua.platform;

import java.io.IOException;
import java.io.InputStream;

/**
 * Content-addressed storage of uploaded files: a file is stored once under its SHA-256 and read back by
 * it. The filesystem under the data directory serves today; an S3-compatible object store can replace it
 * behind this port without the modules noticing.
 */
public interface FileStore {

    /** What was stored: the content's SHA-256 (hex) and its size in bytes. */
    record Stored(String sha256, long size) {}

    /**
     * Stores the content, reading at most {@code maxBytes + 1} bytes: a larger content is not stored and
     * {@link TooLarge} is thrown.
     */
    Stored put(InputStream content, long maxBytes) throws IOException;

    InputStream open(String sha256) throws IOException;

    /** The size in bytes of a stored content, not read; {@link java.nio.file.NoSuchFileException} if absent. */
    long size(String sha256) throws IOException;

    final class TooLarge extends IOException {
        public TooLarge() {
            super("content larger than allowed");
        }
    }
}
