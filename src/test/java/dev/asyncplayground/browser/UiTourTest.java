package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page opens without a console error, and the learning loop at the two screen sizes we
 * check by eye: screenshots go to /work/notes/shots (or target/screenshots) as ui-*.png.
 */
class UiTourTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    private static ChromeDriver browser() {
        return session.driver();
    }

    @AfterEach
    void defaults() {
        session.defaultViewport();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/exercises/counting", "/new", "/docs/scenario-language", "/exercises/counting?present=1"})
    void everyPageOpensWithoutConsoleErrors(String path) {
        session.open(path);
        session.assertNoConsoleErrors();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1920, 1080", "1280, 720"})
    void theLearningLoopAtScreenSize(int width, int height) throws Exception {
        session.viewport(width, height);
        String size = width + "x" + height;
        session.open("/exercises/counting");
        session.shot("ui-page-" + size + ".png");
        session.setField("count", "10");
        session.setField("sleepers", "3, 6");
        session.setField("unit", "150ms");
        session.setField("predict-sequential", "1s");
        session.setField("predict-virtual-threads", "0.5s");
        session.runAndAwaitAllDone(1);
        scrollTo(".comparison");
        session.shot("ui-judged-" + size + ".png");

        WebElement slider = browser().findElement(By.cssSelector(".scrubber"));
        slider.sendKeys(Keys.HOME);
        for (int i = 0; i < 4; i++) {
            slider.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        }
        scrollTo(".view-choices");
        session.shot("ui-scrubbed-" + size + ".png");

        session.setField("unit", "100ms");
        session.setField("predict-sequential", "");
        session.setField("predict-virtual-threads", "");
        session.runAndAwaitAllDone(2);
        browser().findElements(By.cssSelector("#history .history-list input")).forEach(WebElement::click);
        browser().findElement(By.cssSelector(".history-compare-button")).click();
        scrollTo(".history-table");
        session.shot("ui-compare-" + size + ".png");

        session.setField("unit", "2s");
        browser().findElement(By.id("run-button")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> session.each(".comparison", "el.dataset.live")
                .contains("yes") && session.each(".run", "el.dataset.status").contains("running"));
        Thread.sleep(800);
        scrollTo(".comparison");
        session.shot("ui-live-" + size + ".png");
        browser().findElement(By.cssSelector(".comparison[data-live='yes'] .cancel-runs")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> !session.each(".comparison", "el.dataset.live")
                .contains("yes"));
        session.shot("ui-cancelled-" + size + ".png");

        browser().findElement(By.id("copy-link")).click();
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> !d.findElement(By.id("share-link"))
                .getDomProperty("value").isEmpty());
        String link = browser().findElement(By.id("share-link")).getDomProperty("value");
        browser().get("about:blank");
        browser().get(link);
        new WebDriverWait(browser(), Duration.ofSeconds(10)).until(d -> d.findElement(By.id("shared-banner")).isDisplayed());
        session.shot("ui-shared-" + size + ".png");
        assertTrue(link.contains("#s="));
        session.assertNoConsoleErrors();
    }

    private static void scrollTo(String selector) throws InterruptedException {
        browser().executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'start'});", selector);
        Thread.sleep(250);
    }
}
