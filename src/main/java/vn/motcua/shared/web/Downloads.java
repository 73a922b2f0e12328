package vn.motcua.shared.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file sent to the browser as an attachment, its UTF-8 name kept (RFC 6266 {@code filename*}). */
public final class Downloads {

    private Downloads() {}

    public static ResponseEntity<InputStreamResource> attachment(String name, String contentType, long size,
            InputStream content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(content));
    }
}
