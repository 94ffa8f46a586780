package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The pages under their Content-Security-Policy: the browser enforces it, and nothing the app
 * itself does (htmx, the editor, timelines coloured by thread, error pages) is refused.
 */
class SecurityPolicyBrowserTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    private static ChromeDriver browser() {
        return session.driver();
    }

    @Test
    void theBrowserRefusesInlineScriptAndStyleAndSaysSoInTheConsole() {
        session.open("/");
        Object ran = browser().executeScript("""
                const script = document.createElement('script');
                script.textContent = 'window.inlineRan = true';
                document.head.appendChild(script);
                document.body.setAttribute('style', 'color: rgb(255, 0, 0)');
                return window.inlineRan === true;""");
        assertEquals(false, ran, "an inline script does not run");
        assertNotEquals("rgb(255, 0, 0)", browser().executeScript("return getComputedStyle(document.body).color;"),
                "a style attribute is not applied");
        List<String> errors = session.consoleErrors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), errors.toString());
    }

    @Test
    void aRunColouredByThreadAndTheErrorPageRaiseNoConsoleError() {
        session.open("/exercises/counting?unit=20ms&modes=sequential&modes=virtual-threads");
        session.runAndAwaitDone(2);
        new Select(browser().findElement(By.cssSelector("select.colour-by"))).selectByValue("thread");
        String fill = (String) browser().executeScript(
                "return getComputedStyle(document.querySelector('.run rect.seg-running')).fill;");
        assertTrue(fill.startsWith("rgb("), "running segments take their thread's colour: " + fill);
        session.open("/new");
        browser().findElement(By.id("source")).sendKeys("\n# a comment");
        assertEquals(List.of(), session.consoleErrors(), "the pages and the run raised no error");
        session.open("/exercises/nope");
        assertEquals("Back to the exercises", browser().findElement(By.id("back-home")).getText());
        assertTrue(session.consoleErrors().stream().allMatch(e -> e.contains("/exercises/nope") && e.contains("404")),
                "the only error is the page's own 404 status");
        browser().findElement(By.id("back-home")).click();
        assertTrue(browser().getCurrentUrl().endsWith("/"), browser().getCurrentUrl());
    }
}
