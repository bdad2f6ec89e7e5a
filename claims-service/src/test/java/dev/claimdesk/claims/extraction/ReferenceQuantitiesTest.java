package dev.claimdesk.claims.extraction;

import dev.claimdesk.commons.testing.EvalData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every quantity the reference sets give (seeds and practice), read from the sentence that holds its anchor:
 * a measurement of the engine on text it was not tuned on line by line. Prints the rate and each miss.
 */
class ReferenceQuantitiesTest {

    private final SentenceSegmenter segmenter = new SentenceSegmenter();
    private final QuantityExtractor extractor = new QuantityExtractor();

    @Test
    void shouldReadAtLeast90PercentOfTheReferenceQuantitiesWithTheirQualifier() {
        List<String> misses = new ArrayList<>();
        int total = 0;
        for (EvalData.GoldSet set : List.of(EvalData.seedsGold(), EvalData.practiceGold())) {
            for (EvalData.GoldArticle article : set.articles()) {
                List<Sentence> sentences = segmenter.split(article.body().replaceAll("\\s+", " "));
                for (EvalData.GoldClaim claim : article.claims()) {
                    if (claim.quantity() == null) {
                        continue;
                    }
                    total++;
                    EvalData.GoldQuantity want = claim.quantity();
                    Sentence sentence = sentences.stream().filter(s -> s.text().contains(claim.anchor())).findFirst().orElse(null);
                    if (sentence == null) {
                        misses.add(claim.anchor() + ": no sentence holds it");
                        continue;
                    }
                    List<Quantity> found = extractor.extract(sentence.text());
                    boolean hit = found.stream().anyMatch(q -> Math.abs(q.value() - want.value()) < 1e-6
                            && q.qualifier().name().equals(want.qualifier()));
                    if (!hit) {
                        misses.add(claim.anchor() + ": want " + want.value() + " " + want.qualifier() + ", found "
                                + found.stream().map(q -> q.value() + " " + q.qualifier()).toList());
                    }
                }
            }
        }
        double rate = 1 - misses.size() / (double) total;
        System.out.printf("reference quantities: %d of %d (%.1f %%)%n", total - misses.size(), total, rate * 100);
        misses.forEach(m -> System.out.println("  MISS " + m));
        assertTrue(rate >= 0.9, "reference quantities " + rate);
    }
}
