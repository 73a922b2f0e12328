package vn.motcua.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.validation.BindingResult;
import vn.motcua.shared.Messages;

/**
 * A form's {@link BindingResult} in words, for a template whose inputs are rows rendered by fragments, also
 * outside the form (the blank row a script copies): the first message of an input, whether a row has any, and
 * the messages for the form as a whole. Paths are the inputs' names ({@code steps[1].durationHours}).
 */
public final class FieldMessages {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> global;

    private FieldMessages(Map<String, String> fields, Set<String> global) {
        this.fields.putAll(fields);
        this.global = List.copyOf(global);
    }

    public static FieldMessages of(BindingResult errors, Messages messages) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(error -> fields.putIfAbsent(error.getField(), messages.text(error)));
        Set<String> global = new LinkedHashSet<>();
        errors.getGlobalErrors().forEach(error -> global.add(messages.text(error)));
        return new FieldMessages(fields, global);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The first message of an input, or null. */
    public String of(String field) {
        return fields.get(field);
    }

    /** Whether a row (e.g. {@code steps[1]}) has an error in any of its inputs. */
    public boolean inRow(String row) {
        return fields.keySet().stream().anyMatch(f -> f.equals(row) || f.startsWith(row + "."));
    }

    public List<String> getGlobal() {
        return new ArrayList<>(global);
    }
}
