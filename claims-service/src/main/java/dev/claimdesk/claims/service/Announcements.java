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

    public void claims(ReceivedArticle article, List<Claim> claims, List<ClaimExtracted.Merge> merges, ClaimExtracted.Cause cause) {
        Map<UUID, List<UUID>> conflictsOf = conflicts.ofClaims(claims.stream().map(c -> c.id).toList());
        UUID eventId = UUID.randomUUID();
        outbox.enqueue(eventId, Exchanges.CLAIMS, Exchanges.CLAIM_EXTRACTED, new ClaimExtracted(eventId,
                Instant.now().truncatedTo(ChronoUnit.MICROS), article.key.articleId(), article.key.revision(), article.outlet,
                article.url, article.publishedAt, article.copyOf, article.language,
                article.extractionStatus,
                claims.stream().map(c -> ClaimExtracted.Item.of(c, conflictsOf.getOrDefault(c.id, List.of()))).toList(),
                merges, cause));
    }

    /** Announces again the current claims of each of these articles, after reviewers corrected them. */
    public void corrected(List<UUID> articleIds, List<ClaimExtracted.Merge> merges) {
        for (UUID articleId : articleIds.stream().distinct().toList()) {
            ReceivedArticle article = ReceivedArticle.<ReceivedArticle>find("from ReceivedArticle a where a.key.articleId = ?1 and "
                    + ReceivedArticle.isLatest("a.key.articleId", "a.key.revision"), articleId).firstResult();
            List<Claim> claims = Claim.list("articleId = ?1 and revision = ?2 order by start, id", articleId, article.key.revision());
            claims(article, claims, merges, ClaimExtracted.Cause.CORRECTION);
        }
    }
}
