package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Predict, run, see the guess judged; watch the clock; cancel; scrub back through a finished run. */
class LearningLoopTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    private static ChromeDriver browser() {
        return session.driver();
    }

    @Test
    void aGuessTypedBeforeRunIsJudgedAgainstTheMeasuredAndIdealTimes() throws Exception {
        session.open("/exercises/counting");
        setCounting("6", "2, 4", "100ms");
        browser().findElement(By.name("predict-sequential")).sendKeys("0.3");
        browser().findElement(By.name("predict-virtual-threads")).sendKeys("400ms");
        session.runAndAwaitDone(2);

        String sequential = text(".run[data-mode='sequential'] .judged");
        assertTrue(sequential.startsWith("you guessed 0.30 s; it took 0.6") && sequential.contains("ideal 0.60 s")
                && sequential.contains("too short"), sequential);
        String threads = text(".run[data-mode='virtual-threads'] .judged");
        assertTrue(threads.startsWith("you guessed 0.40 s") && threads.contains("(close!)"), threads);
        assertTrue(text("tr[data-mode='sequential'] td.guess").matches("0\\.30 s, -\\d+ % \\(too short\\)"),
                text("tr[data-mode='sequential'] td.guess"));
        assertEquals("Counting with naps count = 6, sleepers = 2, 4, unit = 100ms", text(".comparison-title"));
        session.shot("ui-predict-1280x1400.png");
        session.assertNoConsoleErrors();
    }

    @Test
    void aGuessThatIsNotATimeIsRefusedBesideTheForm() {
        session.open("/exercises/counting");
        browser().findElement(By.name("predict-sequential")).sendKeys("soon");
        browser().findElement(By.id("run-button")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".form-error")).isEmpty());
        assertTrue(text(".form-error").contains("your guess for sequential, 'soon', is not a time"), text(".form-error"));
        assertTrue(browser().findElements(By.cssSelector(".comparison")).isEmpty(), "nothing ran");
    }

    @Test
    void aComparisonPastTheRunTimeLimitIsRefusedBesideTheFormNamingTheMode() throws Exception {
        session.open("/exercises/counting");
        setCounting("10", "10", "5s");
        browser().findElement(By.id("run-button")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".form-error")).isEmpty());
        String error = text(".form-error");
        assertTrue(error.startsWith("sequential: this run would take at least 50.0 s of real time"), error);
        assertTrue(error.endsWith("None of the modes runs."), "sequential, the first, started nothing: " + error);
        assertTrue(browser().findElements(By.cssSelector(".comparison")).isEmpty(), "nothing ran");
        Dimension before = browser().manage().window().getSize();
        for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
            browser().manage().window().setSize(new Dimension(size[0], size[1]));
            browser().executeScript("document.querySelector('.form-error').scrollIntoView({block: 'center'})");
            session.shot("ui-refused-" + size[0] + "x" + size[1] + ".png");
        }
        browser().manage().window().setSize(before);
        session.assertNoConsoleErrors();
    }

    @Test
    void cancelStopsEveryRunOfTheComparisonMidRunAndTheClockTicked() {
        session.open("/exercises/counting");
        setCounting("5", "3", "2s");
        browser().findElement(By.id("run-button")).click();
        WebDriverWait wait = new WebDriverWait(browser(), Duration.ofSeconds(15));
        wait.until(d -> clockSeconds("virtual-threads") >= 0.5);
        browser().findElement(By.cssSelector(".comparison .cancel-runs")).click();
        wait.until(d -> allRuns("cancelled"));
        double stoppedAt = clockSeconds("virtual-threads");
        assertTrue(stoppedAt < 5.5, "cancelled long before the 6 s nap ended: " + stoppedAt);
        assertTrue(browser().findElement(By.cssSelector(".comparison .cancel-runs")).getAttribute("hidden") != null,
                "nothing left to cancel");
        session.assertNoConsoleErrors();
    }

    @Test
    void aReloadKeepsTheLiveComparisonAndItsRunsGoOn() {
        session.open("/exercises/counting");
        setCounting("5", "3", "500ms");
        browser().findElement(By.id("run-button")).click();
        WebDriverWait wait = new WebDriverWait(browser(), Duration.ofSeconds(15));
        wait.until(d -> allRuns("running"));
        List<String> ids = session.each(".run", "el.dataset.runId");
        session.revisit("/exercises/counting");
        wait.until(d -> session.each(".run", "el.dataset.status").size() == 2);
        assertEquals(ids, session.each(".run", "el.dataset.runId"), "the same runs, shown again");
        wait.until(d -> allRuns("done"));
        assertEquals(5, session.each(".run[data-mode='sequential'] .output li", "el.textContent").size(),
                "every line, replayed and live");
        session.assertNoConsoleErrors();
    }

    @Test
    void escapeCancelsTheLiveComparison() {
        session.open("/exercises/counting");
        setCounting("5", "3", "2s");
        browser().findElement(By.id("run-button")).click();
        WebDriverWait wait = new WebDriverWait(browser(), Duration.ofSeconds(15));
        wait.until(d -> allRuns("running"));
        browser().findElement(By.tagName("h1")).click();
        browser().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> allRuns("cancelled"));
    }

    @Test
    void scrubbingWithTheKeyboardCutsTimelinesAndOutputAtTheCursor() throws Exception {
        session.open("/exercises/counting");
        setCounting("6", "2, 4", "200ms");
        session.runAndAwaitDone(2);
        WebElement slider = browser().findElement(By.cssSelector(".comparison .scrubber"));
        assertTrue(slider.isDisplayed(), "a finished comparison has a time cursor");
        assertEquals(6, visibleLines("sequential"));

        slider.sendKeys(Keys.HOME);
        assertTrue(visibleLines("sequential") <= 1, "at 0 s at most n1 has printed");
        slider.sendKeys(Keys.END);
        assertEquals(6, visibleLines("sequential"));
        for (int i = 0; i < 6; i++) {
            slider.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        }
        String at = text(".comparison .scrub-at");
        assertTrue(at.startsWith("0.4") || at.startsWith("0.5"), "6 big steps of 10 % back from about 1.2 s: " + at);
        assertEquals(List.of("1", "2", "3"), visibleTexts("sequential"), "by then sequential naps in n4");
        List<String> concurrent = visibleTexts("virtual-threads");
        assertEquals(5, concurrent.size(), "only 4 still naps: " + concurrent);
        assertEquals(Set.of("1", "3", "5", "6"), Set.copyOf(concurrent.subList(0, 4)),
                "the four that do not nap print at once, in the order their threads ran: " + concurrent);
        assertEquals("2", concurrent.getLast(), "then 2, after its nap: " + concurrent);
        assertEquals(1, browser().findElements(By.cssSelector(".run[data-mode='sequential'] line.cursor")).size());
        List<String> stateOfN4 = session.each(".run[data-mode='sequential'] rect.seg[data-task='n4']", "el.dataset.state");
        assertEquals("waiting", stateOfN4.getLast(), "n4 is napping at the cursor");
        assertTrue(browser().findElements(By.cssSelector(".run[data-mode='sequential'] rect.seg[data-task='n5']"))
                .isEmpty(), "n5 has not started at the cursor");
        double before = cursorMs();
        slider.sendKeys(Keys.ARROW_RIGHT);
        double after = cursorMs();
        assertTrue(after > before && after - before < 20, "an arrow is a small step (ms): " + before + " -> " + after);
        session.shot("ui-scrub-1280x1400.png");
        session.assertNoConsoleErrors();
    }

    /** True when the page shows runs and every one has this status. */
    private static boolean allRuns(String status) {
        List<String> statuses = session.each(".run", "el.dataset.status");
        return !statuses.isEmpty() && statuses.stream().allMatch(status::equals);
    }

    /**
     * The cursor's instant in milliseconds, as the page keeps it; its label shows two decimals of
     * a second, which one small step (0.5 % of the slowest run) need not change.
     */
    private static double cursorMs() {
        return Double.parseDouble(session.each(".comparison", "el.dataset.cursorMs").getFirst());
    }

    private static int visibleLines(String mode) {
        return visibleTexts(mode).size();
    }

    private static List<String> visibleTexts(String mode) {
        return session.each(".run[data-mode='" + mode + "'] .output li:not([hidden]) .text", "el.textContent");
    }

    private static double clockSeconds(String mode) {
        List<String> clocks = session.each(".run[data-mode='" + mode + "'] .clock", "el.textContent");
        return clocks.isEmpty() || clocks.getFirst().isBlank() ? 0 : Double.parseDouble(clocks.getFirst().replace(" s", ""));
    }

    private static String text(String selector) {
        return browser().findElement(By.cssSelector(selector)).getText();
    }

    private static void setCounting(String count, String sleepers, String unit) {
        session.setField("count", count);
        session.setField("sleepers", sleepers);
        session.setField("unit", unit);
    }
}
