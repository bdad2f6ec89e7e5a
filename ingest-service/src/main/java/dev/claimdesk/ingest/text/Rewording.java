package dev.claimdesk.ingest.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a rewritten copy by its sentences: an aggregator that rewords and reorders a wire story keeps, sentence by
 * sentence, most of the content words, names and figures of the original, while an outlet that reports the same
 * event on its own shares names and figures but seldom a whole sentence's worth of them. Three-word shingles miss
 * the first kind once the wording changes, which is why this looks at stemmed content words per sentence.
 */
public final class Rewording {

    /** Words that say nothing about what a sentence reports, whatever the story. */
    private static final Set<String> FUNCTION_WORDS = Set.of(("a an the of to in on at for by with from and or but nor so "
            + "is are was were be been being am has have had do does did it its this that these those as he she they we i "
            + "you him her them us me his hers their theirs our ours my your not no than then there here which who whom "
            + "whose what when where why how also after before over under into onto about up down out more most less least "
            + "some any all each every one both either neither such very just only still yet already said says say saying "
            + "told tells will would could should may might must can shall while since until if because though although")
            .split(" "));
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*|\\p{N}[\\p{N},.]*\\p{N}|\\p{N}");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’)]?)\\s+(?=[\"“‘(]?[\\p{Lu}\\p{N}])|\\n+");
    private static final String[] SUFFIXES = {"ingly", "edly", "ations", "ation", "ments", "ment", "ings", "ing", "ied",
            "ies", "ed", "es", "s", "ly"};
    /** Sentences shorter than this many content words say too little to match on. */
    private static final int MIN_TERMS = 4;

    /** The content words of each sentence of a text long enough to compare. */
    public record Sentences(List<Set<String>> terms) {

        public static Sentences of(String text) {
            List<Set<String>> sentences = new ArrayList<>();
            for (String sentence : SENTENCE_END.split(text)) {
                Set<String> terms = Rewording.terms(sentence);
                if (terms.size() >= MIN_TERMS) {
                    sentences.add(terms);
                }
            }
            return new Sentences(List.copyOf(sentences));
        }

        public int size() {
            return terms.size();
        }

        /** Every content word of the text, for the index that finds candidate originals. */
        public Set<String> allTerms() {
            Set<String> all = new HashSet<>();
            terms.forEach(all::addAll);
            return all;
        }
    }

    private Rewording() {
    }

    /**
     * The share of {@code text}'s sentences that have a counterpart in {@code earlier}: a sentence of the earlier
     * text whose content words overlap its own by at least {@code sentenceSimilarity} (Jaccard).
     */
    public static double coverage(Sentences text, Sentences earlier, double sentenceSimilarity) {
        if (text.size() == 0 || earlier.size() == 0) {
            return 0;
        }
        int matched = 0;
        for (Set<String> sentence : text.terms()) {
            for (Set<String> candidate : earlier.terms()) {
                if (jaccard(sentence, candidate) >= sentenceSimilarity) {
                    matched++;
                    break;
                }
            }
        }
        return matched / (double) text.size();
    }

    static Set<String> terms(String sentence) {
        Set<String> terms = new HashSet<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (Character.isDigit(word.charAt(0))) {
                terms.add(word.replace(",", ""));
            } else if (!FUNCTION_WORDS.contains(word)) {
                terms.add(stem(word));
            }
        }
        return terms;
    }

    /** A light suffix stripper: enough that "killed" and "killing", "reports" and "reported" meet. */
    static String stem(String word) {
        String w = word.replace("’", "'");
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        for (String suffix : SUFFIXES) {
            if (w.length() - suffix.length() >= 4 && w.endsWith(suffix)) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        int common = 0;
        for (String term : smaller) {
            if (larger.contains(term)) {
                common++;
            }
        }
        return common / (double) (a.size() + b.size() - common);
    }
}
