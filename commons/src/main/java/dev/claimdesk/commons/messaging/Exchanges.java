package dev.claimdesk.commons.messaging;

import java.util.List;

/** The exchanges and routing keys of the public contract (docs/api.md, Messaging). */
public final class Exchanges {

    public static final String ARTICLES = "articles";
    public static final String CLAIMS = "claims";
    public static final String TASKS = "tasks";
    public static final String VERDICTS = "verdicts";

    public static final String ARTICLE_INGESTED = "article.ingested.v1";
    public static final String CLAIM_EXTRACTED = "claim.extracted.v1";
    public static final String TASK_UPDATED = "task.updated.v1";
    public static final String VERDICT_PUBLISHED = "verdict.published.v1";

    /** Receives every message that no binding routes, so an unroutable publish is kept, never lost. */
    public static final String UNROUTABLE = "claimdesk.unroutable";
    /** Routes a dead-lettered message to its queue's dead-letter queue by the queue's name. */
    public static final String DEAD_LETTER = "claimdesk.dlx";
    public static final String DEAD_LETTER_QUEUE_SUFFIX = ".dlq";
    /**
     * Takes a redriven dead letter back to the one queue it came from (bound by the queue's name): a service can
     * bind only its own queues, so a redrive never reaches another service's.
     */
    public static final String REDRIVE = "claimdesk.redrive";

    public static final List<String> CONTRACT = List.of(ARTICLES, CLAIMS, TASKS, VERDICTS);

    private Exchanges() {
    }
}
