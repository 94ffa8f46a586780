package dev.asyncplayground.browser;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says once, after every test has run, that the browser tests were skipped and how to get them.
 *
 * <p>Registered through {@code META-INF/services}, so a laptop without Chromium runs every other
 * test and ends with one loud notice instead of a line per browser test class.
 */
public final class SkippedBrowserTestsNotice implements TestExecutionListener {

    private final AtomicInteger skippedClasses = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean noBrowser = result.getStatus() == TestExecutionResult.Status.ABORTED
                && result.getThrowable().map(Throwable::getMessage).orElse("").startsWith(Browser.MISSING);
        if (noBrowser && test.isContainer()) {
            skippedClasses.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        int skipped = skippedClasses.get();
        if (skipped > 0) {
            System.out.printf("%n!!!!!!!!!! %d BROWSER TEST CLASS%s SKIPPED !!!!!!!!!!%n%s%n"
                    + "Install them with: sudo apt-get install -y chromium chromium-driver%n"
                    + "then run the tests again to get the browser tests too.%n%n",
                    skipped, skipped == 1 ? " WAS" : "ES WERE", Browser.MISSING + " " + Browser.CHROMIUM
                            + ", " + Browser.CHROMEDRIVER + ".");
        }
    }
}
