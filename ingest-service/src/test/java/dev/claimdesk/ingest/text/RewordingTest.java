package dev.claimdesk.ingest.text;

import dev.claimdesk.commons.testing.EvalData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RewordingTest {

    private static final double SENTENCE = 0.4;
    private static final double COPY = 0.5;

    @Test
    void shouldFindACounterpartForMostSentencesOfEachRewordedDevCopyAndFewOfAnyOtherArticle() {
        EvalData.GoldSet dev = EvalData.load(EvalData.eval().resolve("dev/dev-gold.json"));
        Map<String, Rewording.Sentences> plain = dev.articles().stream().filter(a -> a.format().equals("text"))
                .collect(Collectors.toMap(EvalData.GoldArticle::key, a -> Rewording.Sentences.of(a.body())));
        Set<List<String>> copies = Set.copyOf(dev.copies());
        assertEquals(3, copies.size());
        for (var copy : plain.entrySet()) {
            for (var earlier : plain.entrySet()) {
                if (copy.getKey().equals(earlier.getKey())) {
                    continue;
                }
                double coverage = Rewording.coverage(copy.getValue(), earlier.getValue(), SENTENCE);
                String pair = copy.getKey() + " against " + earlier.getKey() + ": " + coverage;
                if (copies.contains(List.of(copy.getKey(), earlier.getKey()))) {
                    assertTrue(coverage >= 0.6, pair);
                } else if (copies.contains(List.of(earlier.getKey(), copy.getKey()))) {
                    assertTrue(coverage >= COPY, "an original covers most of its copy too: " + pair);
                } else {
                    assertTrue(coverage < 0.3, pair);
                }
            }
        }
    }

    @Test
    void shouldMatchTheRewordedPracticeCopySentenceForSentence() {
        Map<String, Rewording.Sentences> sentences = EvalData.practiceGold().articles().stream()
                .collect(Collectors.toMap(EvalData.GoldArticle::key, a -> Rewording.Sentences.of(a.body())));
        assertTrue(Rewording.coverage(sentences.get("p3_flood_copy.txt"), sentences.get("p1_flood_agency.txt"), SENTENCE) >= 0.9);
        assertTrue(Rewording.coverage(sentences.get("p2_flood_paper.txt"), sentences.get("p1_flood_agency.txt"), SENTENCE) < 0.3);
    }

    @Test
    void shouldPairASentenceReorderedAndReinflectedButNotOneThatOnlySharesItsNames() {
        Rewording.Sentences original = Rewording.Sentences.of(
                "Rescuers pulled 12 survivors from the collapsed Hollin bridge on Monday, the fire service said.");
        Rewording.Sentences reworded = Rewording.Sentences.of(
                "The fire service said 12 survivors were pulled by rescuers from the Hollin bridge that collapsed Monday.");
        Rewording.Sentences sameNames = Rewording.Sentences.of(
                "Traffic around the Hollin bridge will stay closed for months while engineers inspect it, the council said Monday.");
        assertEquals(1.0, Rewording.coverage(reworded, original, SENTENCE));
        assertEquals(0.0, Rewording.coverage(sameNames, original, SENTENCE));
    }

    @Test
    void shouldLeaveFunctionWordsOutAndMeetInflectionsOfOneWord() {
        assertEquals(Set.of("rescuer", "pull", "12", "survivor"), Rewording.terms("The rescuers had pulled 12 survivors."));
        assertEquals(Rewording.stem("killing"), Rewording.stem("killed"));
        assertEquals(Rewording.stem("reports"), Rewording.stem("reported"));
    }
}
