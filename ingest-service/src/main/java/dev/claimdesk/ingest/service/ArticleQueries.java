package dev.claimdesk.ingest.service;

import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.ingest.ArticleRevision;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads stored articles: by id and revision, and the latest revisions page by page with filters. */
@ApplicationScoped
public class ArticleQueries {

    public record Filter(String outlet, Instant publishedFrom, Instant publishedTo) {
    }

    public record Result(List<ArticleRevision> items, long total) {
    }

    public ArticleRevision get(UUID id, Integer revision) {
        var found = revision == null ? ArticleRevision.latest(id) : ArticleRevision.revision(id, revision);
        return found.orElseThrow(() -> revision == null
                ? ProblemException.notFound("Article", id)
                : ProblemException.notFound("Revision " + revision + " of article", id));
    }

    public Result list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>(List.of("latest = true"));
        Parameters params = new Parameters();
        if (filter.outlet() != null) {
            where.add("outlet = :outlet");
            params.and("outlet", filter.outlet());
        }
        if (filter.publishedFrom() != null) {
            where.add("publishedAt >= :from");
            params.and("from", filter.publishedFrom());
        }
        if (filter.publishedTo() != null) {
            where.add("publishedAt < :to");
            params.and("to", filter.publishedTo());
        }
        PanacheQuery<ArticleRevision> query = ArticleRevision.find(String.join(" and ", where),
                Sort.descending("ingestedAt").and("revisionId"), params);
        return new Result(query.page(page, size).list(), query.count());
    }
}
