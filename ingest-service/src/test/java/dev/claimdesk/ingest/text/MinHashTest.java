package dev.claimdesk.ingest.text;

import dev.claimdesk.commons.testing.EvalData;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinHashTest {

    @Test
    void shouldGiveIdenticalTextsTheSameSignatureWhateverTheCaseAndSpacing() {
        assertArrayEquals(MinHash.signature("Floods kill 40 in the Varn valley"),
                MinHash.signature("floods  KILL 40\nin the varn valley!"));
        assertEquals(1.0, MinHash.similarity(MinHash.signature("a b c d e"), MinHash.signature("A B C D E")));
    }

    @Test
    void shouldScoreTheRewrittenPracticeCopyFarAboveTheIndependentReport() {
        Map<String, int[]> signatures = EvalData.practiceGold().articles().stream()
                .collect(Collectors.toMap(EvalData.GoldArticle::key, a -> MinHash.signature(a.body())));
        double copy = MinHash.similarity(signatures.get("p1_flood_agency.txt"), signatures.get("p3_flood_copy.txt"));
        double independent = MinHash.similarity(signatures.get("p1_flood_agency.txt"), signatures.get("p2_flood_paper.txt"));
        assertTrue(copy >= 0.3, "copy similarity " + copy);
        assertTrue(independent < 0.15, "independent similarity " + independent);
    }

    @Test
    void shouldShareBandKeysOnlyWhereSignaturesAgree() {
        int[] a = MinHash.signature("one two three four five six seven eight nine ten");
        assertArrayEquals(MinHash.bands(a), MinHash.bands(a.clone()));
        int[] b = MinHash.signature("completely different words make up this other sentence here");
        long shared = java.util.Arrays.stream(MinHash.bands(a)).filter(k -> java.util.Arrays.stream(MinHash.bands(b)).anyMatch(x -> x == k)).count();
        assertTrue(shared <= 2, "unrelated texts share " + shared + " bands");
    }
}
