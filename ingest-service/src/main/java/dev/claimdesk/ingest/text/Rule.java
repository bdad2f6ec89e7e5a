package dev.claimdesk.ingest.text;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** A signal that marks a whole line as one kind of non-content; some also mark where the article ends. */
record Rule(String name, RemovedKind kind, boolean endsArticle, Predicate<Line> test) {

    /** A phrase family, written in lower case and matched against the lower-cased line (cheaper than case folding). */
    static Rule phrases(String name, RemovedKind kind, int maxWords, boolean endsArticle, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Rule(name, kind, endsArticle,
                line -> line.words() <= maxWords && !line.reportsSpeech() && pattern.matcher(line.lower()).find());
    }

    static Rule shape(String name, RemovedKind kind, boolean endsArticle, Predicate<Line> test) {
        return new Rule(name, kind, endsArticle, test);
    }
}
