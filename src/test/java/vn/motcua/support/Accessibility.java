package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accessibility checks of a page in a browser test. State bodies' public-service portals and the services they
 * offer must be usable by people with disabilities (Law on Persons with Disabilities 2010; Circular
 * 26/2020/TT-BTTTT; Decree 224/2026/NĐ-CP Art. 15(2) for online public services), and an elderly citizen often
 * has only a phone.
 * <ul>
 * <li>{@link #check(Page)}: axe-core's rules (WCAG 2.0–2.2 levels A and AA, and axe's best practices) on the page as
 * it is now; any violation of impact {@code serious} or {@code critical} fails the test. Call it once the page
 * shows what the test wants checked (an htmx result, an opened form, an error message).</li>
 * <li>{@link #onPhone(Page)} and {@link #fitsWidth(Page)}: on a phone's screen, nothing wider than the screen, so
 * that the page never scrolls sideways.</li>
 * <li>{@link #tabTo(Page, Locator)}: the keyboard alone reaches an element, and its focus can be seen.</li>
 * <li>{@link #referencesResolve(Page)}: every label, description and name given by reference points at an element
 * on the page.</li>
 * </ul>
 * The rules engine is the {@code axe.min.js} inside {@code com.deque.html.axe-core:playwright}, injected into
 * the page through Playwright (its version is the dependency's).
 */
public final class Accessibility {

    /** axe's impacts that fail a page; {@code minor} and {@code moderate} ones are left to review. */
    static final Set<String> FAILING = Set.of("serious", "critical");

    /** How many of a rule's failing elements a failure message names. */
    static final int NODES_SHOWN = 5;

    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    /** Tab presses {@link #tabTo} allows: more than a page's navigation, fewer than a loop through a long list. */
    static final int MAX_TABS = 60;

    /** True when the element has the keyboard's focus and shows it: an outline, or a box shadow (Bootstrap's ring). */
    private static final String FOCUS_VISIBLE = """
            e => {
              const s = getComputedStyle(e);
              const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
              return e.matches(':focus-visible') && (outline || s.boxShadow !== 'none');
            }""";

    private static final String FOCUSED = """
            () => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 200) : 'nothing'; }""";

    /** Each reference to an id that no element has: the element, the attribute and the id. */
    private static final String BROKEN_REFERENCES = """
            () => [...document.querySelectorAll('label[for], [aria-describedby], [aria-labelledby]')].flatMap(e => {
              const ids = e.tagName === 'LABEL' && e.htmlFor ? [['for', e.htmlFor]] : [];
              for (const name of ['aria-describedby', 'aria-labelledby']) {
                (e.getAttribute(name) || '').split(/\\s+/).filter(id => id).forEach(id => ids.push([name, id]));
              }
              const where = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '');
              return ids.filter(([, id]) => !document.getElementById(id)).map(([name, id]) => where + ' ' + name + '=' + id);
            })""";

    private Accessibility() {}

    /**
     * Runs axe-core on the page and fails on any serious or critical violation, naming for each its rule, impact,
     * what it asks, and the first few elements (CSS selectors) that break it.
     */
    public static void check(Page page) {
        AxeResults results = new AxeBuilder(page).analyze();
        assertThat(results.isErrored()).as("axe-core failed on %s: %s", page.url(), results.getErrorMessage())
                .isFalse();
        List<Rule> failing = results.getViolations().stream()
                .filter(rule -> FAILING.contains(rule.getImpact()))
                .toList();
        assertThat(failing).as("serious or critical accessibility violations on %s:%n%s", page.url(), describe(failing))
                .isEmpty();
    }

    /** The page on a phone's screen: 390 × 844 CSS pixels (an iPhone 12 to 14, and common Android phones). */
    public static Page onPhone(Page page) {
        page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
        return page;
    }

    /** Fails when the page is wider than its viewport, as a page that scrolls sideways on a phone is. */
    public static void fitsWidth(Page page) {
        int viewport = page.viewportSize().width;
        int width = ((Number) page.evaluate("document.scrollingElement.scrollWidth")).intValue();
        if (width > viewport) {
            throw new AssertionError(page.url() + " is " + width + " px wide on a " + viewport
                    + " px screen; wider elements: " + wider(page, viewport));
        }
    }

    /**
     * Presses Tab from where the focus is until the element has it (at most {@link #MAX_TABS} times) and checks that
     * the focus is visible: an outline or a focus shadow, as Bootstrap draws them. The element's own reaction to the
     * keys (Enter on a link, typing in a field) is the test's to press.
     */
    public static void tabTo(Page page, Locator element) {
        for (int pressed = 0; pressed < MAX_TABS; pressed++) {
            page.keyboard().press("Tab");
            if ((Boolean) element.evaluate("e => e === document.activeElement")) {
                assertThat((Boolean) element.evaluate(FOCUS_VISIBLE))
                        .as("focus visible on %s of %s", element, page.url()).isTrue();
                return;
            }
        }
        throw new AssertionError(element + " is not reached with " + MAX_TABS + " presses of Tab on " + page.url()
                + "; the focus is on " + page.evaluate(FOCUSED));
    }

    /**
     * Fails when a label ({@code for}), a description ({@code aria-describedby}) or a name ({@code aria-labelledby})
     * names an id that no element of the page has, e.g. an error message the server did not render: a screen reader
     * then reads the field without what it was meant to say. axe-core leaves such a reference to review (the element
     * might be added later), so {@link #check} does not fail on it.
     */
    public static void referencesResolve(Page page) {
        page.waitForLoadState();
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) page.evaluate(BROKEN_REFERENCES);
        assertThat(broken).as("references to ids not on %s", page.url()).isEmpty();
    }

    /** The elements that stick out of the viewport on the right, by tag, id and classes, the first few. */
    private static List<String> wider(Page page, int viewport) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) page.evaluate("""
                width => [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > width + 0.5)
                  .slice(0, 8)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.classList.length ? '.' + [...e.classList].join('.') : ''))""", viewport);
        return found;
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(Accessibility::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(Rule rule) {
        int count = rule.getNodes().size();
        return "- " + rule.getId() + " (" + rule.getImpact() + ", " + count + (count == 1 ? " element" : " elements")
                + "): " + rule.getHelp() + rule.getNodes().stream().limit(NODES_SHOWN).map(Accessibility::describe)
                        .collect(Collectors.joining());
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replaceAll("\\s+", " ");
        return "\n    " + node.getTarget() + ": " + summary;
    }
}
