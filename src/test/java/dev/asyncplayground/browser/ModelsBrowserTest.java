package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.web.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The four execution models in the browser: threads per model, large runs, and leaving mid-run. */
class ModelsBrowserTest {

    @RegisterExtension
    static final BrowserSession session =
            BrowserSession.of(() -> RunningApp.start(Limits.defaults().withRuns(4, 8), Duration.ofMillis(300)));

    private static ChromeDriver browser() {
        return session.driver();
    }

    private void openCpuVsIo(String query) {
        session.open("/exercises/cpu-vs-io?" + query);
    }

    @Test
    void colouringByThreadShowsOneThreadForTheEventLoopAndFewCarriersForVirtualThreads() throws Exception {
        openCpuVsIo("tasks=6&kind=io&duration=300ms&modes=event-loop&modes=virtual-threads");
        session.runAndAwaitDone(2);
        new Select(browser().findElement(By.cssSelector("select.colour-by"))).selectByValue("thread");
        new WebDriverWait(browser(), Duration.ofSeconds(5)).until(d ->
                d.findElement(By.cssSelector(".run[data-mode='event-loop'] .threads")).isDisplayed());
        assertEquals(1, chips("event-loop").size(), "an event loop runs every step on one thread");
        int carriers = chips("virtual-threads").size();
        assertTrue(carriers >= 1 && carriers <= Runtime.getRuntime().availableProcessors() + 1,
                "virtual threads run on a few carriers (one per core and the one the server keeps): " + carriers);
        browser().findElement(By.cssSelector(".run[data-mode='virtual-threads'] .threads .thread-chip")).click();
        browser().executeScript("arguments[0].scrollIntoView()", browser().findElement(By.cssSelector(".comparison")));
        session.screenshot("models-by-thread.png");
    }

    @Test
    void aLargeRunIsDrawnAsAnAggregatePlusASampleOfLanes() throws Exception {
        openCpuVsIo("tasks=2000&kind=io&duration=1s&modes=virtual-threads");
        session.runAndAwaitDone(1);
        assertEquals(1, session.each(".run[data-mode='virtual-threads'] path.seg-waiting", "el.tagName").size(),
                "the aggregate has a waiting band");
        long lanes = session.each(".run[data-mode='virtual-threads'] rect.seg[data-task]", "el.dataset.task").stream()
                .distinct().count();
        assertTrue(lanes <= 40, "only a sample of lanes is drawn: " + lanes);
        assertEquals("2000",
                browser().findElement(By.cssSelector("tr[data-mode='virtual-threads'] td.peak")).getText());
        browser().executeScript("arguments[0].scrollIntoView()", browser().findElement(By.cssSelector(".comparison")));
        session.screenshot("large-run.png");
    }

    @Test
    void closingThePageMidRunLeavesNothingBehind() throws Exception {
        openCpuVsIo("tasks=8&kind=io&duration=2s&modes=virtual-threads&modes=platform-threads");
        browser().findElement(By.id("run-button")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".run")).size() == 2);
        Thread.sleep(500);
        browser().get("about:blank");
        HttpClient http = HttpClient.newHttpClient();
        String status = "";
        for (int i = 0; i < 200; i++) {
            status = http.send(HttpRequest.newBuilder(URI.create(session.app().url() + "/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (status.contains("\"activeRuns\":0") && status.contains("\"openStreams\":0")
                    && status.contains("\"liveEngineThreads\":0")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("something outlived the page: " + status);
    }

    private List<String> chips(String mode) {
        return session.each(".run[data-mode='" + mode + "'] .threads .thread-chip", "el.textContent");
    }

}
