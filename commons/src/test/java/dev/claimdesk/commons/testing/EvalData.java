package dev.claimdesk.commons.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation sets of this repository (eval/, see eval/README.md) and the seed articles (seeds/), read as the
 * project's scorer reads them. A set names its articles by "seed" (a file of the seeds folder beside the set's
 * folder, described by its manifest) or by "file" (beside the set).
 */
public final class EvalData {

    public record GoldQuantity(double value, String qualifier) {
    }

    public record GoldClaim(String id, String type, List<String> altTypes, String anchor, GoldQuantity quantity,
                            String speaker, List<String> places) {

        public boolean accepts(String systemType) {
            return type.equals(systemType) || altTypes.contains(systemType);
        }
    }

    /** An article of a set; {@code boilerplate} and {@code absent} are both text that must not survive cleaning. */
    public record GoldArticle(String key, String title, String outlet, String publishedAt, String format, String body,
                              List<String> boilerplate, List<String> absent, List<GoldClaim> claims, Integer maxClaims) {

        public List<String> junk() {
            List<String> all = new ArrayList<>(boilerplate);
            all.addAll(absent);
            return all;
        }

        public List<String> anchors() {
            return claims.stream().map(GoldClaim::anchor).toList();
        }
    }

    /**
     * A reference set: its articles, the clusters of claims that say one thing (and pairs of clusters that may be
     * one), pairs that must share a cluster, figures that must or must not be flagged as disagreeing, and copies
     * as [copy, original] article keys.
     */
    public record GoldSet(Path file, List<GoldArticle> articles, Map<String, List<String>> clusters,
                          List<List<String>> mayJoin, List<List<String>> same, List<List<String>> conflicts,
                          List<List<String>> consistent, List<List<String>> copies) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalData() {
    }

    /** The repository's top folder: the first folder upwards from the working directory that holds eval/ and seeds/. */
    public static Path repository() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("eval/README.md")) && Files.isRegularFile(dir.resolve("seeds/manifest.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder above " + Path.of("").toAbsolutePath() + " holds eval/ and seeds/");
    }

    public static Path eval() {
        return repository().resolve("eval");
    }

    public static Path seeds() {
        return repository().resolve("seeds");
    }

    public static GoldSet seedsGold() {
        return load(eval().resolve("seeds-gold.json"));
    }

    /** The project's development set: eval/dev, written blind to the engine (eval/dev/README.md). */
    public static GoldSet devGold() {
        return load(eval().resolve("dev/dev-gold.json"));
    }

    public static GoldSet practiceGold() {
        return load(eval().resolve("practice/practice-gold.json"));
    }

    public static GoldSet load(Path file) {
        try {
            JsonNode gold = JSON.readTree(file.toFile());
            Path here = file.toAbsolutePath().getParent();
            Path seedsDir = here.resolve("../seeds").normalize();
            Map<String, JsonNode> manifest = new LinkedHashMap<>();
            if (Files.isRegularFile(seedsDir.resolve("manifest.json"))) {
                JSON.readTree(seedsDir.resolve("manifest.json").toFile()).path("articles")
                        .forEach(m -> manifest.put(m.path("file").asText(), m));
            }
            List<GoldArticle> articles = new ArrayList<>();
            for (JsonNode a : gold.path("articles")) {
                boolean besideSet = a.has("file");
                String key = besideSet ? a.get("file").asText() : a.get("seed").asText();
                String body = Files.readString((besideSet ? here : seedsDir).resolve(key));
                JsonNode m = manifest.getOrDefault(key, JSON.createObjectNode());
                String format = text(a, "format", text(m, "format", "text"));
                String title = text(m, "title", format.equals("text") ? body.split("\n", 2)[0].strip() : key);
                articles.add(new GoldArticle(key, title, text(a, "outlet", text(m, "outlet", "unknown")),
                        text(a, "publishedAt", text(m, "publishedAt", null)), format, body, strings(a.path("boilerplate")),
                        strings(a.path("absent")), claims(a.path("claims")),
                        a.has("max_claims") ? a.get("max_claims").asInt() : null));
            }
            Map<String, List<String>> clusters = new LinkedHashMap<>();
            gold.path("clusters").forEach(c -> clusters.put(c.get("id").asText(), strings(c.path("members"))));
            return new GoldSet(file, articles, clusters, pairs(gold.path("may_join")), pairs(gold.path("same")),
                    pairs(gold.path("conflicts")), pairs(gold.path("consistent")), pairs(gold.path("copies")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How the scorer compares text: NFKC, curly quotes, ellipsis and dashes made plain, whitespace collapsed to
     * one space, lower case.
     */
    public static String norm(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC)
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace("\u2026", "...").replace('\u2013', '-').replace('\u2014', '-');
        return String.join(" ", n.strip().split("\\s+")).toLowerCase(Locale.ROOT);
    }

    private static List<GoldClaim> claims(JsonNode list) {
        List<GoldClaim> claims = new ArrayList<>();
        for (JsonNode c : list) {
            JsonNode q = c.get("quantity");
            claims.add(new GoldClaim(c.get("id").asText(), c.get("type").asText(), strings(c.path("alt_types")),
                    c.get("anchor").asText(),
                    q == null ? null : new GoldQuantity(q.get("value").asDouble(), q.get("qualifier").asText()),
                    text(c, "speaker", null), c.has("places") ? strings(c.get("places")) : null));
        }
        return claims;
    }

    private static List<List<String>> pairs(JsonNode list) {
        List<List<String>> pairs = new ArrayList<>();
        list.forEach(p -> pairs.add(strings(p)));
        return pairs;
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(s -> out.add(s.asText()));
        return out;
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? otherwise : v.asText();
    }
}
