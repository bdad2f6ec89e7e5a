package dev.claimdesk.review.rest;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import dev.claimdesk.review.testing.Desk;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.claimdesk.review.testing.Desk.Claim;
import static dev.claimdesk.review.testing.Desk.as;
import static dev.claimdesk.review.testing.Desk.task;
import static dev.claimdesk.review.testing.Desk.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ClaimReview JSON-LD, expanded by a JSON-LD processor with the schema.org context supplied locally (no network),
 * then checked against schema.org's own vocabulary: every property sits on a type schema.org gives it
 * (domainIncludes, through subclasses) and every value is of a type its range allows.
 */
@QuarkusTest
class ClaimReviewJsonLdTest {

    private static final String SCHEMA = "http://schema.org/";
    /** schema.org's context maps every term into its vocabulary; this is that mapping, held locally. */
    private static final String CONTEXT = "{\"@context\": {\"@vocab\": \"" + SCHEMA + "\"}}";
    private static final Set<String> TEXT_TYPES = Set.of("Text", "URL", "Date", "DateTime", "Time");
    private static final Set<String> NUMBER_TYPES = Set.of("Number", "Integer", "Float", "Text");

    @Test
    void shouldPutEveryClaimReviewPropertyOnATypeSchemaOrgGivesIt() throws Exception {
        Desk desk = new Desk();
        String reviewer = desk.name("jsonld");
        desk.reviewer(reviewer, 5, "quotes");
        UUID cluster = UUID.randomUUID();
        desk.announce(UUID.randomUUID(), 1, Claim.quote("“The dam was inspected last year,” Minister Ana Berg said.", "Minister Ana Berg", cluster));
        desk.announce(UUID.randomUUID(), 1, Claim.quote("Minister Ana Berg said the dam had been inspected last year.", "Minister Ana Berg", cluster));
        as(reviewer, "reviewer").contentType(ContentType.JSON).body(verdict("MOSTLY_TRUE", task(cluster).version))
                .post("/api/tasks/" + task(cluster).id + "/verdict").then().statusCode(200);
        String verdictId = as(reviewer, "reviewer").get("/api/tasks/" + task(cluster).id).then().extract().path("verdict.id");
        String body = as("editor-8", "editor").accept("application/ld+json").get("/api/verdicts/" + verdictId + "/claimreview")
                .then().statusCode(200).extract().asString();

        JsonArray expanded = JsonLd.expand(JsonDocument.of(new StringReader(body))).loader(new LocalContext()).get();
        Vocabulary schema = Vocabulary.load();
        List<String> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ArrayDeque<JsonObject> nodes = new ArrayDeque<>();
        expanded.forEach(v -> nodes.add(v.asJsonObject()));
        while (!nodes.isEmpty()) {
            JsonObject node = nodes.pop();
            Set<String> types = new HashSet<>();
            node.getJsonArray("@type").forEach(t -> types.add(local(((jakarta.json.JsonString) t).getString())));
            for (Map.Entry<String, JsonValue> property : node.entrySet()) {
                if (property.getKey().startsWith("@")) {
                    continue;
                }
                String name = local(property.getKey());
                seen.add(types.iterator().next() + "." + name);
                if (!schema.hasDomain(name, types)) {
                    violations.add(name + " is not a property of " + types);
                }
                for (JsonValue value : property.getValue().asJsonArray()) {
                    JsonObject v = value.asJsonObject();
                    if (v.containsKey("@type") && !v.containsKey("@value")) {
                        Set<String> valueTypes = new HashSet<>();
                        v.getJsonArray("@type").forEach(t -> valueTypes.add(local(((jakarta.json.JsonString) t).getString())));
                        if (!schema.hasRange(name, valueTypes)) {
                            violations.add(name + " does not take a " + valueTypes);
                        }
                        nodes.add(v);
                    } else {
                        Set<String> literal = v.get("@value").getValueType() == JsonValue.ValueType.NUMBER ? NUMBER_TYPES : TEXT_TYPES;
                        if (!schema.hasRange(name, literal)) {
                            violations.add(name + " does not take the literal " + v.get("@value"));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "against schema.org's vocabulary");
        for (String expected : List.of("ClaimReview.claimReviewed", "ClaimReview.reviewRating", "ClaimReview.itemReviewed",
                "ClaimReview.author", "ClaimReview.datePublished", "ClaimReview.url", "Rating.ratingValue", "Rating.bestRating",
                "Rating.worstRating", "Rating.alternateName", "Claim.appearance", "Claim.firstAppearance", "Claim.author")) {
            assertTrue(seen.contains(expected), expected + " present, in " + seen);
        }
    }

    private static String local(String iri) {
        assertTrue(iri.startsWith(SCHEMA), iri + " is in schema.org's vocabulary");
        return iri.substring(SCHEMA.length());
    }

    /** Serves the schema.org context from memory; any other document would need the network, which tests never use. */
    private static final class LocalContext implements DocumentLoader {
        @Override
        public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
            if (url.getHost() != null && url.getHost().equals("schema.org")) {
                return JsonDocument.of(MediaType.JSON_LD, new StringReader(CONTEXT));
            }
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no network in tests: " + url);
        }
    }

    /** schema.org's classes, their superclasses, and where each property may stand and what it may hold. */
    private record Vocabulary(Map<String, Set<String>> parents, Map<String, Set<String>> domains, Map<String, Set<String>> ranges) {

        static Vocabulary load() throws Exception {
            Map<String, Set<String>> parents = new HashMap<>();
            Map<String, Set<String>> domains = new HashMap<>();
            Map<String, Set<String>> ranges = new HashMap<>();
            try (var in = new BufferedReader(new InputStreamReader(
                    ClaimReviewJsonLdTest.class.getResourceAsStream("/schemaorg/schemaorg-structure.nt"), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] t = line.split(" ");
                    if (!t[0].startsWith("<" + SCHEMA) || !t[2].startsWith("<" + SCHEMA)) {
                        continue;   // a superclass in another vocabulary, such as rdfs:Class
                    }
                    String s = t[0].substring(1 + SCHEMA.length(), t[0].length() - 1);
                    String o = t[2].substring(1 + SCHEMA.length(), t[2].length() - 1);
                    Map<String, Set<String>> into = t[1].endsWith("#subClassOf>") ? parents
                            : t[1].endsWith("/domainIncludes>") ? domains : ranges;
                    into.computeIfAbsent(s, k -> new HashSet<>()).add(o);
                }
            }
            return new Vocabulary(parents, domains, ranges);
        }

        Set<String> withAncestors(Set<String> types) {
            Set<String> all = new HashSet<>(types);
            ArrayDeque<String> todo = new ArrayDeque<>(types);
            while (!todo.isEmpty()) {
                for (String parent : parents.getOrDefault(todo.pop(), Set.of())) {
                    if (all.add(parent)) {
                        todo.add(parent);
                    }
                }
            }
            return all;
        }

        boolean hasDomain(String property, Set<String> types) {
            return withAncestors(types).stream().anyMatch(domains.getOrDefault(property, Set.of())::contains);
        }

        boolean hasRange(String property, Set<String> types) {
            return withAncestors(types).stream().anyMatch(ranges.getOrDefault(property, Set.of())::contains);
        }
    }
}
