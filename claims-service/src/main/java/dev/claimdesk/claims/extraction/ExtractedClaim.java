package dev.claimdesk.claims.extraction;

import java.util.List;

/**
 * One checkable statement: the sentence it stands in ({@code text}, {@code start}, {@code end} in the clean
 * text), its type, and what the type carries: a quantity, a speaker and attribution, places and an actor.
 * {@code proposition} is what the sentence asserts without its frame ({@link Proposition}), what outlets share.
 * {@code worth} is its check-worthiness with the signals that made it.
 */
public record ExtractedClaim(ClaimType type, String text, int start, int end, Quantity quantity, String speaker,
                             String attribution, List<String> places, String actor, CheckWorthiness worth,
                             String proposition) {

    public double checkworthiness() {
        return worth.value();
    }

    public List<CheckWorthiness.Reason> reasons() {
        return worth.reasons();
    }
}
