package dev.claimdesk.claims;

import dev.claimdesk.commons.persistence.Sql;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An article revision as ingest-service announced it: the text claims are extracted from. */
@Entity
@Table(name = "received_article")
public class ReceivedArticle extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "article_id") UUID articleId, int revision) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public String title;
    public String outlet;
    public String url;
    @Column(name = "published_at")
    public Instant publishedAt;
    public String language;
    @Column(name = "clean_text")
    public String cleanText;
    @Column(name = "copy_of")
    public UUID copyOf;
    /** What the article tells as a whole: the normalised mean of its claims' embeddings (SentenceEmbedder.mean), or null. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "story_vector")
    public float[] storyVector;
    /** The trace this revision arrived in, continued from the ingest request. */
    public String traceparent;
    @Column(name = "received_at")
    public Instant receivedAt;
    /** EXTRACTED, or why there are no claims (NOT_ENGLISH, EMPTY). */
    @Column(name = "extraction_status")
    public String extractionStatus;

    /** The latest revision of the article received so far, or null if none has been. */
    public static Integer latestRevision(UUID articleId) {
        // asked for every message: a Panache count would be translated to SQL anew on each call
        return (Integer) Sql.on(getEntityManager(), ReceivedArticle.class,
                        "SELECT max(revision) FROM received_article WHERE article_id = ?1")
                .setParameter(1, articleId)
                .getSingleResult();
    }

    /**
     * The HQL condition that a row's revision is its article's latest one received, given the paths of its
     * article id and revision ("c.articleId", "c.revision"): only the latest revision's claims are current.
     */
    public static String isLatest(String articleId, String revision) {
        return revision + " = (select max(r.key.revision) from ReceivedArticle r where r.key.articleId = " + articleId + ")";
    }
}
