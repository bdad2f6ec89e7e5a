package dev.claimdesk.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and thresholds of ingestion. */
@ConfigMapping(prefix = "claimdesk.ingest")
public interface IngestConfig {

    /** Largest article body accepted, in UTF-8 bytes. */
    @WithDefault("1048576")
    int maxBodyBytes();

    /** Most articles in one batch request. */
    @WithDefault("100")
    int maxBatchItems();

    /** Largest batch request, in bytes. */
    @WithDefault("16777216")
    int maxBatchBytes();

    /** Estimated Jaccard similarity of three-word shingles from which an article counts as a copy. */
    @WithDefault("0.3")
    double copySimilarity();

    /**
     * Share of an article's sentences that must have a counterpart in an earlier article for it to count as a
     * rewritten copy of it (independent reports of one event stay well below; eval/dev/README.md gives the figures).
     */
    @WithDefault("0.5")
    double copyCoverage();

    /** Jaccard similarity of two sentences' content words from which one counts as the other's counterpart. */
    @WithDefault("0.4")
    double copySentenceSimilarity();

    /** Earlier articles of the same outlet that must carry a short line before it counts as the outlet's template. */
    @WithDefault("3")
    int outletRepeatThreshold();

    /** Longest line, in words, that can count as an outlet's repeated template line. */
    @WithDefault("15")
    int outletRepeatMaxWords();
}
