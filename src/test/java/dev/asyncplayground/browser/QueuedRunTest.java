package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.web.RunningApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A run that waits for its turn says why and how many runs are ahead of it, then that it is next,
 * without pushing the comparison table's figures out of view.
 */
class QueuedRunTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(() -> RunningApp.start(Limits.defaults().withRuns(1, 5)));

    /**
     * Starts a run of 10 s (the exercise's longest unit), which outlasts the test's waits on a slow
     * machine; the test cancels it.
     */
    private static final String START_BUSY_RUN = """
            return fetch('/api/runs', { method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ exercise: 'counting', mode: 'virtual-threads',
                                     params: { count: 3, sleepers: [2], unit: '5s' } }) })
              .then((r) => r.json()).then((j) => j.id);""";

    @Test
    void aQueuedRunSaysWhyItWaitsAndHowManyAreAhead() {
        session.open("/exercises/counting");
        String first = (String) session.driver().executeScript(START_BUSY_RUN);
        String second = (String) session.driver().executeScript(START_BUSY_RUN);
        for (String name : List.of("count", "sleepers", "unit")) {
            session.setField(name, name.equals("unit") ? "10ms" : "2");
        }
        session.driver().findElement(By.cssSelector("input[name='modes'][value='sequential']")).click();
        session.driver().findElement(By.id("run-button")).click();
        new WebDriverWait(session.driver(), Duration.ofSeconds(10)).until(d -> session.each(".run .run-status",
                "el.textContent").stream().anyMatch(s -> s.startsWith("queued: the server is busy")));
        String status = session.each(".run .run-status", "el.textContent").getFirst();
        assertTrue(status.contains("1 waiting run is ahead of this one"), status);
        assertTrue((Boolean) session.driver().executeScript("const t = document.querySelector('.comparison .summary');"
                + " return t.scrollWidth <= t.clientWidth + 1;"), "the waiting run's status wraps: every column stays in view");
        cancel(List.of(second));
        new WebDriverWait(session.driver(), Duration.ofSeconds(10)).until(d -> session.each(".run .run-status",
                "el.textContent").getFirst().equals("queued: next to start, as soon as the server is free"));
        cancel(List.of(first));
        new WebDriverWait(session.driver(), Duration.ofSeconds(20)).until(d -> session.each(".run", "el.dataset.status")
                .stream().allMatch("done"::equals));
        session.assertNoConsoleErrors();
    }

    private static void cancel(List<String> runIds) {
        session.driver().executeScript("return Promise.all(arguments[0].map((id) => fetch('/api/runs/' + id,"
                + " { method: 'DELETE' })));", runIds);
    }
}
