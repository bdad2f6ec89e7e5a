package dev.claimdesk.claims.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a claim's sentence asserts, without the frame each outlet puts around it: who said it ("Russian defense
 * officials announced Tuesday that", ", Moscow's deputy defense minister said Tuesday"), a leading circumstance
 * ("After nearly five weeks of fighting,", "According to a NATO official,"), a hedge ("It was not clear…, but")
 * and the clauses it trails ("as part of the ongoing peace negotiations", ", as talks drew closer to a
 * cease-fire"). For a quote, the quoted words. Two outlets telling one claim share the proposition far more than
 * the sentence, so this is what clustering embeds. Speech verbs are found in one pass over the words, and each
 * frame is then checked where they stand, so the work stays a few microseconds a sentence.
 */
public final class Proposition {

    /** The one-word speech verbs of {@link ClaimExtractor#SPEECH}. */
    private static final Set<String> SPEECH_VERBS = Stream.of(ClaimExtractor.SPEECH.replaceAll("^\\(\\?:|\\)$", "").split("\\|"))
            .filter(v -> !v.contains(" ")).collect(Collectors.toUnmodifiableSet());
    private static final int SHORTEST_VERB = SPEECH_VERBS.stream().mapToInt(String::length).min().orElseThrow();
    private static final int LONGEST_VERB = SPEECH_VERBS.stream().mapToInt(String::length).max().orElseThrow();
    private static final String WHEN = "(?:\\s+(?:on\\s+|late\\s+|early\\s+|last\\s+|this\\s+)*(?:Monday|Tuesday|Wednesday|"
            + "Thursday|Friday|Saturday|Sunday|today|yesterday|week|weekend|month|night|morning|evening)(?:\\s+(?:morning|evening|night))?)?";
    /**
     * Who said it, before the verb: a few words, one aside allowed ("The company, which employs 4,000 people,"),
     * neither a subordinate clause ("As the battle continued") nor holding one ("Residents who reported damage").
     */
    private static final Pattern SPEAKER = Pattern.compile("(?!(?:As|While|When|If|Because|Although|Though|Since|Unless|Until|"
            + "Once)\\b)(?:(?!\\b(?:who|which|that|and|but)\\b)[^,;:\"“”]){2,90}(?:,(?:[^,\"“”]|(?<=\\d),(?=\\d)){1,80},)?\\s+");
    /** After the verb of a leading frame: "Tuesday that", "reporters on Monday that", "in a video address that". */
    private static final Pattern AFTER_LEADING_VERB = Pattern.compile("(?:(?:\\s+[^\\s,;\"“”]+){0,6}?\\s+that|"
            + "(?:\\s+(?:reporters|journalists|state television|state media|parliament))?" + WHEN + ",?)\\s+");
    /** After the verb of a trailing frame, to the end: "said Tuesday.", "told state television." */
    private static final Pattern AFTER_TRAILING_VERB = Pattern.compile("(?:\\s+[^\\s,;\"“”]+){0,4}[.!]?");
    /** After the verb when an attribution is all there is: "the army spokesman said on Tuesday." */
    private static final Pattern AFTER_ATTRIBUTING_VERB = Pattern.compile("(?:\\s+(?:reporters|journalists))?" + WHEN + "[.!]?");
    /** "After nearly five weeks of fighting,", "On Monday,", "According to the agency,", "As the battle went on,". */
    private static final Pattern LEADING_CIRCUMSTANCE = Pattern.compile("^(?:(?:According to|After|Before|In|On|Over|During|"
            + "Since|Following|Amid|Despite|Separately|Meanwhile|Later|By|With|As|While|When)\\b[^,;\"“”]{0,60}"
            + "(?:,\\s+(?:which|who|where)\\b[^,;\"“”]{0,80})?|Separately|Meanwhile),\\s+"
            + "(?!(?:which|who|whom|whose|where|and|but|or)\\b)");
    /** "It was not clear how far…, but": what stands after the hedge is what the sentence asserts. */
    private static final Pattern LEADING_HEDGE = Pattern.compile("^It (?:was|is|remains|remained) (?:not (?:yet )?(?:clear|known)|"
            + "unclear|uncertain|unknown|to be seen)\\b[^;\"“”]{0,200}?,\\s+but\\s+");
    /** Words that open a subordinate or parenthetical clause after a comma. */
    private static final Pattern CLAUSE_AFTER_COMMA = Pattern.compile("\\s+(?:as|while|which|where|who|whereas|although|though|"
            + "even as|amid|after|before|in a|in an|in what|according to)\\b");
    /** A purpose or a part trailing the main clause, with no comma. */
    private static final Pattern TRAILING_PURPOSE = Pattern.compile("\\s+(?:as part of|to ensure|in order to|so that|so as to)\\b");
    private static final int MIN_WORDS = 4;
    /** A wire report's dateline before its first sentence: "DORRIN, Velmora, Nov 10 (ANA) - ", "OSLO (Reuters) - ". */
    private static final Pattern DATELINE = Pattern.compile("^\\p{Lu}[\\p{Lu} .'’-]+(?:,\\s+[^,()]{2,30}?)*"
            + "(?:,?\\s+\\p{Lu}\\p{L}{2,8}\\.?\\s+\\d{1,2})?\\s+\\([^)]{1,40}\\)\\s*[-–—]+\\s+");

    /** The sentence without a wire dateline, which says where the report was filed and who filed it, not what it claims. */
    public static String withoutDateline(String sentence) {
        Matcher m = DATELINE.matcher(sentence);
        return m.lookingAt() ? sentence.substring(m.end()) : sentence;
    }

    private Proposition() {
    }

    public static String of(String sentence, ClaimType type) {
        String s = withoutDateline(sentence.strip());
        if (type == ClaimType.QUOTE) {
            String quoted = quoted(s);
            // a few quoted words inside a paraphrase ("could take place “simultaneously with initialing”") are
            // not the statement: the paraphrase is
            if (quoted != null && 2 * quoted.length() >= s.length() - 2) {
                return quoted;
            }
        }
        s = withoutCircumstance(cutStart(s, LEADING_HEDGE));
        s = withoutCircumstance(withoutLeadingFrame(s));
        s = withoutTrailingFrame(s);
        return trimEnd(withoutTrailingClause(s));
    }

    /**
     * The sentence without a leading circumstance: "After nearly five weeks of fighting, Russia has decided…". When
     * only an attribution would be left ("On Wednesday a landslide buried 23 houses, according to…"), what stands
     * before the comma was the claim.
     */
    static String withoutCircumstance(String s) {
        String cut = cutStart(s.strip(), LEADING_CIRCUMSTANCE);
        return cut.length() < s.strip().length() && isAttributionOnly(cut) ? s.strip() : cut;
    }

    /** "Officials announced Tuesday that the port will close" → "the port will close". */
    private static String withoutLeadingFrame(String s) {
        for (int[] verb : speechVerbs(s)) {
            if (verb[0] > 180) {
                break;
            }
            Matcher after = AFTER_LEADING_VERB.matcher(s).region(verb[1], s.length());
            if (SPEAKER.matcher(s).region(0, verb[0]).matches() && after.lookingAt() && words(s.substring(after.end())) >= MIN_WORDS) {
                return s.substring(after.end());
            }
        }
        return s;
    }

    /** "The port will close, the harbour authority said on Friday." → "The port will close". */
    private static String withoutTrailingFrame(String s) {
        List<int[]> verbs = speechVerbs(s);
        if (verbs.isEmpty()) {
            return s;
        }
        int[] verb = verbs.getLast();
        int comma = s.lastIndexOf(',', verb[0]);
        if (comma < 0 || verb[0] - comma > 92 || !AFTER_TRAILING_VERB.matcher(s).region(verb[1], s.length()).matches()
                || containsAny(s, comma, verb[0], ";\"“”") || words(s.substring(0, comma)) < MIN_WORDS) {
            return s;
        }
        return s.substring(0, comma);
    }

    /** "…from the valley, as talks continue", "…as part of the deal", "…; the rest": the main clause only. */
    private static String withoutTrailingClause(String s) {
        int cut = s.length();
        for (int i = s.indexOf(','); i >= 0 && i < cut; i = s.indexOf(',', i + 1)) {
            if (CLAUSE_AFTER_COMMA.matcher(s).region(i + 1, s.length()).lookingAt() && words(s.substring(0, i)) >= MIN_WORDS + 2) {
                cut = i;
            }
        }
        Matcher purpose = TRAILING_PURPOSE.matcher(s);
        while (purpose.find() && purpose.start() < cut) {
            if (words(s.substring(0, purpose.start())) >= MIN_WORDS + 2) {
                cut = purpose.start();
                break;
            }
        }
        for (String mark : List.of("; ", " – ", " — ", " - ")) {
            int at = s.indexOf(mark);
            while (at >= 0 && at < cut && words(s.substring(0, at)) < MIN_WORDS + 2) {
                at = s.indexOf(mark, at + 1);
            }
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return s.substring(0, cut);
    }

    /** Nothing but who said it: "according to the governor", "the army spokesman said on Tuesday". */
    private static boolean isAttributionOnly(String s) {
        if (s.regionMatches(true, 0, "according to ", 0, 13)) {
            return !containsAny(s, 0, s.length(), ",;\"“”");
        }
        for (int[] verb : speechVerbs(s)) {
            if (verb[0] <= 90 && !containsAny(s, 0, verb[0], ",;\"“”")
                    && AFTER_ATTRIBUTING_VERB.matcher(s).region(verb[1], s.length()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Where the speech verbs stand, as [start, end], in order: one pass over the letters, no pattern. */
    private static List<int[]> speechVerbs(String s) {
        List<int[]> verbs = new ArrayList<>(2);
        int i = 0;
        while (i < s.length()) {
            if (!Character.isLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length >= SHORTEST_VERB && length <= LONGEST_VERB
                    && SPEECH_VERBS.contains(s.substring(start, i).toLowerCase(Locale.ROOT))) {
                verbs.add(new int[] {start, i});
            }
        }
        return verbs;
    }

    private static boolean containsAny(String s, int from, int to, String chars) {
        for (int i = from; i < to; i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The quoted words of the sentence, three or more of them, joined; null when it quotes none. A straight quote
     * mark opens after a space or at the start and closes elsewhere; text before a first closing mark was opened
     * in an earlier sentence.
     */
    private static String quoted(String s) {
        StringBuilder words = new StringBuilder();
        int open = -1;
        boolean first = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '"' && c != '“' && c != '”') {
                continue;
            }
            boolean opening = c == '“' || c == '"' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == '(');
            if (opening) {
                open = i + 1;
            } else if (open >= 0 || first) {
                add(words, s.substring(Math.max(open, 0), i));
                open = -1;
            }
            first = false;
        }
        if (open >= 0) {
            add(words, s.substring(open));
        }
        return words.isEmpty() ? null : words.toString();
    }

    private static void add(StringBuilder words, String quote) {
        if (words(quote) >= 3) {
            words.append(words.isEmpty() ? "" : " … ").append(trimEnd(quote).strip());
        }
    }

    /** Without the spaces and punctuation that close a clause. */
    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (Character.isWhitespace(s.charAt(end - 1)) || ".,;:!".indexOf(s.charAt(end - 1)) >= 0)) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String cutStart(String s, Pattern pattern) {
        Matcher m = pattern.matcher(s);
        return m.find() && words(s.substring(m.end())) >= MIN_WORDS ? s.substring(m.end()) : s;
    }

    private static int words(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
