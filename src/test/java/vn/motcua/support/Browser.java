package vn.motcua.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.shared.VietnamTime;

/**
 * A headless Chromium driven by Playwright, for tests that need a real browser (htmx, Bootstrap, the
 * Content-Security-Policy). One browser per test class; each {@link #newPage(int)} opens a fresh context (own
 * cookies, Vietnamese locale). The browser is the first found of {@link #CANDIDATES}; {@code scripts/test}
 * installs one when none is there. Without a browser the tests fail, they are never skipped.
 */
public final class Browser implements AutoCloseable {

    /**
     * Where a developer's machine has a Chromium: {@code MOTCUA_CHROMIUM}, then Debian's and Ubuntu's Chromium,
     * then Google Chrome. None found: Playwright's own browser, if it has downloaded one.
     */
    static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/snap/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser launch() {
        Optional<Path> executable = executable();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions();
            executable.ifPresent(options::setExecutablePath);
            return new Browser(playwright, playwright.chromium().launch(options
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"))));
        } catch (RuntimeException e) {
            playwright.close();
            throw executable.isPresent() ? e : new IllegalStateException("Browser tests need Chromium or Chrome:"
                    + " none at MOTCUA_CHROMIUM or " + CANDIDATES + ", and Playwright has none of its own."
                    + " Run the tests with scripts/test, which installs Chromium, or set MOTCUA_CHROMIUM.", e);
        }
    }

    static Optional<Path> executable() {
        List<String> candidates = new ArrayList<>();
        String chosen = System.getenv("MOTCUA_CHROMIUM");
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(chosen);
        }
        candidates.addAll(CANDIDATES);
        return candidates.stream().map(Paths::get).filter(Files::isExecutable).findFirst();
    }

    /**
     * A page in a new context against the application on {@code port}; relative URLs work. Console errors
     * and script errors (e.g. a Content-Security-Policy violation) are collected in {@link #problems()}.
     */
    public Page newPage(int port) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("vi-VN")
                .setTimezoneId(VietnamTime.ZONE.getId())
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(1400, 900));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                problems.add("console: " + message.text());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
        return page;
    }

    /** A new page signed in through the sign-in form as one of the demo accounts, on the home page. */
    public Page signIn(int port, String username) {
        Page page = newPage(port);
        page.navigate("/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(Api.DEMO_PASSWORD);
        page.locator("#login-form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    /** A new page signed in through the citizens' sign-in form (phone, e-mail or user name), on "my dossiers". */
    public Page signInAsCitizen(int port, String login) {
        Page page = newPage(port);
        page.navigate("/cong-dan/dang-nhap");
        page.locator("#login").fill(login);
        page.locator("#password").fill(Api.DEMO_PASSWORD);
        page.locator("#citizen-login-form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/dang-nhap"));
        return page;
    }

    /** A full-page screenshot, for people to look at. */
    public static Path screenshot(Page page, String file) {
        Path path = Paths.get(file);
        page.screenshot(new Page.ScreenshotOptions().setPath(path).setFullPage(true));
        return path;
    }

    /** Console errors and script errors seen so far. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public void clearProblems() {
        problems.clear();
    }

    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
        chromium.close();
        playwright.close();
    }
}
