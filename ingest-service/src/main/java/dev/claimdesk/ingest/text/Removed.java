package dev.claimdesk.ingest.text;

/** A piece of the input that is not article content, with the rule that took it out. */
public record Removed(String text, RemovedKind kind, String rule) {
}
