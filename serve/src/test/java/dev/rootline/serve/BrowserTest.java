package dev.rootline.serve;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.rootline.serve.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real headless Chromium against a real server: one server and one browser for the class (the
 * restart test starts a second server on the same index).
 */
class BrowserTest {
    static RootlineServer server;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        browser = Browser.start();
        server = RootlineServer.start(SeedIndex.index(), ServeSettings.local(0), SeedIndex.runner(SeedIndex.index()), System.err);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void open(URI base, String pathAndQuery) {
        browser.get(base.resolve(pathAndQuery).toString());
        idle();
    }

    /** Waits until every part of the view shows the current query (the page sets body[data-state=idle]). */
    private static void idle() {
        wait.until(d -> "idle".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#rows tr"));
    }

    @Test
    void aQueryInTheAddressShowsItsTotalAndItsRows() throws IOException {
        open(server.url(), "/?q=" + q(SeedIndex.TIMEOUTS));
        long total = SeedIndex.count(SeedIndex.TIMEOUTS);
        assertThat(text("total")).isEqualTo(String.format(java.util.Locale.US, "%,d", total));
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(SeedIndex.TIMEOUTS);
        assertThat(rows()).hasSize(100);
        assertThat(rows().get(0).getText()).contains("clouddriver").contains("ERROR").contains("i/o timeout");
        assertThat(browser.findElements(By.cssSelector("svg.histogram rect.burst"))).isNotEmpty();
        Browser.screenshot(browser, "1-search");
    }

    @Test
    void brushingTheHistogramNarrowsTheRangeAndTheAddress() throws IOException {
        open(server.url(), "/?q=" + q(SeedIndex.TIMEOUTS));
        String before = text("total");
        WebElement area = browser.findElement(By.cssSelector("[data-testid=brush-area]"));
        int w = area.getSize().getWidth();
        new Actions(browser).moveToElement(area, -w / 4, 0).clickAndHold().moveByOffset(w / 6, 0).release().perform();
        wait.until(d -> d.getCurrentUrl().contains("from="));
        idle();
        String url = browser.getCurrentUrl();
        String from = browser.findElement(By.id("from")).getAttribute("value");
        String to = browser.findElement(By.id("to")).getAttribute("value");
        assertThat(Instant.parse(from)).isBefore(Instant.parse(to));
        assertThat(url).contains("from=").contains("to=").contains("q=");
        assertThat(text("total")).isNotEqualTo(before);
        Browser.screenshot(browser, "2-brushed");

        // the address alone reproduces the view
        browser.get(url);
        idle();
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo(from);
    }

    @Test
    void theEventDetailShowsEveryFieldAndTheRawRecord() throws IOException {
        open(server.url(), "/?q=" + q("eventName:CreateNetworkInterface"));
        rows().get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-raw"), "CreateNetworkInterface"));
        String raw = text("detail-raw");
        assertThat(raw).contains("\"eventName\" : \"CreateNetworkInterface\"").contains("\"requestParameters\"");
        assertThat(text("detail-provenance")).contains(".json.gz");
        assertThat(text("detail-fields")).contains("eventName").contains("eni");
        assertThat(browser.findElements(By.cssSelector("#detail-around li"))).isNotEmpty();
        Browser.screenshot(browser, "3-detail");
    }

    @Test
    void slashFocusesTheSearchAndJAndKMoveThroughTheResults() {
        open(server.url(), "/?q=" + q(SeedIndex.TIMEOUTS));
        browser.findElement(By.tagName("body")).click();
        new Actions(browser).sendKeys("/").perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.findElement(By.id("results-title")).click();
        new Actions(browser).sendKeys("j").sendKeys("j").perform();
        wait.until(d -> "true".equals(rows().get(1).getAttribute("aria-selected")));
        new Actions(browser).sendKeys("k").perform();
        wait.until(d -> "true".equals(rows().get(0).getAttribute("aria-selected")));
        assertThat(rows().get(1).getAttribute("aria-selected")).isEqualTo("false");
        // the selected row is the one in the tab order, and has the focus
        assertThat(browser.switchTo().activeElement().getAttribute("data-id")).isEqualTo(rows().get(0).getAttribute("data-id"));
        assertThat(browser.findElements(By.cssSelector("#rows tr[tabindex='0']"))).hasSize(1);
    }

    @Test
    void aBadQueryIsShownInlineAtItsPosition() throws IOException {
        open(server.url(), "/?q=" + q("source:clouddriver AND (error:io_timeout"));
        WebElement error = browser.findElement(By.id("query-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(text("query-error-message")).contains("Cannot parse").doesNotStartWith("bad query");
        assertThat(text("query-error-caret")).contains("^");
        assertThat(browser.findElement(By.id("q")).getAttribute("aria-invalid")).isEqualTo("true");
        Browser.screenshot(browser, "4-query-error");
    }

    @Test
    void aFacetClickAddsItsValueAsAFilter() {
        open(server.url(), "/?q=" + q("level:error"));
        WebElement facet = browser.findElement(By.cssSelector("button.facet[data-field=source][data-value=clouddriver]"));
        facet.click();
        wait.until(d -> d.getCurrentUrl().contains("clouddriver"));
        idle();
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("(level:error) AND source:\"clouddriver\"");
    }

    @Test
    void aStarSurvivesARestartOfTheServer() throws IOException {
        open(server.url(), "/?q=" + q("eventName:DeleteNetworkInterface"));
        String id = rows().get(0).getAttribute("data-id");
        rows().get(0).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("star"))).click();
        wait.until(d -> "true".equals(d.findElement(By.id("star")).getAttribute("aria-pressed")));
        wait.until(d -> rows().get(0).getText().contains("★"));
        Browser.screenshot(browser, "5-starred");

        try (RootlineServer again = RootlineServer.start(SeedIndex.index(), ServeSettings.local(0), null, System.err)) {
            open(again.url(), "/?q=" + q("starred:true AND eventName:DeleteNetworkInterface"));
            assertThat(text("total")).isEqualTo("1");
            assertThat(rows().get(0).getAttribute("data-id")).isEqualTo(id);
            assertThat(rows().get(0).getText()).contains("★");
            // the filters offer a way back to what was marked
            assertThat(browser.findElement(By.cssSelector("button.facet[data-field=starred]")).getText()).contains("starred");
        }
    }

    @Test
    void anInvestigationStartedFromThePageShowsItsProgressAndListsItsReport() throws IOException {
        open(server.url(), "/?q=" + q(SeedIndex.TIMEOUTS) + "&from=2024-10-25&to=2024-10-29");
        int before = browser.findElements(By.cssSelector("#reports li")).size();
        browser.findElement(By.id("investigate")).click();
        wait.until(ExpectedConditions.textMatches(By.id("inv-status"), java.util.regex.Pattern.compile("Investigation (queued|running|done)")));
        new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("inv-status"), "Investigation done"));
        wait.until(d -> d.findElements(By.cssSelector("#reports li")).size() == before + 1);
        WebElement newest = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reports li")));
        assertThat(newest.getText()).contains("2024-10-25 00:00 – 2024-10-29 00:00").contains("ENI_IN_UNROUTED_SUBNET");
        String href = newest.findElement(By.tagName("a")).getAttribute("href");
        assertThat(href).startsWith(server.url() + "reports/").endsWith("/report.html");
        assertThat(Http.get(server.url(), URI.create(href).getPath()).status()).isEqualTo(200);
        Browser.screenshot(browser, "7-investigations");
        browser.get(href); // served as written, under a policy that lets its inline CSS and SVG render
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("ENI_IN_UNROUTED_SUBNET");
        Browser.screenshot(browser, "8-report");
    }

    @Test
    void thePageRunsWithoutAScriptErrorOrAPolicyViolation() {
        open(server.url(), "/?q=" + q("level:error"));
        rows().get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-summary"), " "));
        var entries = browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll();
        assertThat(entries).filteredOn(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .as("console warnings and errors").isEmpty();
    }

    @Test
    void hostileLogTextIsShownAsTextAndNeverRuns() throws IOException {
        open(server.url(), "/?q=" + q("thread:Thread-31337"));
        assertThat(text("total")).isEqualTo("2");
        String page = browser.findElement(By.id("rows")).getText();
        assertThat(page).contains("<img src=x onerror=\"window.__pwned=1\">").contains("<script>window.__pwned=2</script>")
                .contains("javascript:window.__pwned=3");
        rows().get(0).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-raw"), "<script>"));
        rows().get(1).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-raw"), "<svg onload"));
        Browser.screenshot(browser, "6-hostile");

        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return window.__pwned")).isNull();
        for (String css : List.of("#rows img", "#rows script", "#rows a", "#rows svg", "#rows iframe", "#detail img",
                "#detail script", "#detail iframe", "#detail svg", "#facets img", "#detail a")) {
            assertThat(browser.findElements(By.cssSelector(css))).as(css).isEmpty();
        }
        assertThat(browser.findElements(By.cssSelector("[onerror], [onload]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href^='javascript:' i], iframe"))).isEmpty();
        assertThat(browser.findElements(By.tagName("script"))).hasSize(1); // the page's own module
    }
}
