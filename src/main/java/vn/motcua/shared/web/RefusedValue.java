package vn.motcua.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A value of a JSON body refused while it is read, with the message key of why ({@code TextPolicy}'s character
 * rules, a date outside the accepted years): {@code ApiExceptionHandler} answers a 400 naming the field.
 */
final class RefusedValue extends MismatchedInputException {

    private final String messageKey;
    private final transient Object[] args;

    RefusedValue(JsonParser parser, Class<?> type, String messageKey, Object... args) {
        super(parser, "Value refused: " + messageKey, type);
        this.messageKey = messageKey;
        this.args = args;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}
