package dev.claimdesk.claims.service;

import dev.claimdesk.claims.config.EmbeddingConfig;
import dev.claimdesk.claims.extraction.MiniLmEmbedder;
import dev.claimdesk.claims.extraction.SentenceEmbedder;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The sentence embedder clustering uses, loaded once at start so the first article does not wait for it. */
public class Embeddings {

    @Produces
    @Singleton
    @Startup
    SentenceEmbedder embedder(EmbeddingConfig config) {
        return new MiniLmEmbedder(config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors());
    }
}
