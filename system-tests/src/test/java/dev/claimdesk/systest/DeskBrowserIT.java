package dev.claimdesk.systest;

import dev.claimdesk.commons.testing.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reviewer's day in a real headless Chromium against the built services: sign in, find the routed task in the
 * queue, see a new one arrive live, open it from the keyboard, see the claim highlighted in its article, rate it and submit with the
 * keyboard, and find the verdict published; axe-core finds no serious or critical violation on the pages, an
 * article's hostile markup runs nowhere, the pages fit a 390 px screen, and an editor finds the verdict in the
 * article's report, the feed and its ClaimReview, and an admin the reviewer's load and the audit trail. Screenshots
 * go to target/screenshots.
 */
class DeskBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Test
    void shouldLetAReviewerRateARoutedClaimFromTheKeyboard() throws Exception {
        String reviewer = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Wadi-" + UUID.randomUUID() + "-Qx";
        String marker = "Varnholm" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
        String sentence = "The council of " + marker + " approved a new flood barrier on Tuesday, the mayor announced.";
        try (ServiceProcess claims = ServiceProcess.start("claims-service", "claimdesk_systest_claims", Map.of());
             ServiceProcess review = ServiceProcess.start("review-service", "claimdesk_systest_review", Map.of());
             ServiceProcess ingest = ServiceProcess.start("ingest-service", "claimdesk_systest_ingest", Map.of());
             ServiceProcess web = ServiceProcess.start("web-ui", "claimdesk_systest_webui", Map.of(
                     "CLAIMDESK_SERVICES_REVIEW", review.baseUri(), "CLAIMDESK_SERVICES_CLAIMS", claims.baseUri(),
                     "CLAIMDESK_SERVICES_INGEST", ingest.baseUri()))) {
            given().baseUri(web.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).contentType(ContentType.JSON)
                    .body(Map.of("username", reviewer, "displayName", "Desk Reviewer", "password", password, "roles", List.of("reviewer")))
                    .post("/api/users").then().statusCode(201);
            String editor = reviewer.replace("desk-", "editor-");
            given().baseUri(web.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).contentType(ContentType.JSON)
                    .body(Map.of("username", editor, "displayName", "Desk Editor", "password", password, "roles", List.of("editor")))
                    .post("/api/users").then().statusCode(201);
            given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).contentType(ContentType.JSON)
                    .body(Map.of("username", reviewer, "skills", List.of("politics", "figures"), "languages", List.of("en"), "capacity", 1000))
                    .post("/api/reviewers").then().statusCode(201);
            String article = ingestArticle(ingest, marker, sentence);
            String taskId = awaitTask(review, reviewer, marker, "EVENT");

            WebDriver browser = chromium();
            try {
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
                browser.get(web.baseUri() + "/login?next=/desk");
                assertEquals(List.of(), Accessibility.seriousViolations(browser), "the login page");
                browser.findElement(By.name("username")).sendKeys(reviewer);
                browser.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-" + taskId)));

                // a new task routed to the reviewer appears while the queue is open, without reloading the page
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.stillThisPage = true;");
                String later = marker + "b";
                ingestArticle(ingest, later, "The council of " + later + " closed the old bridge on Monday, officials announced.");
                String laterTask = awaitTask(review, reviewer, later, "EVENT");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-" + laterTask)));
                assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.stillThisPage === true;"),
                        "the queue changed in place");
                screenshot(browser, "queue.png");
                assertEquals(List.of(), Accessibility.seriousViolations(browser), "the queue");

                // j selects the first task (the most urgent); walk to ours, then o opens it
                List<WebElement> rows = browser.findElements(By.cssSelector("#my-tasks tbody tr"));
                int index = rows.indexOf(browser.findElement(By.id("task-" + taskId)));
                Actions keys = new Actions(browser);
                for (int i = 0; i <= index; i++) {
                    keys.sendKeys("j").perform();
                }
                assertEquals("true", browser.findElement(By.id("task-" + taskId)).getAttribute("aria-selected"));
                keys.sendKeys("o").perform();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict-form")));
                assertEquals(sentence, browser.findElement(By.id("claim")).getText(), "the claim's sentence is highlighted");
                assertTrue(browser.findElement(By.id("article-text")).getText().contains("Residents gathered"), "inside its article");
                screenshot(browser, "task.png");
                assertEquals(List.of(), Accessibility.seriousViolations(browser), "the claim page");

                // a submission without a rating is refused with the reason, and what was typed stays
                browser.findElement(By.id("explanation")).sendKeys("The council's minutes record the vote.");
                keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
                assertTrue(browser.findElement(By.id("error")).getText().contains("rating"), browser.findElement(By.id("error")).getText());
                assertEquals("The council's minutes record the vote.", browser.findElement(By.id("explanation")).getAttribute("value"));

                browser.findElement(By.tagName("body")).click();
                keys.sendKeys("1").perform();
                assertTrue(browser.findElement(By.cssSelector("input[name=rating][value=TRUE]")).isSelected(), "1 rates TRUE");
                browser.findElement(By.tagName("body")).click();
                keys.sendKeys("e").perform();
                new Actions(browser).sendKeys("https://council.example/minutes").perform();
                keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
                wait.until(ExpectedConditions.urlContains("/desk?done="));

                // hostile text in an article is shown as text on the queue and the claim page; nothing in it runs
                String hostile = marker + "c";
                ingestArticle(ingest, hostile, "The council of " + hostile + " approved the <script>window.pwned=1</script> barrier "
                        + "<img src=x onerror=\"window.pwned=2\"> on Tuesday, the mayor announced.\n\n"
                        + "<a href=\"javascript:window.pwned=3\">Read more</a> </textarea><script>window.pwned=4</script>");
                // the markup's digits read as figures: whatever type the claim takes, its task reaches the reviewer
                String hostileTask = awaitTask(review, reviewer, hostile, null);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-" + hostileTask)));
                browser.get(web.baseUri() + "/desk/tasks/" + hostileTask);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict-form")));
                assertTrue(browser.findElement(By.id("claim")).getText().contains("<script>window.pwned=1</script>"), "shown as text");
                assertTrue(browser.findElements(By.cssSelector("#article-text script, #article-text img, #article-text a")).isEmpty());
                assertEquals(null, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.pwned;"),
                        "no script of the article ran");
                assertTrue(browser.findElement(By.id("explanation")).getAttribute("value").isEmpty(), "</textarea> closed nothing");
                assertThrows(org.openqa.selenium.NoAlertPresentException.class, () -> browser.switchTo().alert());

                // a 390 px wide phone: nothing to scroll sideways for
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                assertEquals(List.of(), Accessibility.wideElements(browser), "the claim page fits 390 px");
                browser.get(web.baseUri() + "/desk");
                assertEquals(List.of(), Accessibility.wideElements(browser), "the queue fits 390 px");
                screenshot(browser, "queue-390.png");
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

                // the editor's view: the article's report shows the verdict, the feed lists it, ClaimReview is there to copy
                browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
                browser.get(web.baseUri() + "/login?next=/reports/" + article);
                browser.findElement(By.name("username")).sendKeys(editor);
                browser.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
                assertTrue(browser.findElement(By.id("coverage")).getText().startsWith("1 of"), browser.findElement(By.id("coverage")).getText());
                assertEquals("TRUE", browser.findElement(By.id("worst")).getText());
                screenshot(browser, "report.png");
                assertEquals(List.of(), Accessibility.seriousViolations(browser), "the report");
                browser.findElement(By.linkText("ClaimReview")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claimreview")));
                assertTrue(browser.findElement(By.id("claimreview")).getAttribute("value").contains("\"ClaimReview\""));
                browser.get(web.baseUri() + "/verdicts");
                assertTrue(browser.findElement(By.id("feed")).getText().contains(sentence), "the feed lists the verdict");
                browser.get(web.baseUri() + "/articles");
                assertTrue(browser.findElement(By.id("articles")).getText().contains("Barrier for " + marker), "the article with its coverage");

                // a draft checked before publication: its claims, nothing stored
                browser.get(web.baseUri() + "/drafts");
                browser.findElement(By.id("text")).sendKeys("Floods killed at least 40 people in the valley of " + marker
                        + " on Sunday, the agency said.");
                browser.findElement(By.cssSelector("#draft-form button[type=submit]")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-claims")));
                assertTrue(browser.findElement(By.id("draft-claims")).getText().contains("at least 40"), "the figure it would raise");
                assertEquals(List.of(), Accessibility.seriousViolations(browser), "the draft page");

                // the admin's view: the reviewer with their load, and the audit trail of the verdict, filtered
                browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
                browser.get(web.baseUri() + "/login?next=/admin");
                browser.findElement(By.name("username")).sendKeys(Env.ADMIN);
                browser.findElement(By.name("password")).sendKeys(Env.adminPassword(), Keys.ENTER);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reviewers")));
                assertTrue(browser.findElement(By.id("reviewers")).getText().contains(reviewer), "the reviewer and their load");
                assertTrue(browser.findElement(By.id("users")).getText().contains(editor), "users and roles");
                assertEquals(List.of(), Accessibility.seriousViolations(browser), "the admin page");
                browser.get(web.baseUri() + "/admin/audit?reviewer=" + reviewer);
                assertTrue(browser.findElement(By.id("audit")).getText().contains("verdict.published"), "the audit, by reviewer");
                assertEquals(List.of(), Accessibility.seriousViolations(browser), "the audit page");
            } finally {
                browser.quit();
            }
            given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(reviewer, "reviewer")).get("/api/tasks/" + taskId)
                    .then().statusCode(200).body("stage", equalTo("DONE")).body("verdict.rating", equalTo("TRUE"));
            given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor")).get("/api/reports/" + article)
                    .then().statusCode(200).body("items.find { it.text.contains('" + marker + "') }.verdict.rating", equalTo("TRUE"));
        }
    }

    private static String ingestArticle(ServiceProcess ingest, String marker, String sentence) {
        return given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("systest-ingest", "ingest"))
                .contentType(ContentType.JSON).body(Map.of("title", "Barrier for " + marker, "outlet", "Desk Wire",
                        "url", "https://desk.example/" + marker, "body", "Barrier for " + marker + "\n\n" + sentence
                                + "\n\nResidents gathered outside the town hall of " + marker + " in the rain."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    /** The task of the claim naming {@code marker} (of this type, or any when null), once routed to the reviewer. */
    private static String awaitTask(ServiceProcess review, String reviewer, String marker, String type) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> mine = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(reviewer, "reviewer"))
                    .get("/api/tasks/mine").then().statusCode(200).extract().jsonPath().getList("findAll { it.claims.any { c -> c.text.contains('"
                            + marker + "') && " + (type == null ? "true" : "c.type == '" + type + "'") + " } }");
            if (!mine.isEmpty()) {
                return (String) mine.getFirst().get("id");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("a task for " + marker + " routed to " + reviewer + " within 60 s");
    }

    /** Debian's Chromium, headless, with no network of its own beyond this machine. */
    static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static void screenshot(WebDriver browser, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
