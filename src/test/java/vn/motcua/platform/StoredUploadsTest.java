package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import vn.motcua.shared.ProblemException;

/**
 * A file accepted once and kept in the store is taken again (a draft's file for its dossier) by its hash, without
 * being read: what could have changed since is checked again, what could not is not.
 */
class StoredUploadsTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dataDir;

    Uploads uploads(String maxSize) {
        return new Uploads(new LocalFileStore(new MotcuaProperties(dataDir, false, null)), DataSize.parse(maxSize));
    }

    @Test
    void a_stored_file_is_taken_again_by_its_hash_with_its_type_size_and_name() throws IOException {
        Uploads uploads = uploads("1MB");
        Uploads.Accepted first = uploads.accept("Đơn đề nghị.pdf", new ByteArrayInputStream(PDF));
        long stored = files();
        Uploads.Accepted again = uploads.acceptStored(first, Uploads.SCANS);
        assertThat(again).isEqualTo(first);
        assertThat(files()).as("nothing written again").isEqualTo(stored).isEqualTo(1);
        try (InputStream content = uploads.open(again.sha256())) {
            assertThat(content.readAllBytes()).isEqualTo(PDF);
        }
    }

    @Test
    void a_file_the_store_no_longer_holds_with_its_size_is_not_taken() throws IOException {
        Uploads uploads = uploads("1MB");
        Uploads.Accepted first = uploads.accept("to-khai.pdf", new ByteArrayInputStream(PDF));
        assertThatThrownBy(() -> uploads.acceptStored(new Uploads.Accepted(first.name(), first.contentType(),
                first.sha256(), first.size() + 1), Uploads.SCANS)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> uploads.acceptStored(new Uploads.Accepted(first.name(), first.contentType(),
                "0".repeat(64), first.size()), Uploads.SCANS)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void a_file_over_todays_size_limit_or_of_a_kind_no_longer_allowed_is_refused_as_at_its_upload() throws IOException {
        Uploads.Accepted first = uploads("1MB").accept("to-khai.pdf", new ByteArrayInputStream(PDF));
        ProblemException tooLarge = refused(() -> uploads(PDF.length - 1 + "B").acceptStored(first, Uploads.SCANS));
        assertThat(tooLarge.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        ProblemException type = refused(() -> uploads("1MB").acceptStored(new Uploads.Accepted(first.name(),
                "text/html", first.sha256(), first.size()), Uploads.SCANS));
        assertThat(type.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void the_name_is_made_plain_again() throws IOException {
        Uploads uploads = uploads("1MB");
        Uploads.Accepted first = uploads.accept("scan.pdf", new ByteArrayInputStream(PDF));
        Uploads.Accepted renamed = uploads.acceptStored(new Uploads.Accepted("../../etc/passwd", first.contentType(),
                first.sha256(), first.size()), Uploads.SCANS);
        assertThat(renamed.name()).isEqualTo("passwd.pdf");
    }

    private long files() throws IOException {
        try (var walk = Files.walk(dataDir.resolve("files"))) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private static ProblemException refused(Call call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }
}
