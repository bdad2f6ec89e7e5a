package dev.claimdesk.ingest.rest;

import dev.claimdesk.ingest.support.Articles;
import dev.claimdesk.ingest.support.Store;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static dev.claimdesk.commons.security.Roles.INGEST;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    Store store;

    @Test
    void shouldReplayTheFirstAnswerForTheSameKeyAndBody() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> article = Articles.text("Retried", Articles.uniqueBody());
        var first = givenToken(INGEST).contentType(ContentType.JSON).header("Idempotency-Key", key).body(article)
                .post("/api/articles").then().statusCode(201).extract();
        Store.Snapshot after = store.snapshot();
        givenToken(INGEST).contentType(ContentType.JSON).header("Idempotency-Key", key).body(article).post("/api/articles").then()
                .statusCode(201)
                .header("Location", first.header("Location"))
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("ingestedAt", equalTo(first.path("ingestedAt")));
        assertEquals(after, store.snapshot(), "no second effect");
    }

    @Test
    void shouldRefuseTheSameKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        givenToken(INGEST).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Articles.text("One", Articles.uniqueBody()))
                .post("/api/articles").then().statusCode(201);
        givenToken(INGEST).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Articles.text("Two", Articles.uniqueBody()))
                .post("/api/articles").then().statusCode(422)
                .body("type", equalTo("https://claimdesk.dev/problems/idempotency-key-reused"));
    }

    @Test
    void shouldStoreOnceWhenTheSameKeyArrivesConcurrentlyWithoutAUrl() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> article = Articles.text("Concurrent", Articles.uniqueBody());
        article.remove("url");
        Store.Snapshot before = store.snapshot();
        Callable<String> send = () -> givenToken(INGEST).contentType(ContentType.JSON).header("Idempotency-Key", key).body(article)
                .post("/api/articles").then().statusCode(201).extract().path("id");
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<String> ids = pool.invokeAll(List.of(send, send, send, send)).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().toList();
            assertEquals(1, ids.size(), "one article for all four");
        }
        assertEquals(new Store.Snapshot(before.revisions() + 1, before.outboxRows() + 1), store.snapshot());
    }

    @Test
    void shouldReplayABatch() {
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> batch = List.of(Articles.text("B1", Articles.uniqueBody()), Articles.text("B2", Articles.uniqueBody()));
        List<Integer> first = givenToken(INGEST).contentType(ContentType.JSON).header("Idempotency-Key", key).body(batch)
                .post("/api/articles/batch").then().statusCode(200).extract().path("items.status");
        assertEquals(List.of(201, 201), first);
        givenToken(INGEST).contentType(ContentType.JSON).header("Idempotency-Key", key).body(batch).post("/api/articles/batch").then()
                .statusCode(200).body("items.status", equalTo(List.of(201, 201)));
    }
}
