package dev.claimdesk.review.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.review.Verdict;
import dev.claimdesk.review.messaging.VerdictPublished;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the editors' feed: published versions after a cursor, straight from JDBC into the contract's Verdict, the
 * evidence passed through as the JSON it is stored as. The feed is the most polled endpoint of the suite; entities,
 * their snapshots and a second JSON mapping of the evidence cost more than the query.
 */
@ApplicationScoped
public class VerdictFeed {

    /**
     * The contract's Verdict; {@code sources} is the evidence as JSON, {@code reviews} what each reviewer of its task
     * rated and wrote, in the order they did.
     */
    public record Item(UUID id, int version, long sequence, UUID clusterId, List<UUID> claimIds, String claimReviewed,
                       UUID claimReviewedId, String rating, @com.fasterxml.jackson.annotation.JsonRawValue String claimRatings,
                       String explanation, @com.fasterxml.jackson.annotation.JsonRawValue String sources,
                       List<String> reviewers, java.time.Instant publishedAt, Integer correctionOf, String reason, String url,
                       List<Note> reviews) {

        Item withReviews(List<Note> notes) {
            return new Item(id, version, sequence, clusterId, claimIds, claimReviewed, claimReviewedId, rating, claimRatings, explanation,
                    sources, reviewers, publishedAt, correctionOf, reason, url, notes);
        }
    }

    /** One reviewer's rating and explanation of a verdict's task. */
    public record Note(String reviewer, String stage, String rating, String explanation) {
        public static Note of(dev.claimdesk.review.Review r) {
            return new Note(r.reviewer, r.stage, r.rating, r.explanation);
        }
    }

    private static final String COLUMNS = "id, version, sequence, cluster_id, claim_ids, claim_reviewed, rating, explanation, "
            + "CAST(sources AS text), reviewers, published_at, correction_of, reason, claim_reviewed_id, CAST(claim_ratings AS text), task_id";

    private final AgroalDataSource dataSource;
    private final Publication publication;
    private final ObjectMapper json;

    VerdictFeed(AgroalDataSource dataSource, Publication publication, ObjectMapper json) {
        this.dataSource = dataSource;
        this.publication = publication;
        this.json = json;
    }

    /** Up to {@code size} versions published after sequence {@code after}, in feed order. */
    public List<Item> after(long after, int size) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + " FROM verdict WHERE sequence > ? ORDER BY sequence LIMIT ?")) {
            select.setLong(1, after);
            select.setInt(2, size);
            List<Item> items = new ArrayList<>(size);
            List<UUID> tasks = new ArrayList<>(size);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    tasks.add(rs.getObject(16, UUID.class));
                    items.add(new Item(id, rs.getInt(2), rs.getLong(3), rs.getObject(4, UUID.class), uuids(rs.getArray(5)),
                            rs.getString(6), rs.getObject(14, UUID.class), rs.getString(7), rs.getString(15), rs.getString(8), rs.getString(9), texts(rs.getArray(10)),
                            rs.getTimestamp(11).toInstant(), (Integer) rs.getObject(12), rs.getString(13), publication.url(id), List.of()));
                }
            }
            Map<UUID, List<Note>> notes = notes(connection, tasks);
            for (int i = 0; i < items.size(); i++) {
                items.set(i, items.get(i).withReviews(notes.getOrDefault(tasks.get(i), List.of())));
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("the verdict feed could not be read", e);
        }
    }

    /** Every rating given on these tasks, by task, in the order given: one query for a page of the feed. */
    private static Map<UUID, List<Note>> notes(Connection connection, List<UUID> tasks) throws SQLException {
        Map<UUID, List<Note>> notes = new HashMap<>();
        if (tasks.isEmpty()) {
            return notes;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT task_id, reviewer, stage, rating, explanation FROM review "
                + "WHERE task_id = ANY(?) ORDER BY submitted_at, id")) {
            select.setArray(1, connection.createArrayOf("uuid", tasks.stream().distinct().toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    notes.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Note(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return notes;
    }

    /** One stored version in the same shape. */
    public Item of(Verdict v) {
        List<Note> notes = dev.claimdesk.review.Review.<dev.claimdesk.review.Review>list("taskId = ?1 order by submittedAt, id", v.taskId)
                .stream().map(Note::of).toList();
        try {
            return new Item(v.id, v.version, v.sequence, v.clusterId, Arrays.asList(v.claimIds), v.claimReviewed,
                    v.claimReviewedId, v.rating, json.writeValueAsString(v.claimRatings),
                    v.explanation, json.writeValueAsString(v.sources), Arrays.asList(v.reviewers), v.publishedAt, v.correctionOf,
                    v.reason, publication.url(v.id), notes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
