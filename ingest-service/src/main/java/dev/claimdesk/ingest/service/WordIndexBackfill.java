package dev.claimdesk.ingest.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Gives articles stored before rewritten copies were told by their sentences the content-word bands that make
 * them findable as originals, in the background after start so that ingestion is not held up.
 */
@ApplicationScoped
class WordIndexBackfill {

    private static final Logger LOG = Logger.getLogger(WordIndexBackfill.class);
    private static final int BATCH = 200;

    private final ArticleIndex index;

    WordIndexBackfill(ArticleIndex index) {
        this.index = index;
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofVirtual().name("word-index-backfill").start(this::run);
    }

    private void run() {
        try {
            int batches = 0;
            while (index.indexWordsOfEarlierRevisions(BATCH)) {
                batches++;
            }
            if (batches > 0) {
                LOG.infof("Indexed the content words of up to %d earlier revisions", batches * BATCH);
            }
        } catch (RuntimeException e) {
            LOG.warn("Content-word backfill stopped; it resumes at the next start", e);
        }
    }
}
