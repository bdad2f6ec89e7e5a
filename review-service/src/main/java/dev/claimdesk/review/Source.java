package dev.claimdesk.review;

/** Evidence for a verdict: an http(s) URL and, optionally, the passage that bears on the claim. */
public record Source(String url, String excerpt) {
}
