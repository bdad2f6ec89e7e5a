package dev.claimdesk.ingest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The reference sets in ../shared/eval and the seeds, read the way score_claims.py reads them. */
public final class SharedEval {

    public record GoldArticle(String file, String outlet, String title, String body, List<String> boilerplate,
                              List<String> anchors) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedEval() {
    }

    public static Path root() {
        return dev.claimdesk.commons.testing.SharedData.root();
    }

    public static List<GoldArticle> seeds() {
        return load(root().resolve("eval/seeds-gold.json"), root().resolve("seeds"));
    }

    public static List<GoldArticle> practice() {
        return load(root().resolve("eval/practice/practice-gold.json"), root().resolve("eval/practice"));
    }

    private static List<GoldArticle> load(Path gold, Path dir) {
        try {
            JsonNode root = JSON.readTree(gold.toFile());
            List<GoldArticle> articles = new ArrayList<>();
            for (JsonNode a : root.get("articles")) {
                String file = a.has("file") ? a.get("file").asText() : a.get("seed").asText();
                String body = Files.readString(dir.resolve(file));
                List<String> boilerplate = new ArrayList<>();
                a.path("boilerplate").forEach(b -> boilerplate.add(b.asText()));
                a.path("absent").forEach(b -> boilerplate.add(b.asText()));
                List<String> anchors = new ArrayList<>();
                a.path("claims").forEach(c -> anchors.add(c.get("anchor").asText()));
                articles.add(new GoldArticle(file, a.path("outlet").asText("unknown"), body.split("\n")[0].strip(), body,
                        boilerplate, anchors));
            }
            return articles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** score_claims.py's norm(): NFKC, plain quotes and dashes, collapsed whitespace, lower case. */
    public static String norm(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC)
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace("\u2026", "...").replace('\u2013', '-').replace('\u2014', '-');
        return String.join(" ", n.strip().split("\\s+")).toLowerCase(Locale.ROOT);
    }
}
