package vn.motcua.shared;

import java.util.List;

/**
 * One page of a list as every module answers it, and as the API writes it: {@code items}, {@code total}
 * (all matching rows), {@code page} (from 0) and {@code size}.
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    /** The largest page a caller may ask for: beyond it a list is an export, not a page. */
    public static final int MAX_SIZE = 100;

    /** The largest page number: keeps a hand-made request from asking the database for a huge OFFSET. */
    public static final int MAX_PAGE = 100_000;

    /** A 400 problem naming {@code page} or {@code size} when a request asks for a page outside the limits. */
    public static void checkRequest(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw ProblemException.invalid("page", "validation.page", MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "validation.size", MAX_SIZE);
        }
    }
}
