package vn.motcua.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.shared.Page;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.web.PageLinks;
import vn.motcua.shared.web.Problems;

/**
 * The public catalogue (công khai thủ tục hành chính): anyone, signed in or not, searches the procedures
 * in force and reads one, to prepare a dossier. No session is needed, so none is created.
 */
@Controller
class CatalogPages {

    static final int PAGE_SIZE = 20;

    /** One line of the results. */
    public record Result(String code, String name, String field, String agencyName, String timeLimit,
            OnlineLevel onlineLevel) {}

    private final Catalog catalog;
    private final CatalogViews views;
    private final Problems problems;

    CatalogPages(Catalog catalog, CatalogViews views, Problems problems) {
        this.catalog = catalog;
        this.views = views;
        this.problems = problems;
    }

    /**
     * The search page, or with htmx (typing in the box) only its results. Filters are kept as typed;
     * anything a filter cannot be is ignored rather than answered with an error page.
     */
    @GetMapping("/procedures")
    @PreAuthorize("permitAll()")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
            @RequestParam(required = false) String onlineLevel, @RequestParam(required = false) String page,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String query = q == null ? "" : q.strip();
        String wantedField = field == null || field.isBlank() ? null : field.strip();
        OnlineLevel level = CatalogViews.enumOrNull(OnlineLevel.class, onlineLevel);
        int number = CatalogViews.pageNumber(page);
        Page<Catalog.Summary> found;
        try {
            found = catalog.searchPublished(query, wantedField, level, number - 1, PAGE_SIZE);
            int pages = pages(found.total());
            if (number > pages && found.total() > 0) {
                number = pages;
                found = catalog.searchPublished(query, wantedField, level, number - 1, PAGE_SIZE);
            }
        } catch (ProblemException e) {
            // A query too long to be a search: say so next to the box, with no results.
            model.addAttribute("queryError", problems.firstReason(e));
            found = new Page<>(List.of(), 0, 0, PAGE_SIZE);
        }
        int current = number;
        model.addAttribute("q", query);
        model.addAttribute("field", wantedField);
        model.addAttribute("onlineLevel", level);
        model.addAttribute("results", found.items().stream().map(s -> new Result(s.code(), s.name(), s.field(),
                s.agencyName(), views.timeLimit(s.timeLimit()), s.onlineLevel())).toList());
        model.addAttribute("total", found.total());
        PageLinks.addTo(model, current, found.total(), PAGE_SIZE, found.items().size(),
                n -> searchUrl(query, wantedField, level, n));
        model.addAttribute("levels", OnlineLevel.values());
        // The same address answers with a whole page or with the results only: caches must tell them apart.
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        if (request.getHeader("HX-Request") != null && request.getHeader("HX-History-Restore-Request") == null) {
            return "catalog/search :: results";
        }
        model.addAttribute("fields", catalog.fields());
        return "catalog/search";
    }

    @GetMapping("/procedures/{code}")
    @PreAuthorize("permitAll()")
    String procedure(@PathVariable String code, HttpServletRequest request, Model model) {
        ProcedureData procedure = catalog.published(code)
                .orElseThrow(() -> ProblemException.notFound("catalog.not-found", code));
        model.addAttribute("p", views.detail(procedure));
        // Printed on paper, the page says where it came from.
        model.addAttribute("pageUrl", ServletUriComponentsBuilder.fromContextPath(request)
                .path("/procedures/{code}").buildAndExpand(procedure.code()).encode().toUriString());
        return "catalog/procedure";
    }

    private static int pages(long total) {
        return (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** Typed text goes in as URI variables, so that every character of it (+, &, {, …) survives the trip. */
    static String searchUrl(String q, String field, OnlineLevel level, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/procedures");
        Map<String, Object> values = new HashMap<>();
        if (q != null && !q.isEmpty()) {
            url.queryParam("q", "{q}");
            values.put("q", q);
        }
        if (field != null) {
            url.queryParam("field", "{field}");
            values.put("field", field);
        }
        if (level != null) {
            url.queryParam("onlineLevel", level.name());
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().buildAndExpand(values).toUriString();
    }
}
