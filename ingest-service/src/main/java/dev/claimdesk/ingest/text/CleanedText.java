package dev.claimdesk.ingest.text;

import java.util.List;

/** Article text with everything that is not article content taken out and accounted for. */
public record CleanedText(String text, List<Removed> removed) {
}
