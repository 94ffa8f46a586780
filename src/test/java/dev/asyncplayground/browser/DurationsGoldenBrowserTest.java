package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncplayground.timeline.GoldenDurations;
import dev.asyncplayground.web.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page writes durations for reading as the server does (a timing note names the ideal the way
 * the figures beside it do): one rule, two writers, one file that holds them together.
 */
class DurationsGoldenBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    @Test
    void thePageWritesEveryGoldenDurationAsTheServerDoes() {
        session.open("/");
        for (GoldenDurations.Case golden : GoldenDurations.cases()) {
            Object text = session.driver().executeScript("return Timeline.seconds(arguments[0]);", golden.ms());
            assertEquals(golden.text(), text, golden.toString());
        }
        session.assertNoConsoleErrors();
    }
}
