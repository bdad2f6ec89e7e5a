package dev.claimdesk.claims.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** claimdesk.embedding.*: how sentence embeddings run. */
@ConfigMapping(prefix = "claimdesk.embedding")
public interface EmbeddingConfig {

    /**
     * Cores one sentence's embedding may use; 0 for all the machine has. One by default: a claim sentence is a
     * few dozen tokens, too short for a thread pool to pay its hand-offs, and the service's parallelism is its
     * consumers and instances (docs/benchmarks.md, the whole pipeline).
     */
    @WithDefault("1")
    int threads();
}
