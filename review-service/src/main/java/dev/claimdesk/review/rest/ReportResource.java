package dev.claimdesk.review.rest;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.rest.Requests;
import dev.claimdesk.commons.security.Roles;
import dev.claimdesk.review.Article;
import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.Verdict;
import dev.claimdesk.review.service.VerdictFeed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The fact-check report of one article: every claim of its latest revision with its status and verdict. */
@Path("/api/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REVIEWER, Roles.EDITOR, Roles.ADMIN})
public class ReportResource {

    public record Report(UUID articleId, int revision, String outlet, String url, int claims, int checked, String worstRating,
                         List<Line> items) {
    }

    public record Line(UUID claimId, String type, String text, int start, UUID clusterId, UUID taskId, String status, Verdict verdict) {
    }

    /**
     * The verdict on the claim's cluster as it applies to this claim: {@code rating} is the claim's own where its
     * figure disagreed with the claim reviewed ({@code ratedApart}), else the verdict's.
     */
    public record Verdict(UUID verdictId, int version, String rating, boolean ratedApart, String explanation,
                          List<dev.claimdesk.review.Source> sources, List<VerdictFeed.Note> reviews, String url) {
        static Verdict of(dev.claimdesk.review.Verdict v, UUID claimId, List<VerdictFeed.Note> reviews, String url) {
            String own = v.claimRatings.stream().filter(r -> r.claimId().equals(claimId)).map(dev.claimdesk.review.ClaimRating::rating)
                    .findFirst().orElse(null);
            return new Verdict(v.id, v.version, own != null ? own : v.rating, own != null, v.explanation, v.sources, reviews, url);
        }
    }

    private final dev.claimdesk.review.service.Publication publication;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ReportResource(dev.claimdesk.review.service.Publication publication, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.publication = publication;
        this.json = json;
    }

    @GET
    @Path("/{articleId}")
    @Operation(summary = "Every claim of the article with its status (PENDING, IN_REVIEW, VERDICT) and verdict; ETag honoured")
    public Response report(@PathParam("articleId") String id, @Context Request request) {
        UUID articleId = Requests.id(id, "Article");
        Article article = Article.findById(articleId);
        if (article == null) {
            throw ProblemException.notFound("Article", id);
        }
        List<ClusterClaim> claims = ClusterClaim.list("articleId = ?1 order by start, claimId", articleId);
        List<UUID> clusters = claims.stream().map(c -> c.clusterId).distinct().toList();
        Map<UUID, ReviewTask> tasks = new HashMap<>();
        Map<UUID, dev.claimdesk.review.Verdict> verdicts = new HashMap<>();
        if (!clusters.isEmpty()) {
            ReviewTask.<ReviewTask>list("clusterId in ?1", clusters).forEach(t -> tasks.put(t.clusterId, t));
            dev.claimdesk.review.Verdict.<dev.claimdesk.review.Verdict>list("clusterId in ?1 order by sequence", clusters)
                    .forEach(v -> verdicts.put(v.clusterId, v));
        }
        Map<UUID, List<VerdictFeed.Note>> notes = new HashMap<>();
        List<UUID> decided = verdicts.values().stream().map(v -> v.taskId).distinct().toList();
        if (!decided.isEmpty()) {
            dev.claimdesk.review.Review.<dev.claimdesk.review.Review>list("taskId in ?1 order by submittedAt, id", decided)
                    .forEach(r -> notes.computeIfAbsent(r.taskId, k -> new java.util.ArrayList<>())
                            .add(VerdictFeed.Note.of(r)));
        }
        List<Line> lines = claims.stream().map(c -> {
            dev.claimdesk.review.Verdict v = verdicts.get(c.clusterId);
            ReviewTask task = tasks.get(c.clusterId);
            String status = v != null ? "VERDICT" : task != null && task.open() ? "IN_REVIEW" : "PENDING";
            return new Line(c.claimId, c.type, c.text, c.start, c.clusterId, task == null ? null : task.id, status,
                    v == null ? null : Verdict.of(v, c.claimId, notes.getOrDefault(v.taskId, List.of()), publication.url(v.id)));
        }).toList();
        String worst = lines.stream().map(Line::verdict).filter(Objects::nonNull).map(Verdict::rating)
                .min(Comparator.comparingInt(ReportResource::truthfulness)).orElse(null);
        Report report = new Report(articleId, article.revision, article.outlet, article.url, lines.size(),
                (int) lines.stream().filter(l -> l.verdict() != null).count(), worst, lines);
        // the digest of what is sent: a 32-bit hash could call a changed report unchanged
        EntityTag tag;
        try {
            tag = new EntityTag(dev.claimdesk.commons.text.Digests.sha256Hex(json.writeValueAsBytes(report)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return unchanged != null ? unchanged.build() : Response.ok(report).tag(tag).build();
    }

    /** Lower is worse; an unverifiable claim is neither confirmed nor refuted, between MIXED and MOSTLY_TRUE. */
    private static int truthfulness(String rating) {
        return switch (rating) {
            case "FALSE" -> 0;
            case "MOSTLY_FALSE" -> 1;
            case "MIXED" -> 2;
            case "UNVERIFIABLE" -> 3;
            case "MOSTLY_TRUE" -> 4;
            default -> 5;
        };
    }
}
