package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A learner writes their own scenario in the editor, gets an error at its line, fixes it and runs it. */
class ScenarioEditorTest {

    private static final String WITH_TYPO = String.join("\n",
            "param naps = 2  int 1..5  \"how many naps\"",
            "task \"sleeper\":",
            "  wait 300ms \"nap\"",
            "  print \"slept\"",
            "task \"talker\":",
            "  wiat 100ms",
            "  print \"talked\"");

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    private static ChromeDriver browser() {
        return session.driver();
    }

    @Test
    void anErrorShowsAtItsLineAndTheFixedScenarioRuns() throws Exception {
        session.open("/");
        browser().findElement(By.id("new-scenario")).click();
        WebElement editor = browser().findElement(By.id("source"));
        editor.clear();
        editor.sendKeys(WITH_TYPO);

        WebDriverWait wait = new WebDriverWait(browser(), Duration.ofSeconds(10));
        wait.until(d -> !session.each(".editor .notes .note", "el.dataset.line").isEmpty());
        assertEquals(List.of("6"), session.each(".editor .notes .note", "el.dataset.line"),
                "the message sits beside line 6");
        String message = session.each(".editor .notes .note", "el.textContent").getFirst();
        assertTrue(message.contains("wiat"), "the message names what is wrong: " + message);
        assertEquals(List.of("6"), session.each(".editor .gutter .bad", "el.textContent"));
        session.screenshot("editor-with-error.png");

        editor.clear();
        editor.sendKeys(WITH_TYPO.replace("wiat", "wait"));
        wait.until(d -> session.each(".editor .notes .note", "el.dataset.line").isEmpty()
                && !session.each("#params input[name='naps']", "el.name").isEmpty());

        session.runAndAwaitDone(2);
        assertEquals(2, browser().findElements(By.cssSelector(".run .timeline svg")).size());
        List<String> output = browser().findElements(By.cssSelector(".run[data-mode='virtual-threads'] .output .text"))
                .stream().map(WebElement::getText).toList();
        assertEquals(List.of("talked", "slept"), output, "concurrently the short task talks first");
        session.screenshot("editor-after-run.png");
    }


    @Test
    void resetBringsBackTheExercisesOwnTextAndItsParameters() {
        session.open("/exercises/counting");
        WebElement editor = browser().findElement(By.id("source"));
        String original = editor.getAttribute("value");
        editor.clear();
        editor.sendKeys("task \"only\":\n  print \"one\"\n");
        WebDriverWait wait = new WebDriverWait(browser(), Duration.ofSeconds(10));
        wait.until(d -> session.each("#params input[name='count']", "el.name").isEmpty());

        browser().findElement(By.id("reset-source")).click();
        assertEquals(original, editor.getAttribute("value"));
        wait.until(d -> !session.each("#params input[name='count']", "el.name").isEmpty());
    }
}
