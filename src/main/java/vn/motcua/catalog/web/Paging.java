package vn.motcua.catalog.web;

import vn.motcua.catalog.Catalog;
import vn.motcua.shared.ProblemException;

final class Paging {

    private Paging() {}

    static void check(int page, int size) {
        if (page < 0 || page > 100_000) {
            throw ProblemException.invalid("page", "validation.page");
        }
        if (size < 1 || size > Catalog.MAX_PAGE_SIZE) {
            throw ProblemException.invalid("size", "validation.size", Catalog.MAX_PAGE_SIZE);
        }
    }
}
