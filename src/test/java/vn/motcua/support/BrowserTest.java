package vn.motcua.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test: Debian's Chromium driven by Playwright against the whole application, one browser per
 * test class; every test must end without console or script errors on the pages it visited.
 */
@IntegrationTest
public abstract class BrowserTest {

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void noScriptErrors() {
        assertThat(browser.problems()).as("console and script errors").isEmpty();
        browser.clearProblems();
    }
}
