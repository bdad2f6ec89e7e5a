package dev.claimdesk.ingest.service;

import dev.claimdesk.commons.text.Digests;
import dev.claimdesk.commons.persistence.AdvisoryLock;
import dev.claimdesk.ingest.ArticleRevision;
import dev.claimdesk.ingest.config.IngestConfig;
import dev.claimdesk.ingest.text.MinHash;
import dev.claimdesk.ingest.text.Rewording;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The article store's side indexes: MinHash bands to find near-duplicates among all stored
 * articles, and the short lines each outlet repeats across its articles.
 */
@ApplicationScoped
public class ArticleIndex {

    /** The closest earlier article and how close it is. */
    public record Match(UUID articleId, double similarity) {
    }

    /** Band keys of content-word signatures, kept apart from those of shingle signatures. */
    private static final int WORD_BANDS = 1;
    /** Fewer sentences than this are too few to tell a rewording from a shared topic; shingles alone decide. */
    private static final int MIN_SENTENCES_TO_ALIGN = 3;
    /** Candidates compared in full, those sharing the most band keys first. */
    private static final int CANDIDATES = 20;

    private final AgroalDataSource dataSource;
    private final IngestConfig config;

    ArticleIndex(AgroalDataSource dataSource, IngestConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Serialises, until the transaction ends, every ingest of the same url (or of the same text without one). */
    public void lock(String key) {
        try (Connection connection = dataSource.getConnection()) {
            AdvisoryLock.acquire(connection, key);
        } catch (SQLException e) {
            throw new IllegalStateException("Advisory lock failed", e);
        }
    }

    /**
     * The latest revision stored under this url, or without a url for this outlet and content. Plain JDBC:
     * on the ingest path the answer is nearly always "none", and an HQL query cost a sixth of the request.
     */
    public Optional<UUID> latestRevision(String url, String outlet, String contentHash) {
        String sql = url != null
                ? "SELECT revision_id FROM article_revision WHERE url = ? AND latest"
                : "SELECT revision_id FROM article_revision WHERE url IS NULL AND outlet = ? AND content_hash = ? AND latest";
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (url != null) {
                select.setString(1, url);
            } else {
                select.setString(1, outlet);
                select.setString(2, contentHash);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Article lookup failed", e);
        }
    }

    /**
     * Writes a new revision with one INSERT. On the ingest path a Hibernate persist and flush cost more CPU
     * than the rest of the transaction (docs/benchmarks.md); reads and updates stay with the entity.
     */
    public void insert(ArticleRevision r, String removedJson) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO article_revision (revision_id, article_id, "
                     + "revision, latest, title, outlet, url, published_at, ingested_at, language, format, body, clean_text, "
                     + "removed, copy_of, content_hash, minhash, copy_similarity) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
            insert.setObject(1, r.revisionId);
            insert.setObject(2, r.articleId);
            insert.setInt(3, r.revision);
            insert.setBoolean(4, r.latest);
            insert.setString(5, r.title);
            insert.setString(6, r.outlet);
            insert.setString(7, r.url);
            insert.setObject(8, r.publishedAt == null ? null : OffsetDateTime.ofInstant(r.publishedAt, ZoneOffset.UTC));
            insert.setObject(9, OffsetDateTime.ofInstant(r.ingestedAt, ZoneOffset.UTC));
            insert.setString(10, r.language);
            insert.setString(11, r.format);
            insert.setString(12, r.body);
            insert.setString(13, r.cleanText);
            insert.setString(14, removedJson);
            insert.setObject(15, r.copyOf);
            insert.setString(16, r.contentHash);
            insert.setArray(17, connection.createArrayOf("integer", Arrays.stream(r.minhash).boxed().toArray(Integer[]::new)));
            insert.setObject(18, r.copySimilarity);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Article insert failed", e);
        }
    }

