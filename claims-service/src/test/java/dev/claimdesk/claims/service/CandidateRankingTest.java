package dev.claimdesk.claims.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CandidateRankingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void shouldRankCandidatesSharingMoreKeysFirstThenTheLatestThenById() {
        UUID old = new UUID(0, 1);
        UUID recent = new UUID(0, 2);
        UUID twoKeys = new UUID(0, 3);
        UUID tieLow = new UUID(0, 4);
        UUID tieHigh = new UUID(0, 5);
        Map<String, List<Clusters.Keyed>> byKey = new HashMap<>();
        byKey.put("bridge", List.of(keyed(old, 60), keyed(twoKeys, 90), keyed(tieHigh, 30), keyed(tieLow, 30)));
        byKey.put("place:kyiv", List.of(keyed(recent, 1), keyed(twoKeys, 90)));
        byKey.put("unasked", List.of(keyed(new UUID(0, 6), 0)));

        assertEquals(List.of(twoKeys, recent, tieLow, tieHigh, old),
                Clusters.rank(Set.of("bridge", "place:kyiv", "reopen"), byKey));
    }

    @Test
    void shouldKeepOnlyTheBestCandidatesWhenKeysNameMoreThanTheLimit() {
        List<Clusters.Keyed> common = new ArrayList<>();
        for (int i = 0; i < Clusters.MAX_CANDIDATES + 50; i++) {
            common.add(keyed(new UUID(1, i), i));
        }
        UUID sharesBoth = new UUID(2, 0);
        common.add(keyed(sharesBoth, 10_000));
        Map<String, List<Clusters.Keyed>> byKey =
                Map.of("said", common, "speaker:smith", List.of(keyed(sharesBoth, 10_000)));

        List<UUID> ranked = Clusters.rank(Set.of("said", "speaker:smith"), byKey);

        assertEquals(Clusters.MAX_CANDIDATES, ranked.size());
        assertEquals(sharesBoth, ranked.getFirst(), "sharing two keys beats any number of later claims sharing one");
        assertEquals(new UUID(1, 0), ranked.get(1), "then the latest told");
        assertEquals(new UUID(1, Clusters.MAX_CANDIDATES - 2), ranked.getLast());
    }

    private static Clusters.Keyed keyed(UUID claim, int minutesAgo) {
        return new Clusters.Keyed(claim, NOW.minusSeconds(60L * minutesAgo));
    }
}
