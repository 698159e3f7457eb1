package org.openapheresis.server.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves target/screenshots/FAILED-test-name.png when a browser test fails, to see what the user saw. */
final class ScreenshotOnFailure implements TestWatcher {

    static volatile Browser current;

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Browser b = current;
        if (b != null) {
            try {
                b.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
