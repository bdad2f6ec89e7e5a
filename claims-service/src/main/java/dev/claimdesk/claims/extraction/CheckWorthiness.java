package dev.claimdesk.claims.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * How worth checking a claim is (0..1) and why: each signal of its sentence that moved the score, with how far. A
 * reviewer sees "casualties +0.25, named place +0.10" rather than a bare 0.95; a score pulled down says so too
 * ("opinion −0.25").
 */
public record CheckWorthiness(double value, List<Reason> reasons) {

    /** One signal and what it added (or, negative, took away). */
    public record Reason(String signal, double weight) {
    }

    /** The signals a sentence can show, named as a reviewer reads them. */
    public static final String CASUALTIES = "casualties";
    public static final String HARM = "harm to health or safety";
    public static final String PLACE = "named place";
    public static final String SOURCE = "named source";
    public static final String COMPARISON = "comparison";
    public static final String STUDY = "cited study or data";
    public static final String FIRST_HAND = "reporters' own observation";
    public static final String PREDICTION = "prediction";
    public static final String BACKGROUND = "background";
    public static final String OPINION = "opinion";
    public static final String QUESTION = "question";

    /** Adds up a base and the signals' weights, kept within 0..1. */
    static final class Builder {
        private double value;
        private final List<Reason> reasons = new ArrayList<>();

        Builder(double base) {
            value = base;
        }

        Builder add(boolean shown, String signal, double weight) {
            if (shown) {
                value += weight;
                reasons.add(new Reason(signal, weight));
            }
            return this;
        }

        CheckWorthiness build() {
            return new CheckWorthiness(Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000.0, List.copyOf(reasons));
        }
    }
}
