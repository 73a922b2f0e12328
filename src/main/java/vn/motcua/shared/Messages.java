package vn.motcua.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts from the message bundles: in the caller's language (Vietnamese unless English is asked for), or in
 * a language given for documents that have one (reports, printed forms). A key missing from the bundles
 * reads as itself, so that a page shows the key rather than failing.
 */
@Component
public class Messages {

    private final MessageSource messages;

    Messages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return text(LocaleContextHolder.getLocale(), key, args);
    }

    public String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    /** A validation or binding error (a {@code FieldError} of a {@code BindingResult}) in the caller's language. */
    public String text(MessageSourceResolvable error) {
        return messages.getMessage(error, LocaleContextHolder.getLocale());
    }

    /** The text of {@code key} when the bundles have it, otherwise {@code otherwise} (which may be null). */
    public String textOr(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, LocaleContextHolder.getLocale());
    }

    /**
     * A name that is either a message key (statutory holidays and their legal references are stored as keys)
     * or text typed by an administrator, which is shown as typed.
     */
    public String nameOrKey(String nameOrKey) {
        if (nameOrKey == null || !(nameOrKey.startsWith("holiday.") || nameOrKey.startsWith("calendar."))) {
            return nameOrKey;
        }
        return text(nameOrKey);
    }
}
