package dev.claimdesk.claims.extraction;

/**
 * A bounded figure: "at least 1,370" is [1370, ∞), "between 20 and 30" is [20, 30), "up to 15,000" is
 * (-∞, 15000]. A null bound is open-ended.
 */
public record RangeMatch(int start, int end, String text, Double low, boolean lowInclusive, Double high,
                         boolean highInclusive) {

    /** The interval as the peer suite writes it: "[20,30)", "(,100]". */
    public String interval() {
        return (low == null ? "(" : lowInclusive ? "[" : "(") + (low == null ? "" : format(low)) + ","
                + (high == null ? "" : format(high)) + (high == null ? ")" : highInclusive ? "]" : ")");
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
