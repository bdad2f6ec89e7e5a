package dev.claimdesk.claims.extraction;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a claim counts or describes, as data: a figure's <em>measure</em> (what happened to what is counted:
 * deaths, injuries, people missing, displaced, rescued, arrested, infected) and a movement's <em>action</em>
 * (advance, withdrawal, retaking, capture, bombardment, encirclement, repelling). Both come from word classes — the
 * verbs and head nouns of each, with their synonyms and inflections — never from phrases of any one text. Two
 * claims with different measures or different actions tell different things: a death toll is not an injury toll,
 * a withdrawal from a town is not its retaking, however alike the rest of the words.
 */
public final class Measures {

    /** The words of each measure, with their inflections, in the order they are tried: the first class a word is in names it. */
    private static final Map<String, Pattern> MEASURE_WORDS = new LinkedHashMap<>();

    static {
        MEASURE_WORDS.put("deaths", Pattern.compile("kill(?:ed|ing|s)?|dead|deaths?|die[ds]?|dying|fatalit(?:y|ies)|perish(?:ed|ing)?|"
                + "drown(?:ed|ing)?|slain|lives"));
        MEASURE_WORDS.put("injuries", Pattern.compile("injur(?:ed|y|ies|ing)|wound(?:ed|s|ing)?|hurt|hospitali[sz](?:ed|ing)|maimed"));
        MEASURE_WORDS.put("missing", Pattern.compile("missing|unaccounted|disappeared"));
        MEASURE_WORDS.put("displaced", Pattern.compile("displaced|evacuat(?:ed|ion|ions|ing)|evacuees|fled|fleeing|homeless|refugees?|uprooted"));
        MEASURE_WORDS.put("rescued", Pattern.compile("rescu(?:ed|es|ing)"));
        MEASURE_WORDS.put("arrests", Pattern.compile("arrest(?:ed|s|ing)?|detain(?:ed|ees?|ing)?|detentions?"));
        MEASURE_WORDS.put("infections", Pattern.compile("infect(?:ed|ions?|ing)|cases|sickened"));
    }

    /** Nouns that count people without saying who: any of them meets a more particular noun of the same measure. */
    private static final Set<String> ANYONE = Set.of("people", "person", "persons", "individual", "individuals", "others", "victims",
            "residents");

    /** Verb stems of each kind of movement, tried in the order they are told in the sentence. */
    private static final Map<String, Pattern> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("withdraw", Pattern.compile("withdr[ae]w\\w*|pull(?:ed|ing|s)? (?:back|out)|f[ae]ll(?:ing|s)? back|"
                + "retreat\\w*|dr[ae]w(?:ing|s|n)? ?back|pull-?out"));
        ACTIONS.put("repel", Pattern.compile("push(?:ed|es|ing)? (?:\\w+ ){0,2}back|repel\\w*|repuls\\w*|fend(?:ed|ing|s)? off|"
                + "beat(?:en|ing|s)? back|drove (?:\\w+ ){0,2}back|driv(?:en|ing|es) (?:\\w+ ){0,2}back"));
        ACTIONS.put("retake", Pattern.compile("recaptur\\w*|retak\\w*|retook|liberat\\w*|regain\\w*|won back|win(?:ning|s)? back"));
        ACTIONS.put("capture", Pattern.compile("captur\\w*|seiz\\w*|(?:took|taken|take|taking) (?:full )?control|occup(?:y|ied|ies|ying)|"
                + "overr(?:a|u)n\\w*"));
        ACTIONS.put("encircle", Pattern.compile("encircl\\w*|surround\\w*|besieg\\w*|cut off"));
        // "strike" alone is as often a stoppage of work as a blow: only a strike from the air or by missile counts
        ACTIONS.put("bombard", Pattern.compile("shell(?:ed|ing|s)?|bomb(?:ed|ing|s|ard\\w*)|(?:air|missile|drone|rocket) ?strikes?|"
                + "struck|rocket(?:ed|s)?|fired on|pound(?:ed|ing)"));
        ACTIONS.put("advance", Pattern.compile("advanc\\w*|push(?:ed|ing|es)? (?:forward|into|toward|towards|on)|attack\\w*|"
                + "assault\\w*|storm(?:ed|ing)|invad\\w*|march(?:ed|ing)? (?:on|into)|offensive|entered"));
    }

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private Measures() {
    }

    /**
     * The measure of a figure: from its subject (the counted noun and what happened to it: "people killed") and
     * its unit when that names one ("deaths", "arrests"); null when neither says.
     */
    public static String of(String unit, String subject) {
        String words = ((unit == null ? "" : unit) + " " + (subject == null ? "" : subject)).toLowerCase(Locale.ROOT);
        java.util.List<String> all = new java.util.ArrayList<>();
        Matcher m = WORD.matcher(words);
        while (m.find()) {
            all.add(m.group());
        }
        // from the end: what happened to the counted is told last ("wounded soldiers died" counts deaths)
        for (String w : all.reversed()) {
            for (Map.Entry<String, Pattern> measure : MEASURE_WORDS.entrySet()) {
                if (measure.getValue().matcher(w).matches()) {
                    return measure.getKey();
                }
            }
        }
        return null;
    }

    public static String of(Quantity q) {
        return q == null ? null : of(q.unit(), q.subject());
    }

    /** A claim's measure: a figure's, null for other claims. */
    public static String measure(String type, Quantity q) {
        return ClaimType.STATISTIC.name().equals(type) ? of(q) : null;
    }

    /**
     * A claim's action: the movement a military action tells first, null for other claims (in a quote or an event,
     * "attacked", "withdrew from the race" or "struck a deal" are seldom movements of forces).
     */
    public static String action(String type, String text) {
        return ClaimType.MILITARY_ACTION.name().equals(type) && text != null ? action(text) : null;
    }

    /**
     * The movement a sentence tells, by its first verb of movement: "withdraw", "repel", "retake", "capture",
     * "encircle", "bombard" or "advance"; null when it tells none.
     */
    public static String action(String text) {
        Set<String> all = actions(text);
        return all.isEmpty() ? null : all.iterator().next();
    }

    /** Every movement a sentence tells, in the order it tells them: "regained the town after the rebels withdrew". */
    public static Set<String> actions(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        java.util.TreeMap<Integer, String> at = new java.util.TreeMap<>();
        for (Map.Entry<String, Pattern> action : ACTIONS.entrySet()) {
            Matcher m = action.getValue().matcher(s);
            while (m.find()) {
                // whole words only: "strike" in "strikers" or "case" in "showcase" is no movement
                boolean starts = m.start() == 0 || !Character.isLetter(s.charAt(m.start() - 1));
                boolean ends = m.end() == s.length() || !Character.isLetter(s.charAt(m.end()));
                if (starts && ends) {
                    at.putIfAbsent(m.start(), action.getKey());
                    break;
                }
            }
        }
        return new java.util.LinkedHashSet<>(at.values());
    }

    /**
     * Whether two counted nouns can be one count: the same noun, or either unnamed or naming anyone ("people").
     * Stems are compared, so "worker" meets "workers".
     */
    static boolean sameCounted(String a, String b) {
        return a == null || b == null || a.equals(b) || ANYONE.contains(a) || ANYONE.contains(b)
                || ANYONE.contains(a + "s") || ANYONE.contains(b + "s");
    }
}
