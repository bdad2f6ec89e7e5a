package dev.claimdesk.claims.service;

import dev.claimdesk.claims.extraction.ClaimSimilarity;
import dev.claimdesk.claims.extraction.ClaimType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class CandidateFeaturesTest {

    private static final ClaimSimilarity.Features FEATURES =
            ClaimSimilarity.features(ClaimType.EVENT, "The bridge reopened on Friday.", null, List.of(), null, null);

    @Test
    void shouldDropTheLeastRecentlyUsedClaimOnceFull() {
        CandidateFeatures cache = new CandidateFeatures(() -> 2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        cache.put(first, UUID.randomUUID(), FEATURES);
        cache.put(second, UUID.randomUUID(), FEATURES);
        assertNotNull(cache.get(first), "a read makes the first the most recently used");
        cache.put(third, UUID.randomUUID(), FEATURES);
        assertNull(cache.get(second));
        assertNotNull(cache.get(first));
        assertNotNull(cache.get(third));
    }

    @Test
    void shouldKeepNothingWhenTurnedOff() {
        CandidateFeatures cache = new CandidateFeatures(() -> 0);
        UUID claim = UUID.randomUUID();
        cache.put(claim, UUID.randomUUID(), FEATURES);
        assertNull(cache.get(claim));
    }
}
