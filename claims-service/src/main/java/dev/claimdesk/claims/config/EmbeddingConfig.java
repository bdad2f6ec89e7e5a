package dev.claimdesk.claims.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** claimdesk.embedding.*: how sentence embeddings run. */
@ConfigMapping(prefix = "claimdesk.embedding")
public interface EmbeddingConfig {

    /** Cores one sentence's embedding may use; 0 for all the machine has. */
    @WithDefault("0")
    int threads();
}
