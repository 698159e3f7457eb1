package org.openapheresis.server.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test class shares: one server and one headless browser on it for the class, a screenshot
 * of what the user saw when a test fails, and both closed at the end. Test classes run one at a time.
 */
@ExtendWith(ScreenshotOnFailure.class)
abstract class BrowserTest {

    static UiServer server;
    static Browser browser;

    /** Starts the server (with the demo unit when {@code demo}) and a browser on it; call from {@code @BeforeAll}. */
    static void open(boolean demo) throws Exception {
        server = new UiServer(demo);
        browser = Browser.open(server.baseUrl());
        ScreenshotOnFailure.current = browser;
    }

    /** No test may leave a script error or a refused load (e.g. a Content-Security-Policy violation) behind. */
    @org.junit.jupiter.api.AfterEach
    void the_page_wrote_no_error_to_the_console() {
        if (browser != null) {
            org.assertj.core.api.Assertions.assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        }
    }

    /** No page may show a value the code failed to fill: "null", "undefined" or "NaN" as a word of its text. */
    @org.junit.jupiter.api.AfterEach
    void the_page_shows_no_missing_value() {
        if (browser != null) {
            org.assertj.core.api.Assertions.assertThat(browser.missingValueTexts()).as("text nodes showing null, undefined or NaN")
                    .isEmpty();
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
