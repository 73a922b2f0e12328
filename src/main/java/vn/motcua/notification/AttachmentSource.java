package vn.motcua.notification;

import java.util.Optional;

/**
 * Renders attachments named by reference when their e-mail is sent (see {@link Notice.Attachment#rendered}).
 * Modules that attach documents of their own (the dossier module's forms) provide one.
 */
public interface AttachmentSource {

    /** The attachment's content, or empty when {@code reference} is not this source's. */
    Optional<byte[]> render(String reference);
}
