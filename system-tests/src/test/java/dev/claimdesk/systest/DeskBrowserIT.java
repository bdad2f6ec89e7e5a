package dev.claimdesk.systest;

import dev.claimdesk.commons.testing.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static ServiceProcess claims;
    private static ServiceProcess review;
    private static ServiceProcess ingest;
    private static ServiceProcess web;

    @BeforeAll
    static void startTheSuite() throws Exception {
        claims = ServiceProcess.start("claims-service", "claimdesk_systest_claims", Map.of());
        review = ServiceProcess.start("review-service", "claimdesk_systest_review", Map.of());
        ingest = ServiceProcess.start("ingest-service", "claimdesk_systest_ingest", Map.of());
        web = ServiceProcess.start("web-ui", "claimdesk_systest_webui", Map.of(
                "CLAIMDESK_SERVICES_REVIEW", review.baseUri(), "CLAIMDESK_SERVICES_CLAIMS", claims.baseUri(),
                "CLAIMDESK_SERVICES_INGEST", ingest.baseUri()));
    }

    @AfterAll
    static void stopTheSuite() throws Exception {
        for (ServiceProcess process : new ServiceProcess[] {web, ingest, review, claims}) {
            if (process != null) {
                process.close();
            }
        }
    }

    @Test
    void shouldLetAReviewerRateARoutedClaimFromTheKeyboard() throws Exception {
        String reviewer = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Wadi-" + UUID.randomUUID() + "-Qx";
        String marker = "Varnholm" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
        String sentence = "The council of " + marker + " approved a new flood barrier on Tuesday, the mayor announced.";
        {
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
                screenshot(browser, "desk-queue.png");
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
                String shownClaim = browser.findElement(By.cssSelector("#verdict-form input[name=claimId]")).getAttribute("value");
                assertTrue(browser.findElement(By.id("article-text")).getText().contains("Residents gathered"), "inside its article");
                assertTrue(browser.findElement(By.id("why-ranked")).getText().contains("named place +0.10"),
                        "why the claim ranks: " + browser.findElement(By.id("why-ranked")).getText());
                screenshot(browser, "desk-task.png");
                assertEquals(List.of(), Accessibility.seriousViolations(browser), "the claim page");

                // a submission without a rating is refused with the reason, and what was typed stays
                browser.findElement(By.id("explanation")).sendKeys("The council's minutes record the vote.");
                keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
                assertTrue(browser.findElement(By.id("error")).getText().contains("rating"), browser.findElement(By.id("error")).getText());
                assertEquals("The council's minutes record the vote.", browser.findElement(By.id("explanation")).getAttribute("value"));

                // meanwhile a second outlet tells the claim: the task changes under the reviewer's draft
                long opened = Long.parseLong(browser.findElement(By.cssSelector("#verdict-form input[name=taskVersion]")).getAttribute("value"));
                ingestArticle("Second Paper", marker, sentence);
                Instant changed = Instant.now().plusSeconds(60);
                while (given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).get("/api/tasks/" + taskId)
                        .then().statusCode(200).extract().<Number>path("version").longValue() <= opened) {
                    assertTrue(Instant.now().isBefore(changed), "the second telling reached the task");
                    Thread.sleep(200);
                }

                leaveFields(browser);
                keys.sendKeys("1").perform();
                assertTrue(browser.findElement(By.cssSelector("input[name=rating][value=TRUE]")).isSelected(), "1 rates TRUE");
                // with focus left on the rating, every shortcut still works: another digit, then e
                keys.sendKeys("2").perform();
                assertTrue(browser.findElement(By.cssSelector("input[name=rating][value=MOSTLY_TRUE]")).isSelected(), "2 rates MOSTLY_TRUE");
                keys.sendKeys("1").perform();
                keys.sendKeys("e").perform();
                new Actions(browser).sendKeys("https://council.example/minutes").perform();
                keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
                // refused as stale: the page says what changed, keeps every part of the draft, and one key sends it again
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
                assertTrue(browser.findElement(By.id("error")).getText().startsWith("This task changed after you opened it"),
                        browser.findElement(By.id("error")).getText());
                assertEquals("The council's minutes record the vote.", browser.findElement(By.id("explanation")).getAttribute("value"));
                assertTrue(browser.findElement(By.cssSelector("input[name=rating][value=TRUE]")).isSelected(), "the rating kept");
                assertEquals("https://council.example/minutes", browser.findElement(By.cssSelector("input[name=url]")).getAttribute("value"));
                keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
                wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/desk?done="),
                        ExpectedConditions.presenceOfElementLocated(By.id("error"))));
                assertTrue(browser.getCurrentUrl().contains("/desk?done="), () -> "submitted, not refused: "
                        + browser.findElement(By.id("error")).getText());
                assertEquals("Verdict published: editors see it in the feed now.", browser.findElement(By.id("submitted")).getText(),
                        "the queue says where the rating went");
                // the verdict names the claim the page highlighted, the one review-service leads the task with
                var decided = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin"))
                        .get("/api/tasks/" + taskId).then().statusCode(200).extract();
                assertEquals(shownClaim, decided.path("leadClaimId"));
                given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin"))
                        .get("/api/verdicts/" + decided.path("verdict.id")).then().statusCode(200)
                        .body("claimReviewedId", org.hamcrest.Matchers.equalTo(shownClaim))
                        .body("claimReviewed", org.hamcrest.Matchers.equalTo(sentence));

                // hostile text in an article is shown as text on the queue and the claim page; nothing in it runs
                String hostile = marker + "c";
                String hostileArticle = ingestArticle(ingest, hostile, "The council of " + hostile + " approved the <script>window.pwned=1</script> barrier "
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
                // ...nor on the page that corrects the claim, with its sentence in an input's neighbourhood
                String hostileClaim = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(reviewer, "reviewer"))
                        .get("/api/tasks/" + hostileTask).then().statusCode(200).extract().path("claims[0].id");
                browser.get(web.baseUri() + "/desk/tasks/" + hostileTask + "/claims/" + hostileClaim);
                assertTrue(browser.findElement(By.id("claim-text")).getText().contains("<script>"), "shown as text");
                assertTrue(browser.findElements(By.cssSelector("#claim-text script, #claim-text img")).isEmpty());
                assertEquals(null, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.pwned;"));
                browser.get(web.baseUri() + "/desk/tasks/" + hostileTask);

                // a 390 px wide phone: nothing to scroll sideways for
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                assertEquals(List.of(), Accessibility.wideElements(browser), "the claim page fits 390 px");
                browser.get(web.baseUri() + "/desk");
                assertEquals(List.of(), Accessibility.wideElements(browser), "the queue fits 390 px");
                screenshot(browser, "desk-queue-390.png");
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
                browser.get(web.baseUri() + "/reports/" + hostileArticle);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
                assertTrue(browser.findElement(By.id("report")).getText().contains("<script>"), "the report shows the markup as text");
                assertTrue(browser.findElements(By.cssSelector("#report script, #report img")).isEmpty());
                assertEquals(null, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.pwned;"),
                        "no script of the article ran in the report");
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                assertEquals(List.of(), Accessibility.wideElements(browser), "the report fits 390 px");
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
                browser.get(web.baseUri() + "/reports/" + article);
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
                assertTrue(browser.findElement(By.id("audit")).getText().contains(reviewer + " published the verdict: TRUE."),
                        "the audit, by reviewer, in sentences");
                browser.findElement(By.xpath("//table[@id='audit']//a[text()='the verdict']")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claimreview")));
                browser.navigate().back();
                // the days picked in the filter bound the trail: today holds the verdict, yesterday nothing of it
                String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
                browser.get(web.baseUri() + "/admin/audit?reviewer=" + reviewer + "&from=" + today + "&to=" + today);
                assertTrue(browser.findElement(By.id("audit")).getText().contains("published the verdict"), "today's trail");
                String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
                browser.get(web.baseUri() + "/admin/audit?reviewer=" + reviewer + "&from=" + yesterday + "&to=" + yesterday);
                assertFalse(browser.findElement(By.id("audit")).getText().contains("published the verdict"), "yesterday's trail");
                assertEquals("date", browser.findElement(By.id("f-from")).getAttribute("type"), "days are picked, not typed as ISO-8601");
                assertEquals(List.of(), Accessibility.seriousViolations(browser), "the audit page");
            } finally {
                browser.quit();
                retire(reviewer);
            }
            given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(reviewer, "reviewer")).get("/api/tasks/" + taskId)
                    .then().statusCode(200).body("stage", equalTo("DONE")).body("verdict.rating", equalTo("TRUE"));
            given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor")).get("/api/reports/" + article)
                    .then().statusCode(200).body("items.find { it.text.contains('" + marker + "') }.verdict.rating", equalTo("TRUE"));
        }
    }

    @Test
    void shouldRateEachFigureThatDisagreesWithTheClaimUnderReviewOnItsOwnAndReportEachOutletsRating() throws Exception {
        String first = "tolls-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "tolls2-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Wadi-" + UUID.randomUUID() + "-Qx";
        String marker = "Kellmoor" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
        createUser(first, password, "reviewer");
        addReviewer(first, List.of("figures"));
        String wire = ingestArticle("Tolls Wire", marker, "A fire at the " + marker
                + " chemical plant killed at least 12 workers on Tuesday, the fire brigade said.");
        String paper = ingestArticle("Tolls Paper", marker, "The blaze at the " + marker
                + " chemical plant killed 9 workers on Tuesday, the plant's owner said.");
        String taskId = awaitClusterTask(first, paper, 2);
        io.restassured.path.json.JsonPath task = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(first, "reviewer"))
                .get("/api/tasks/" + taskId).then().statusCode(200).body("assignee", equalTo(first)).extract().jsonPath();
        String apartClaim = task.getString("claims.find { it.ratedApart }.id");
        String apartArticle = task.getString("claims.find { it.ratedApart }.articleId");
        String leadArticle = task.getString("claims.find { it.id == '" + task.getString("leadClaimId") + "' }.articleId");
        assertTrue(apartClaim != null && java.util.Set.of(wire, paper).equals(java.util.Set.of(apartArticle, leadArticle)),
                "the two tolls disagree: the one not under review is rated apart");
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            signIn(browser, first, password, "/desk/tasks/" + taskId);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rated-apart")));
            assertTrue(browser.findElement(By.id("rated-apart")).getText().contains(apartArticle.equals(wire) ? "Tolls Wire" : "Tolls Paper"),
                    "the form names the outlet whose figure disagrees");
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the verdict form with a figure rated apart");
            browser.findElement(By.id("explanation")).sendKeys("The fire brigade's list names each of the workers killed.");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("apart-" + apartClaim))).selectByValue("FALSE");
            leaveFields(browser);
            Actions keys = new Actions(browser);
            keys.sendKeys("2").sendKeys("e").perform();
            new Actions(browser).sendKeys("https://brigade.example/list").perform();
            screenshot(browser, "task-rated-apart.png");
            keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(By.id("submitted")),
                    ExpectedConditions.presenceOfElementLocated(By.id("error"))));
            assertTrue(browser.findElements(By.id("error")).isEmpty(), () -> browser.findElement(By.id("error")).getText());
            assertTrue(browser.findElement(By.id("submitted")).getText().startsWith("Sent to a second, blind review"));

            // a second reviewer agrees on both ratings: the verdict is published with the figure rated apart (the second
            // review may go to another reviewer of the suite with the skill and room: whoever has it rates it)
            addReviewer(second, List.of("figures"));
            String secondReviewer = awaitSecondReviewer(taskId, first);
            long version = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(secondReviewer, "reviewer")).get("/api/tasks/" + taskId)
                    .then().statusCode(200).extract().<Number>path("version").longValue();
            given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(secondReviewer, "reviewer")).contentType(ContentType.JSON)
                    .body(Map.of("rating", "MOSTLY_TRUE", "explanation", "The list has twelve names.", "taskVersion", version,
                            "claimId", task.getString("leadClaimId"), "sources", List.of(Map.of("url", "https://brigade.example/list")),
                            "claimRatings", List.of(Map.of("claimId", apartClaim, "rating", "FALSE"))))
                    .post("/api/tasks/" + taskId + "/verdict").then().statusCode(200).body("stage", equalTo("DONE"));

            // each outlet's article report shows the rating that applies to its own figure
            browser.get(web.baseUri() + "/reports/" + apartArticle);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
            assertEquals("FALSE", browser.findElement(By.id("worst")).getText());
            String apartTitle = marker + " in " + (apartArticle.equals(wire) ? "Tolls Wire" : "Tolls Paper");
            assertTrue(browser.findElement(By.tagName("h1")).getText().contains(apartTitle), "the report names its article");
            WebElement line = browser.findElement(By.id("claim-" + apartClaim));
            assertTrue(line.getText().contains("rated on its own"), line.getText());
            line.findElement(By.cssSelector("details.backing summary")).click();
            // what backs it: each reviewer's explanation and the evidence, linked; and the task behind the claim
            assertTrue(line.getText().contains("The fire brigade's list names each of the workers killed.")
                    && line.getText().contains("The list has twelve names."), line.getText());
            assertEquals("https://brigade.example/list", line.findElement(By.cssSelector(".evidence a")).getAttribute("href"));
            assertTrue(line.findElement(By.linkText("task")).getAttribute("href").endsWith("/desk/tasks/" + taskId));
            assertTrue(line.findElement(By.linkText("claim")).getAttribute("href").endsWith("/desk/tasks/" + taskId + "/claims/" + apartClaim));
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the report with what backs a verdict open");
            browser.get(web.baseUri() + "/verdicts");
            assertTrue(browser.findElement(By.id("feed")).getText().contains("What backs it"), "the feed shows what backs each verdict");
            browser.get(web.baseUri() + "/reports/" + leadArticle);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
            assertEquals("MOSTLY_TRUE", browser.findElement(By.id("worst")).getText());
            browser.get(web.baseUri() + "/articles");
            assertTrue(browser.findElement(By.xpath("//*[@id='articles']//tr[contains(., '" + apartTitle + "')]")).getText().contains("FALSE"),
                    "the article list's worst rating");
        } finally {
            browser.quit();
            retire(first);
            retire(second);
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (!"FALSE".equals(given().baseUri(claims.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor"))
                .get("/api/claims/" + apartClaim).then().statusCode(200).extract().path("verdict.rating"))) {
            assertTrue(Instant.now().isBefore(deadline), "claims-service shows the figure's own rating");
            Thread.sleep(200);
        }
    }

    @Test
    void shouldServeALongArticleAccessiblyFromTheKeyboardOnAPhoneAndOnATouchScreen() throws Exception {
        String reviewer = "a11y-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Wadi-" + UUID.randomUUID() + "-Qx";
        String marker = "Lindqvist" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
        createUser(reviewer, password, "reviewer");
        addReviewer(reviewer, List.of("politics", "figures"));
        String sentence = "The council of " + marker + " approved a new ring road on Wednesday, the mayor announced.";
        StringBuilder body = new StringBuilder("Ring road for " + marker + "\n\n" + sentence);
        String[] streets = {"the harbour", "the old mill", "the station", "the market square", "the school", "the cathedral"};
        for (int i = 0; i < 36; i++) {
            body.append("\n\nResidents near ").append(streets[i % streets.length]).append(" of ").append(marker)
                    .append(" spoke at the hearing in turn, and paragraph ").append(i + 1)
                    .append(" of this account records what they asked the planners about noise, traffic and the trees along the route.");
        }
        given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("systest-ingest", "ingest")).contentType(ContentType.JSON)
                .body(Map.of("title", "Ring road for " + marker, "outlet", "Long Read", "url", "https://long.example/" + marker,
                        "body", body.toString()))
                .post("/api/articles").then().statusCode(201);
        String taskId = awaitTask(review, reviewer, marker, "EVENT");
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
            // a failed sign-in keeps the username and puts the cursor in the password
            browser.get(web.baseUri() + "/login?next=/desk/tasks/" + taskId);
            browser.findElement(By.name("username")).sendKeys(reviewer);
            browser.findElement(By.name("password")).sendKeys("not-the-password", Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
            assertEquals("password", js.executeScript("return document.activeElement.id;"), "focus on the password");
            new Actions(browser).sendKeys(password, Keys.ENTER).perform();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict-form")));

            // the page names the claim, and the long article scrolls from the keyboard
            assertTrue(browser.getTitle().startsWith("The council of " + marker), browser.getTitle());
            assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("The council of " + marker),
                    browser.findElement(By.tagName("h1")).getText());
            assertTrue((Boolean) js.executeScript("const a = document.getElementById('article-text'); return a.scrollHeight > a.clientHeight;"),
                    "the article is long enough to scroll");
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the claim page of a long article");

            // the first Tab reaches the skip link, which takes focus past the header to the content
            js.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
            new Actions(browser).sendKeys(Keys.TAB).perform();
            assertEquals("skip-link", js.executeScript("return document.activeElement.className;"));
            new Actions(browser).sendKeys(Keys.ENTER).perform();
            assertEquals("main", js.executeScript("return document.activeElement.id;"), "focus on the content");

            // a phone: the queue's rows become cards, each value under its column's name
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.get(web.baseUri() + "/desk");
            WebElement row = browser.findElement(By.id("task-" + taskId));
            assertEquals("block", row.getCssValue("display"), "a card, not a table row");
            assertEquals(List.of("Priority", "Claim", "Type", "Stage", "Sources", "Due"), row.findElements(By.tagName("td")).stream()
                    .map(td -> td.getDomAttribute("data-label")).toList(), "each value under its column's name");
            assertEquals(List.of(), Accessibility.wideElements(browser), "the queue fits 390 px");

            // a touch screen: no keyboard hints on the task page
            browser.get(web.baseUri() + "/desk/tasks/" + taskId);
            assertTrue(browser.findElement(By.cssSelector("#verdict-form kbd")).isDisplayed(), "hints shown with a mouse and keyboard");
            // as DevTools' device mode makes one: touch input, which a page's media queries read as a coarse pointer
            ((org.openqa.selenium.chromium.HasCdp) browser).executeCdpCommand("Emulation.setTouchEmulationEnabled",
                    Map.of("enabled", true, "maxTouchPoints", 5));
            ((org.openqa.selenium.chromium.HasCdp) browser).executeCdpCommand("Emulation.setEmitTouchEventsForMouse",
                    Map.of("enabled", true, "configuration", "mobile"));
            browser.navigate().refresh();
            assertTrue(browser.findElements(By.cssSelector(".keyboard-hint")).stream().noneMatch(WebElement::isDisplayed),
                    () -> "no keyboard hint on a touch screen; coarse pointer: " + js.executeScript(
                            "return matchMedia('(pointer: coarse)').matches + ' / no hover: ' + matchMedia('(hover: none)').matches;"));
            assertTrue(browser.findElement(By.id("submit")).getText().startsWith("Submit verdict"));
        } finally {
            browser.quit();
            retire(reviewer);
        }
    }

    @Test
    void shouldKeepAVerdictDraftThroughALostSessionAndBringTheReviewerBackToTheTask() throws Exception {
        String reviewer = "lost-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Wadi-" + UUID.randomUUID() + "-Qx";
        String marker = "Osterdal" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
        String sentence = "The council of " + marker + " approved a new school on Thursday, the mayor announced.";
        createUser(reviewer, password, "reviewer");
        addReviewer(reviewer, List.of("politics", "figures"));
        ingestArticle(ingest, marker, sentence);
        String taskId = awaitTask(review, reviewer, marker, "EVENT");
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            signIn(browser, reviewer, password, "/desk/tasks/" + taskId);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verdict-form")));
            browser.findElement(By.id("explanation")).sendKeys("The school board's minutes record the vote.");
            leaveFields(browser);
            Actions keys = new Actions(browser);
            keys.sendKeys("1").sendKeys("e").perform();
            new Actions(browser).sendKeys("https://school.example/minutes").perform();

            // the session ends on the server while the reviewer writes (idle timeout, sign-out elsewhere, a restart)
            browser.manage().deleteCookieNamed("claimdesk_session");
            browser.manage().addCookie(new org.openqa.selenium.Cookie("claimdesk_session", "ended-" + UUID.randomUUID()));
            keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("password")));
            assertTrue(browser.getCurrentUrl().contains("next=%2Fdesk%2Ftasks%2F" + taskId), browser.getCurrentUrl());

            // signing in again leads back to the task, with everything typed restored
            browser.findElement(By.name("username")).sendKeys(reviewer);
            browser.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-restored")));
            assertTrue(browser.getCurrentUrl().endsWith("/desk/tasks/" + taskId), browser.getCurrentUrl());
            assertEquals("The school board's minutes record the vote.", browser.findElement(By.id("explanation")).getAttribute("value"));
            assertTrue(browser.findElement(By.cssSelector("input[name=rating][value=TRUE]")).isSelected(), "the rating restored");
            assertEquals("https://school.example/minutes", browser.findElement(By.cssSelector("input[name=url]")).getAttribute("value"));
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the task page with its restored draft");

            keys.keyDown(Keys.CONTROL).sendKeys(Keys.ENTER).keyUp(Keys.CONTROL).perform();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submitted")));
            assertEquals(0L, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return Object.keys(localStorage).filter(k => k.startsWith('claimdesk-draft:')).length;"), "the sent draft is gone");
        } finally {
            browser.quit();
            retire(reviewer);
        }
        given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(reviewer, "reviewer")).get("/api/tasks/" + taskId)
                .then().statusCode(200).body("stage", equalTo("DONE")).body("verdict.rating", equalTo("TRUE"));
    }

    @Test
    void shouldLetAReviewerCorrectTheExtractionFromTheClaimPage() throws Exception {
        String reviewer = "fix-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Wadi-" + UUID.randomUUID() + "-Qx";
        String marker = "Brennvik" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
        createUser(reviewer, password, "reviewer");
        addReviewer(reviewer, List.of("figures"));
        String wire = ingestArticle("Desk Wire", marker, "A landslide buried 17 houses in " + marker + " on Sunday, the agency said.");
        String post = ingestArticle("Valley Post", marker, "On Sunday a landslide buried 17 houses in " + marker + ", officials said.");
        // corrections are any reviewer's to make: the task may be routed to another reviewer of the suite
        String taskId = awaitClusterTask(reviewer, wire, 2);
        Map<String, Object> task = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(reviewer, "reviewer"))
                .get("/api/tasks/" + taskId).then().statusCode(200).extract().jsonPath().getMap("");
        String cluster = (String) task.get("clusterId");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> told = (List<Map<String, Object>>) task.get("claims");
        // the suite's other tests may have told a like claim into the cluster too: these two are this test's
        String lead = (String) told.stream().filter(c -> wire.equals(c.get("articleId"))).findFirst().orElseThrow().get("id");
        Map<String, Object> theOther = told.stream().filter(c -> post.equals(c.get("articleId"))).findFirst().orElseThrow();
        String other = (String) theOther.get("id");
        String otherOutlet = (String) theOther.get("outlet");

        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            signIn(browser, reviewer, password, "/desk/tasks/" + taskId);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tellings")));
            WebElement telling = browser.findElements(By.cssSelector("#tellings .telling")).stream()
                    .filter(t -> t.getText().startsWith(otherOutlet) || t.getText().startsWith("Desk Wire")).findFirst()
                    .orElseThrow(() -> new AssertionError("a telling under its outlet's name: " + browser.findElement(By.id("tellings")).getText()));
            assertTrue(telling.findElement(By.cssSelector("mark.figure")).getText().contains("17"), "its figure marked");
            browser.findElement(By.cssSelector("#corrections summary")).click();
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the claim page with its corrections open");
            screenshot(browser, "task-corrections.png");

            // edit what extraction read: a figure that is not a number is refused and what was typed stays
            browser.get(web.baseUri() + "/desk/tasks/" + taskId + "/claims/" + other);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("claim-form")));
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the claim correction page");
            replace(browser.findElement(By.id("value")), "forty-one");
            browser.findElement(By.id("reason")).sendKeys("the agency raised its count");
            browser.findElement(By.cssSelector("#claim-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
            assertEquals("forty-one", browser.findElement(By.id("value")).getAttribute("value"));
            assertEquals("the agency raised its count", browser.findElement(By.id("reason")).getAttribute("value"));
            replace(browser.findElement(By.id("value")), "41");
            browser.findElement(By.cssSelector("#claim-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("corrected=claim"));
            assertTrue(browser.findElement(By.id("notice")).getText().contains("corrected"));
            claimsApi(reviewer).get("/api/claims/" + other).then().statusCode(200).body("quantity.value", equalTo(41.0f));
            claimsApi(reviewer).get("/api/claims/" + other + "/corrections").then().statusCode(200)
                    .body("[0].actor", equalTo(reviewer)).body("[0].reason", equalTo("the agency raised its count"));

            // the correction shows in the history beside the claim, with the task's own trail, and in the desk's audit
            Instant heard = Instant.now().plusSeconds(30);
            while (given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin"))
                    .queryParam("actor", reviewer).get("/api/audit").then().statusCode(200).extract().jsonPath()
                    .getList("items.findAll { it.action == 'task.claims-corrected' && it.taskId == '" + taskId + "' }").isEmpty()) {
                assertTrue(Instant.now().isBefore(heard), "review-service heard of the correction");
                Thread.sleep(200);
            }
            browser.navigate().refresh();
            browser.findElement(By.cssSelector("#history summary")).click();
            String history = browser.findElement(By.id("history")).getText();
            assertTrue(history.contains(reviewer + " corrected how the engine read a claim: the agency raised its count")
                    && history.contains(reviewer + " corrected its claims.") && history.contains("The task was created"), history);
            assertFalse(browser.findElements(By.xpath("//*[@id='history']//a[text()='the claim' and contains(@href, '/claims/" + other + "')]"))
                    .isEmpty(), "the correction links to its claim");

            // split the other outlet's claim off, then merge it back by its new cluster's id
            browser.findElement(By.cssSelector("#corrections summary")).click();
            browser.findElement(By.id("split-" + other)).click();
            browser.findElement(By.id("split-reason")).sendKeys("two different landslides");
            browser.findElement(By.cssSelector("#split-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("corrected=split"));
            claimsApi(reviewer).get("/api/clusters/" + cluster).then().statusCode(200)
                    .body("claimIds", org.hamcrest.Matchers.hasItem(lead)).body("claimIds", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(other)));
            String splitOff = claimsApi(reviewer).get("/api/claims/" + other).then().statusCode(200).extract().path("clusterId");
            assertTrue(!splitOff.equals(cluster), "a cluster of its own");

            browser.findElement(By.cssSelector("#corrections summary")).click();
            browser.findElement(By.id("merge-other")).sendKeys(splitOff);
            browser.findElement(By.id("merge-reason")).sendKeys("one landslide after all");
            browser.findElement(By.cssSelector("#merge-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("corrected=merge"));
            claimsApi(reviewer).get("/api/clusters/" + cluster).then().statusCode(200)
                    .body("claimIds", org.hamcrest.Matchers.hasItems(lead, other));

            // dismiss it as not a claim: a reason is required by the form and by the service
            browser.get(web.baseUri() + "/desk/tasks/" + taskId + "/claims/" + other);
            browser.findElement(By.id("dismiss-reason")).sendKeys("a duplicate of the wire's sentence");
            browser.findElement(By.cssSelector("#dismiss-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("corrected=claim"));
            claimsApi(reviewer).get("/api/claims/" + other).then().statusCode(200).body("status", equalTo("DISMISSED"));
        } finally {
            browser.quit();
            retire(reviewer);
        }
    }

    @Test
    void shouldLetAnAdminRunTheDeskFromTheAdminPages() throws Exception {
        String newcomer = "new-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Wadi-" + UUID.randomUUID() + "-Qx";
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            signIn(browser, Env.ADMIN, Env.adminPassword(), "/admin");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dead-letters")));

            // a message no consumer can read lands in its dead-letter queue, and the admin page counts it
            long before = deadLetters(browser, "claims.article-ingested");
            try (com.rabbitmq.client.Connection connection = Env.broker("desk-poison");
                 com.rabbitmq.client.Channel channel = connection.createChannel()) {
                channel.confirmSelect();
                channel.basicPublish("", "claims.article-ingested", new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                        .messageId(UUID.randomUUID().toString()).deliveryMode(2).contentType("application/json").build(),
                        "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                channel.waitForConfirmsOrDie(5000);
            }
            Instant deadline = Instant.now().plusSeconds(30);
            while (deadLetters(browser, "claims.article-ingested") < before + 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(300);
                browser.navigate().refresh();
            }
            assertEquals(before + 1, deadLetters(browser, "claims.article-ingested"), "the poison message, counted");
            assertTrue(browser.findElement(By.id("dead-letters")).getText().contains("review.claim-extracted"), "every service's queues");

            // a claim in a language no reviewer reads: the admin page warns of it, and the desk queue says why it waits
            String stranded = "The assembly of Qorvath" + UUID.randomUUID().toString().substring(0, 6) + " adopted the budget on Monday.";
            try (com.rabbitmq.client.Connection connection = Env.broker("desk-stranded");
                 com.rabbitmq.client.Channel channel = connection.createChannel()) {
                channel.confirmSelect();
                String event = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                        "eventId", UUID.randomUUID().toString(), "occurredAt", Instant.now().toString(), "articleId", UUID.randomUUID().toString(),
                        "revision", 1, "outlet", "Stranded Post", "language", "xq", "extractionStatus", "EXTRACTED", "cause", "EXTRACTION",
                        "claims", List.of(Map.of("id", UUID.randomUUID().toString(), "type", "EVENT", "text", stranded, "start", 0,
                                "end", stranded.length(), "checkworthiness", 0.5, "clusterId", UUID.randomUUID().toString())),
                        "mergedClusters", List.of()));
                channel.basicPublish("claims", "claim.extracted.v1", new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                        .messageId(UUID.randomUUID().toString()).deliveryMode(2).contentType("application/json").build(),
                        event.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                channel.waitForConfirmsOrDie(5000);
            }
            Instant warned = Instant.now().plusSeconds(30);
            while (browser.findElements(By.id("unroutable")).isEmpty() || !browser.findElement(By.id("unroutable")).getText().contains(stranded)) {
                assertTrue(Instant.now().isBefore(warned), "the admin page warns of the task no reviewer can take");
                Thread.sleep(300);
                browser.navigate().refresh();
            }
            assertTrue(browser.findElement(By.id("unroutable")).getText().contains("'xq'"), browser.findElement(By.id("unroutable")).getText());
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the admin page with its warning");
            browser.get(web.baseUri() + "/desk");
            String waitingRow = browser.findElement(By.xpath("//table[@id='desk-queue']//tr[contains(., '" + stranded + "')]")).getText();
            assertTrue(waitingRow.contains("first review") && waitingRow.contains("No active reviewer has the skill"), waitingRow);
            String metrics = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).get("/q/metrics")
                    .then().statusCode(200).extract().asString();
            assertTrue(metrics.lines().anyMatch(l -> (l.startsWith("claimdesk_tasks_unroutable ") || l.startsWith("claimdesk_tasks_unroutable{"))
                    && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1), "the metric counts it");
            browser.get(web.baseUri() + "/admin");

            // a person, account and reviewer profile in one form: no role ticked until the admin ticks one
            browser.findElement(By.cssSelector("#add-person summary")).click();
            assertTrue(browser.findElements(By.cssSelector("#person-form input[name=role]")).stream().noneMatch(WebElement::isSelected),
                    "no role given by default");
            browser.findElement(By.id("person-username")).sendKeys(newcomer);
            browser.findElement(By.id("person-password")).sendKeys("short");
            browser.findElement(By.cssSelector("#person-form input[name=role][value=reviewer]")).click();
            browser.findElement(By.cssSelector("#person-form input[name=skill][value=figures]")).click();
            browser.findElement(By.cssSelector("#person-form input[name=skill][value=quotes]")).click();
            replace(browser.findElement(By.id("person-capacity")), "3");
            browser.findElement(By.cssSelector("#person-form button[type=submit]")).click();
            // a weak password is refused, said once; nothing is stored and everything typed stays
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-error")));
            String refused = browser.findElement(By.id("person-error")).getText();
            assertTrue(refused.contains("password"), refused);
            assertEquals(1, browser.findElements(By.cssSelector(".error")).size(), "one error on the page");
            assertEquals(1, refused.split("password", -1).length - 1, "the password's fault said once: " + refused);
            assertEquals(newcomer, browser.findElement(By.id("person-username")).getAttribute("value"));
            assertTrue(browser.findElement(By.cssSelector("#person-form input[name=skill][value=quotes]")).isSelected(), "skills kept");
            assertTrue(browser.findElement(By.id("users")).getText().lines().noneMatch(l -> l.startsWith(newcomer)), "no account yet");
            assertTrue(browser.findElement(By.id("reviewers")).getText().lines().noneMatch(l -> l.startsWith(newcomer)), "no profile yet");
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the admin page with a refused person");
            browser.findElement(By.id("person-password")).sendKeys(password);
            browser.findElement(By.cssSelector("#person-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("done=person"));
            assertTrue(row(browser, "users", newcomer).contains("reviewer"), row(browser, "users", newcomer));
            assertTrue(row(browser, "reviewers", newcomer).contains("0 / 3") && row(browser, "reviewers", newcomer).contains("figures, quotes")
                    && row(browser, "reviewers", newcomer).contains("active"), row(browser, "reviewers", newcomer));

            // a reviewer profile goes only to an account with the reviewer role: picked from a list, a typo refused
            String reader = "reader-" + UUID.randomUUID().toString().substring(0, 8);
            createUser(reader, password, "reviewer");
            browser.get(web.baseUri() + "/admin");
            browser.findElement(By.cssSelector("#add-reviewer summary")).click();
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reviewer-username"))).selectByValue(reader);
            browser.findElement(By.cssSelector("#reviewer-form input[name=skill][value=military]")).click();
            browser.findElement(By.cssSelector("#reviewer-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("done=reviewer"));
            assertTrue(row(browser, "reviewers", reader).contains("military"), row(browser, "reviewers", reader));
            String typo = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/admin/reviewers', {method: 'POST', credentials: 'same-origin', body: new URLSearchParams("
                            + "{_csrf: arguments[0], username: arguments[1], skill: 'figures', languages: 'en', capacity: '5', active: 'true'})})"
                            + ".then(r => r.text()).then(done, e => done('failed: ' + e));",
                    browser.findElement(By.cssSelector("#person-form input[name=_csrf]")).getAttribute("value"), reader + "x");
            assertTrue(typo.contains("No account named"), typo);
            browser.get(web.baseUri() + "/admin");
            assertTrue(browser.findElement(By.id("reviewers")).getText().lines().noneMatch(l -> l.startsWith(reader + "x")),
                    "no profile for a name that is nobody's");
            retire(reader);

            // ...then given more capacity and set inactive
            browser.findElement(By.xpath("//table[@id='reviewers']//tr[td[1][text()='" + newcomer + "']]//a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reviewer-form")));
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the reviewer page");
            replace(browser.findElement(By.id("reviewer-capacity")), "7");
            browser.findElement(By.cssSelector("#reviewer-form input[name=active]")).click();
            browser.findElement(By.cssSelector("#reviewer-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("done=reviewer"));
            assertTrue(row(browser, "reviewers", newcomer).contains("0 / 7"), row(browser, "reviewers", newcomer));
            assertTrue(row(browser, "reviewers", newcomer).contains("inactive"), row(browser, "reviewers", newcomer));

            // ...and given the editor role too
            browser.get(web.baseUri() + "/admin/users/" + newcomer);
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the user page");
            browser.findElement(By.cssSelector("#user-form input[value=editor]")).click();
            browser.findElement(By.cssSelector("#user-form button[type=submit]")).click();
            wait.until(ExpectedConditions.urlContains("done=user"));
            assertTrue(row(browser, "users", newcomer).contains("editor, reviewer"), row(browser, "users", newcomer));

            // an API token: its secret shown once, good for a JWT until it is revoked
            String name = "importer " + newcomer;
            browser.findElement(By.cssSelector("#add-token summary")).click();
            browser.findElement(By.id("token-name")).sendKeys(name);
            browser.findElement(By.cssSelector("#token-form input[value=ingest]")).click();
            String formKey = browser.findElement(By.cssSelector("#token-form input[name=key]")).getAttribute("value");
            String formCsrf = browser.findElement(By.cssSelector("#token-form input[name=_csrf]")).getAttribute("value");
            browser.findElement(By.cssSelector("#token-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token-secret")));
            String secret = browser.findElement(By.cssSelector("#token-secret code")).getText();
            assertTrue(secret.startsWith("cdk_"), secret);
            // the same form sent again, as a reload resends it: no second token, no secret shown again
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            String again = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch('/admin/tokens', {method: 'POST', credentials: 'same-origin', body: new URLSearchParams("
                            + "{_csrf: arguments[0], name: arguments[1], role: 'ingest', key: arguments[2]})})"
                            + ".then(r => r.text()).then(done, e => done('failed: ' + e));", formCsrf, name, formKey);
            assertTrue(again.contains("was created by this form already") && !again.contains("id=\"token-secret\""), again);
            browser.get(web.baseUri() + "/admin");
            assertEquals(1, browser.findElements(By.xpath("//table[@id='tokens']//tr[td[1][text()='" + name + "']]")).size(),
                    "one token of that name");
            given().baseUri(web.baseUri()).contentType(ContentType.JSON).body(Map.of("apiToken", secret)).post("/api/auth/token")
                    .then().statusCode(200);
            screenshot(browser, "admin.png");
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the admin page with its forms");
            // revoking asks first: the button is behind a disclosure that names the token
            browser.findElement(By.xpath("//table[@id='tokens']//tr[td[1][text()='" + name + "']]//summary")).click();
            browser.findElement(By.xpath("//table[@id='tokens']//tr[td[1][text()='" + name + "']]//button")).click();
            wait.until(ExpectedConditions.urlContains("done=revoked"));
            assertTrue(row(browser, "tokens", name).contains("revoked"));
            given().baseUri(web.baseUri()).contentType(ContentType.JSON).body(Map.of("apiToken", secret)).post("/api/auth/token")
                    .then().statusCode(401);

            // the admin's pages on a 390 px phone: tables stack, each value under its column's name
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            for (String page : List.of("/admin", "/admin/audit", "/admin/users/" + newcomer, "/ingest", "/articles", "/verdicts")) {
                browser.get(web.baseUri() + page);
                assertEquals(List.of(), Accessibility.wideElements(browser), page + " fits 390 px");
            }
            browser.get(web.baseUri() + "/admin");
            WebElement load = browser.findElement(By.xpath("//table[@id='reviewers']//tr[td[1][text()='" + newcomer + "']]/td[4]"));
            assertEquals("Open / capacity", load.getAttribute("data-label"), "the value is shown under its column's name");
            assertEquals("0 / 7", load.getText());
            screenshot(browser, "admin-390.png");
        } finally {
            browser.quit();
        }
        given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).get("/api/reviewers").then()
                .statusCode(200).body("find { it.username == '" + newcomer + "' }.capacity", equalTo(7))
                .body("find { it.username == '" + newcomer + "' }.active", equalTo(false));
    }

    @Test
    void shouldLetAnIngestUserFeedAnArticleByHandAndShowWhatCleaningDid() throws Exception {
        String marker = "Oskfjord" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
        String html = "<html><body><article><h1>Dam for " + marker + "</h1>"
                + "<p>The council of " + marker + " approved a new dam on Tuesday, the mayor said.</p>"
                + "<p>Support our journalism: make a donation today.</p>"
                + "<p><img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>Residents of " + marker + " welcomed it.</p>"
                + "</article></body></html>";
        WebDriver browser = chromium();
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            signIn(browser, Env.ADMIN, Env.adminPassword(), "/ingest");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ingest-form")));
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "the ingest page");

            // the server refuses what the browser's own checks would: an article without a title, its text kept
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.getElementById('ingest-form').noValidate = true;");
            browser.findElement(By.id("outlet")).sendKeys("Fjord Post");
            fill(browser, By.id("body"), html);
            browser.findElement(By.cssSelector("#ingest-form input[name=format][value=html]")).click();
            browser.findElement(By.cssSelector("#ingest-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
            assertTrue(browser.findElement(By.id("error")).getText().contains("title"), browser.findElement(By.id("error")).getText());
            assertEquals(html, browser.findElement(By.id("body")).getAttribute("value"), "nothing typed is lost");

            browser.findElement(By.id("title")).sendKeys("Dam for " + marker);
            browser.findElement(By.id("url")).sendKeys("https://fjord.example/" + marker);
            browser.findElement(By.cssSelector("#ingest-form button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
            String outcome = browser.findElement(By.id("outcome")).getText();
            assertTrue(outcome.contains("Stored: revision 1"), outcome);
            String articleId = browser.findElement(By.cssSelector("#outcome code")).getText();
            browser.findElement(By.cssSelector("#outcome summary")).click();
            assertTrue(browser.findElement(By.id("outcome")).getText().contains("APPEAL"), "the donation appeal, removed");
            assertEquals(null, ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.pwned;"));
            screenshot(browser, "ingest.png");
            given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("systest-editor", "editor")).get("/api/articles/" + articleId)
                    .then().statusCode(200).body("outlet", equalTo("Fjord Post"))
                    .body("cleanText", org.hamcrest.Matchers.containsString("approved a new dam"))
                    .body("cleanText", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("donation")));

            // the same url and content again: nothing new is stored
            browser.findElement(By.id("title")).sendKeys("Dam for " + marker);
            browser.findElement(By.id("outlet")).sendKeys("Fjord Post");
            browser.findElement(By.id("url")).sendKeys("https://fjord.example/" + marker);
            fill(browser, By.id("body"), html);
            browser.findElement(By.cssSelector("#ingest-form input[name=format][value=html]")).click();
            browser.findElement(By.cssSelector("#ingest-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("outcome"), "Already stored"));
        } finally {
            browser.quit();
        }
    }

    /** Out of any field, as a reviewer pressing Escape or clicking beside the form: shortcuts apply again. */
    private static void leaveFields(WebDriver browser) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("if (document.activeElement) document.activeElement.blur();");
    }

    private static void signIn(WebDriver browser, String username, String password, String next) {
        browser.get(web.baseUri() + "/login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static void createUser(String username, String password, String... roles) {
        given().baseUri(web.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "displayName", username, "password", password, "roles", List.of(roles)))
                .post("/api/users").then().statusCode(201);
    }

    private static void addReviewer(String username, List<String> skills) {
        given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "skills", skills, "languages", List.of("en"), "capacity", 1000))
                .post("/api/reviewers").then().statusCode(201);
    }

    /** Takes the test's reviewer off routing, so that the other tests' tasks go to their own reviewers. */
    private static void retire(String username) {
        io.restassured.path.json.JsonPath reviewers = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin"))
                .get("/api/reviewers").then().statusCode(200).extract().jsonPath();
        Map<String, Object> profile = new java.util.HashMap<>(reviewers.getMap("find { it.username == '" + username + "' }"));
        profile.keySet().retainAll(java.util.Set.of("username", "displayName", "skills", "languages", "capacity", "senior"));
        profile.put("active", false);
        given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).contentType(ContentType.JSON)
                .body(profile).put("/api/reviewers/" + reviewers.getString("find { it.username == '" + username + "' }.id"))
                .then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification claimsApi(String reviewer) {
        return given().baseUri(claims.baseUri()).auth().oauth2(Tokens.valid(reviewer, "reviewer"));
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    /** Sets a long value at once; typing thousands of characters key by key is slow and proves nothing more. */
    private static void fill(WebDriver browser, By field, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(field), value);
    }

    private static String row(WebDriver browser, String table, String first) {
        return browser.findElement(By.xpath("//table[@id='" + table + "']//tr[td[1][text()='" + first + "']]")).getText();
    }

    private static long deadLetters(WebDriver browser, String queue) {
        return Long.parseLong(browser.findElement(By.xpath("//table[@id='dead-letters']//tr[td[2][text()='" + queue + "']]/td[4]"))
                .getText().strip());
    }

    private static String ingestArticle(String outlet, String marker, String sentence) {
        return given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("systest-ingest", "ingest"))
                .contentType(ContentType.JSON).body(Map.of("title", marker + " in " + outlet, "outlet", outlet,
                        "url", "https://" + outlet.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".example/" + marker,
                        "body", sentence + "\n\nResidents of " + marker + " cleared the mud from their homes."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    /** The task of the cluster of the article's claim once the cluster holds this many claims, whoever it is routed to. */
    private static String awaitClusterTask(String reviewer, String articleId, int claims) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            String cluster = claimsApi(reviewer).queryParam("articleId", articleId).get("/api/claims").then().statusCode(200)
                    .extract().path("items[0].clusterId");
            if (cluster != null) {
                List<Map<String, Object>> tasks = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid(reviewer, "reviewer"))
                        .queryParam("clusterId", cluster).get("/api/tasks").then().statusCode(200).extract().jsonPath()
                        .getList("items.findAll { it.claims.size() >= " + claims + " }");
                if (!tasks.isEmpty()) {
                    return (String) tasks.getFirst().get("id");
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("a task with " + claims + " claims for the cluster of article " + articleId + " within 60 s");
    }

    private static String ingestArticle(ServiceProcess ingest, String marker, String sentence) {
        return given().baseUri(ingest.baseUri()).auth().oauth2(Tokens.valid("systest-ingest", "ingest"))
                .contentType(ContentType.JSON).body(Map.of("title", "Barrier for " + marker, "outlet", "Desk Wire",
                        "url", "https://desk.example/" + marker, "body", "Barrier for " + marker + "\n\n" + sentence
                                + "\n\nResidents gathered outside the town hall of " + marker + " in the rain."))
                .post("/api/articles").then().statusCode(201).extract().path("id");
    }

    /** Who the task's second review went to, once it went to someone other than {@code first}. */
    private static String awaitSecondReviewer(String taskId, String first) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            var task = given().baseUri(review.baseUri()).auth().oauth2(Tokens.valid("systest-admin", "admin")).get("/api/tasks/" + taskId)
                    .then().statusCode(200).extract();
            String assignee = task.path("assignee");
            if ("SECOND_REVIEW".equals(task.path("stage")) && assignee != null && !assignee.equals(first)) {
                return assignee;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the second review of task " + taskId + " routed within 60 s");
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
