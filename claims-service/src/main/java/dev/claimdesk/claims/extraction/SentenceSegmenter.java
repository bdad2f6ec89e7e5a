package dev.claimdesk.claims.extraction;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits news text into sentences: every line is at least its own sentence (headlines and datelines have no
 * full stop), and within a line ICU's English sentence rules, with abbreviations news copy is full of
 * (Gen., Col., Feb., U.S., a.m., initials) kept inside their sentence. Thread-safe: the ICU iterator is made
 * per call.
 */
public final class SentenceSegmenter {

    /** Titles and month or unit abbreviations: a name or a figure always follows, never a new sentence. */
    private static final Set<String> ALWAYS_INSIDE = Set.of("gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl",
            "adm", "cmdr", "brig", "gov", "sen", "rep", "rev", "prof", "dr", "mr", "mrs", "ms", "st", "mt", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs", "approx", "est",
            "fig", "pres", "supt", "insp", "det", "hon", "amb", "lt.-gen", "maj.-gen", "ft");
    /** Abbreviations that may end a sentence: inside only when the next sentence starts in lower case or a digit. */
    private static final Set<String> MAYBE_INSIDE = Set.of("a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "inc", "corp",
            "ltd", "co", "jr", "sr", "etc", "d.c", "u.s.a");
    /** The longest sentence news prints runs to some hundreds of characters; beyond this a span is cut. */
    static final int MAX_SENTENCE = 1_000;
    private static final ULocale ENGLISH = new ULocale("en@ss=standard");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}][\\p{L}.\\-]*)\\.[\"'”’)]*\\s*$");

    public List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(ENGLISH);
        int lineStart = 0;
        boolean inQuotation = false;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            List<int[]> spans = bounded(text, splitLine(iterator, text, lineStart, lineEnd));
            for (int[] span : spans) {
                int s = span[0];
                int e = span[1];
                while (s < e && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                if (s < e) {
                    String sentence = text.substring(s, e);
                    sentences.add(new Sentence(s, e, sentence, inQuotation));
                    inQuotation = quotationOpenAfter(sentence, inQuotation);
                }
            }
            // A paragraph break closes any quotation left open without a closing mark, as news style does
            // only when the next paragraph reopens it; the reopening mark sets it again.
            inQuotation = false;
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    /**
     * Spans longer than {@link #MAX_SENTENCE} cut at the last clause break (";", ",") or space before the limit:
     * text without sentence ends is no sentence a reader checks, and the claim rules must stay linear in it.
     */
    private static List<int[]> bounded(String text, List<int[]> spans) {
        List<int[]> out = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            int s = span[0];
            while (span[1] - s > MAX_SENTENCE) {
                int limit = s + MAX_SENTENCE;
                int cut = Math.max(text.lastIndexOf("; ", limit), text.lastIndexOf(", ", limit));
                if (cut <= s + MAX_SENTENCE / 2) {
                    cut = text.lastIndexOf(' ', limit);
                }
                cut = cut <= s + MAX_SENTENCE / 2 ? limit : cut + 1;
                out.add(new int[]{s, cut});
                s = cut;
            }
            out.add(new int[]{s, span[1]});
        }
        return out;
    }

    private static List<int[]> splitLine(BreakIterator iterator, String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        if (from >= to) {
            return spans;
        }
        String line = text.substring(from, to);
        iterator.setText(line);
        int start = iterator.first();
        int pendingStart = start;
        for (int end = iterator.next(); end != BreakIterator.DONE; end = iterator.next()) {
            if (end < line.length() && staysInside(line, pendingStart, end)) {
                continue;
            }
            spans.add(new int[]{from + pendingStart, from + end});
            pendingStart = end;
        }
        if (pendingStart < line.length()) {
            spans.add(new int[]{from + pendingStart, from + line.length()});
        }
        return spans;
    }

    /** Whether the break at {@code end} only follows an abbreviation and the sentence goes on. */
    static boolean staysInside(String line, int sentenceStart, int end) {
        // the last word before the break is all that matters: look at a short window, not the whole sentence
        Matcher m = LAST_WORD.matcher(line.substring(Math.max(sentenceStart, end - 60), end));
        if (!m.find()) {
            return false;
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        int at = end;
        while (at < line.length() && Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        if (at == line.length()) {
            return false;
        }
        char first = line.charAt(at);
        if (word.length() == 1 && Character.isUpperCase(m.group(1).charAt(0))) {
            // an initial: "John F. Kennedy"
            return Character.isUpperCase(first);
        }
        if (ALWAYS_INSIDE.contains(word)) {
            return true;
        }
        return MAYBE_INSIDE.contains(word) && (Character.isLowerCase(first) || Character.isDigit(first));
    }

    private static boolean quotationOpenAfter(String sentence, boolean open) {
        boolean state = open;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (c == '“') {
                state = true;
            } else if (c == '”') {
                state = false;
            } else if (c == '"') {
                state = !state;
            }
        }
        return state;
    }
}
