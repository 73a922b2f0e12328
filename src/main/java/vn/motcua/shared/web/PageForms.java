package vn.motcua.shared.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.motcua.shared.VietnamTime;

/**
 * The one way page forms work: a record bound field by field ({@code @Valid @ModelAttribute}), Bean Validation
 * for the shape of what is typed, a {@link BindingResult} for what went wrong, and the domain's refusals worded
 * by {@link Problems}. A form of its own page is shown again at once; an action form on a detail page (a task,
 * a dossier) follows POST-redirect-GET, and a refused one is kept here, as typed and with its errors, for the
 * page the browser is sent back to.
 */
public final class PageForms {

    private PageForms() {}

    /**
     * Keeps a refused action form and its errors for the next page (flash attributes). They travel in the page
     * session, which is kept in the database and so Java-serialized: the form must be {@link Serializable}.
     */
    public static void keep(RedirectAttributes redirect, String name, Serializable form, BindingResult errors) {
        redirect.addFlashAttribute(name, form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
    }

    /**
     * A date as typed into {@code field} ({@link VietnamTime#parseTypedDate}): null when left empty, or null with the
     * input marked by {@code errorKey} when it is no date.
     */
    public static LocalDate date(String text, String field, String errorKey, BindingResult errors) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return VietnamTime.parseTypedDate(value);
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, errorKey);
            return null;
        }
    }

    /** Puts the form a page shows into the model: one kept after a refusal, otherwise a fresh one. */
    public static void show(Model model, String name, Supplier<?> fresh) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, fresh.get());
        }
    }
}
