package dev.claimdesk.ingest.rest;

import dev.claimdesk.ingest.support.Articles;
import dev.claimdesk.ingest.support.Store;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.claimdesk.commons.security.Roles.INGEST;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every bad input answers a problem of its own type, and leaves no article and no event behind. */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEMS = "https://claimdesk.dev/problems/";

    @Inject
    Store store;
    private Store.Snapshot before;

    @BeforeEach
    void remember() {
        before = store.snapshot();
    }

    @AfterEach
    void nothingStored() {
        assertEquals(before, store.snapshot(), "nothing stored, no event");
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + type))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }

    @Test
    void shouldRejectMalformedJson() {
        problem(givenToken(INGEST).contentType(ContentType.JSON).body("{\"title\": \"x\", ").post("/api/articles").then(), 400,
                "malformed-json");
    }

    @Test
    void shouldRejectAJsonValueThatIsNotAnObject() {
        problem(givenToken(INGEST).contentType(ContentType.JSON).body("[1, 2]").post("/api/articles").then(), 400, "malformed-json");
    }

    @Test
    void shouldRejectMissingTitleOutletAndBodyNamingEachField() {
        problem(givenToken(INGEST).contentType(ContentType.JSON).body(Map.of("format", "text")).post("/api/articles").then(), 400,
                "invalid-article")
                .body("errors.field", hasItems("title", "outlet", "body"));
    }

    @Test
    void shouldRejectBlankBodyAndWrongFieldTypes() {
        Map<String, Object> article = Articles.text("Title", "   ");
        article.put("publishedAt", 12);
        problem(givenToken(INGEST).contentType(ContentType.JSON).body(article).post("/api/articles").then(), 400, "invalid-article")
                .body("errors.field", hasItems("body", "publishedAt"));
    }

    @Test
    void shouldRejectInvalidUrlDateAndLanguage() {
        Map<String, Object> article = Articles.text("Title", Articles.uniqueBody());
        article.put("url", "ftp://example.com/x");
        article.put("publishedAt", "29/03/2022");
        article.put("language", "English");
        problem(givenToken(INGEST).contentType(ContentType.JSON).body(article).post("/api/articles").then(), 400, "invalid-article")
                .body("errors.field", hasItems("url", "publishedAt", "language"));
    }

    @Test
    void shouldRejectArticleOver1MiB() {
        Map<String, Object> article = Articles.text("Huge", "word ".repeat(1024 * 1024 / 5 + 1));
        problem(givenToken(INGEST).contentType(ContentType.JSON).body(article).post("/api/articles").then(), 413, "body-too-large");
    }

    @Test
    void shouldRejectInvalidUtf8() {
        byte[] prefix = "{\"title\": \"caf".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] suffix = "\", \"outlet\": \"x\", \"body\": \"text\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] raw = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, raw, 0, prefix.length);
        raw[prefix.length] = (byte) 0xC3;
        raw[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, raw, prefix.length + 2, suffix.length);
        problem(givenToken(INGEST).contentType(ContentType.JSON).body(raw).post("/api/articles").then(), 400, "invalid-encoding");
    }

    @Test
    void shouldRejectUnknownFormat() {
        Map<String, Object> article = Articles.text("Title", Articles.uniqueBody());
        article.put("format", "pdf");
        problem(givenToken(INGEST).contentType(ContentType.JSON).body(article).post("/api/articles").then(), 400, "unknown-format");
    }

    @Test
    void shouldRejectABodyThatIsAllBoilerplate() {
        Map<String, Object> article = Articles.text("Promo", "CLICK HERE TO GET THE NEWS APP\n\nLeave a Reply");
        problem(givenToken(INGEST).contentType(ContentType.JSON).body(article).post("/api/articles").then(), 422, "no-article-text");
    }

    @Test
    void shouldRejectABatchOverItsLimitWithoutStoringAnyItem() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            batch.add(Articles.text("Item " + i, Articles.uniqueBody()));
        }
        problem(givenToken(INGEST).contentType(ContentType.JSON).body(batch).post("/api/articles/batch").then(), 413, "batch-too-large");
    }

    @Test
    void shouldRejectABatchThatIsNotAnArray() {
        problem(givenToken(INGEST).contentType(ContentType.JSON).body(Articles.text("One", Articles.uniqueBody()))
                .post("/api/articles/batch").then(), 400, "malformed-json");
    }

    @Test
    void shouldRejectANonJsonContentType() {
        problem(givenToken(INGEST).contentType(ContentType.TEXT).body("hello").post("/api/articles").then(), 415, "unsupported-media-type");
    }

    @Test
    void shouldAnswerNotFoundForUnknownAndMalformedIds() {
        problem(givenToken(INGEST).get("/api/articles/" + java.util.UUID.randomUUID()).then(), 404, "not-found");
        problem(givenToken(INGEST).get("/api/articles/not-a-uuid").then(), 404, "not-found");
    }

    @Test
    void shouldRejectInvalidPagingAndDates() {
        problem(givenToken(INGEST).queryParam("size", 1001).get("/api/articles").then(), 400, "invalid-parameter");
        problem(givenToken(INGEST).queryParam("page", -1).get("/api/articles").then(), 400, "invalid-parameter");
        problem(givenToken(INGEST).queryParam("publishedFrom", "yesterday").get("/api/articles").then(), 400, "invalid-parameter");
    }
}
