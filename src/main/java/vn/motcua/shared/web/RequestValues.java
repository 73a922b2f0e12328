package vn.motcua.shared.web;

import java.util.Arrays;
import java.util.Locale;
import vn.motcua.shared.ProblemException;

/** Request parameters that name one of an enum's values, in any case ({@code due=overdue}). */
public final class RequestValues {

    private RequestValues() {}

    /** The value named, or a 400 problem for parameter {@code name} listing the allowed values. */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        E chosen = choiceOr(value, type, null);
        if (chosen == null) {
            throw ProblemException.invalid(name, "validation.choice", String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
        }
        return chosen;
    }

    /** The value named, or {@code otherwise} (pages show their default rather than an error). */
    public static <E extends Enum<E>> E choiceOr(String value, Class<E> type, E otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }
}
