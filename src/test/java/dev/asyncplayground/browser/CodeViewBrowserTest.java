package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Code view beside the timelines, and the gil option on the page. */
class CodeViewBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    private static ChromeDriver browser() {
        return session.driver();
    }

    @Test
    void theCodeViewShowsTheFormAsPythonAndJavaInEachStyle() throws Exception {
        session.open("/exercises/cpu-vs-io?tasks=4&kind=cpu&duration=100ms&modes=platform-threads&gil=true");
        session.runAndAwaitDone(1);
        new Select(browser().findElement(By.id("code-language"))).selectByValue("python");
        new Select(browser().findElement(By.id("code-mode"))).selectByValue("platform-threads");
        new Select(browser().findElement(By.id("code-style"))).selectByValue("threads");
        browser().findElement(By.id("code-show")).click();
        String python = awaitCode("ThreadPoolExecutor(max_workers=POOL_SIZE)");
        assertTrue(python.contains("burn(0.1)  # compute"), "the form's duration, the step's label: " + python);
        assertEquals(List.of("threads", "processes"), options("code-style"));
        assertTrue(browser().findElement(By.id("code-message")).getText().contains("python3 cpu_vs_io.py"));
        assertFalse(browser().findElement(By.id("code-copy")).getAttribute("disabled") != null, "copy is on");

        new Select(browser().findElement(By.id("code-language"))).selectByValue("java");
        assertFalse(options("code-mode").contains("event-loop"), "Java has no standard event loop");
        new Select(browser().findElement(By.id("code-mode"))).selectByValue("virtual-threads");
        awaitCode("Executors.newVirtualThreadPerTaskExecutor()");
        new Select(browser().findElement(By.id("code-style"))).selectByValue("futures");
        awaitCode("CompletableFuture.runAsync(");

        new Select(browser().findElement(By.id("code-language"))).selectByValue("python");
        new Select(browser().findElement(By.id("code-mode"))).selectByValue("event-loop");
        awaitCode("await asyncio.gather(");
        browser().executeScript("arguments[0].scrollIntoView()", browser().findElement(By.id("code-view")));
        session.screenshot("export-code-view.png");
        Path shots = Path.of("/work/notes/shots");
        if (Files.isDirectory(shots.getParent())) {
            Files.createDirectories(shots);
            Files.copy(Path.of("target", "screenshots", "export-code-view.png"), shots.resolve("export-code-view.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void withGilTheTimelineShowsTasksInLineForTheInterpreter() {
        session.open("/exercises/cpu-vs-io?tasks=3&kind=cpu&duration=100ms&modes=platform-threads&gil=true");
        assertTrue(browser().findElement(By.name("gil")).isSelected(), "the link's gil=true ticks the box");
        session.runAndAwaitDone(1);
        List<String> details = session.each(".run[data-mode='platform-threads'] rect.seg title", "el.textContent");
        assertTrue(details.stream().anyMatch(d -> d.contains("in line for the GIL")),
                "some task waits for the interpreter: " + details);
    }

    private static String awaitCode(String expected) {
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d ->
                d.findElement(By.cssSelector("#code-text code")).getText().contains(expected));
        return browser().findElement(By.cssSelector("#code-text code")).getText();
    }

    private static List<String> options(String select) {
        return new Select(browser().findElement(By.id(select))).getOptions().stream().map(o -> o.getAttribute("value"))
                .toList();
    }
}
