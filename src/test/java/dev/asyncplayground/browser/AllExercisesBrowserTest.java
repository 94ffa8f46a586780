package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A new user opens each exercise from the landing page's cards and runs it in its default modes;
 * every run ends done, draws its timeline and fills its row of the summary table, the measured
 * figures included.
 *
 * <p>To keep the suite short the runs ask for four times the exercise's own speed; the server
 * keeps the chess simul at 1000 and responsive-ui at 1, where their shortest steps (5 s and 2 ms)
 * can still be timed, and the chess simul's {@code virtual-threads} run at 377, where its 28 steps
 * in a row can. With {@code -Dexercise.shots=DIR} they run at the exercise's defaults instead
 * and the page is saved as {@code DIR/ex-ID-1920.png} and {@code DIR/ex-ID-1280.png}, for looking at.
 */
class AllExercisesBrowserTest {

    private static final String SHOTS = System.getProperty("exercise.shots", "");

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    private static ChromeDriver browser() {
        return session.driver();
    }

    @Test
    void theLandingPageShowsTheEightExercisesTheNewScenarioAndTheGuide() throws Exception {
        browser().manage().window().setSize(new Dimension(1280, 1400));
        session.open("/");
        assertEquals(List.of("counting", "laundry", "chess-simul", "page-load", "api-calls", "bank-update", "cpu-vs-io",
                "responsive-ui"), session.each(".exercise-card[data-exercise]", "el.dataset.exercise"));
        assertTrue(session.each(".exercise-card .see", "el.textContent").stream().allMatch(t -> t.length() > 30),
                "every card says what you will see");
        assertEquals(1, browser().findElements(By.id("new-scenario")).size());
        assertEquals(1, browser().findElements(By.cssSelector(".exercise-card a[href='/docs/scenario-language']")).size());
        if (!SHOTS.isEmpty()) {
            for (int[] size : new int[][] {{1920, 1080}, {1280, 720}}) {
                browser().manage().window().setSize(new Dimension(size[0], size[1]));
                Thread.sleep(300);
                Path target = Path.of(SHOTS, "ex-home-" + size[0] + ".png");
                Files.createDirectories(target.getParent());
                Files.write(target, browser().getScreenshotAs(OutputType.BYTES));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"counting", "laundry", "chess-simul", "page-load", "api-calls", "bank-update", "cpu-vs-io",
        "responsive-ui"})
    void eachExerciseOpensFromItsCardAndRunsInItsDefaultModes(String id) throws Exception {
        browser().manage().window().setSize(new Dimension(1280, 1400));
        session.open("/");
        WebElement card = browser().findElement(By.cssSelector(".exercise-card[data-exercise='" + id + "']"));
        String title = card.findElement(By.cssSelector("h2")).getText();
        assertTrue(card.findElement(By.cssSelector(".runs")).getText().startsWith("Runs in "), "the card says how long");
        card.findElement(By.cssSelector("a.exercise-link")).click();
        assertEquals(title, browser().findElement(By.tagName("h1")).getText());
        int modes = browser().findElements(By.cssSelector("input[name='modes']:checked")).size();
        assertTrue(modes >= 2, "an exercise compares at least two modes by default");
        if (SHOTS.isEmpty()) {
            WebElement speed = browser().findElement(By.name("speed"));
            double faster = Math.min(3600, Double.parseDouble(speed.getAttribute("value")) * 4);
            speed.clear();
            speed.sendKeys(Long.toString(Math.round(faster)));
        }

        session.runAndAwaitDone(modes);

        assertEquals(modes, browser().findElements(By.cssSelector(".run .timeline svg")).size(), "one timeline a mode");
        List<String> elapsed = session.each("tbody tr[data-run-id] td.elapsed", "el.textContent");
        assertTrue(elapsed.stream().allMatch(text -> text.matches("[0-9.]+ (s|min)")), "every run has its elapsed time: " + elapsed);
        List<String> figures = session.each("table.figures tbody td", "el.textContent");
        if (id.equals("counting") || id.equals("cpu-vs-io")) {
            assertEquals(List.of(), figures, "nothing measured at these defaults, so no lesson table");
        } else {
            assertEquals(modes, session.each("table.figures tbody tr", "el.dataset.lessonRun").size());
            assertTrue(!figures.isEmpty() && figures.stream().allMatch(text -> text.matches("[-0-9.]+( s| min| %)?")),
                    "every run shows the lesson in numbers: " + figures);
        }
        assertFalse(browser().findElement(By.id("params")).getText().contains("must be"), "no form errors");
        assertEquals(List.of(), session.consoleErrors(), "no errors in the browser's console");
        if (!SHOTS.isEmpty()) {
            shoot(id, 1920, 1080);
            shoot(id, 1280, 720);
        }
    }

    /** Saves the comparison, scrolled into view, at one window size. */
    private static void shoot(String id, int width, int height) throws Exception {
        browser().manage().window().setSize(new Dimension(width, height));
        browser().executeScript("document.querySelector('.comparison').scrollIntoView({block: 'start'});");
        Thread.sleep(300);
        Path target = Path.of(SHOTS, "ex-" + id + "-" + width + ".png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser().getScreenshotAs(OutputType.BYTES));
    }
}
