package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Runs stay in the browser's history; any ticked runs compare on one axis with a table. */
class HistoryCompareTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    private static ChromeDriver browser() {
        return session.driver();
    }

    @Test
    void twoRunsWithDifferentParametersCompareOnOneAxisAndSurviveAReload() throws Exception {
        session.open("/exercises/counting");
        session.chooseModes("sequential");
        runCounting("100ms", "0.5");
        runCounting("200ms", "");
        assertEquals(2, browser().findElements(By.cssSelector("#history .history-list li")).size(),
                () -> session.each("#history .history-list li", "el.textContent") + " / "
                        + session.each(".comparison", "el.querySelector('.comparison-title').textContent + el.dataset.live")
                        + session.each(".run", "el.dataset.status + el.dataset.runId + ' ' + (Playground.runs.get(el.dataset.runId) || {model:{}}).model.done")
                        + session.driver().manage().logs().get("browser").getAll());

        session.revisit("/exercises/counting");
        new WebDriverWait(browser(), Duration.ofSeconds(20)).until(d -> session.each(".comparison", "el.dataset.live")
                .equals(List.of("no", "no")));
        List<WebElement> items = browser().findElements(By.cssSelector("#history .history-list li"));
        assertEquals(2, items.size(), "the history survives a reload");
        assertTrue(items.getFirst().getText().contains("unit = 200ms") && items.getFirst().getText().contains("sequential"),
                "labelled with the settings that differ and the mode: " + items.getFirst().getText());
        items.forEach(li -> li.findElement(By.tagName("input")).click());
        browser().findElement(By.cssSelector(".history-compare-button")).click();

        List<String> speedups = session.each(".history-table td.speedup", "el.textContent");
        assertEquals(2, speedups.size());
        assertTrue(speedups.contains("1.00×"), "the slowest selected is the baseline: " + speedups);
        double faster = speedups.stream().filter(s -> !s.equals("1.00×")).mapToDouble(s -> Double.parseDouble(s.replace("×", "")))
                .findFirst().orElseThrow();
        assertTrue(faster > 1.3 && faster < 2.6, "naps of 100 ms vs 200 ms: about twice as fast, noise allowed: " + faster);
        List<String> guesses = session.each(".history-table td.guess", "el.textContent");
        assertTrue(guesses.stream().anyMatch(g -> g.startsWith("0.50 s, ")), "the guess and its error: " + guesses);
        assertTrue(guesses.contains("—"), guesses.toString());

        List<String> tickSets = session.each(".history-run svg", "[...el.querySelectorAll('text.tick')].map(t => t.textContent).join()");
        assertEquals(2, tickSets.size(), "both timelines are drawn");
        assertEquals(tickSets.get(0), tickSets.get(1), "one shared time axis");
        List<Double> ends = session.each(".history-run svg", "Math.max(...[...el.querySelectorAll('rect.end-done')].map(r => +r.getAttribute('x')))")
                .stream().map(Double::parseDouble).toList();
        assertTrue(ends.get(0) < ends.get(1) * 0.7 || ends.get(1) < ends.get(0) * 0.7,
                "the faster run ends well left of the slower on the shared axis: " + ends);
        int waitsAtTheEnd = browser().findElements(By.cssSelector(".history-run rect.seg-waiting")).size();
        WebElement cursor = browser().findElement(By.cssSelector(".history-compare .scrubber"));
        for (int i = 0; i < 8; i++) {
            cursor.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        }
        assertEquals(2, browser().findElements(By.cssSelector(".history-run line.cursor")).size(), "one cursor per run");
        assertTrue(session.each(".history-run rect.end-done[data-task='n4']", "el").size() < 2,
                "at 20 % of the slower run, the slower has not ended n4");
        assertEquals(waitsAtTheEnd, browser().findElements(By.cssSelector(".history-run rect.seg-waiting")).size(),
                "both naps had begun by then");
        session.shot("ui-history-compare-1280x1400.png");
        session.assertNoConsoleErrors();
    }

    @Test
    void theOldestRunsAreDroppedFirstWithANoteWhenTheStoreIsFull() {
        session.open("/exercises/counting");
        session.chooseModes("sequential");
        runCounting("10ms", "");
        int oneRun = ((Number) browser().executeScript("return localStorage.getItem('playground:history').length;")).intValue();
        browser().executeScript("RunHistory.setBudget(arguments[0]);", oneRun * 2 + 100);
        runCounting("20ms", "");
        runCounting("30ms", "");
        session.assertNoConsoleErrors();
        List<String> kept = session.each("#history .history-list li", "el.textContent");
        assertEquals(2, kept.size(), "two runs fit: " + kept);
        assertTrue(kept.getFirst().contains("unit = 30ms") && kept.get(1).contains("unit = 20ms"), kept.toString());
        String note = browser().findElement(By.cssSelector("#history .history-note")).getText();
        assertTrue(note.startsWith("The 1 oldest run was dropped"), note);
    }

    private static void runCounting(String unit, String guess) {
        session.setField("count", "4");
        session.setField("sleepers", "2");
        session.setField("unit", unit);
        session.setField("predict-sequential", guess);
        int before = browser().findElements(By.cssSelector(".comparison")).size();
        session.runAndAwaitAllDone(before + 1);
    }
}
