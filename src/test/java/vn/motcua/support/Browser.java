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
import vn.motcua.shared.VietnamTime;

/**
 * A headless Debian Chromium driven by Playwright, for tests that need a real browser (htmx, Bootstrap,
 * the Content-Security-Policy). One browser per test class; each {@link #newPage(int)} opens a fresh
 * context (own cookies, Vietnamese locale). Chromium must be installed ({@code apt-get install -y
 * chromium}); without it the tests fail, they are never skipped.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Browser tests need Debian Chromium at " + CHROMIUM
                    + ", which is missing: run `apt-get update && apt-get install -y chromium` and try again.");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Browser(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"))));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
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
