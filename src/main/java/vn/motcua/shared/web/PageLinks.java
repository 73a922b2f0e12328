package vn.motcua.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.ui.Model;

/**
 * The page links under a list (templates/fragments/pagination.html): the first, the last and two on either
 * side of the current page, with a gap (number 0) where pages are left out.
 */
public final class PageLinks {

    private PageLinks() {}

    /** One link; {@code number} 0 is a gap. Pages count from 1. */
    public record PageLink(int number, String url, boolean current) {}

    /**
     * What a list page's pagination fragment and its "1–20 of 70" line read: {@code pages}, {@code previousUrl},
     * {@code nextUrl}, {@code firstShown} and {@code lastShown}. {@code current} counts from 1; {@code shown}
     * is the number of rows on the current page.
     */
    public static void addTo(Model model, int current, long total, int pageSize, int shown, IntFunction<String> url) {
        int pages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
        model.addAttribute("pages", of(current, pages, url));
        model.addAttribute("previousUrl", current > 1 ? url.apply(current - 1) : null);
        model.addAttribute("nextUrl", current < pages ? url.apply(current + 1) : null);
        model.addAttribute("firstShown", total == 0 ? 0 : (long) (current - 1) * pageSize + 1);
        model.addAttribute("lastShown", (long) (current - 1) * pageSize + shown);
    }

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
