package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Timelines and figures that don't mislead: lanes stop at their task's end, a stated speedup
 * baseline, lanes in order, a CPU run squeezed by other programs says so, so does a run slowed so
 * that its quickest steps can be timed, and the live page redraws only what changes, so that it
 * takes little CPU from the runs it shows.
 */
class HonestTimelinesTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    @Test
    void aFinishedTaskDrawsNothingAfterItsEndAndLanesKeepDeclarationOrder() {
        session.open("/exercises/counting");
        session.setField("count", "8");
        session.setField("sleepers", "3, 6");
        session.setField("unit", "100ms");
        session.chooseModes("sequential");
        session.runAndAwaitDone(1);

        List<String> lastEdges = session.each(".run[data-mode='sequential'] svg",
                "[...el.querySelectorAll('rect.seg[data-task=\"n1\"]')].map(r => +r.getAttribute('x') + +r.getAttribute('width')).reduce((a, b) => Math.max(a, b), 0)");
        double n1Ends = Double.parseDouble(session.each(".run[data-mode='sequential'] rect.end-done[data-task='n1']",
                "+el.getAttribute('x') + 1.5").getFirst());
        double plotEnd = Double.parseDouble(session.each(".run[data-mode='sequential'] svg", "el.getAttribute('width')")
                .getFirst());
        assertTrue(Double.parseDouble(lastEdges.getFirst()) <= n1Ends + 1.5,
                "n1's segments stop at its end mark " + n1Ends + ": " + lastEdges);
        assertTrue(n1Ends < plotEnd / 4, "n1 ends near the start of the 0.9 s run, not at its end");
        assertEquals(List.of("n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"),
                session.each(".run[data-mode='sequential'] text.lane-label", "el.textContent"), "declaration order");
        session.assertNoConsoleErrors();
    }

    @Test
    void withoutSequentialTheSpeedupIsAgainstTheSlowestRunAndSaysSo() {
        session.open("/exercises/counting");
        session.setField("count", "6");
        session.setField("sleepers", "2, 4");
        session.setField("unit", "100ms");
        session.chooseModes("virtual-threads", "event-loop", "platform-threads");
        session.runAndAwaitDone(3);

        String header = browser().findElement(By.cssSelector(".speedup-head")).getText();
        assertTrue(header.startsWith("speedup vs slowest, "), header);
        List<Double> speedups = session.each("td.speedup", "el.textContent").stream()
                .map(t -> Double.parseDouble(t.replace("×", ""))).toList();
        assertTrue(speedups.contains(1.0), "the baseline run shows 1.00×: " + speedups);
        assertTrue(speedups.stream().allMatch(v -> v >= 1.0 && v < 5), "sane ratios of like runs: " + speedups);
        assertEquals(7, browser().findElements(By.cssSelector(".legend li")).stream().map(WebElement::getText)
                .filter(t -> !t.contains("shared value") && !t.contains("printed")).count(), "a legend of states");
        session.assertNoConsoleErrors();
    }

    @Test
    void aCpuRunThatOtherProgramsSqueezedSaysSoBesideItsFigures() throws InterruptedException {
        session.open("/exercises/cpu-vs-io");
        new Select(browser().findElement(By.name("kind"))).selectByVisibleText("cpu");
        session.setField("tasks", "2");
        session.setField("duration", "400ms");
        session.chooseModes("virtual-threads");
        try (Spinners busy = new Spinners()) {
            session.runAndAwaitDone(1);
        }

        String note = browser().findElement(By.cssSelector(".run[data-mode='virtual-threads'] .cores-note")).getText();
        assertTrue(note.startsWith("Timing note: the machine gave this run ")
                && note.contains("other programs were busy; with "), note);
        String ideal = session.each("td.ideal", "el.textContent").getFirst();
        assertTrue(ideal.matches("\\d+\\.\\d\\d s \\(\\d+\\.\\d\\d s with (1 core|\\d+\\.\\d cores|([02-9]|\\d{2,}) cores)\\)"),
                "the ideal for the cores given beside the ideal: " + ideal);
        assertTrue((Boolean) browser().executeScript("""
                const cell = document.querySelector('td.ideal');
                const figure = document.createRange();
                figure.selectNodeContents(cell.firstChild);
                return figure.getClientRects().length === 1
                    && cell.querySelector('.cores-ideal').getBoundingClientRect().top
                        >= figure.getBoundingClientRect().bottom - 1;"""),
                "the ideal on one line, and the ideal for the cores given below it, so that it never widens the table");
        session.assertNoConsoleErrors();
    }

    @Test
    void aRunSlowedSoThatItsQuickestStepsCanBeTimedSaysSoInItsPanel() {
        session.open("/exercises/chess-simul");
        session.setField("moves", "2");
        session.setField("think", "100ms");
        session.setField("reply", "1s");
        session.chooseModes("sequential");
        session.runAndAwaitDone(1);

        WebElement note = browser().findElement(By.cssSelector(".run[data-mode='sequential'] .speed-note"));
        assertTrue(note.isDisplayed(), "the note is shown");
        assertTrue(note.getText().startsWith("Speed note: this run went at speed 20 instead of 1000: at 1000 its"
                + " shortest step, 100 ms, would last 0.1 ms of real time"), note.getText());
        assertEquals(List.of("20.0"), session.each(".run[data-mode='sequential']", "el.dataset.speed"),
                "the page estimates scenario time between events at the speed the run goes");
        session.assertNoConsoleErrors();
    }

    /**
     * The page shares the machine with the runs it shows: redrawing every timeline at every frame
     * took about two thirds of a core on the project's 2-core VM while CPU runs were timed, and
     * drawing a live one anew ten times a second still took about a third.
     */
    @Test
    void aRunningTimelineGrowsInPlaceAboutTenTimesASecondAndAFinishedOneIsLeftAlone() throws InterruptedException {
        session.open("/exercises/cpu-vs-io");
        new Select(browser().findElement(By.name("kind"))).selectByVisibleText("io");
        session.setField("tasks", "2");
        session.setField("duration", "3s");
        session.chooseModes("sequential", "virtual-threads");
        browser().findElement(By.id("run-button")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(20)).until(d -> "done".equals(status("virtual-threads")));
        Select colourBy = new Select(browser().findElement(By.cssSelector("select.colour-by")));
        for (String by : List.of("thread", "state", "thread", "state")) {
            colourBy.selectByValue(by); // a redraw each, none of which may start a second ticking timer
            Thread.sleep(60);
        }
        Thread.sleep(300); // past the events of the moment: sequential's second nap has begun

        double napBefore = openNapWidth();
        Map<?, ?> changes = changesPerModeWithin(600);
        double napAfter = openNapWidth();

        assertEquals("running", status("sequential"), "the window fell inside sequential's second nap");
        assertEquals(List.of(0L, 0L), changes.get("virtual-threads"), "a finished run's timeline is left as drawn");
        List<?> live = (List<?>) changes.get("sequential");
        long frames = (Long) live.get(0);
        assertTrue(frames >= 1 && frames <= 12, "the running one changes about ten times a second: " + frames + " in 0.6 s");
        assertEquals(0L, live.get(1), "no event came in the nap, so its drawing is kept and only grows");
        assertTrue(napAfter > napBefore, "the nap's bar grew from " + napBefore + " to " + napAfter + " px");
        session.assertNoConsoleErrors();
    }

    /**
     * A chess simul sends over a hundred events a second. Drawn anew at every animation frame, its
     * page took a core from the run on the project's 2-core VM; events are drawn as clocks tick.
     */
    @Test
    void aRunWithManyEventsIsDrawnAnewAboutTenTimesASecondNotAtEveryFrame() throws InterruptedException {
        session.open("/exercises/chess-simul");
        session.chooseModes("sequential");
        browser().findElement(By.id("run-button")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(20)).until(d -> "running".equals(status("sequential")));
        Thread.sleep(300);

        List<?> live = (List<?>) changesPerModeWithin(1000).get("sequential");

        assertEquals("running", status("sequential"), "the window fell inside the run (about 2.8 s)");
        long drawnAnew = (Long) live.get(1);
        assertTrue(drawnAnew >= 3 && drawnAnew <= 13, "events came all the time, and the run was drawn anew "
                + drawnAnew + " times in 1 s");
        session.assertNoConsoleErrors();
    }

    @Test
    void runsTooShortToTimeGetNoSpeedupNorGuessRatio() {
        session.open("/exercises/counting");
        assertEquals(List.of("—", "—", "2.00×", "1.00×", "too short to judge", "+100 % (too long)"),
                ((List<?>) browser().executeScript("const J = Judge.Judge; return [J.speedup(0, 0), J.speedup(10, 0.2),"
                        + " J.speedup(10, 5), J.speedup(3, 3), J.guessError(100, 0), J.guessError(20, 10)];"))
                        .stream().map(String::valueOf).toList());
    }

    /** Platform threads that keep every core busy until closed: other programs, as far as a run can tell. */
    private static final class Spinners implements AutoCloseable {

        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean spinning = true;
        private volatile long sink;

        Spinners() {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                threads.add(Thread.ofPlatform().daemon().start(this::spin));
            }
        }

        private void spin() {
            long count = 0;
            while (spinning) {
                count++;
            }
            sink = count;
        }

        @Override
        public void close() throws InterruptedException {
            spinning = false;
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private static ChromeDriver browser() {
        return session.driver();
    }

    /**
     * Per mode, within the given time: how many times its timeline changed at all (one count per
     * batch of changes, about one per frame drawn), and how many of those drew it anew.
     */
    private static Map<?, ?> changesPerModeWithin(long millis) throws InterruptedException {
        browser().executeScript("window.changes = {}; document.querySelectorAll('.run').forEach((panel) => {"
                + " const mode = panel.dataset.mode; const timeline = panel.querySelector('.timeline');"
                + " const counts = window.changes[mode] = [0, 0];"
                + " new MutationObserver((records) => { counts[0]++;"
                + " if (records.some((r) => r.target === timeline)) counts[1]++; })"
                + ".observe(timeline, { childList: true, subtree: true, attributes: true, characterData: true }); });");
        Thread.sleep(millis);
        return (Map<?, ?>) browser().executeScript("return window.changes;");
    }

    /** The width in pixels of sequential's last waiting bar: its second nap, while that lasts. */
    private static double openNapWidth() {
        return ((Number) browser().executeScript("const bars = document.querySelectorAll("
                + "\".run[data-mode='sequential'] rect[data-state='waiting']\");"
                + " return Number(bars[bars.length - 1].getAttribute('width'));")).doubleValue();
    }

    private static String status(String mode) {
        return browser().findElement(By.cssSelector(".run[data-mode='" + mode + "']")).getAttribute("data-status");
    }
}
