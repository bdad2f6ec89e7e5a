package dev.claimdesk.ingest;

import dev.claimdesk.ingest.text.Removed;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One stored revision of an article: what came in, what cleaning kept and removed, and what it copies. */
@Entity
@Table(name = "article_revision")
public class ArticleRevision extends PanacheEntityBase {

    @Id
    @Column(name = "revision_id")
    public UUID revisionId;
    @Column(name = "article_id")
    public UUID articleId;
    public int revision;
    public boolean latest;
    public String title;
    public String outlet;
    public String url;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "ingested_at")
    public Instant ingestedAt;
    public String language;
    public String format;
    public String body;
    @Column(name = "clean_text")
    public String cleanText;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Removed> removed;
    @Column(name = "copy_of")
    public UUID copyOf;
    /** How closely it follows {@link #copyOf}: the share of its sentences with a counterpart there. */
    @Column(name = "copy_similarity")
    public Double copySimilarity;
    @Column(name = "content_hash")
    public String contentHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public int[] minhash;

    public static Optional<ArticleRevision> latest(UUID articleId) {
        return find("articleId = ?1 and latest = true", articleId).firstResultOptional();
    }

    public static Optional<ArticleRevision> revision(UUID articleId, int revision) {
        return find("articleId = ?1 and revision = ?2", articleId, revision).firstResultOptional();
    }


}
