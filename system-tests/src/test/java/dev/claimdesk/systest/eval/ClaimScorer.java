package dev.claimdesk.systest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimdesk.commons.testing.EvalData;
import dev.claimdesk.commons.testing.EvalData.GoldArticle;
import dev.claimdesk.commons.testing.EvalData.GoldClaim;
import dev.claimdesk.commons.testing.EvalData.GoldSet;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Scores a running suite against a reference set (eval/README.md gives the rule): ingests the set's articles under
 * fresh urls and titles, waits until their claims stop changing, then compares the claims, clusters, conflicts and
 * copies with the reference. Prints one line per measure; with {@code verbose}, each miss as well.
 */
public final class ClaimScorer {

    /** The measures; the conflict and copy counts are null when the set names none. */
    public record Report(int referenceClaims, int found, int systemClaims, int systemMatching, int quantitiesExact,
                         int quantitiesGiven, int speakersRight, int speakersGiven, int placesRight, int placesGiven,
                         int boilerplateRemoved, int boilerplateGiven, int boilerplateClaims, double ranking,
                         int pairsTogether, int pairsGiven, int pairsRight, int pairsWrong, Integer conflictsFlagged,
                         Integer conflictsGiven, Integer consistentFlagged, Integer consistentGiven, Integer otherFlags,
                         Integer copiesFlagged, Integer copiesGiven) {

        public double recall() {
            return ratio(found, referenceClaims);
        }

        public double precision() {
            return ratio(systemMatching, systemClaims);
        }

        public double quantities() {
            return ratio(quantitiesExact, quantitiesGiven);
        }

        public double speakers() {
            return ratio(speakersRight, speakersGiven);
        }

        public double places() {
            return ratio(placesRight, placesGiven);
        }

        public double clusterRecall() {
            return ratio(pairsTogether, pairsGiven);
        }

        /** Pairs put together across articles that the reference allows, over all such pairs; 1 when there are none to make. */
        public double clusterPrecision() {
            return pairsRight + pairsWrong > 0 ? ratio(pairsRight, pairsRight + pairsWrong) : pairsGiven == 0 ? 1.0 : 0.0;
        }

        private static double ratio(int n, int d) {
            return d == 0 ? 0.0 : n / (double) d;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String ingest;
    private final String claims;
    private final String token;
    private final Duration settle;
    private final boolean verbose;
    private final PrintStream out;

    public ClaimScorer(String ingest, String claims, String token, Duration settle, boolean verbose, PrintStream out) {
        this.ingest = ingest;
        this.claims = claims;
        this.token = token;
        this.settle = settle;
        this.verbose = verbose;
        this.out = out;
    }

    /**
     * What the suite made of a set's articles, by article key: its stored id, cleaned text, claims and the article its
     * copy points to; and every conflict's claim ids.
     */
    public record Observed(Map<String, String> articleIds, Map<String, String> cleanTexts,
                           Map<String, List<JsonNode>> claims, Map<String, String> copyOf, List<List<String>> conflicts) {
    }

    public Report score(GoldSet set) throws IOException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> articleIds = new LinkedHashMap<>();
        for (GoldArticle a : set.articles()) {
            ObjectNode body = JsonNodeFactory.instance.objectNode()
                    .put("title", a.title() + " [score " + run + "]").put("outlet", a.outlet())
                    .put("url", "https://score.example/" + run + "/" + a.key()).put("publishedAt", a.publishedAt())
                    .put("format", a.format()).put("body", a.body());
            JsonNode stored = call("POST", ingest + "/api/articles", body, 200, 201);
            articleIds.put(a.key(), stored.get("id").asText());
        }
        Map<String, List<JsonNode>> byArticle = awaitSettled(set, articleIds);
        Map<String, String> cleanTexts = new HashMap<>();
        Map<String, String> copyOf = new HashMap<>();
        for (GoldArticle a : set.articles()) {
            JsonNode article = call("GET", ingest + "/api/articles/" + articleIds.get(a.key()), null, 200);
            cleanTexts.put(a.key(), article.path("cleanText").asText(""));
            copyOf.put(a.key(), article.path("copyOf").asText(null));
        }
        List<List<String>> conflicts = new ArrayList<>();
        if (!set.conflicts().isEmpty() || !set.consistent().isEmpty()) {
            for (JsonNode conflict : items(call("GET", claims + "/api/conflicts?size=1000", null, 200))) {
                List<String> claimIds = new ArrayList<>();
                conflict.path("claimIds").forEach(id -> claimIds.add(id.asText()));
                conflicts.add(claimIds);
            }
        }
        Report report = compare(set, new Observed(articleIds, cleanTexts, byArticle, copyOf, conflicts),
                verbose ? out::println : line -> { });
        print(report);
        return report;
    }

    /** The reference set against what the suite made of it; {@code notes} hears of each miss. */
    public static Report compare(GoldSet set, Observed seen, Consumer<String> notes) {
        Map<String, JsonNode> matched = new LinkedHashMap<>();
        Set<JsonNode> relevant = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<JsonNode> all = new ArrayList<>();
        int total = 0, found = 0, qtyOk = 0, qtyGiven = 0, spkOk = 0, spkGiven = 0, plcOk = 0, plcGiven = 0;
        int bpGone = 0, bpGiven = 0, bpClaims = 0;
        for (GoldArticle a : set.articles()) {
            String clean = EvalData.norm(seen.cleanTexts().get(a.key()));
            for (String junk : a.junk()) {
                bpGiven++;
                if (!clean.contains(EvalData.norm(junk))) {
                    bpGone++;
                } else {
                    note(notes, "  kept boilerplate %s: %s", a.key(), junk);
                }
            }
            List<JsonNode> system = seen.claims().get(a.key());
            all.addAll(system);
            for (JsonNode claim : system) {
                String text = EvalData.norm(claim.path("text").asText(""));
                if (a.junk().stream().anyMatch(junk -> text.contains(EvalData.norm(junk)))) {
                    bpClaims++;
                }
            }
            if (a.maxClaims() != null && system.size() > a.maxClaims()) {
                note(notes, "  %s yields %d claims, at most %d expected", a.key(), system.size(), a.maxClaims());
            }
            for (GoldClaim g : a.claims()) {
                total++;
                String anchor = EvalData.norm(g.anchor());
                List<JsonNode> candidates = system.stream()
                        .filter(c -> EvalData.norm(c.path("text").asText("")).contains(anchor) && g.accepts(c.path("type").asText()))
                        .toList();
                if (candidates.isEmpty()) {
                    note(notes, "  missed %s %s: %s", g.id(), g.type(), g.anchor());
                    continue;
                }
                JsonNode best = g.quantity() == null ? candidates.getFirst() : candidates.stream()
                        .filter(c -> sameValue(value(c), g.quantity().value())).findFirst().orElse(candidates.getFirst());
                found++;
                matched.put(g.id(), best);
                relevant.add(best);
                if (g.quantity() != null) {
                    qtyGiven++;
                    String qualifier = best.path("quantity").path("qualifier").asText("").toUpperCase(java.util.Locale.ROOT);
                    if (sameValue(value(best), g.quantity().value()) && qualifier.equals(g.quantity().qualifier())) {
                        qtyOk++;
                    } else {
                        note(notes, "  quantity %s: got %s", g.id(), best.get("quantity"));
                    }
                }
                if (g.speaker() != null) {
                    spkGiven++;
                    if (EvalData.norm(best.path("speaker").asText("")).contains(EvalData.norm(g.speaker()))) {
                        spkOk++;
                    } else {
                        note(notes, "  speaker %s: got %s", g.id(), best.get("speaker"));
                    }
                }
                if (g.places() != null) {
                    plcGiven++;
                    List<String> got = new ArrayList<>();
                    best.path("places").forEach(p -> got.add(EvalData.norm(p.asText())));
                    if (g.places().stream().allMatch(p -> got.stream().anyMatch(x -> x.contains(EvalData.norm(p))))) {
                        plcOk++;
                    } else {
                        note(notes, "  places %s: got %s", g.id(), best.get("places"));
                    }
                }
            }
        }

        all.stream().filter(c -> !relevant.contains(c)).forEach(c -> note(notes, "  unmatched %s: %s",
                c.path("type").asText(), abbreviate(c.path("text").asText(""))));
        List<JsonNode> ranked = new ArrayList<>(all);
        ranked.sort(Comparator.comparingDouble((JsonNode c) -> c.path("checkworthiness").asDouble(0)).reversed());
        int hits = 0;
        double precisionSum = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (relevant.contains(ranked.get(i))) {
                hits++;
                precisionSum += hits / (double) (i + 1);
            }
        }
        double ranking = precisionSum / Math.max(1, hits);

        Set<Set<String>> together = new HashSet<>();
        Set<Set<String>> allowed = new HashSet<>();
        pairsOf(set, together, allowed);
        int pairsTogether = 0;
        for (Set<String> pair : together) {
            List<String> ids = List.copyOf(pair);
            if (matched.keySet().containsAll(ids) && clusterOf(matched.get(ids.get(0))) != null
                    && Objects.equals(clusterOf(matched.get(ids.get(0))), clusterOf(matched.get(ids.get(1))))) {
                pairsTogether++;
            } else if (matched.keySet().containsAll(ids)) {
                List<String> sorted = ids.stream().sorted().toList();
                note(notes, "  found but not clustered together: %s ~ %s", sorted.get(0), sorted.get(1));
            }
        }
        int right = 0, wrong = 0;
        List<String> ids = List.copyOf(matched.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i), b = ids.get(j);
                String ca = clusterOf(matched.get(a)), cb = clusterOf(matched.get(b));
                if (sameArticle(a, b) || ca == null || !ca.equals(cb) || matched.get(a) == matched.get(b)) {
                    continue;
                }
                if (allowed.contains(pair(a, b))) {
                    right++;
                } else {
                    wrong++;
                    note(notes, "  clustered together but different: %s ~ %s", a, b);
                }
            }
        }

        Integer conflictsFlagged = null, consistentFlagged = null, otherFlags = null;
        if (!set.conflicts().isEmpty() || !set.consistent().isEmpty()) {
            Set<Set<String>> flagged = new HashSet<>();
            for (List<String> claimIds : seen.conflicts()) {
                for (int i = 0; i < claimIds.size(); i++) {
                    for (int j = i + 1; j < claimIds.size(); j++) {
                        flagged.add(pair(claimIds.get(i), claimIds.get(j)));
                    }
                }
            }
            conflictsFlagged = (int) set.conflicts().stream().filter(p -> flagged.contains(claimIdsOf(p, matched))).count();
            set.conflicts().stream().filter(p -> !flagged.contains(claimIdsOf(p, matched)))
                    .forEach(p -> note(notes, "  conflict not flagged: %s ~ %s", p.get(0), p.get(1)));
            set.consistent().stream().filter(p -> flagged.contains(claimIdsOf(p, matched)))
                    .forEach(p -> note(notes, "  consistent pair flagged: %s ~ %s", p.get(0), p.get(1)));
            consistentFlagged = (int) set.consistent().stream().filter(p -> flagged.contains(claimIdsOf(p, matched))).count();
            Set<String> runIds = new HashSet<>();
            all.forEach(c -> runIds.add(c.path("id").asText()));
            Set<Set<String>> expected = new HashSet<>();
            set.conflicts().forEach(p -> expected.add(claimIdsOf(p, matched)));
            List<Set<String>> other = flagged.stream()
                    .filter(p -> p.size() == 2 && runIds.containsAll(p) && !expected.contains(p)).toList();
            otherFlags = other.size();
            Map<String, String> texts = new HashMap<>();
            all.forEach(c -> texts.put(c.path("id").asText(), abbreviate(c.path("text").asText(""))));
            other.stream().map(p -> p.stream().sorted().toList()).sorted(Comparator.comparing(List::toString)).limit(10)
                    .forEach(p -> note(notes, "  flagged but not a reference conflict: \"%s\" ~ \"%s\"", texts.get(p.get(0)), texts.get(p.get(1))));
        }
        Integer copiesFlagged = null;
        if (!set.copies().isEmpty()) {
            copiesFlagged = 0;
            for (List<String> copy : set.copies()) {
                if (seen.articleIds().get(copy.get(1)).equals(seen.copyOf().get(copy.get(0)))) {
                    copiesFlagged++;
                }
            }
        }
        return new Report(total, found, all.size(), (int) all.stream().filter(relevant::contains).count(), qtyOk,
                qtyGiven, spkOk, spkGiven, plcOk, plcGiven, bpGone, bpGiven, bpClaims, ranking, pairsTogether,
                together.size(), right, wrong, conflictsFlagged, set.conflicts().size(), consistentFlagged,
                set.consistent().size(), otherFlags, copiesFlagged, set.copies().size());
    }

    /** Polls every article's claims until two polls in a row after the first see the same claims in the same clusters. */
    private Map<String, List<JsonNode>> awaitSettled(GoldSet set, Map<String, String> articleIds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        Map<String, List<JsonNode>> claimsByArticle = new LinkedHashMap<>();
        List<Object> last = null;
        int steady = 0;
        while (System.nanoTime() < deadline) {
            claimsByArticle = new LinkedHashMap<>();
            List<Object> signature = new ArrayList<>();
            boolean everyArticleHasClaims = true;
            for (GoldArticle a : set.articles()) {
                List<JsonNode> claimsOf = items(call("GET", claims + "/api/claims?articleId="
                        + URLEncoder.encode(articleIds.get(a.key()), StandardCharsets.UTF_8) + "&size=1000", null, 200));
                claimsByArticle.put(a.key(), claimsOf);
                everyArticleHasClaims &= !claimsOf.isEmpty();
                signature.add(claimsOf.stream().map(ClaimScorer::clusterOf).map(String::valueOf).sorted().toList());
            }
            steady = signature.equals(last) && everyArticleHasClaims ? steady + 1 : 0;
            if (steady >= 2) {
                break;
            }
            last = signature;
            Thread.sleep(2000);
        }
        return claimsByArticle;
    }

    private void print(Report r) {
        out.printf("claims: %d reference, %d found, recall %.3f%n", r.referenceClaims(), r.found(), r.recall());
        out.printf("system claims: %d, %d matching a reference, strict precision %.3f%n", r.systemClaims(),
                r.systemMatching(), r.precision());
        out.printf("quantities exact: %d/%d = %.3f%n", r.quantitiesExact(), r.quantitiesGiven(), r.quantities());
        out.printf("speakers: %d/%d; places: %d/%d%n", r.speakersRight(), r.speakersGiven(), r.placesRight(), r.placesGiven());
        out.printf("boilerplate removed: %d/%d; claims made of boilerplate: %d%n", r.boilerplateRemoved(),
                r.boilerplateGiven(), r.boilerplateClaims());
        out.printf("check-worthiness ranking (average precision): %.3f%n", r.ranking());
        out.printf("clusters: %d/%d reference pairs together (%.3f); pairwise precision %.3f (%d right, %d wrong)%n",
                r.pairsTogether(), r.pairsGiven(), r.clusterRecall(), r.clusterPrecision(), r.pairsRight(), r.pairsWrong());
        if (r.conflictsFlagged() != null) {
            out.printf("conflicts flagged: %d/%d; consistent pairs wrongly flagged: %d/%d; other flags among this run's claims: %d%n",
                    r.conflictsFlagged(), r.conflictsGiven(), r.consistentFlagged(), r.consistentGiven(), r.otherFlags());
        }
        if (r.copiesFlagged() != null) {
            out.printf("rewritten copies flagged: %d/%d%n", r.copiesFlagged(), r.copiesGiven());
        }
        out.printf("summary: recall %.2f quantity %.2f precision %.2f clusters %.2f/%.2f ranking %.2f%n", r.recall(),
                r.quantities(), r.precision(), r.clusterRecall(), r.clusterPrecision(), r.ranking());
    }

    /**
     * The pairs that must share a cluster (the set's "same" pairs, and members of one reference cluster from different
     * articles) and the pairs that may (those, members of one cluster from one article, and members of clusters
     * named together in "may_join").
     */
    private static void pairsOf(GoldSet set, Set<Set<String>> together, Set<Set<String>> allowed) {
        set.same().forEach(p -> together.add(Set.copyOf(p)));
        allowed.addAll(together);
        for (List<String> members : set.clusters().values()) {
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    Set<String> pair = pair(members.get(i), members.get(j));
                    allowed.add(pair);
                    if (!sameArticle(members.get(i), members.get(j))) {
                        together.add(pair);
                    }
                }
            }
        }
        for (List<String> join : set.mayJoin()) {
            for (String a : set.clusters().getOrDefault(join.get(0), List.of())) {
                for (String b : set.clusters().getOrDefault(join.get(1), List.of())) {
                    allowed.add(pair(a, b));
                }
            }
        }
    }

    private static Set<String> pair(String a, String b) {
        return a.equals(b) ? Set.of(a) : Set.of(a, b);
    }

    /** Reference claim ids start with their article's three-character key. */
    private static boolean sameArticle(String a, String b) {
        return a.regionMatches(0, b, 0, 3);
    }

    /** The system claim ids of a reference pair; empty (never flagged) when either was not found. */
    private static Set<String> claimIdsOf(List<String> pair, Map<String, JsonNode> matched) {
        if (!matched.keySet().containsAll(pair)) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        pair.forEach(p -> ids.add(matched.get(p).path("id").asText()));
        return ids;
    }

    private static String clusterOf(JsonNode claim) {
        JsonNode cluster = claim.get("clusterId");
        return cluster == null || cluster.isNull() || cluster.asText().isEmpty() ? null : cluster.asText();
    }

    private static Double value(JsonNode claim) {
        JsonNode v = claim.path("quantity").get("value");
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    private static boolean sameValue(Double got, double want) {
        return got != null && Math.abs(got - want) <= 1e-6 * Math.max(1.0, Math.abs(want));
    }

    private static String abbreviate(String text) {
        return text.length() <= 70 ? text : text.substring(0, 70);
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        (page.isArray() ? page : page.path("items")).forEach(items::add);
        return items;
    }

    private static void note(Consumer<String> notes, String format, Object... args) {
        notes.accept(format.formatted(args));
    }

    private JsonNode call(String method, String url, JsonNode body, int... expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return JSON.readTree(response.body());
            }
        }
        throw new IOException(method + " " + url + " answered " + response.statusCode() + ": "
                + response.body().substring(0, Math.min(500, response.body().length())));
    }

    /**
     * {@code ClaimScorer [--ingest URL] [--claims URL] [--webui URL] [--wait SECONDS] [--verbose] GOLD...}: scores each
     * set in turn. The token comes from CLAIMDESK_TOKEN, or is asked of web-ui for CLAIMDESK_USERNAME and
     * CLAIMDESK_PASSWORD (in the environment, where no other process of the machine can read them).
     */
    public static void main(String[] args) throws Exception {
        String ingest = "http://127.0.0.1:8081", claims = "http://127.0.0.1:8082", webui = "http://127.0.0.1:8080";
        Duration wait = Duration.ofSeconds(90);
        boolean verbose = false;
        List<Path> golds = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ingest" -> ingest = args[++i];
                case "--claims" -> claims = args[++i];
                case "--webui" -> webui = args[++i];
                case "--wait" -> wait = Duration.ofSeconds(Long.parseLong(args[++i]));
                case "--verbose" -> verbose = true;
                default -> golds.add(Path.of(args[i]));
            }
        }
        if (golds.isEmpty()) {
            golds = List.of(EvalData.eval().resolve("seeds-gold.json"), EvalData.eval().resolve("practice/practice-gold.json"));
        }
        String token = System.getenv("CLAIMDESK_TOKEN");
        if (token == null || token.isBlank()) {
            ObjectNode credentials = JsonNodeFactory.instance.objectNode()
                    .put("username", Objects.requireNonNull(System.getenv("CLAIMDESK_USERNAME"), "set CLAIMDESK_TOKEN or CLAIMDESK_USERNAME"))
                    .put("password", System.getenv("CLAIMDESK_PASSWORD"));
            token = new ClaimScorer(ingest, claims, null, wait, verbose, System.out)
                    .call("POST", webui + "/api/auth/token", credentials, 200).get("accessToken").asText();
        }
        ClaimScorer scorer = new ClaimScorer(ingest, claims, token, wait, verbose, System.out);
        for (Path gold : golds) {
            System.out.println("== " + gold.getFileName());
            scorer.score(EvalData.load(gold));
        }
    }
}
