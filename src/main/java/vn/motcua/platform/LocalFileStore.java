package vn.motcua.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * {@link FileStore} on the local filesystem: {@code <data-dir>/files/ab/abcdef…}. Written to a temporary
 * file first and moved into place atomically, so that a crash never leaves half a file under a hash.
 */
@Component
class LocalFileStore implements FileStore {

    private final Path root;

    LocalFileStore(MotcuaProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().normalize().resolve("files");
    }

    @Override
    public Stored put(InputStream content, long maxBytes) throws IOException {
        Files.createDirectories(root);
        Path temporary = Files.createTempFile(root, "upload-", ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha)) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > maxBytes) {
                        throw new TooLarge();
                    }
                    out.write(buffer, 0, read);
                }
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = path(hash);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(hash, size);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    @Override
    public long size(String sha256) throws IOException {
        return Files.size(path(sha256));
    }

    private Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
