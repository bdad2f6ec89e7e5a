package dev.claimdesk.ingest.rest;

/** The body of POST /api/articles, as the contract names it; checked by ArticleValidator. */
public record ArticleRequest(String title, String outlet, String url, String publishedAt, String language, String format,
                             String body) {
}
