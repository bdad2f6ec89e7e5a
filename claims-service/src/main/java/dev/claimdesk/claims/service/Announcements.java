package dev.claimdesk.claims.service;

import dev.claimdesk.claims.Claim;
import dev.claimdesk.claims.ReceivedArticle;
import dev.claimdesk.claims.messaging.ClaimExtracted;
import dev.claimdesk.commons.messaging.Exchanges;
import dev.claimdesk.commons.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announces an article revision's claims as they now stand, with their clusters and conflicts, as
 * claim.extracted.v1 through the outbox: after extraction, and again after a reviewer's correction changed them.
 */
@ApplicationScoped
public class Announcements {

    private final Outbox outbox;
    private final Conflicts conflicts;

    Announcements(Outbox outbox, Conflicts conflicts) {
        this.outbox = outbox;
        this.conflicts = conflicts;
    }

    /** A revision's claims as extracted. */
    public void claims(ReceivedArticle article, List<Claim> claims, List<ClaimExtracted.Merge> merges) {
        announce(article, claims, merges, ClaimExtracted.Cause.EXTRACTION, null);
    }

    private void announce(ReceivedArticle article, List<Claim> claims, List<ClaimExtracted.Merge> merges, ClaimExtracted.Cause cause,
                          String correctedBy) {
        Conflicts.Involvement involvement = conflicts.ofClaims(claims.stream().map(c -> c.id).toList());
        UUID eventId = UUID.randomUUID();
        outbox.enqueue(eventId, Exchanges.CLAIMS, Exchanges.CLAIM_EXTRACTED, new ClaimExtracted(eventId,
                Instant.now().truncatedTo(ChronoUnit.MICROS), article.key.articleId(), article.key.revision(), article.outlet,
                article.url, article.publishedAt, article.copyOf, article.language,
                article.extractionStatus,
                claims.stream().map(c -> ClaimExtracted.Item.of(c, involvement.conflicts().getOrDefault(c.id, List.of()),
                        involvement.opponents().getOrDefault(c.id, List.of()))).toList(),
                merges, cause, correctedBy));
    }

    /** Announces again the current claims of each of these articles, after reviewer {@code actor} corrected them. */
    public void corrected(List<UUID> articleIds, List<ClaimExtracted.Merge> merges, String actor) {
        for (UUID articleId : articleIds.stream().distinct().toList()) {
            ReceivedArticle article = ReceivedArticle.<ReceivedArticle>find("from ReceivedArticle a where a.key.articleId = ?1 and "
                    + ReceivedArticle.isLatest("a.key.articleId", "a.key.revision"), articleId).firstResult();
            List<Claim> claims = Claim.list("articleId = ?1 and revision = ?2 order by start, id", articleId, article.key.revision());
            announce(article, claims, merges, ClaimExtracted.Cause.CORRECTION, actor);
        }
    }
}
