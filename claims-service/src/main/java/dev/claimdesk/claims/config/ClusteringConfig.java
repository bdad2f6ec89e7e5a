package dev.claimdesk.claims.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** claimdesk.clustering.*: how placement of claims into clusters uses memory. */
@ConfigMapping(prefix = "claimdesk.clustering")
public interface ClusteringConfig {

    /**
     * Stored claims whose comparison features (words, places, figure, the sentence's embedding) are kept in memory,
     * the most recently used first; about 3 KB each. Candidates are the latest claims under each blocking key, so
     * the claims of the last few thousand articles serve nearly every placement, and reading them again from the
     * database (every embedding converted to and from text) was its largest cost (docs/benchmarks.md). 0 turns the
     * cache off.
     */
    @WithDefault("10000")
    int cachedCandidates();
}
