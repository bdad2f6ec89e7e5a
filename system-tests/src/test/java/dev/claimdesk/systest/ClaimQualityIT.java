package dev.claimdesk.systest;

import dev.claimdesk.commons.testing.SharedData;
import dev.claimdesk.commons.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim engine's quality bars, measured as the team measures them: ../shared/eval/score_claims.py run
 * against ingest-service and claims-service started from their jars, on the seeds and on the practice set.
 */
class ClaimQualityIT {

    private static ServiceProcess claims;
    private static ServiceProcess ingest;

    @BeforeAll
    static void start() throws IOException {
        claims = ServiceProcess.start("claims-service", "claimdesk_systest_claims", Map.of());
        ingest = ServiceProcess.start("ingest-service", "claimdesk_systest_ingest", Map.of());
    }

    @AfterAll
    static void stop() {
        if (ingest != null) {
            ingest.close();
        }
        if (claims != null) {
            claims.close();
        }
    }

    @Test
    void shouldMeetTheQualityBarsOnTheSeeds() throws Exception {
        Score score = score("seeds-gold.json");
        score.atLeast("recall", "claims: \\d+ reference, \\d+ found, recall ([\\d.]+)", 0.85);
        score.atLeast("quantities", "quantities exact: \\d+/\\d+ = ([\\d.]+)", 0.90);
        score.ratioAtLeast("speakers", "speakers: (\\d+)/(\\d+)", 0.80);
        score.ratioAtLeast("places", "places: (\\d+)/(\\d+)", 0.80);
        score.atLeast("strict precision", "strict precision ([\\d.]+)", 0.60);
        score.atLeast("ranking", "check-worthiness ranking \\(average precision\\): ([\\d.]+)", 0.70);
        score.atLeast("cluster recall", "reference pairs together \\(([\\d.]+)\\)", 0.70);
        score.atLeast("cluster precision", "pairwise precision ([\\d.]+)", 0.80);
        assertEquals(0, (int) score.number("claims made of boilerplate: (\\d+)"), score.output);
        score.holds();
    }

    @Test
    void shouldFlagTheConflictNotTheConsistentFiguresAndTheCopyOnThePracticeSet() throws Exception {
        Score score = score("practice/practice-gold.json");
        score.atLeast("recall", "claims: \\d+ reference, \\d+ found, recall ([\\d.]+)", 0.85);
        score.atLeast("quantities", "quantities exact: \\d+/\\d+ = ([\\d.]+)", 0.85);
        Matcher conflicts = score.find("conflicts flagged: (\\d+)/(\\d+); consistent pairs wrongly flagged: (\\d+)/(\\d+)");
        if (!conflicts.group(1).equals(conflicts.group(2))) {
            score.failures.add("conflicts flagged " + conflicts.group(1) + "/" + conflicts.group(2));
        }
        if (!conflicts.group(3).equals("0")) {
            score.failures.add("consistent pairs flagged " + conflicts.group(3) + "/" + conflicts.group(4));
        }
        Matcher copies = score.find("rewritten copies flagged: (\\d+)/(\\d+)");
        if (!copies.group(1).equals(copies.group(2))) {
            score.failures.add("copies flagged " + copies.group(1) + "/" + copies.group(2));
        }
        score.holds();
    }

    private static Score score(String gold) throws IOException, InterruptedException {
        Path eval = SharedData.root().resolve("eval");
        ProcessBuilder builder = new ProcessBuilder("python3", eval.resolve("score_claims.py").toString(),
                "--gold", eval.resolve(gold).toString(), "--ingest", ingest.baseUri(), "--claims", claims.baseUri(),
                "--wait", "60", "--verbose").redirectErrorStream(true);
        // in the environment, not on the command line, where any process of the machine could read it
        builder.environment().put("CLAIMDESK_TOKEN", Tokens.valid("systest-scorer", "ingest", "editor"));
        Process scorer = builder.start();
        scorer.getOutputStream().close();
        String output;
        try (var in = scorer.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(scorer.waitFor(3, TimeUnit.MINUTES), "scorer finished");
        System.out.println("score_claims.py " + gold + ":\n" + output);
        return new Score(output);
    }

    private static final class Score {
        final String output;
        final List<String> failures = new ArrayList<>();

        Score(String output) {
            this.output = output;
        }

        Matcher find(String regex) {
            Matcher m = Pattern.compile(regex).matcher(output);
            assertTrue(m.find(), "the scorer printed /" + regex + "/:\n" + output);
            return m;
        }

        double number(String regex) {
            return Double.parseDouble(find(regex).group(1));
        }

        void atLeast(String what, String regex, double bar) {
            double value = number(regex);
            if (value < bar) {
                failures.add("%s %.3f below %.2f".formatted(what, value, bar));
            }
        }

        void ratioAtLeast(String what, String regex, double bar) {
            Matcher m = find(regex);
            double value = Double.parseDouble(m.group(1)) / Math.max(1, Double.parseDouble(m.group(2)));
            if (value < bar) {
                failures.add("%s %s/%s below %.2f".formatted(what, m.group(1), m.group(2), bar));
            }
        }

        void holds() {
            assertTrue(failures.isEmpty(), String.join("; ", failures) + "\n" + output);
        }
    }
}
