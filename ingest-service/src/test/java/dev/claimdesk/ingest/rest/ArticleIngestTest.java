package dev.claimdesk.ingest.rest;

import dev.claimdesk.ingest.support.Articles;
import dev.claimdesk.commons.testing.EvalData;
import dev.claimdesk.ingest.support.Store;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.claimdesk.commons.security.Roles.INGEST;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ArticleIngestTest {

    @Inject
    Store store;
    @Inject
    dev.claimdesk.ingest.service.ArticleIndex index;

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> article) {
        return givenToken(INGEST).contentType(ContentType.JSON).body(article).post("/api/articles").then();
    }

    @Test
    void shouldStoreANewArticleAndAnswer201WithLocation() {
        Map<String, Object> article = Articles.text("Evacuations continue", "Story\n\n" + Articles.uniqueBody()
                + "\n\nCLICK HERE TO GET THE NEWS APP");
        var created = post(article).statusCode(201).extract();
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/articles/" + id));
        givenToken(INGEST).get("/api/articles/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("revision", equalTo(1))
                .body("title", equalTo("Evacuations continue"))
                .body("outlet", equalTo("Test Outlet"))
                .body("url", equalTo(article.get("url")))
                .body("publishedAt", equalTo("2022-03-29T12:00:00Z"))
                .body("ingestedAt", notNullValue())
                .body("language", equalTo("en"))
                .body("copyOf", nullValue())
                .body("contentHash", notNullValue())
                .body("removed.text", hasItem("CLICK HERE TO GET THE NEWS APP"))
                .body("removed.kind", hasItem("PROMO"))
                .body("removed.rule", hasItem("app-promo"));
    }

    @Test
    void shouldAnswer200AndStoreNothingWhenTheSameUrlSendsTheSameContent() {
        Map<String, Object> article = Articles.text("Same again", Articles.uniqueBody());
        String id = post(article).statusCode(201).extract().path("id");
        Store.Snapshot before = store.snapshot();
        post(article).statusCode(200).body("id", equalTo(id)).body("revision", equalTo(1));
        assertEquals(before, store.snapshot());
    }

    @Test
    void shouldStoreANewRevisionWhenAKnownUrlSendsChangedContent() {
        Map<String, Object> article = Articles.text("Developing story", Articles.uniqueBody());
        String id = post(article).statusCode(201).extract().path("id");
        long outboxBefore = store.outboxRows();
        article.put("body", article.get("body") + "\n\nLater on Monday, officials said 40 more families had arrived.");
        post(article).statusCode(201).body("id", equalTo(id)).body("revision", equalTo(2));
        assertEquals(outboxBefore + 1, store.outboxRows(), "the revision is announced again");
        givenToken(INGEST).get("/api/articles/" + id).then().body("revision", equalTo(2));
        givenToken(INGEST).queryParam("revision", 1).get("/api/articles/" + id).then().statusCode(200)
                .body("revision", equalTo(1));
        givenToken(INGEST).queryParam("revision", 7).get("/api/articles/" + id).then().statusCode(404)
                .body("type", equalTo("https://claimdesk.dev/problems/not-found"));
    }

    @Test
    void shouldFlagTheSameTextFromAnotherOutletAsACopy() {
        String body = Articles.uniqueBody();
        String original = post(Articles.text("Original", body)).statusCode(201).extract().path("id");
        Map<String, Object> copy = Articles.text("Original", body);
        copy.put("outlet", "Aggregator");
        post(copy).statusCode(201).body("copyOf", equalTo(original)).body("id", org.hamcrest.Matchers.not(original));
    }

    @Test
    void shouldPointACopyOfACopyAtTheOriginal() {
        String body = Articles.uniqueBody();
        String original = post(Articles.text("Original", body)).statusCode(201).extract().path("id");
        // The second copy is nearer to the first copy than to the original, yet names the original.
        String rewritten = body + "\n\nThe figures were confirmed by the regional office later that evening.";
        Map<String, Object> copy = Articles.text("Original", rewritten);
        copy.put("outlet", "Aggregator");
        post(copy).statusCode(201).body("copyOf", equalTo(original));
        Map<String, Object> copyOfCopy = Articles.text("Original", rewritten);
        copyOfCopy.put("outlet", "Second aggregator");
        post(copyOfCopy).statusCode(201).body("copyOf", equalTo(original));
    }

    @Test
    void shouldFlagTheRewrittenPracticeCopyAndNotTheIndependentReport() {
        Map<String, String> ids = new java.util.HashMap<>();
        for (EvalData.GoldArticle a : EvalData.practiceGold().articles()) {
            Map<String, Object> body = Articles.text(a.title(), a.body());
            body.put("outlet", a.outlet());
            ids.put(a.key(), post(body).statusCode(201).extract().path("id"));
        }
        givenToken(INGEST).get("/api/articles/" + ids.get("p3_flood_copy.txt")).then().body("copyOf", equalTo(ids.get("p1_flood_agency.txt")));
        givenToken(INGEST).get("/api/articles/" + ids.get("p2_flood_paper.txt")).then().body("copyOf", nullValue());
        givenToken(INGEST).get("/api/articles/" + ids.get("p1_flood_agency.txt")).then().body("copyOf", nullValue());
    }

    @Test
    void shouldFlagEachRewordedDevCopyWithItsSimilarityAndNoIndependentReport() {
        EvalData.GoldSet dev = EvalData.load(EvalData.eval().resolve("dev/dev-gold.json"));
        Map<String, String> ids = new java.util.HashMap<>();
        for (EvalData.GoldArticle a : dev.articles()) {
            Map<String, Object> body = Articles.text(a.title(), a.body());
            body.put("outlet", a.outlet());
            body.put("format", a.format());
            ids.put(a.key(), post(body).statusCode(201).extract().path("id"));
        }
        Map<String, String> originals = dev.copies().stream().collect(java.util.stream.Collectors.toMap(List::getFirst, List::getLast));
        for (EvalData.GoldArticle a : dev.articles()) {
            var article = givenToken(INGEST).get("/api/articles/" + ids.get(a.key())).then();
            if (originals.containsKey(a.key())) {
                article.body("copyOf", equalTo(ids.get(originals.get(a.key()))))
                        .body("copySimilarity", org.hamcrest.Matchers.both(greaterThanOrEqualTo(0.5f)).and(org.hamcrest.Matchers.lessThanOrEqualTo(1f)));
            } else {
                article.body("copyOf", nullValue()).body("copySimilarity", nullValue());
            }
        }
    }

    @Test
    void shouldFindARewordedCopyOfAnArticleStoredBeforeWordBandsOnceTheBackfillRan() {
        String a = Articles.uniqueBody();
        String original = post(Articles.text("Before", a)).statusCode(201).extract().path("id");
        store.update("DELETE FROM article_band WHERE article_id = ?", java.util.UUID.fromString(original));
        store.update("UPDATE article_revision SET words_indexed = false WHERE article_id = ?", java.util.UUID.fromString(original));
        while (index.indexWordsOfEarlierRevisions(50)) {
            Thread.onSpinWait();
        }
        Map<String, Object> copy = Articles.text("After", reworded(a));
        copy.put("outlet", "Aggregator");
        post(copy).statusCode(201).body("copyOf", equalTo(original));
    }

    @Test
    void shouldRemoveSeedBoilerplateAndKeepEveryReferenceAnchorThroughTheApi() {
        for (EvalData.GoldArticle a : EvalData.seedsGold().articles()) {
            Map<String, Object> body = Articles.text(a.title(), a.body());
            body.put("outlet", a.outlet());
            String clean = EvalData.norm(post(body).statusCode(201).extract().path("cleanText"));
            for (String b : a.junk()) {
                org.junit.jupiter.api.Assertions.assertFalse(clean.contains(EvalData.norm(b)), a.key() + " kept " + b);
            }
            for (String anchor : a.anchors()) {
                org.junit.jupiter.api.Assertions.assertTrue(clean.contains(EvalData.norm(anchor)), a.key() + " lost " + anchor);
            }
        }
    }

    @Test
    void shouldExtractTheArticleBodyFromHtml() {
        String marker = Articles.uniqueBody();
        String html = """
                <html><head><title>t</title><script>alert('x')</script><style>p{}</style></head>
                <body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
                <article><h1>Floods recede</h1>
                <p>%s</p>
                <figure><img src="a.jpg"><figcaption>Residents wade through water. Jane Roe / AFP</figcaption></figure>
                <p>Relief teams delivered 300 tonnes of food, the agency said.</p>
                <form><label>Leave a Reply</label><textarea></textarea></form>
                </article>
                <aside><h3>Related</h3><a href="/x">Other story</a></aside>
                <footer>© 2022 News Corp. All rights reserved.</footer></body></html>
                """.formatted(marker.replace("\n\n", "</p><p>"));
        Map<String, Object> article = Articles.text("Floods recede", html);
        article.put("format", "html");
        post(article).statusCode(201)
                .body("cleanText", org.hamcrest.Matchers.startsWith("Floods recede\n\nOfficials in "))
                .body("cleanText", org.hamcrest.Matchers.containsString("Relief teams delivered 300 tonnes of food"))
                .body("cleanText", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("alert")))
                .body("cleanText", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Residents wade")))
                .body("cleanText", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Home")))
                .body("cleanText", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("All rights reserved")))
                .body("removed.rule", hasItem("html-figcaption"))
                .body("removed.rule", hasItem("html-navigation"))
                .body("removed.rule", hasItem("html-aside"))
                .body("removed.rule", hasItem("html-footer"))
                .body("removed.rule", hasItem("html-form"))
                .body("format", equalTo("html"));
    }

    @Test
    void shouldRemoveAShortLineTheOutletRepeatsAcrossItsArticles() throws InterruptedException {
        String outlet = "Stock Line Daily " + java.util.UUID.randomUUID();
        String stock = "Stay with Stock Line Daily for more on this story.";
        for (int i = 0; i < 3; i++) {
            Map<String, Object> a = Articles.text("Earlier " + i, Articles.uniqueBody() + "\n\n" + stock);
            a.put("outlet", outlet);
            post(a).statusCode(201).body("cleanText", org.hamcrest.Matchers.containsString(stock));
        }
        Map<String, Object> next = Articles.text("Next", Articles.uniqueBody() + "\n\n" + stock);
        next.put("outlet", outlet);
        long deadline = System.currentTimeMillis() + 10_000;
        String clean;
        do {
            Thread.sleep(300);
            next.put("url", Articles.uniqueUrl());
            clean = post(next).statusCode(201).extract().path("cleanText");
        } while (clean.contains(stock) && System.currentTimeMillis() < deadline);
        org.junit.jupiter.api.Assertions.assertFalse(clean.contains(stock), "the outlet's stock line is removed");
        Map<String, Object> otherOutlet = Articles.text("Elsewhere", Articles.uniqueBody() + "\n\n" + stock);
        post(otherOutlet).statusCode(201).body("cleanText", org.hamcrest.Matchers.containsString(stock));
    }

    @Test
    void shouldNotTakeTheLinesOfOneStoryRepublishedManyTimesForTheOutletsTemplate() throws InterruptedException {
        String outlet = "Republishing Daily " + java.util.UUID.randomUUID();
        String line = "The comments come as the talks stall.";
        Map<String, Object> story = Articles.text("Story", Articles.uniqueBody() + "\n\n" + line);
        story.put("outlet", outlet);
        post(story).statusCode(201).body("copyOf", org.hamcrest.Matchers.nullValue());
        for (int i = 0; i < 5; i++) {
            story.put("url", Articles.uniqueUrl());
            post(story).statusCode(201).body("copyOf", org.hamcrest.Matchers.notNullValue());
        }
        Thread.sleep(1_500);
        Map<String, Object> other = Articles.text("Other", Articles.uniqueBody() + "\n\n" + line);
        other.put("outlet", outlet);
        post(other).statusCode(201).body("cleanText", org.hamcrest.Matchers.containsString(line));
    }

    @Test
    void shouldDetectTheLanguageWhenAbsentAndKeepItWhenGiven() {
        Map<String, Object> german = Articles.text("Hochwasser", "Das Hochwasser hat in der Region nach Angaben der Behörden "
                + "mindestens 40 Menschen das Leben gekostet. Die Regierung sagte, dass die Hilfe für die Betroffenen "
                + "auf dem Weg sei und auch die Armee eingesetzt werde.");
        post(german).statusCode(201).body("language", equalTo("de"));
        Map<String, Object> declared = Articles.text("Declared", Articles.uniqueBody());
        declared.put("language", "fr");
        post(declared).statusCode(201).body("language", equalTo("fr"));
    }

    @Test
    void shouldIngestABatchWithOneResultPerItemInOrder() {
        Map<String, Object> good = Articles.text("First", Articles.uniqueBody());
        Map<String, Object> bad = Articles.text(null, Articles.uniqueBody());
        Map<String, Object> again = Articles.text("Third", Articles.uniqueBody());
        Store.Snapshot before = store.snapshot();
        givenToken(INGEST).contentType(ContentType.JSON).body(List.of(good, bad, again, good)).post("/api/articles/batch").then()
                .statusCode(200)
                .body("items", hasSize(4))
                .body("items.status", equalTo(List.of(201, 400, 201, 200)))
                .body("items[0].article.title", equalTo("First"))
                .body("items[1].problem.type", equalTo("https://claimdesk.dev/problems/invalid-article"))
                .body("items[1].problem.errors.field", hasItem("title"))
                .body("items[3].article.id", equalTo(givenToken(INGEST).contentType(ContentType.JSON).body(good).post("/api/articles")
                        .then().extract().path("id")));
        assertEquals(new Store.Snapshot(before.revisions() + 2, before.outboxRows() + 2), store.snapshot());
    }

    @Test
    void shouldListLatestRevisionsWithFiltersAndPages() {
        String outlet = "Lister " + java.util.UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> a = Articles.text("Listed " + i, Articles.uniqueBody());
            a.put("outlet", outlet);
            a.put("publishedAt", "2022-03-2" + (i + 1) + "T08:00:00Z");
            post(a).statusCode(201);
        }
        givenToken(INGEST).queryParam("outlet", outlet).queryParam("size", 2).get("/api/articles").then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.outlet", everyItem(equalTo(outlet)))
                .body("items[0].title", equalTo("Listed 2"));
        givenToken(INGEST).queryParam("outlet", outlet).queryParam("size", 2).queryParam("page", 1).get("/api/articles").then()
                .body("items", hasSize(1)).body("items[0].title", equalTo("Listed 0"));
        givenToken(INGEST).queryParam("outlet", outlet).queryParam("publishedFrom", "2022-03-22").queryParam("publishedTo", "2022-03-23")
                .get("/api/articles").then().body("total", equalTo(1)).body("items[0].title", equalTo("Listed 1"));
        givenToken(INGEST).get("/api/articles").then().statusCode(200).body("total", greaterThanOrEqualTo(3));
    }

    /** Every sentence with its words in reverse order: the same words, hardly a three-word shingle in common. */
    private static String reworded(String body) {
        return java.util.Arrays.stream(body.split("\n\n")).map(p -> {
            List<String> words = new java.util.ArrayList<>(List.of(p.replaceAll("[.,\"]", "").split(" ")));
            java.util.Collections.reverse(words);
            return String.join(" ", words) + ".";
        }).collect(java.util.stream.Collectors.joining("\n\n"));
    }
}
