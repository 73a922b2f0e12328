package vn.motcua.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.motcua.shared.Spreadsheets;

/** Files sent to the browser: stored files, printed forms, workbooks. */
public final class Downloads {

    private Downloads() {}

    /** A stored file as an attachment, its UTF-8 name kept (RFC 6266 {@code filename*}). */
    public static ResponseEntity<InputStreamResource> attachment(String name, String contentType, long size,
            InputStream content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .contentLength(size)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new InputStreamResource(content));
    }

    /** A document made for this request and shown in the browser (a printed form). */
    public static ResponseEntity<byte[]> inline(String name, MediaType type, byte[] content) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .body(content);
    }

    /** A workbook made in memory, downloaded. */
    public static ResponseEntity<byte[]> workbook(String name, byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(Spreadsheets.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachmentNamed(name))
                .body(content);
    }

    /** The headers of a workbook written straight to the response as it is made (streamed). */
    public static void workbookHeaders(HttpServletResponse response, String name) {
        response.setContentType(Spreadsheets.XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachmentNamed(name));
    }

    private static String attachmentNamed(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
