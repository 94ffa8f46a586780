package dev.asyncplayground.browser;

import dev.asyncplayground.web.RunningApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real app and a headless Chromium looking at it, shared by the tests of one class.
 *
 * <p>Register it as a static field with {@code @RegisterExtension}: it starts the app and the
 * browser before the class's first test (or skips or fails them, see {@link Browser}) and closes
 * both after the last. After each test it fails the test if the browser's console reported an
 * error, a refusal by the Content-Security-Policy included.
 */
final class BrowserSession implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final Supplier<RunningApp> starter;
    private RunningApp app;
    private ChromeDriver driver;

    private BrowserSession(Supplier<RunningApp> starter) {
        this.starter = starter;
    }

    /** A session of the app that {@code starter} starts. */
    static BrowserSession of(Supplier<RunningApp> starter) {
        return new BrowserSession(starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        app = starter.get();
        driver = Browser.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            List<String> errors = consoleErrors();
            Assertions.assertTrue(errors.isEmpty(), "the browser console reported errors: " + errors);
        }
    }

    /** The errors the console reported since the last call (reading them empties the console's log). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    RunningApp app() {
        return app;
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Opens a page of the app, e.g. {@code /exercises/counting}, as a first visit: the comparisons
     * a tab keeps and the run history are cleared first, from a page of the app that runs no
     * script (a page of ours would restore and record runs while they are being cleared).
     */
    void open(String path) {
        driver.get(app.url() + "/api/status");
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.get(app.url() + path);
    }

    /** Opens a page of the app keeping what the browser stored (history, the tab's comparisons). */
    void revisit(String path) {
        driver.get(app.url() + path);
    }

    /** Ticks exactly {@code modes} among the exercise form's modes, unticking the others. */
    void chooseModes(String... modes) {
        List<String> wanted = List.of(modes);
        for (WebElement box : driver.findElements(By.cssSelector("input[name='modes']"))) {
            if (box.isSelected() != wanted.contains(box.getDomAttribute("value"))) {
                box.click();
            }
        }
    }

    /** Clears the form field named {@code name} and types {@code value} into it. */
    void setField(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /** Presses Run and waits until {@code runs} run panels all say done. */
    void runAndAwaitDone(int runs) {
        driver.findElement(By.id("run-button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(40)).until(d -> {
            List<WebElement> panels = d.findElements(By.cssSelector(".run"));
            return panels.size() == runs && panels.stream().allMatch(r -> "done".equals(r.getAttribute("data-status")));
        });
    }

    /** Presses Run and waits until the page shows {@code comparisons} comparisons whose runs all say done. */
    void runAndAwaitAllDone(int comparisons) {
        driver.findElement(By.id("run-button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(40)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.querySelectorAll('.comparison').length === arguments[0]"
                        + " && [...document.querySelectorAll('.run')].every((r) => r.dataset.status === 'done');",
                comparisons)));
    }

    /**
     * The values {@code expression} (JavaScript, given {@code el}) takes for every element matching
     * {@code selector}, read in one step: the page redraws timelines and notes, so element handles
     * kept across calls can go stale.
     */
    List<String> each(String selector, String expression) {
        Object values = driver.executeScript("return [...document.querySelectorAll(arguments[0])]"
                + ".map(el => String(" + expression + "));", selector);
        return ((List<?>) values).stream().map(String::valueOf).toList();
    }

    /** Fails unless the browser's console reported no errors since the last read. */
    void assertNoConsoleErrors() {
        Assertions.assertEquals(List.of(), consoleErrors(), "console errors");
    }

    /** Makes the page's viewport exactly {@code width} × {@code height} CSS pixels, as a screen of that size shows it. */
    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Lets the page's viewport follow the window again. */
    void defaultViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Makes the page see {@code prefers-color-scheme} as {@code scheme} ("dark", "light" or "" for none). */
    void colourScheme(String scheme) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Saves what the browser shows to {@code /work/notes/shots/NAME} when that folder exists, else target/. */
    void shot(String name) throws Exception {
        Path folder = Path.of("/work/notes/shots");
        Path target = Files.isDirectory(folder) ? folder.resolve(name) : Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves what the browser shows to {@code target/screenshots/NAME}. */
    void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    }
}
