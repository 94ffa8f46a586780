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
    void anErrorShowsAtItsLineAndTheFixedScenarioRuns() throws Exception {
        browser.get(app.url());
        browser.findElement(By.id("new-scenario")).click();
        WebElement editor = browser.findElement(By.id("source"));
        editor.clear();
        editor.sendKeys(WITH_TYPO);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        WebElement note = wait.until(d -> d.findElements(By.cssSelector(".editor .notes .note")).stream()
                .findFirst().orElse(null));
        assertEquals("6", note.getAttribute("data-line"), "the message sits beside line 6");
        assertTrue(note.getText().contains("wiat"), "the message names what is wrong: " + note.getText());
        assertEquals(List.of("6"), browser.findElements(By.cssSelector(".editor .gutter .bad")).stream()
                .map(WebElement::getText).toList());
        screenshot("editor-with-error.png");

        editor.clear();
        editor.sendKeys(WITH_TYPO.replace("wiat", "wait"));
        wait.until(d -> d.findElements(By.cssSelector(".editor .notes .note")).isEmpty()
                && !d.findElements(By.cssSelector("#params input[name='naps']")).isEmpty());

        browser.findElement(By.id("run-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> runs = d.findElements(By.cssSelector(".run"));
            return runs.size() == 2 && runs.stream().allMatch(r -> "done".equals(r.getAttribute("data-status")));
        });
        assertEquals(2, browser.findElements(By.cssSelector(".run .timeline svg")).size());
        List<String> output = browser.findElements(By.cssSelector(".run[data-mode='virtual-threads'] .output .text"))
                .stream().map(WebElement::getText).toList();
        assertEquals(List.of("talked", "slept"), output, "concurrently the short task talks first");
        screenshot("editor-after-run.png");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
