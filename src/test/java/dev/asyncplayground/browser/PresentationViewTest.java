package dev.asyncplayground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncplayground.web.RunningApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The presentation view a teacher projects: big type, high contrast, a comparison per screen, themes. */
class PresentationViewTest {

    @RegisterExtension
    static final BrowserSession session = BrowserSession.of(RunningApp::start);

    private static ChromeDriver browser() {
        return session.driver();
    }

    @AfterEach
    void backToTheDefaults() {
        session.defaultViewport();
        session.colourScheme("");
    }

    @Test
    void fourModesOfCountingFitOneFullHdScreenWithTypeReadableFromTheBack() throws Exception {
        session.viewport(1920, 1080);
        session.open("/exercises/counting?present=1");
        assertTrue(bodyClasses().contains("presenting"), "?present=1 turns the view on");
        assertFalse(browser().findElement(By.cssSelector(".editor-section")).getDomAttribute("open") != null,
                "the editor is folded");
        assertTrue(bottomOf("#run-button") <= 1080, "Run is on the first screen: " + bottomOf("#run-button"));
        session.shot("ui-present-form-1920x1080.png");

        session.setField("unit", "50ms");
        for (String mode : List.of("event-loop", "platform-threads")) {
            browser().findElement(By.cssSelector("input[name='modes'][value='" + mode + "']")).click();
        }
        session.runAndAwaitDone(4);
        browser().executeScript("document.querySelector('.comparison').scrollIntoView({block: 'start'});");
        Thread.sleep(300);

        Map<?, ?> box = (Map<?, ?>) browser().executeScript("""
                const c = document.querySelector('.comparison').getBoundingClientRect();
                const runs = [...document.querySelectorAll('.run')].map((r) => r.getBoundingClientRect());
                return { top: c.top, bottom: c.bottom, lastRunBottom: Math.max(...runs.map((r) => r.bottom)),
                         firstRunTop: Math.min(...runs.map((r) => r.top)), height: innerHeight, runs: runs.length };""");
        assertEquals(4L, box.get("runs"));
        double bottom = ((Number) box.get("lastRunBottom")).doubleValue();
        assertTrue(bottom <= ((Number) box.get("height")).doubleValue(), "all four modes on one screen: " + box);
        assertTrue(((Number) box.get("top")).doubleValue() >= -1, "the comparison starts on the screen: " + box);
        session.shot("ui-present-1920x1080.png");
        assertTrue(minFontSize("svg text.lane-label") >= 16, "lane labels ≥ 16 px");
        assertTrue(minFontSize("svg text.tick") >= 16, "axis labels ≥ 16 px");
        List<String> labels = session.each(".run[data-mode='sequential'] svg text.lane-label", "el.textContent");
        assertTrue(labels.contains("n12"), "the lane that naps longest is named: " + labels);
        assertTrue(browser().findElements(By.cssSelector(".run[data-mode='sequential'] svg text.lane-label")).size() >= 4,
                "lanes compress, and some keep their labels: " + session.each(".run[data-mode='sequential'] svg text.lane-label", "el.textContent"));
        session.shot("ui-present-1920x1080.png");

        session.viewport(1280, 720);
        browser().executeScript("window.dispatchEvent(new Event('resize'));");
        Thread.sleep(300);
        browser().executeScript("document.querySelector('.comparison').scrollIntoView({block: 'start'});");
        Thread.sleep(300);
        session.shot("ui-present-1280x720.png");
        double smallBottom = ((Number) browser().executeScript("return Math.max(...[...document.querySelectorAll('.run')]"
                + ".map((r) => r.getBoundingClientRect().bottom));")).doubleValue();
        assertTrue(smallBottom <= 720, "four modes fit 1280x720 too: " + smallBottom);
        session.assertNoConsoleErrors();
    }

    @Test
    void theToggleTurnsTheViewOnAndOffAndTheAddressFollows() {
        session.open("/exercises/counting");
        assertFalse(bodyClasses().contains("presenting"));
        browser().findElement(By.id("present-toggle")).click();
        assertTrue(bodyClasses().contains("presenting"));
        assertTrue(browser().getCurrentUrl().contains("present=1"), browser().getCurrentUrl());
        browser().findElement(By.id("present-toggle")).click();
        assertFalse(bodyClasses().contains("presenting"));
        assertFalse(browser().getCurrentUrl().contains("present=1"));
        assertTrue(browser().findElement(By.cssSelector(".editor-section")).getDomAttribute("open") != null);
    }

    @ParameterizedTest(name = "system prefers {0}, button pressed {1} times -> dark {2}")
    @CsvSource({"light, 0, false", "dark, 0, true", "light, 1, true", "dark, 1, false"})
    void theThemeFollowsTheSystemUntilTheButtonChoosesOne(String scheme, int presses, boolean dark) throws Exception {
        session.colourScheme(scheme);
        session.open("/exercises/counting");
        for (int i = 0; i < presses; i++) {
            browser().findElement(By.id("theme-toggle")).click();
        }
        String background = (String) browser().executeScript(
                "return getComputedStyle(document.documentElement).backgroundColor;");
        assertEquals(dark, luminance(background) < 0.2, scheme + " + " + presses + " presses: " + background);
        if (dark && presses == 0) {
            session.viewport(1280, 720);
            session.shot("ui-dark-1280x720.png");
        }
    }

    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9,]", "").split(",");
        return (0.2126 * Integer.parseInt(parts[0]) + 0.7152 * Integer.parseInt(parts[1])
                + 0.0722 * Integer.parseInt(parts[2])) / 255;
    }

    private static String bodyClasses() {
        return browser().findElement(By.tagName("body")).getDomAttribute("class") + "";
    }

    private static double bottomOf(String selector) {
        return ((Number) browser().executeScript("return document.querySelector(arguments[0]).getBoundingClientRect().bottom;",
                selector)).doubleValue();
    }

    private static double minFontSize(String selector) {
        return session.each(selector, "parseFloat(getComputedStyle(el).fontSize)").stream()
                .mapToDouble(Double::parseDouble).min().orElse(0);
    }
}
