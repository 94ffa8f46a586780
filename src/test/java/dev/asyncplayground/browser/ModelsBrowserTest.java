package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.engine.Limits;
import dev.asyncplayground.web.RunningApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The four execution models in the browser: threads per model, large runs, and leaving mid-run. */
class ModelsBrowserTest {

    private static RunningApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void startAppAndBrowser() {
        app = RunningApp.start(Limits.defaults().withRuns(4, 8), Duration.ofMillis(300));
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    private void openCpuVsIo(String query) {
        browser.get(app.url() + "/exercises/cpu-vs-io?" + query);
    }

    private void runAndWait(int runs) {
        browser.findElement(By.id("run-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(d -> {
            List<WebElement> panels = d.findElements(By.cssSelector(".run"));
            return panels.size() == runs && panels.stream().allMatch(r -> "done".equals(r.getAttribute("data-status")));
        });
    }

    @Test
    void colouringByThreadShowsOneThreadForTheEventLoopAndFewCarriersForVirtualThreads() throws Exception {
        openCpuVsIo("tasks=6&kind=io&duration=300ms&modes=event-loop&modes=virtual-threads");
        runAndWait(2);
        new Select(browser.findElement(By.cssSelector("select.colour-by"))).selectByValue("thread");
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d ->
                d.findElement(By.cssSelector(".run[data-mode='event-loop'] .threads")).isDisplayed());
        assertEquals(1, chips("event-loop").size(), "an event loop runs every step on one thread");
        int carriers = chips("virtual-threads").size();
        assertTrue(carriers >= 1 && carriers <= Runtime.getRuntime().availableProcessors(),
                "virtual threads run on a few carriers: " + carriers);
        chips("virtual-threads").getFirst().click();
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector(".comparison")));
        screenshot("models-by-thread.png");
    }

    @Test
    void aLargeRunIsDrawnAsAnAggregatePlusASampleOfLanes() throws Exception {
        openCpuVsIo("tasks=2000&kind=io&duration=1s&modes=virtual-threads");
        runAndWait(1);
        WebElement run = browser.findElement(By.cssSelector(".run[data-mode='virtual-threads']"));
        assertTrue(run.findElements(By.cssSelector("path.seg-waiting")).size() == 1, "the aggregate has a waiting band");
        long lanes = run.findElements(By.cssSelector("rect.seg[data-task]")).stream()
                .map(r -> r.getAttribute("data-task")).distinct().count();
        assertTrue(lanes <= 40, "only a sample of lanes is drawn: " + lanes);
        assertEquals("2000", browser.findElement(By.cssSelector("tr[data-mode='virtual-threads'] td.peak")).getText());
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.cssSelector(".comparison")));
        screenshot("large-run.png");
    }

    @Test
    void closingThePageMidRunLeavesNothingBehind() throws Exception {
        openCpuVsIo("tasks=8&kind=io&duration=2s&modes=virtual-threads&modes=platform-threads");
        browser.findElement(By.id("run-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".run")).size() == 2);
        Thread.sleep(500);
        browser.get("about:blank");
        HttpClient http = HttpClient.newHttpClient();
        String status = "";
        for (int i = 0; i < 200; i++) {
            status = http.send(HttpRequest.newBuilder(URI.create(app.url() + "/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (status.contains("\"activeRuns\":0") && status.contains("\"openStreams\":0")
                    && status.contains("\"liveEngineThreads\":0")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("something outlived the page: " + status);
    }

    private List<WebElement> chips(String mode) {
        return browser.findElements(By.cssSelector(".run[data-mode='" + mode + "'] .threads .thread-chip"));
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
