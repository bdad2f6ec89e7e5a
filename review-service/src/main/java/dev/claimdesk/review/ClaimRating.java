package dev.claimdesk.review;

import java.util.UUID;

/** The rating of one claim of a cluster whose figure disagrees with the claim the verdict is on. */
public record ClaimRating(UUID claimId, String rating) {
}
