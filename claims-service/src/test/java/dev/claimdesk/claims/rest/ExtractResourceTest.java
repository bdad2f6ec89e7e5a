package dev.claimdesk.claims.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.claimdesk.commons.security.Roles.EDITOR;
import static dev.claimdesk.commons.testing.Tokens.givenToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ExtractResourceTest {

    @Test
    void shouldAnswerTheClaimsOfADraftWithOffsetsAndNothingStored() {
        String text = "Officials said at least 40 people were killed when the river burst its banks in Dorsk. "
                + "“We are still searching,” the mayor said.";
        givenToken(EDITOR).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/claims/extract").then().statusCode(200)
                .body("status", equalTo("EXTRACTED"))
                .body("items.type", hasItem("STATISTIC"))
                .body("items.type", hasItem("QUOTE"))
                .body("items.find { it.type == 'STATISTIC' }.quantity.value", equalTo(40.0f))
                .body("items.find { it.type == 'STATISTIC' }.quantity.qualifier", equalTo("AT_LEAST"))
                .body("items.find { it.type == 'STATISTIC' }.quantity.start", equalTo(text.indexOf("40")))
                .body("items.find { it.type == 'QUOTE' }.speaker", equalTo("the mayor"))
                .body("items[0].id", nullValue())
                .body("items[0].clusterId", nullValue());
    }

    @Test
    void shouldAnswerNoClaimsAndSaySoForTextThatIsNotEnglish() {
        givenToken(EDITOR).contentType(ContentType.JSON).body(Map.of("text", "Il y a eu 40 morts.", "language", "fr"))
                .post("/api/claims/extract").then().statusCode(200)
                .body("status", equalTo("NOT_ENGLISH")).body("items.size()", equalTo(0));
    }

    @Test
    void shouldRefuseARequestWithoutText() {
        givenToken(EDITOR).contentType(ContentType.JSON).body("{}").post("/api/claims/extract").then().statusCode(400)
                .body("type", equalTo("https://claimdesk.dev/problems/invalid-field"));
    }
}
