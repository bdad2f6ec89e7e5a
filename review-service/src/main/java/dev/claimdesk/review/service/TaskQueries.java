package dev.claimdesk.review.service;

import dev.claimdesk.review.Article;
import dev.claimdesk.review.ClusterClaim;
import dev.claimdesk.review.ReviewTask;
import dev.claimdesk.review.Verdict;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads tasks with their claims and verdicts, a page at a time, in one query per kind of row. */
@ApplicationScoped
public class TaskQueries {

    public record Filter(String status, String stage, String assignee, java.util.UUID clusterId, boolean waiting) {
    }

    public record Result(List<ReviewTask> tasks, long total) {
    }

    public Result list(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.stage() != null) {
            where.add("stage = :stage");
            params.put("stage", filter.stage());
        }
        if (filter.assignee() != null) {
            where.add("assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.clusterId() != null) {
            where.add("clusterId = :cluster");
            params.put("cluster", filter.clusterId());
        }
        if (filter.waiting()) {
            where.add("assignee is null and stage <> 'DONE'");
        }
        String query = (where.isEmpty() ? "1 = 1" : String.join(" and ", where));
        var found = ReviewTask.<ReviewTask>find(query + " order by priority desc, dueAt, id", params);
        return new Result(found.page(page, size).list(), found.count());
    }

    /** The open tasks of a reviewer, most urgent first. */
    public List<ReviewTask> mine(String username) {
        return ReviewTask.list("assignee = :me and stage <> 'DONE' order by priority desc, dueAt, id", Parameters.with("me", username));
    }

    public Map<UUID, List<ClusterClaim>> claims(List<ReviewTask> tasks) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        return ClusterClaim.<ClusterClaim>list("clusterId in ?1 order by checkworthiness desc, articleId, start",
                tasks.stream().map(t -> t.clusterId).toList()).stream().collect(Collectors.groupingBy(c -> c.clusterId));
    }

    /** The outlet of each of these articles that is known here. */
    public Map<UUID, String> outlets(List<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> outlets = new HashMap<>();
        for (Article a : Article.<Article>list("id in ?1", articleIds)) {
            outlets.put(a.id, a.outlet);
        }
        return outlets;
    }

    /** The latest verdict version of each of these tasks that has one. */
    public Map<UUID, Verdict> verdicts(List<ReviewTask> tasks) {
        List<UUID> done = tasks.stream().filter(t -> !t.open()).map(t -> t.id).toList();
        if (done.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Verdict> latest = new HashMap<>();
        for (Verdict v : Verdict.<Verdict>list("taskId in ?1 order by version", done)) {
            latest.put(v.taskId, v);
        }
        return latest;
    }
}
