package vn.motcua.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The page links under a list (templates/fragments/pagination.html): the first, the last and two on either
 * side of the current page, with a gap (number 0) where pages are left out.
 */
public final class PageLinks {

    private PageLinks() {}

    /** One link; {@code number} 0 is a gap. Pages count from 1. */
    public record PageLink(int number, String url, boolean current) {}

    public static List<PageLink> of(int current, int total, IntFunction<String> url) {
        List<PageLink> links = new ArrayList<>();
        int previous = 0;
        for (int n = 1; n <= total; n++) {
            if (n == 1 || n == total || Math.abs(n - current) <= 2) {
                if (previous != 0 && n - previous > 1) {
                    links.add(new PageLink(0, null, false));
                }
                links.add(new PageLink(n, url.apply(n), n == current));
                previous = n;
            }
        }
        return links;
    }
}
