package dev.claimdesk.claims.service;

import dev.claimdesk.claims.config.ClusteringConfig;
import dev.claimdesk.claims.extraction.ClaimSimilarity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What stored claims are compared on, kept in memory by claim id, the least recently used dropped first. A claim's
 * article and features never change unless a reviewer corrects it, and a corrected claim is never served from here;
 * its cluster does change, so that is always read from the database. A claim that was never committed only takes
 * room until it is dropped: it is looked up only by ids the database returned.
 */
@ApplicationScoped
public class CandidateFeatures {

    /** A stored claim's article and features. */
    public record Known(UUID articleId, ClaimSimilarity.Features features) {
    }

    private final int capacity;
    private final Map<UUID, Known> entries;

    CandidateFeatures(ClusteringConfig config) {
        this.capacity = config.cachedCandidates();
        this.entries = new LinkedHashMap<>(Math.max(16, capacity * 4 / 3 + 1), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Known> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Known get(UUID claimId) {
        return entries.get(claimId);
    }

    public synchronized void put(UUID claimId, UUID articleId, ClaimSimilarity.Features features) {
        if (capacity > 0) {
            entries.put(claimId, new Known(articleId, features));
        }
    }
}
