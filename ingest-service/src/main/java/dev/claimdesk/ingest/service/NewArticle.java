package dev.claimdesk.ingest.service;

import java.time.Instant;

/** A validated ingest request. */
public record NewArticle(String title, String outlet, String url, Instant publishedAt, String language, Format format,
                         String body) {

    public enum Format {
        TEXT, HTML
    }
}
