package dev.claimdesk.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.claimdesk.commons.problem.Problem;

import java.util.List;

/** Per-item outcome of a batch ingest, in request order. */
public record BatchResult(List<Item> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int status, ArticleView article, Problem problem) {
    }
}
