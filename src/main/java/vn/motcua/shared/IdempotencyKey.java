package vn.motcua.shared;

/**
 * The {@code Idempotency-Key} a client sends so that a repeated submit (a retry after a timeout, a double
 * click) answers the first result instead of creating a second record.
 */
public final class IdempotencyKey {

    /** Long enough for a UUID or a client's own scheme, short enough to index. */
    public static final int MAX_LENGTH = 100;

    private IdempotencyKey() {}

    /**
     * The key as sent, or {@code null} when none was sent; a 400 problem naming the header when it is
     * blank or longer than {@link #MAX_LENGTH}.
     */
    public static String checked(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_LENGTH)) {
            throw ProblemException.invalid("Idempotency-Key", "problem.idempotency-key-invalid", MAX_LENGTH);
        }
        return key;
    }
}
