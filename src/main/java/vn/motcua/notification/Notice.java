package vn.motcua.notification;

import java.util.List;

/**
 * A notice to a citizen or a unit. With an e-mail address it becomes an e-mail, with a phone number an SMS
 * (the body, shortened to fit), with both it becomes both; with neither it is not sent at all.
 *
 * @param kind a short code such as {@code DOSSIER_ACCEPTED}, for the log and statistics
 * @param email the recipient's e-mail address, or {@code null}
 * @param phone the recipient's phone number, or {@code null}
 * @param subject the e-mail's subject
 * @param body plain text, UTF-8
 * @param attachments files attached to the e-mail (not to the SMS); {@code null} means none
 */
public record Notice(String kind, String email, String phone, String subject, String body,
        List<Attachment> attachments) {

    public Notice {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("a notice needs a kind");
        }
        if (body == null) {
            throw new IllegalArgumentException("a notice needs a body");
        }
        email = email == null || email.isBlank() ? null : email.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        subject = subject == null ? "" : subject;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * A file attached to the e-mail, e.g. the receipt as a PDF: its content, or a {@code source} reference
     * that an {@link AttachmentSource} renders when the e-mail is sent. A reference keeps the costly rendering
     * of a PDF out of the transaction that changed the dossier.
     */
    public record Attachment(String name, String contentType, byte[] content, String source) {

        public Attachment {
            if (name == null || name.isBlank() || (content == null) == (source == null || source.isBlank())) {
                throw new IllegalArgumentException("an attachment needs a name and either content or a source");
            }
            contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        }

        public Attachment(String name, String contentType, byte[] content) {
            this(name, contentType, content, null);
        }

        /** An attachment rendered when the e-mail is sent, by the {@link AttachmentSource} that knows it. */
        public static Attachment rendered(String name, String contentType, String source) {
            return new Attachment(name, contentType, null, source);
        }
    }
}
