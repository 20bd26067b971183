package org.openkyc.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium from the operating system, driven through chromedriver. */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    public Browser(String base) {
        this(base, null);
    }

    /**
     * A browser whose camera shows a video file (Y4M) instead of a real camera, with permission to use it granted.
     */
    public static Browser withCamera(String base, Path video) {
        return new Browser(base, video);
    }

    private Browser(String base, @org.jspecify.annotations.Nullable Path camera) {
        this.base = base;
        try {
            this.profile = Files.createTempDirectory("openkyc-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("openkyc.chromium", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=en",
                "--user-data-dir=" + profile);
        if (camera != null) {
            options.addArguments(
                    "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream",
                    "--use-file-for-fake-video-capture=" + camera.toAbsolutePath());
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("openkyc.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    public void open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
    }

    /** Fills in and sends the sign-in form of the page open now. */
    public void signIn(String email, String password) {
        type("#email", email);
        type("#password", password);
        click("#signin-submit");
    }

    public WebElement find(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public boolean exists(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks the element once it is clickable, scrolled to the middle so the sticky header never covers it. */
    public void click(String css) {
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url == null ? "" : url.substring(base.length());
    }

    /** The element's text, read again if the page was replaced while reading. */
    public String text(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class) // stale or detached nodes while a page is replaced
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** Waits until the element shows {@code expected}, as after a request the page makes by itself. */
    public void awaitText(String css, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class) // stale or detached nodes while a page is replaced
                .until(d -> expected.equals(d.findElement(By.cssSelector(css)).getText()));
    }

    /** Waits until the element's attribute has the value, as after a click that reloads the page. */
    public void awaitAttribute(String css, String attribute, String value) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(WebDriverException.class) // stale or detached nodes while a page is replaced
                .until(d -> value.equals(d.findElement(By.cssSelector(css)).getAttribute(attribute)));
    }

    /** Waits until the browser shows {@code path} (with its query), as after a form's redirect. */
    public void awaitPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(base + path));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Keeps a screenshot under target/screenshots for people to look at; answers the PNG. */
    public byte[] screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
            return png;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a script in the page and answers what it returns. */
    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