    /**
     * The stored article this one most likely copies, from another article than {@code self}: candidates share
     * band keys of three-word shingles or of content words; a candidate is the original when enough shingles
     * survive ({@code copy-similarity}) or, for a reworded copy, when most of this article's sentences have a
     * counterpart in it ({@code copy-coverage}). Of several, the closest wins, and of equals the earliest.
     */
    public Optional<Match> closestEarlier(PreparedArticle article, UUID self) {
        // A copy of a copy points at the original: the match's own copy_of when it has one.
        String sql = "SELECT coalesce(r.copy_of, r.article_id), r.minhash, r.ingested_at, r.clean_text FROM article_revision r"
                + " JOIN (SELECT article_id, revision, count(*) AS shared FROM article_band WHERE band = ANY (?) AND article_id <> ?"
                + " GROUP BY article_id, revision HAVING count(*) >= 2 ORDER BY count(*) DESC LIMIT ?) c"
                + " ON r.article_id = c.article_id AND r.revision = c.revision ORDER BY c.shared DESC";
        boolean bySentences = article.sentences().size() >= MIN_SENTENCES_TO_ALIGN;
        Match best = null;
        Instant bestAt = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("bigint", boxed(bands(article.minhash(), article.wordMinhash()))));
            select.setObject(2, self);
            select.setInt(3, CANDIDATES);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    double shingles = MinHash.similarity(article.minhash(), unboxed((Integer[]) rs.getArray(2).getArray()));
                    double coverage = bySentences ? Rewording.coverage(article.sentences(),
                            Rewording.Sentences.of(rs.getString(4)), config.copySentenceSimilarity()) : 0;
                    if (shingles < config.copySimilarity() && coverage < config.copyCoverage()) {
                        continue;
                    }
                    double similarity = bySentences ? coverage : shingles;
                    Instant at = rs.getTimestamp(3).toInstant();
                    if (best == null || similarity > best.similarity() || similarity == best.similarity() && at.isBefore(bestAt)) {
                        best = new Match(rs.getObject(1, UUID.class), similarity);
                        bestAt = at;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Near-duplicate lookup failed", e);
        }
        return Optional.ofNullable(best);
    }

    public void addBands(UUID articleId, int revision, int[] minhash, int[] wordMinhash) {
        try (Connection connection = dataSource.getConnection()) {
            addBands(connection, articleId, revision, bands(minhash, wordMinhash));
        } catch (SQLException e) {
            throw new IllegalStateException("Band insert failed", e);
        }
    }

    /**
     * Gives revisions stored before content-word bands existed their word bands, a batch at a time; false once
     * none is left.
     */
    public boolean indexWordsOfEarlierRevisions(int batch) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT revision_id, article_id, revision, clean_text "
                     + "FROM article_revision WHERE NOT words_indexed LIMIT ?");
             PreparedStatement done = connection.prepareStatement(
                     "UPDATE article_revision SET words_indexed = true WHERE revision_id = ?")) {
            select.setInt(1, batch);
            int found = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found++;
                    int[] words = MinHash.signatureOfTerms(Rewording.Sentences.of(rs.getString(4)).allTerms());
                    addBands(connection, rs.getObject(2, UUID.class), rs.getInt(3), MinHash.bands(words, WORD_BANDS));
                    done.setObject(1, rs.getObject(1, UUID.class));
                    done.addBatch();
                }
            }
            done.executeBatch();
            return found > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Word band backfill failed", e);
        }
    }

    private static void addBands(Connection connection, UUID articleId, int revision, long[] bands) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO article_band (band, article_id, revision) SELECT DISTINCT unnest(?::bigint[]), ?, ? "
                        + "ON CONFLICT DO NOTHING")) {
            insert.setArray(1, connection.createArrayOf("bigint", boxed(bands)));
            insert.setObject(2, articleId);
            insert.setInt(3, revision);
            insert.executeUpdate();
        }
    }

    private static long[] bands(int[] minhash, int[] wordMinhash) {
        long[] shingles = MinHash.bands(minhash);
        long[] words = MinHash.bands(wordMinhash, WORD_BANDS);
        long[] all = Arrays.copyOf(shingles, shingles.length + words.length);
        System.arraycopy(words, 0, all, shingles.length, words.length);
        return all;
    }

    /** The lines among {@code lines} that the outlet has printed in enough earlier articles to be its template. */
    public Set<String> repeatedLines(String outlet, Collection<String> lines) {
        if (lines.isEmpty()) {
            return Set.of();
        }
        Set<String> repeated = new HashSet<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(lines));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT line_hash FROM outlet_line WHERE outlet = ? AND line_hash = ANY (?) AND articles >= ?")) {
            select.setString(1, outletKey(outlet));
            select.setArray(2, connection.createArrayOf("bigint", hashes(distinct)));
            select.setInt(3, config.outletRepeatThreshold());
            Set<Long> found = new HashSet<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
            for (String line : distinct) {
                if (found.contains(lineHash(line))) {
                    repeated.add(line);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Outlet line lookup failed", e);
        }
        return repeated;
    }

    /** Adds the counted lines of many articles at once: {@code counts} maps outlet to line hash to articles. */
    void addLineCounts(Map<String, Map<Long, Integer>> counts) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO outlet_line (outlet, line_hash, articles) SELECT ?, h, n FROM unnest(?::bigint[], ?::int[]) AS t(h, n) "
                             + "ORDER BY h ON CONFLICT (outlet, line_hash) DO UPDATE SET articles = outlet_line.articles + EXCLUDED.articles")) {
            for (var outlet : counts.entrySet()) {
                upsert.setString(1, outlet.getKey());
                upsert.setArray(2, connection.createArrayOf("bigint", outlet.getValue().keySet().toArray(Long[]::new)));
                upsert.setArray(3, connection.createArrayOf("integer", outlet.getValue().values().toArray(Integer[]::new)));
                upsert.addBatch();
            }
            upsert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Outlet line count failed", e);
        }
    }

    static String outletKey(String outlet) {
        return outlet.strip().toLowerCase(Locale.ROOT);
    }

    static Long[] hashes(List<String> lines) {
        return lines.stream().map(ArticleIndex::lineHash).distinct().toArray(Long[]::new);
    }

    static long lineHash(String line) {
        byte[] digest = Digests.sha256(String.join(" ", line.strip().toLowerCase(Locale.ROOT).split("\\s+")));
        long hash = 0;
        for (int i = 0; i < 8; i++) {
            hash = hash << 8 | (digest[i] & 0xff);
        }
        return hash;
    }

    private static Long[] boxed(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static int[] unboxed(Integer[] values) {
        int[] unboxed = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            unboxed[i] = values[i];
        }
        return unboxed;
    }
}
