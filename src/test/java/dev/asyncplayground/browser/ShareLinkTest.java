package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A copied link carries the whole form in its fragment; a fresh browser opening it gets the same comparison. */
class ShareLinkTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    /** About 40 KiB of scenario: a parameter and 400 tasks, each with its own wait and line. */
    private static String bigScenario() {
        StringBuilder text = new StringBuilder("# A crowd of fetchers, to check that a big scenario fits in a link\n"
                + "param pause = 20ms duration 1ms..1s \"how long each fetch waits\"\n\n");
        for (int k = 1; text.length() < 40 * 1024; k++) {
            text.append("task \"fetcher-").append(k).append("\":\n")
                    .append("  wait pause \"fetch page ").append(k).append(" of the catalogue\"\n")
                    .append("  print \"fetcher ").append(k).append(" has its page, number ").append(k * 7919 % 10007)
                    .append("\"\n");
        }
        return text.toString();
    }

    @Test
    void aLinkToA40KibScenarioRestoresEverythingInAFreshBrowserAndRunsTheSameComparison() throws Exception {
        String scenario = bigScenario();
        assertTrue(scenario.getBytes(StandardCharsets.UTF_8).length >= 40 * 1024);
        ChromeDriver teacher = session.driver();
        session.open("/new");
        teacher.executeScript("const a = document.getElementById('source'); a.value = arguments[0];"
                + "a.dispatchEvent(new Event('input', { bubbles: true }));", scenario);
        new WebDriverWait(teacher, Duration.ofSeconds(15)).until(d -> !d.findElements(By.name("pause")).isEmpty());
        session.setField("pause", "30ms");
        session.chooseModes("virtual-threads", "event-loop");
        session.setField("predict-virtual-threads", "0.1s");
        teacher.findElement(By.id("copy-link")).click();
        new WebDriverWait(teacher, Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("share-link")).getDomProperty("value").isEmpty());
        String link = teacher.findElement(By.id("share-link")).getDomProperty("value");
        assertTrue(link.contains("/new#s="), link.substring(0, 80));
        assertTrue(link.length() < 64 * 1024, "compressed well below the 64 KiB text: " + link.length());
        session.runAndAwaitAllDone(1);
        String settings = teacher.findElement(By.cssSelector(".comparison .settings")).getText();

        ChromeDriver student = Browser.start();
        try {
            student.get(link);
            WebDriverWait wait = new WebDriverWait(student, Duration.ofSeconds(20));
            wait.until(d -> d.findElement(By.id("shared-banner")).isDisplayed());
            wait.until(d -> !d.findElements(By.name("pause")).isEmpty());
            assertEquals(scenario, student.findElement(By.id("source")).getDomProperty("value"), "the same text");
            assertEquals("30ms", settledValue(wait, By.name("pause"), "30ms"));
            assertEquals("0.1s", settledValue(wait, By.name("predict-virtual-threads"), "0.1s"));
            assertEquals("", (String) student.executeScript("return location.search;"), "nothing for the server");
            student.findElement(By.cssSelector("#shared-banner .shared-run")).click();
            wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d).executeScript(
                    "const runs = [...document.querySelectorAll('.run')];"
                            + "return runs.length === 2 && runs.every((r) => r.dataset.status === 'done');")));
            assertEquals(List.of("virtual-threads", "event-loop"), student.findElements(By.cssSelector(".run")).stream()
                    .map(r -> r.getDomAttribute("data-mode")).toList(), "the same modes");
            assertEquals(settings, student.findElement(By.cssSelector(".comparison .settings")).getText());
            assertTrue(student.findElement(By.cssSelector(".run[data-mode='virtual-threads'] .judged")).getText()
                    .startsWith("you guessed 0.10 s"), "the guess came along");
            assertEquals(teacher.findElements(By.cssSelector(".run[data-mode='event-loop'] .output li")).size(),
                    student.findElements(By.cssSelector(".run[data-mode='event-loop'] .output li")).size());
        } finally {
            student.quit();
        }
        session.assertNoConsoleErrors();
    }

    @Test
    void aLinkThatCannotBeReadSaysWhy() {
        session.open("/exercises/counting#s=AAAA");
        WebDriverWait wait = new WebDriverWait(session.driver(), Duration.ofSeconds(10));
        wait.until(d -> d.findElement(By.id("shared-banner")).isDisplayed());
        String message = session.driver().findElement(By.cssSelector("#shared-banner .shared-message")).getText();
        assertTrue(message.startsWith("This shared link cannot be read: its compressed data is damaged"), message);
        assertFalse(session.driver().findElement(By.cssSelector("#shared-banner .shared-run")).isDisplayed());

        session.open("/new#s=no%20way!");
        wait.until(d -> d.findElement(By.id("shared-banner")).isDisplayed());
        assertTrue(session.driver().findElement(By.cssSelector("#shared-banner .shared-message")).getText()
                .contains("characters a link of ours never has"));
    }

    /**
     * A field's value once it is the expected one, or its last value after the wait: the form's
     * fields are swapped in again while the link's values are restored, so one read may meet a field
     * that has just been replaced.
     */
    private static String settledValue(WebDriverWait wait, By field, String expected) {
        String[] last = {null};
        try {
            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                last[0] = d.findElement(field).getDomProperty("value");
                return expected.equals(last[0]);
            });
        } catch (TimeoutException notThere) {
            return last[0];
        }
        return last[0];
    }
}
