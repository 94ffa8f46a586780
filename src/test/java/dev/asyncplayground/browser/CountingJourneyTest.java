package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/** A learner's whole journey through the counting exercise, in a real headless Chromium. */
class CountingJourneyTest {

    private static RunningApp app;
    private static ChromeDriver browser;

    @BeforeAll
    static void startAppAndBrowser() {
        app = RunningApp.start();
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

    @Test
    void runningBothModesShowsTwoTimelinesWithTheTextbookTimesAndOrder() throws Exception {
        browser.get(app.url());
        browser.findElement(By.linkText("Counting with naps")).click();
        setField("count", "12");
        setField("sleepers", "3, 7");
        setField("unit", "200ms");
        assertTrue(modeBox("sequential").isSelected(), "sequential is ticked by default");
        assertTrue(modeBox("virtual-threads").isSelected(), "virtual-threads is ticked by default");

        browser.findElement(By.id("run-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> runs = d.findElements(By.cssSelector(".run"));
            return runs.size() == 2 && runs.stream().allMatch(r -> "done".equals(r.getAttribute("data-status")));
        });

        assertEquals(2, browser.findElements(By.cssSelector(".run .timeline svg")).size(), "two timelines");
        assertEquals(12, browser.findElements(By.cssSelector(".run[data-mode='sequential'] .output li")).size());
        assertEquals(2.0, elapsedSeconds("sequential"), 0.15, "sequential ≈ sum of naps (3 + 7) × 200 ms");
        assertEquals(1.4, elapsedSeconds("virtual-threads"), 0.15, "virtual threads ≈ longest nap 7 × 200 ms");
        List<String> output = browser.findElements(By.cssSelector(".run[data-mode='virtual-threads'] .output .text"))
                .stream().map(WebElement::getText).toList();
        assertEquals(List.of("3", "7"), output.subList(output.size() - 2, output.size()),
                "virtual threads print 3, then 7, last");
        assertTrue(browser.findElements(By.cssSelector(".run[data-mode='virtual-threads'] rect.seg-waiting")).size() >= 2,
                "the naps show as waiting segments");
        WebElement nap = browser.findElement(By.cssSelector(
                ".run[data-mode='virtual-threads'] rect.seg-waiting[data-task='n7']"));
        String hover = nap.findElement(By.tagName("title")).getAttribute("textContent");
        assertTrue(hover.contains("n7 · waiting") && hover.contains("→") && hover.contains("thread "),
                "hovering a segment tells task, state, start, end and thread: " + hover);
        assertTrue(browser.findElements(By.cssSelector(".run[data-mode='sequential'] .segments tbody tr")).size() >= 12,
                "the timeline is also a table for screen readers");
        screenshot("counting-after-run.png");
    }

    private void setField(String name, String value) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private WebElement modeBox(String mode) {
        return browser.findElement(By.cssSelector("input[name='modes'][value='" + mode + "']"));
    }

    private double elapsedSeconds(String mode) {
        String text = browser.findElement(By.cssSelector("tr[data-mode='" + mode + "'] td.elapsed")).getText();
        return Double.parseDouble(text.replace(" s", "").strip());
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
