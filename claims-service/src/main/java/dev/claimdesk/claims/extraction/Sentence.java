package dev.claimdesk.claims.extraction;

/**
 * One sentence of an article's clean text: {@code text} is {@code source.substring(start, end)}.
 * {@code inQuotation} is true when it begins inside a quotation opened by an earlier sentence, so a quote
 * that runs over several sentences keeps its speaker.
 */
public record Sentence(int start, int end, String text, boolean inQuotation) {
}
