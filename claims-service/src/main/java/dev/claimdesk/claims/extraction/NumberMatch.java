package dev.claimdesk.claims.extraction;

/**
 * A figure found in text: {@code text} is {@code source.substring(start, end)}, {@code value} what it means.
 * {@code ordinal} marks "34th" or "fifteenth", which count as figures only where a caller wants them.
 */
public record NumberMatch(int start, int end, String text, double value, Kind kind) {

    public enum Kind { INTEGER, DECIMAL, FRACTION, POWER, ORDINAL }
}
