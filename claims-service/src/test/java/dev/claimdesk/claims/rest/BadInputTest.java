package dev.claimdesk.claims.rest;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.ReceivedArticle;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static dev.claimdesk.claims.testing.Articles.ingest;
import static dev.claimdesk.commons.security.Roles.EDITOR;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text no newsroom meant to send: every case gets claims that make sense or a clear 4xx, within a bound (the
 * client gives up after 30 s), through the draft endpoint and through the broker.
 */
@QuarkusTest
class BadInputTest {

    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 5_000));
    private static final int MIB = 1 << 20;

    private static String news(int chars) throws Exception {
        String seed = Files.readString(dev.claimdesk.commons.testing.EvalData.seeds().resolve("000_8584d569caeb9c00.txt"));
        StringBuilder text = new StringBuilder();
        while (text.length() + seed.length() + 1 <= chars) {
            text.append(seed).append('\n');
        }
        return text.toString();
    }

    private static String manySentences(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("Officials said ").append(i + 1).append(" people were evacuated from Dorsk on Monday. ");
        }
        return text.toString();
    }

    private static io.restassured.response.ValidatableResponse extract(Object body) {
        return givenToken(EDITOR).config(BOUNDED).contentType(ContentType.JSON).body(body).post("/api/claims/extract").then();
    }

    @Test
    void shouldRefuseEmptyOrMissingText() {
        extract(Map.of("text", "")).statusCode(400).contentType("application/problem+json");
        extract(Map.of("text", "   \n\t ")).statusCode(400);
        extract(Map.of("text", 5)).statusCode(400);
        extract("{\"text\": ").statusCode(400);
    }

    @Test
    void shouldRefuseTextOverOneMebibyteWith413() {
        extract(Map.of("text", "a".repeat(MIB + 1))).statusCode(413)
                .body("type", equalTo("https://claimdesk.dev/problems/body-too-large"));
    }

    @Test
    void shouldExtractAMebibyteOfNews() throws Exception {
        extract(Map.of("text", news(MIB))).statusCode(200).body("status", equalTo("EXTRACTED"))
                .body("items.size()", greaterThan(1000));
    }

    @Test
    void shouldReadTextWithoutSentenceEndsInBoundedPieces() throws Exception {
        String flat = news(MIB / 2).replaceAll("[.!?\\n]", " ");
        var claims = extract(Map.of("text", flat)).statusCode(200).body("status", equalTo("EXTRACTED"))
                .extract().jsonPath().getList("items", Map.class);
        assertTrue(!claims.isEmpty() && claims.stream().allMatch(c -> (int) c.get("end") - (int) c.get("start") <= 1000),
                "claims stand in pieces of at most 1,000 characters");
    }

    @Test
    void shouldGiveNoClaimsForBinaryNoise() {
        Random random = new Random(7);
        StringBuilder noise = new StringBuilder();
        while (noise.length() < MIB / 2) {
            noise.appendCodePoint(1 + random.nextInt(0x2FFF));
        }
        extract(Map.of("text", noise.toString())).statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void shouldExtractEveryFigureOfATenThousandSentenceText() {
        extract(Map.of("text", manySentences(10_000))).statusCode(200).body("items.size()", equalTo(10_000));
    }

    @Test
    void shouldStoreAtMostFiveHundredClaimsOfAHugeArticleAndKeepConsuming() throws Exception {
        UUID huge = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        ingest(huge, "Wire", manySentences(10_000));
        ingest(after, "Wire", "The council of Lessor approved 12 new schools on Tuesday.");
        assertEquals(500, Claim.count("articleId", huge));
        ReceivedArticle stored = ReceivedArticle.findById(new ReceivedArticle.Key(huge, 1));
        assertEquals("TRUNCATED", stored.extractionStatus);
        assertTrue(Claim.count("articleId", after) > 0, "the next article is extracted too");
    }

    @Test
    void shouldStoreNoClaimsAndSayWhyForAnArticleNotInEnglish() throws Exception {
        UUID article = UUID.randomUUID();
        Articles.ingestIn(article, "fr", "Les inondations ont fait au moins 40 morts dans la vallée, selon les autorités.");
        assertEquals(0, Claim.count("articleId", article));
        assertEquals("NOT_ENGLISH", ReceivedArticle.<ReceivedArticle>findById(new ReceivedArticle.Key(article, 1)).extractionStatus);
        extract(Map.of("text", "Les inondations ont fait au moins 40 morts dans la vallée, selon les autorités de la région."))
                .statusCode(200).body("status", equalTo("NOT_ENGLISH")).body("items.size()", equalTo(0));
    }

    private static final class Articles {
        static void ingestIn(UUID id, String language, String text) throws Exception {
            dev.claimdesk.claims.testing.Articles.ingest(id, 1, "Wire", text, null, language);
        }
    }
}
