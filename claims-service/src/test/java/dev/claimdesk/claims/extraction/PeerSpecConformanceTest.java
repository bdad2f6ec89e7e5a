package dev.claimdesk.claims.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.testing.EvalData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figure parser against a peer's conformance suite (Microsoft Recognizers-Text's English cases in
 * eval/peer-specs, MIT licence): every case not marked unsupported for Java, the found values compared with
 * the expected ones in order. Prints the pass rate and each failing input.
 */
class PeerSpecConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final NumberRecognizer numbers = new NumberRecognizer(false, false);
    private final RangeRecognizer ranges = new RangeRecognizer();

    static List<JsonNode> supportedCases(String file) throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        for (JsonNode c : JSON.readTree(EvalData.eval().resolve("peer-specs").resolve(file).toFile())) {
            boolean unsupported = false;
            for (String key : List.of("NotSupported", "NotSupportedByDesign")) {
                if (c.has(key) && Arrays.stream(c.get(key).asText().split(",")).map(String::trim).anyMatch("java"::equals)) {
                    unsupported = true;
                }
            }
            if (!unsupported) {
                cases.add(c);
            }
        }
        return cases;
    }

    static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    @Test
    void shouldPassAtLeast85PercentOfThePeersNumberCases() throws IOException {
        conform("Number_English_NumberModel.json", c -> {
            List<Double> expected = new ArrayList<>();
            c.get("Results").forEach(r -> expected.add(Double.parseDouble(r.get("Resolution").get("value").asText())));
            List<Double> found = numbers.find(c.get("Input").asText()).stream().map(NumberMatch::value).toList();
            boolean pass = expected.size() == found.size();
            for (int i = 0; pass && i < expected.size(); i++) {
                pass = same(expected.get(i), found.get(i));
            }
            return pass ? null : "expected " + expected + ", found " + found;
        });
    }

    @Test
    void shouldPassAtLeast85PercentOfThePeersRangeCases() throws IOException {
        conform("Number_English_NumberRangeModel.json", c -> {
            List<String> expected = new ArrayList<>();
            c.get("Results").forEach(r -> expected.add(r.get("Resolution").get("value").asText()));
            List<String> found = ranges.find(c.get("Input").asText()).stream().map(RangeMatch::interval).toList();
            return expected.equals(found) ? null : "expected " + expected + ", found " + found;
        });
    }

    /** Runs every supported case of {@code file}; {@code failure} says why a case fails, or null when it passes. */
    private static void conform(String file, Function<JsonNode, String> failure) throws IOException {
        List<JsonNode> cases = supportedCases(file);
        List<String> failures = new ArrayList<>();
        for (JsonNode c : cases) {
            String why = failure.apply(c);
            if (why != null) {
                failures.add(c.get("Input").asText().strip() + "  " + why);
            }
        }
        double rate = 1 - failures.size() / (double) cases.size();
        System.out.printf("%s: %d of %d cases pass (%.1f %%)%n", file, cases.size() - failures.size(), cases.size(), rate * 100);
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertTrue(rate >= 0.85, String.format("%s pass rate %.3f below 0.85", file, rate));
    }
}
