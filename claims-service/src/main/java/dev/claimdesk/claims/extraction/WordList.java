package dev.claimdesk.claims.extraction;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Patterns that open on a list of words, {@code \b(?:said|says|told|...)...}, compiled to test the first letter
 * before the list: Java's matcher otherwise tries every word of the list at every word boundary of a sentence, and
 * such lists are most of the engine's time. What the pattern matches is unchanged.
 */
final class WordList {

    private static final String CASE_BLIND = "(?i)";
    private static final String OPENING = "\\b(?:";

    private WordList() {
    }

    /**
     * {@code regex} is {@code [(?i)]\b(?:word|word...)rest}, each alternative opening on a letter or on a group whose
     * alternatives do.
     */
    static Pattern compile(String regex) {
        boolean caseBlind = regex.startsWith(CASE_BLIND);
        String body = caseBlind ? regex.substring(CASE_BLIND.length()) : regex;
        if (!body.startsWith(OPENING)) {
            throw new IllegalArgumentException("not a word list: " + regex);
        }
        Set<Character> first = new TreeSet<>();
        collect(body, OPENING.length(), first);
        StringBuilder letters = new StringBuilder();
        for (char c : first) {
            letters.append(c);
            if (caseBlind && Character.toUpperCase(c) != c) {
                letters.append(Character.toUpperCase(c));
            }
        }
        return Pattern.compile((caseBlind ? CASE_BLIND : "") + "\\b(?=[" + letters + "])" + body.substring(2));
    }

    /** Adds the letters the alternatives of the group opening at {@code from} start with; returns the index past it. */
    private static int collect(String re, int from, Set<Character> first) {
        boolean atStart = true;
        boolean inClass = false;
        int depth = 0;
        for (int i = from; i < re.length(); i++) {
            char c = re.charAt(i);
            if (atStart) {
                atStart = false;
                if (re.startsWith("(?:", i)) {
                    int end = collect(re, i + 3, first);
                    if (end < re.length() && "?*".indexOf(re.charAt(end)) >= 0) {
                        throw new IllegalArgumentException("an alternative opens on an optional group: " + re);
                    }
                    i = end - 1;
                    continue;
                }
                if (!Character.isLetter(c)) {
                    throw new IllegalArgumentException("an alternative opens on '" + c + "', not a letter: " + re);
                }
                first.add(Character.toLowerCase(c));
                first.add(c);
            }
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth-- == 0) {
                    return i + 1;
                }
            } else if (c == '|' && depth == 0) {
                atStart = true;
            }
        }
        throw new IllegalArgumentException("a group left open: " + re);
    }
}
