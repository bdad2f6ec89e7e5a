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

    /** Earlier articles of the same outlet that must carry a short line before it counts as the outlet's template. */
    @WithDefault("3")
    int outletRepeatThreshold();

    /** Longest line, in words, that can count as an outlet's repeated template line. */
    @WithDefault("15")
    int outletRepeatMaxWords();
}
