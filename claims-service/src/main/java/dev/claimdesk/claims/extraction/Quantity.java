package dev.claimdesk.claims.extraction;

/**
 * The contract's Quantity: the figure's value, its bounds for a range, the qualifier the text gives it, what
 * it counts or measures, and where it stands ({@code start}, {@code end} are offsets of {@code text} in the
 * sentence's source).
 */
public record Quantity(double value, Double low, Double high, Qualifier qualifier, String unit, String subject,
                       String text, int start, int end) {

    public enum Qualifier { EXACT, AT_LEAST, MORE_THAN, UP_TO, ABOUT, NEARLY, LESS_THAN, BETWEEN }
}
