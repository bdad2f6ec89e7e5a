package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads claims: only each article's current revision, unless a cluster is asked for. */
@ApplicationScoped
public class ClaimQueries {

    public record Filter(UUID articleId, UUID clusterId, String type, String status, String text) {
    }

    public record Result(List<Claim> items, long total) {
    }

    public Result list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        where.add("revision = (select max(r.key.revision) from ReceivedArticle r where r.key.articleId = c.articleId)");
        if (filter.articleId() != null) {
            where.add("c.articleId = :articleId");
            parameters.and("articleId", filter.articleId());
        }
        if (filter.clusterId() != null) {
            where.add("c.clusterId = :clusterId");
            parameters.and("clusterId", filter.clusterId());
        }
        if (filter.type() != null) {
            where.add("c.type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.status() != null) {
            where.add("c.status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.text() != null) {
            where.add("lower(c.text) like :text");
            parameters.and("text", "%" + filter.text().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%");
        }
        PanacheQuery<Claim> query = Claim.find("from Claim c where " + String.join(" and ", where),
                Sort.descending("checkworthiness").and("start"), parameters);
        return new Result(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), query.count());
    }
}
