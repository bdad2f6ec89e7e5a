package dev.claimdesk.ingest.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** One line of an article with the signals the cleaning rules read. */
record Line(int index, String text, String lower, int words, boolean endsSentence, boolean reportsSpeech,
            boolean blankBefore, int blankLinesAfter, int offset) {

    private static final String CLOSERS = "\"'”’»)]";
    /** Reported speech is article content whatever vocabulary it shares with promos and appeals. */
    private static final Pattern SPEECH = Pattern.compile("\\b(said|says|told|according to|stated|announced|added)\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.-]*");

    static Line of(int index, String text, boolean blankBefore, int blankLinesAfter, int offset) {
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return new Line(index, trimmed, lower, countWords(trimmed), endsSentence(trimmed), reportsSpeech(lower),
                blankBefore, blankLinesAfter, offset);
    }

    /** Whether lower-cased text reports someone's speech. */
    static boolean reportsSpeech(String lower) {
        return SPEECH.matcher(lower).find();
    }

    static int countWords(String text) {
        var matcher = WORD.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** Whether the line closes with sentence punctuation, looking past closing quotes and brackets. */
    private static boolean endsSentence(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (CLOSERS.indexOf(c) < 0 && !Character.isWhitespace(c)) {
                return ".!?…:;".indexOf(c) >= 0;
            }
        }
        return false;
    }

    /** A line in the shape of a headline: capitalised start, no closing punctuation, a handful of words. */
    boolean titleLike(int minWords, int maxWords) {
        return !endsSentence && words >= minWords && words <= maxWords && Character.isUpperCase(text.codePointAt(0));
    }

    boolean shouting() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 3;
    }
}
