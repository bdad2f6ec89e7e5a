package dev.claimdesk.claims.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimdesk.claims.extraction.ClaimExtractor;
import dev.claimdesk.claims.extraction.ExtractedClaim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How the engine's check-worthiness carries to text it was not built on: the ClaimBuster sentences of US
 * presidential debates labelled check-worthy (CFS) or not (NCS, 2.5 per CFS), from
 * {@code utaresearch/claimbuster-spotter}'s {@code data/two_class/kfold_25ncs.json}. Each sentence goes through
 * the extractor on its own; its score is the highest check-worthiness of its claims, 0 when it gives none. Nothing
 * is trained or tuned on the file: it is read from the path given and never kept in the repository. Prints
 * precision, recall and F1 of CFS at the default threshold, the best F1 over thresholds, and average precision,
 * and writes them as JSON. Run with {@code ./bench.sh checkworthiness [PATH]}.
 */
public final class CheckWorthinessBenchmark {

    /** The score from which the desk treats a claim as worth checking. */
    static final double DEFAULT_THRESHOLD = 0.5;

    record Scored(double score, boolean checkWorthy) {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path output = Path.of(args.length > 1 ? args[1] : "target/bench/checkworthiness.json");
        ObjectMapper json = new ObjectMapper();
        JsonNode sentences = json.readTree(input.toFile());
        ClaimExtractor extractor = new ClaimExtractor();
        List<Scored> scored = new ArrayList<>();
        long started = System.nanoTime();
        for (JsonNode s : sentences) {
            double score = 0;
            for (ExtractedClaim c : extractor.extract(s.path("text").asText(), "en").claims()) {
                score = Math.max(score, c.checkworthiness());
            }
            scored.add(new Scored(score, s.path("label").asInt() == 1));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long positives = scored.stream().filter(Scored::checkWorthy).count();
        double[] atDefault = prf(scored, DEFAULT_THRESHOLD);
        double bestF1 = 0;
        double bestThreshold = 0;
        for (int t = 1; t < 100; t++) {
            double f1 = prf(scored, t / 100.0)[2];
            if (f1 > bestF1) {
                bestF1 = f1;
                bestThreshold = t / 100.0;
            }
        }
        double ap = averagePrecision(scored);
        ObjectNode result = json.createObjectNode();
        result.put("file", input.getFileName().toString());
        result.put("sentences", scored.size());
        result.put("checkWorthy", positives);
        result.put("threshold", DEFAULT_THRESHOLD);
        result.put("precision", round(atDefault[0]));
        result.put("recall", round(atDefault[1]));
        result.put("f1", round(atDefault[2]));
        result.put("bestF1", round(bestF1));
        result.put("bestThreshold", bestThreshold);
        result.put("averagePrecision", round(ap));
        result.put("sentencesPerSecond", Math.round(scored.size() / seconds));
        Files.createDirectories(output.toAbsolutePath().getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(output.toFile(), result);
        System.out.printf("%d sentences (%d check-worthy): at %.2f precision %.3f recall %.3f F1 %.3f; best F1 %.3f at %.2f; "
                        + "average precision %.3f; %d sentences/s%n", scored.size(), positives, DEFAULT_THRESHOLD,
                atDefault[0], atDefault[1], atDefault[2], bestF1, bestThreshold, ap, Math.round(scored.size() / seconds));
        System.out.println("written to " + output);
    }

    /** Precision, recall and F1 of the check-worthy class when a score at or above {@code threshold} says so. */
    static double[] prf(List<Scored> scored, double threshold) {
        long tp = scored.stream().filter(s -> s.score() >= threshold && s.checkWorthy()).count();
        long fp = scored.stream().filter(s -> s.score() >= threshold && !s.checkWorthy()).count();
        long fn = scored.stream().filter(s -> s.score() < threshold && s.checkWorthy()).count();
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[]{precision, recall, f1};
    }

    /**
     * Average precision of the ranking by score; sentences of equal score count as one step (each gets the
     * precision of the whole tie), so the order the file gives them in cannot flatter the result.
     */
    static double averagePrecision(List<Scored> scored) {
        List<Scored> ranked = new ArrayList<>(scored);
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        long positives = scored.stream().filter(Scored::checkWorthy).count();
        double sum = 0;
        int seen = 0;
        int hits = 0;
        for (int i = 0; i < ranked.size(); ) {
            int j = i;
            int tieHits = 0;
            while (j < ranked.size() && ranked.get(j).score() == ranked.get(i).score()) {
                tieHits += ranked.get(j).checkWorthy() ? 1 : 0;
                j++;
            }
            seen = j;
            hits += tieHits;
            sum += tieHits * (hits / (double) seen);
            i = j;
        }
        return positives == 0 ? 0 : sum / positives;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
