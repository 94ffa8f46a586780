package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** A learner's whole journey through the counting exercise, in a real headless Chromium. */
class CountingJourneyTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    private static ChromeDriver browser() {
        return session.driver();
    }

    @Test
    void runningBothModesShowsTwoTimelinesWithTheTextbookTimesAndOrder() throws Exception {
        session.open("/");
        browser().findElement(By.linkText("Counting with naps")).click();
        session.setField("count", "12");
        session.setField("sleepers", "3, 7");
        session.setField("unit", "200ms");
        assertTrue(modeBox("sequential").isSelected(), "sequential is ticked by default");
        assertTrue(modeBox("virtual-threads").isSelected(), "virtual-threads is ticked by default");

        session.runAndAwaitDone(2);

        assertEquals(2, browser().findElements(By.cssSelector(".run .timeline svg")).size(), "two timelines");
        assertEquals(12, browser().findElements(By.cssSelector(".run[data-mode='sequential'] .output li")).size());
        assertEquals(2.0, elapsedSeconds("sequential"), 0.15, "sequential ≈ sum of naps (3 + 7) × 200 ms");
        assertEquals(1.4, elapsedSeconds("virtual-threads"), 0.15, "virtual threads ≈ longest nap 7 × 200 ms");
        List<String> output = browser().findElements(By.cssSelector(".run[data-mode='virtual-threads'] .output .text"))
                .stream().map(WebElement::getText).toList();
        assertEquals(List.of("3", "7"), output.subList(output.size() - 2, output.size()),
                "virtual threads print 3, then 7, last");
        assertTrue(browser().findElements(
                        By.cssSelector(".run[data-mode='virtual-threads'] rect.seg-waiting")).size() >= 2,
                "the naps show as waiting segments");
        String hover = session.each(".run[data-mode='virtual-threads'] rect.seg-waiting[data-task='n7']",
                "el.querySelector('title').textContent").getFirst();
        assertTrue(hover.contains("n7 · waiting") && hover.contains("→") && hover.contains("thread "),
                "hovering a segment tells task, state, start, end and thread: " + hover);
        assertTrue(browser().findElements(
                        By.cssSelector(".run[data-mode='sequential'] .segments tbody tr")).size() >= 12,
                "the timeline is also a table for screen readers");
        session.screenshot("counting-after-run.png");
    }

    private WebElement modeBox(String mode) {
        return browser().findElement(By.cssSelector("input[name='modes'][value='" + mode + "']"));
    }

    private double elapsedSeconds(String mode) {
        String text = browser().findElement(By.cssSelector("tr[data-mode='" + mode + "'] td.elapsed")).getText();
        return Double.parseDouble(text.replace(" s", "").strip());
    }

}
