package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium from the Debian packages, driven by Selenium with explicit binary and driver paths
 * so Selenium Manager never downloads anything. Without Chromium the browser tests are skipped on a
 * developer's machine but fail in CI ({@code CI=true}), so a CI run can never pass without them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("openapheresis.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("openapheresis.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final WebDriverWait wait;
    private final String baseUrl;
    private final Path profile;

    static {
        // Selenium warns that it has no CDP bindings for this Chromium version; the tests do not use CDP.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
    }

    private Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("openapheresis-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1366,900", "--user-data-dir=" + profile.toAbsolutePath(),
                "--lang=en-GB");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 900));
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Opens a browser, or skips (developer machine) / fails (CI) when Chromium is not installed. */
    static Browser open(String baseUrl) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String why = "Chromium for the browser tests is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); install it with: apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
        return new Browser(baseUrl);
    }

    /**
     * What the page wrote to the console as errors since the last call: script errors and refused loads (a
     * Content-Security-Policy violation among them). Answers of the API that are errors on purpose (a 422 the
     * test provokes) are network entries, not script errors, and are left out.
     */
    java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> !m.contains("Failed to load resource: the server responded with a status of 4"))
                .toList();
    }

    /** Loads the app afresh at a page (a full load, so each step starts from what the server says). */
    void go(String hashPath) {
        driver.get("about:blank");
        driver.get(baseUrl + "/#" + hashPath);
    }

    /** Signs in through the sign-in page (signing out whoever was signed in) and waits for the first page. */
    void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        go("/login");
        awaitHeading("Sign in");
        type("username", username);
        type("password", password);
        click(By.id("sign-in"));
        wait.until(d -> d.findElements(By.cssSelector(".role-badge")).size() == 1);
    }

    WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void awaitHeading(String text) {
        awaitText(By.cssSelector("main h1"), text);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Types into the input whose API field name is {@code field}, replacing what is there. */
    void type(String field, String text) {
        WebElement el = await(By.cssSelector("[data-field='" + field + "']"));
        el.clear();
        el.sendKeys(text);
    }

    /** Chooses the option with this value in the select of {@code field}. */
    void select(String field, String value) {
        new org.openqa.selenium.support.ui.Select(await(By.cssSelector("[data-field='" + field + "']")))
                .selectByValue(value);
    }

    /** The error message shown beside the input of {@code field} ("" when none). */
    String errorFor(String field) {
        return (String) js("const el = document.querySelector(`[data-field='${arguments[0]}']`);"
                + "return el ? el.closest('.field').querySelector('.field-error').textContent : null;", field);
    }

    /** Waits until the error beside {@code field} contains {@code text}. */
    void awaitError(String field, String text) {
        wait.withMessage("error beside " + field + " containing '" + text + "'")
                .until(d -> String.valueOf(errorFor(field)).contains(text));
    }

    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /**
     * After "Schedule session" for a session that must run now: when now is outside the unit's opening hours (a run at
     * night or on a Sunday), the page warns and the session is booked on call, as staff book one that must run then;
     * inside them, the run sheet opens at once. Either way the run sheet is shown after.
     */
    void bookOnCallIfWarned() {
        wait.until(d -> !all(By.id("on-call-warning")).isEmpty() || text(By.cssSelector("main h1"))
                .contains("Run sheet"));
        if (!all(By.id("on-call-warning")).isEmpty()) {
            click(By.id("book-anyway"));
        }
        awaitHeading("Run sheet");
    }

    /** The text nodes (and input values) of the page in which "null", "undefined" or "NaN" stands as a word. */
    @SuppressWarnings("unchecked")
    java.util.List<String> missingValueTexts() {
        Object found = js("const out = []; const re = /\\b(null|undefined|NaN)\\b/;"
                + "const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + "for (let n = w.nextNode(); n; n = w.nextNode()) {"
                + "  if (n.parentElement && n.parentElement.closest('script,style,pre.json')) continue;"
                + "  if (re.test(n.textContent)) out.push(n.textContent.trim().slice(0, 120)); }"
                + "for (const el of document.querySelectorAll('input,textarea')) { if (re.test(el.value)) out.push('value: ' + el.value); }"
                + "return out;");
        return (java.util.List<String>) found;
    }

    /** Ticks every checkbox of {@code formId} (a checklist of warnings read). */
    void tickEvery(String formId) {
        for (WebElement box : all(By.cssSelector("#" + formId + " input[type=checkbox]"))) {
            box.click();
        }
    }

    /** Types each value into the field of {@code formId} whose {@code data-field} is the key, replacing what it held. */
    void fill(String formId, Map<String, String> values) {
        values.forEach((field, value) -> {
            WebElement el = await(By.cssSelector("#" + formId + " [data-field='" + field + "']"));
            el.clear();
            el.sendKeys(value);
        });
    }

    /**
     * The text of the element {@code by} finds, read again if the page redrew it meanwhile (a plan box redraws
     * when its uncertainty bands arrive after the plan).
     */
    String text(By by) {
        return wait.until(d -> {
            try {
                return d.findElement(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a full-page screenshot to target/screenshots/NAME.png (test artifact). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Number height = (Number) js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(1366, Math.min(6000, Math.max(900, height.intValue() + 40))));
            js("window.scrollTo(0, 0)");
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(1366, 900));
            assertThat(file).isNotEmptyFile();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text whose contrast against its background is below WCAG AA (4.5:1, or 3:1 for large text): each entry
     * names the element, its text and the ratio. Checks every visible element that holds text directly.
     */
    @SuppressWarnings("unchecked")
    List<String> contrastFailures() {
        return (List<String>) js("""
                const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                  const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
                const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
                const bgOf = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor);
                  if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
                const out = [];
                for (const el of document.querySelectorAll('body *')) {
                  if (el.closest('svg') || !el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
                  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
                  if (!own) continue;
                  const st = getComputedStyle(el);
                  if (st.visibility === 'hidden' || parseFloat(st.opacity) < 0.5) continue;
                  const fg = parse(st.color); const bg = bgOf(el);
                  const l1 = lum(fg), l2 = lum(bg);
                  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                  const size = parseFloat(st.fontSize); const bold = parseInt(st.fontWeight, 10) >= 700;
                  const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                  if (ratio < need) {
                    out.push(el.tagName + '.' + el.className + ' "' + el.textContent.trim().slice(0, 30) + '" '
                      + ratio.toFixed(2));
                  }
                }
                return out;""");
    }

    /** Prints the page as Chromium would on paper (print stylesheet) to target/screenshots/NAME.pdf. */
    Path printToPdf(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            org.openqa.selenium.Pdf pdf = ((org.openqa.selenium.PrintsPage) driver)
                    .print(new org.openqa.selenium.print.PrintOptions());
            Path file = SCREENSHOTS.resolve(name + ".pdf");
            Files.write(file, java.util.Base64.getDecoder().decode(pdf.getContent()));
            assertThat(file).isNotEmptyFile();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
