package dev.claimdesk.ingest.service;

import dev.claimdesk.ingest.text.Removed;
import dev.claimdesk.ingest.text.Rewording;

import java.util.List;

/** An article after cleaning, ready to be stored: the CPU work done before any transaction opens. */
record PreparedArticle(NewArticle input, String cleanText, List<Removed> removed, String language, String contentHash,
                       int[] minhash, Rewording.Sentences sentences, int[] wordMinhash, List<String> shortLines) {
}
