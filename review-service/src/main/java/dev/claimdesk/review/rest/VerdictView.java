package dev.claimdesk.review.rest;

import dev.claimdesk.review.Source;
import dev.claimdesk.review.Verdict;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The contract's Verdict: one published version. */
public record VerdictView(UUID id, int version, long sequence, UUID clusterId, List<UUID> claimIds, String claimReviewed,
                          String rating, String explanation, List<Source> sources, List<String> reviewers,
                          Instant publishedAt, Integer correctionOf, String reason, String url) {

    static VerdictView of(Verdict v, String url) {
        return new VerdictView(v.id, v.version, v.sequence, v.clusterId, Arrays.asList(v.claimIds), v.claimReviewed, v.rating,
                v.explanation, v.sources, Arrays.asList(v.reviewers), v.publishedAt, v.correctionOf, v.reason, url);
    }
}
