package dev.claimdesk.ingest.text;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** A signal that marks a whole line as one kind of non-content; some also mark where the article ends. */
record Rule(String name, RemovedKind kind, boolean endsArticle, Predicate<Line> test) {

    /**
     * A phrase family, written in lower case and matched against the lower-cased line. The regex runs only on
     * lines holding one of {@code triggers} (none: every line), since most lines match no family and a plain
     * substring search costs a fraction of an unanchored alternation.
     */
    static Rule phrases(String name, RemovedKind kind, int maxWords, boolean endsArticle, String regex, String... triggers) {
        Pattern pattern = Pattern.compile(regex);
        return new Rule(name, kind, endsArticle, line -> line.words() <= maxWords && !line.reportsSpeech()
                && containsAny(line.lower(), triggers) && pattern.matcher(line.lower()).find());
    }

    /**
     * "as originally stated", "an earlier version of this story said": what a correction notice says of the article,
     * nobody's speech.
     */
    private static final Pattern AS_FIRST_TOLD = Pattern.compile("\\b(as (first|originally|previously|earlier)|version of this "
            + "(article|story|post|report|piece)) (stated|reported|said)\\b");

    /**
     * A phrase family that speaks of the article itself (a correction notice): like {@link #phrases}, with "as first
     * stated" not counted as reported speech.
     */
    static Rule aboutTheArticle(String name, RemovedKind kind, int maxWords, boolean endsArticle, String regex, String... triggers) {
        Pattern pattern = Pattern.compile(regex);
        return new Rule(name, kind, endsArticle, line -> line.words() <= maxWords
                && (!line.reportsSpeech() || !Line.reportsSpeech(AS_FIRST_TOLD.matcher(line.lower()).replaceAll(" ")))
                && containsAny(line.lower(), triggers) && pattern.matcher(line.lower()).find());
    }

    private static boolean containsAny(String text, String[] triggers) {
        if (triggers.length == 0) {
            return true;
        }
        for (String trigger : triggers) {
            if (text.contains(trigger)) {
                return true;
            }
        }
        return false;
    }

    static Rule shape(String name, RemovedKind kind, boolean endsArticle, Predicate<Line> test) {
        return new Rule(name, kind, endsArticle, test);
    }
}
