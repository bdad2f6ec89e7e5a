package dev.claimdesk.claims.extraction;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How likely two claims from different articles state the same thing. Two signals, blended: the meaning of
 * the sentences (the cosine of their embeddings, which sees "drastically reduce" and "fall back" as near) and
 * what the claims share on the surface: content words (crudely stemmed, so "activity" meets "activities"),
 * the speaker's surname, a place, the figure. Cosine alone joins any two sentences about one war; the
 * surface alone misses paraphrase. Figures are gated first: they join only figures of the same counted thing.
 */
public final class ClaimSimilarity {

    /** At or above this, two claims state the same thing. */
    public static final double SAME_CLAIM = 0.49;
    private static final double MEANING_WEIGHT = 0.65;

    private static final double OPPOSING_SIDES = 0.15;
    private static final double SAME_MEASURE = 0.1;
    /**
     * What happened at one named place is not what happened at another: 38 evacuated in one town are not 38 rescued
     * in another, one council's vote is not another's.
     */
    private static final double OTHER_PLACES = 0.3;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*|\\d[\\d,.]*");
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to",
            "for", "from", "with", "by", "as", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were",
            "be", "been", "has", "have", "had", "will", "would", "said", "says", "say", "told", "also", "which", "who",
            "their", "they", "them", "there", "than", "into", "about", "after", "before", "over", "more", "some", "not",
            "his", "her", "he", "she", "we", "our", "us", "you", "your", "i", "my", "so", "if", "up", "out", "all",
            "can", "could", "may", "might", "should", "according", "while", "when", "what", "where", "how");

    /**
     * What a claim is compared on; {@code vector} is its sentence's embedding, or null to compare words only.
     * {@code measure} and {@code action}: what a figure counts and what movement a sentence tells ({@link Measures}).
     */
    public record Features(ClaimType type, Set<String> words, String surname, Set<String> places, Double value,
                           String counted, Set<String> sides, float[] vector, String measure, Set<String> actions,
                           Set<String> times, Set<String> happenings, String numeral, Set<String> numerals,
                           Set<String> sources, boolean updateAt, boolean change, boolean denial) {

        /** A sum of money or a percentage. */
        boolean amount() {
            return percentage() || Measures.amount(counted);
        }

        boolean percentage() {
            return "%".equals(counted);
        }

        /**
         * Keys that a claim stating the same thing very likely shares with this one, for finding candidates
         * in a large store without comparing against every claim: content words, places, the speaker's
         * surname and the counted thing.
         */
        public Set<String> blockingKeys() {
            Set<String> keys = new HashSet<>(words);
            places.forEach(p -> keys.add("place:" + p));
            if (surname != null) {
                keys.add("speaker:" + surname);
            }
            if (counted != null) {
                keys.add("counted:" + counted);
            }
            if (measure != null) {
                keys.add("measure:" + measure);
            }
            return keys;
        }
    }

    public static Features features(ClaimType type, String text, String speaker, List<String> places, String actor,
                                    Quantity quantity) {
        return features(type, text, speaker, places, actor, quantity, null);
    }

    public static Features features(ClaimType type, String text, String speaker, List<String> places, String actor,
                                    Quantity quantity, float[] vector) {
        return features(type, text, speaker, places, actor, quantity == null ? null : quantity.value(),
                quantity == null ? null : quantity.unit(), quantity == null ? null : quantity.subject(),
                quantity == null ? null : quantity.text(), vector);
    }

    /** The features of a stored claim, from its figure's value, unit, subject and text (null without a figure). */
    public static Features features(ClaimType type, String text, String speaker, List<String> places, String actor,
                                    Double value, String unit, String subject, String figure, float[] vector) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(Normalizer.normalize(Proposition.withoutDateline(text), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = trimmed(m.group());
            if (w.length() >= 3 && !STOP.contains(w)) {
                words.add(stem(w));
            }
        }
        String surname = null;
        if (speaker != null && !speaker.isBlank()) {
            String[] parts = speaker.strip().split("\\s+");
            String last = parts[parts.length - 1].toLowerCase(Locale.ROOT);
            surname = Character.isUpperCase(parts[parts.length - 1].charAt(0)) ? last : null;
        }
        Set<String> placeSet = new HashSet<>();
        for (String p : places) {
            placeSet.add(p.toLowerCase(Locale.ROOT));
        }
        boolean isFigure = type == ClaimType.STATISTIC;
        boolean forces = FORCES.matcher(text).find();
        Set<String> times = isFigure ? Measures.when(text, figure) : Set.of();
        return new Features(type, words, surname, placeSet, value, Measures.unitKey(unit),
                // whose forces a count of troops is: their own losses, as each side reports them, are two counts
                isFigure && (forces || OWN_FORCES.matcher(text).find()) ? forcesSides(text, subject, figure) : sides(actor), vector, isFigure && value != null ? Measures.of(unit, subject, figure, text) : null,
                type == ClaimType.MILITARY_ACTION || forces ? Measures.actions(text) : Set.of(),
                times,
                type == ClaimType.EVENT ? Measures.happenings(text) : isFigure ? Measures.doneTo(text, figure) : Set.of(),
                isFigure && figure != null ? numeral(figure) : null, isFigure ? numerals(text) : Set.of(),
                isFigure ? sources(text) : Set.of(),
                !times.isEmpty() && figure != null && Measures.told(text, figure, unit) == Measures.Telling.RISEN,
                isFigure && figure != null && Measures.toldAsChange(text, figure, unit),
                !isFigure && DENIAL.matcher(text).find());
    }

    /**
     * A statement that denies what others say happened ("denied that its artillery had fired on", "rejecting reports that
     * it had left the lane", "dismissed claims"): never one claim with the telling of that happening, however alike
     * the words; a reviewer rules on each. Not a denial suffered: "the men were denied bail".
     */
    private static final Pattern DENIAL = Pattern.compile("(?<!\\b(?:was|were|been|be|is|are|being)\\s)\\b(?:"
            + "(?:denied|denies|denying|refuted|refutes|refuting|ruled\\s+out|rules\\s+out|ruling\\s+out)\\b(?!\\s+(?:bail|entry|access))|"
            // "rejected Orvenian claims that", "dismissed reports": a pay offer rejected is a happening, not a denial
            + "(?:rejected|rejects|rejecting|dismissed|dismisses|dismissing|disputed|disputes|disputing)\\s+(?:that\\b|"
            + "(?:[\\p{L}'’-]+\\s+){0,2}(?:claims?|reports?|allegations?|accusations?|suggestions?|charges?)\\b))");

    /**
     * Who took a measurement a sentence tells, by name: "a Northpoll survey", "Monday's Civista poll", "the Halden
     * Institute's estimate". Two pollsters' figures are two measurements, however alike, never one told twice.
     */
    private static final Pattern SOURCE = Pattern.compile("\\b(\\p{Lu}\\p{L}+)(['’]s)?\\s+(?:\\p{Ll}+\\s+)?"
            + "(?:polls?|surveys?|study|studies|census|estimates?|tally|projections?|forecasts?|count)\\b");
    private static final Set<String> NOT_SOURCES = Set.of("the", "a", "an", "this", "that", "its", "their", "his", "her",
            "our", "new", "latest", "last", "first", "official", "national");

    static Set<String> sources(String text) {
        Set<String> found = new HashSet<>();
        Matcher m = SOURCE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC));
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            // a sentence's first word is capitalised whatever it is: a name there only when it owns the measurement
            if (!NOT_SOURCES.contains(name) && !QuantityExtractor.TIME_WORD.matcher(name).matches() && (m.start() > 0 || m.group(2) != null)) {
                found.add(name);
            }
        }
        return found;
    }

    /**
     * Forces named in a sentence of any type: a quote or an event that tells their movement ("its fighters had
     * withdrawn from Tarsk 'to spare the civilians'") is as apart from another movement as a military action is.
     */
    private static final Pattern FORCES = WordList.compile("(?i)\\b(?:troops|forces|soldiers|army|fighters|rebels|militants|"
            + "militia|units|battalions?|brigades?|separatists|insurgents|servicemen|personnel)\\b");

    /** A nationality or a possessor naming whose side acts: "Russian forces", "Ukrainians", "Ukraine’s military". */
    private static final Pattern SIDE = Pattern.compile("\\b(\\p{Lu}\\p{L}+?)(?:ians?|eans?|ese|ish|is|i|ans?|['’]s)\\b");

    /** Forces nouns, or the ministry or army that speaks for them, after which a side's name stands. */
    private static final Pattern FORCES_AFTER = Pattern.compile("^\\s+(?:[\\p{Ll}-]+\\s+)?(?:troops|forces|soldiers|servicemen|army|fighters|"
            + "units|defen[cs]e ministry|military|ministry of defen[cs]e|armed forces|navy|marines)\\b");
    private static final Set<String> NOT_SIDES = Set.of("mond", "tues", "wedn", "thur", "frid", "satu", "sund", "janu",
            "febr", "marc", "apri", "june", "july", "augu", "sept", "octo", "nove", "dece");

    /**
     * Whose forces a count of troops belongs to: a side named just before the forces or the ministry that speaks
     * for them ("Morland's defence ministry said nine of its soldiers", "40 Vessarian soldiers"), not every
     * capitalised word of the sentence.
     */
    static Set<String> forcesSides(String text) {
        Set<String> sides = new HashSet<>();
        Matcher m = SIDE.matcher(text);
        while (m.find()) {
            String side = side(m.group(1));
            if (!NOT_SIDES.contains(side) && FORCES_AFTER.matcher(text.substring(m.end())).lookingAt()) {
                sides.add(side);
            }
        }
        return sides;
    }

    /** Forces or losses a body counts as its own: "its own losses", "seven of its soldiers". */
    private static final Pattern OWN_FORCES = Pattern.compile("\\b(?:its|their)\\s+(?:own\\s+)?(?:losses|casualties|dead|"
            + "soldiers|troops|servicemen|forces|personnel|fighters)\\b");
    /** A body named before its verb of telling: "Taldera said", "Morland put", "Vessaria's defence ministry said". */
    private static final Pattern TELLER = Pattern.compile("\\b(\\p{Lu}\\p{Ll}{3,})(?:['’]s)?\\s+(?:[\\p{Ll}-]+\\s+){0,2}?"
            + "(?:said|says|put|puts|reported|gave|gives|estimated|claimed)\\b");

    /**
     * Whose forces a figure counts: the nation its own words name ("60 Vessarian soldiers", though the sentence says
     * Morland's forces killed them); else the sides named before forces in its sentence, and the body that counts
     * losses as its own ("Taldera said seven of its soldiers had been killed", "Vessaria put its own losses at four").
     */
    static Set<String> forcesSides(String text, String subject, String figure) {
        Set<String> named = sides(subject);
        named.removeAll(NOT_SIDES);
        if (!named.isEmpty()) {
            return named;
        }
        Set<String> sides = forcesSides(text);
        Matcher own = OWN_FORCES.matcher(text);
        if (own.find()) {
            Matcher teller = TELLER.matcher(text.substring(0, own.start()));
            String last = null;
            while (teller.find()) {
                last = side(teller.group(1));
            }
            if (last != null && !NOT_SIDES.contains(last)) {
                int at = figure == null ? -1 : text.indexOf(figure);
                if (at >= 0 && Math.abs(at - own.start()) <= OWN_REACH) {
                    // the figure is the body's own count: the other side's forces in its sentence are what it claims of them
                    return Set.of(last);
                }
                sides.add(last);
            }
        }
        return sides;
    }

    private static final int OWN_REACH = 40;

    /** A side by the first four letters of its nation's name: "Russian" and "Russia’s" are one. */
    private static String side(String nation) {
        String lower = nation.toLowerCase(Locale.ROOT);
        return lower.substring(0, Math.min(4, lower.length()));
    }

    /** The sides an actor names, by the first four letters of the nation: "Russian" and "Russia’s" meet. */
    static Set<String> sides(String actor) {
        Set<String> sides = new HashSet<>();
        if (actor != null) {
            Matcher m = SIDE.matcher(actor);
            while (m.find()) {
                sides.add(side(m.group(1)));
            }
        }
        return sides;
    }

    /**
     * 0..1: the surface score blended with the cosine of the two sentences' embeddings (the surface score stands
     * in for the cosine when either has no vector). A figure compares only with figures of the same counted
     * thing; the other types with each other, as outlets tell one happening as an event, a military action or
     * a quote.
     */
    public static double similarity(Features a, Features b) {
        if (gated(a, b)) {
            return 0;
        }
        double surface = surface(a, b);
        double meaning = a.vector() == null || b.vector() == null ? surface
                : Math.max(0, SentenceEmbedder.cosine(a.vector(), b.vector()));
        return (1 - MEANING_WEIGHT) * surface + MEANING_WEIGHT * meaning;
    }

    /**
     * How alike two articles must be as whole stories ({@link SentenceEmbedder#mean} of their claims, compared by cosine)
     * to be told as one story; below {@link #OTHER_STORY} they tell two.
     */
    private static final double SAME_STORY = 0.65;
    private static final double OTHER_STORY = 0.5;
    private static final double SAME_FIGURE_IN_STORY = 0.1;
    private static final double IN_OTHER_STORY = 0.2;

    /**
     * {@link #similarity} of two claims of two articles whose stories are {@code storyLikeness} alike (NaN: unknown). In
     * one story, one value of one comparable figure is most likely one fact, however differently the sentences around
     * it run (a wire's lead with five facts, a local paper's short sentence with one): it counts more. Claims of two
     * different stories count less, however alike their words: a toll of nine in a landslide and in a border clash.
     */
    public static double inStory(Features a, Features b, double storyLikeness) {
        double score = similarity(a, b);
        if (score == 0 || Double.isNaN(storyLikeness)) {
            return score;
        }
        if (storyLikeness < OTHER_STORY) {
            return Math.max(0, score - IN_OTHER_STORY);
        }
        boolean sameFigure = a.type() == ClaimType.STATISTIC && b.type() == ClaimType.STATISTIC && a.value() != null
                && a.value().equals(b.value());
        return storyLikeness >= SAME_STORY && sameFigure ? Math.min(1, score + SAME_FIGURE_IN_STORY) : score;
    }

    /**
     * The one figure among {@code others} (the claims of one article) that counts what {@code figure} counts: the same
     * named measure, comparable at all and not opposed; empty when there is none, or more than one to choose from.
     */
    public static <T> java.util.Optional<T> counterpartIn(Features figure, List<T> others,
                                                         java.util.function.Function<T, Features> featuresOf) {
        if (figure.type() != ClaimType.STATISTIC || figure.measure() == null || !Measures.names(figure.measure())) {
            return java.util.Optional.empty();
        }
        T found = null;
        for (T candidate : others) {
            Features other = featuresOf.apply(candidate);
            if (other.type() == ClaimType.STATISTIC && other.measure() != null && Measures.same(figure.measure(), other.measure())
                    && !opposed(figure, other) && similarity(figure, other) > 0) {
                if (found != null) {
                    return java.util.Optional.empty();
                }
                found = candidate;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /**
     * Whether two claims tell different things by what they count or describe: figures of two known measures, or
     * two movements of different actions. Such claims never share a cluster, not even through a third claim that
     * resembles both.
     */
    public static boolean opposed(Features a, Features b) {
        if (a.type() == ClaimType.STATISTIC && b.type() == ClaimType.STATISTIC) {
            return a.measure() != null && b.measure() != null && !Measures.same(a.measure(), b.measure()) || updated(a, b)
                    || Measures.CAPACITY.equals(a.measure()) != Measures.CAPACITY.equals(b.measure())
                    || partAndWhole(a, b) || doneOtherwise(a, b) || sidesApart(a, b) || counterpartElsewhere(a, b)
                    || farApart(a, b) || sourcesApart(a, b) || changeAndLevel(a, b);
        }
        return movedOtherwise(a, b) || a.denial() != b.denial();
    }

    /**
     * Two values of one count told for different times ("61,000 homes without power on Monday morning", "48,000 on
     * Monday evening"), or one told as where the count has since gone, at a time it names ("rose to 12 on Wednesday
     * morning"), and one told as it was found: a running figure updated, neither a claim told twice nor a
     * disagreement. The same value at two times is one claim retold.
     */
    private static boolean updated(Features a, Features b) {
        return a.value() != null && b.value() != null && !a.value().equals(b.value())
                && (Measures.atOtherTimes(a.times(), b.times()) || a.updateAt() != b.updateAt());
    }

    /**
     * Values too far apart to be one figure told twice or disputed: more than {@value #FAR} times apart where either
     * sentence leaves what it measures unnamed (then the unit and the words around are all that join them, and a
     * figure three times another is far more often another figure than a disagreement), more than
     * {@value #FAR_NAMED} times for sums and percentages that both name one measure (a sector's cost and the whole
     * economy's). Named counts of people are never too far apart: two sides' tolls of one battle are.
     */
    private static boolean farApart(Features a, Features b) {
        if (a.value() == null || b.value() == null) {
            return false;
        }
        double low = Math.min(Math.abs(a.value()), Math.abs(b.value()));
        double high = Math.max(Math.abs(a.value()), Math.abs(b.value()));
        if (low == 0) {
            return false;
        }
        boolean named = a.measure() != null && b.measure() != null && Measures.names(a.measure()) && Measures.names(b.measure());
        if (named && !a.amount()) {
            // one side's dead as that side counts them and as the enemy claims them: far apart, and the dispute itself
            return false;
        }
        return high / low > (named ? FAR_NAMED : FAR);
    }

    private static final double FAR = 3;
    private static final double FAR_NAMED = 10;

    /**
     * A percentage told as a change and one told as a level, neither naming a measure ("the yes share rose 6 percent",
     * "7 percent undecided"). Where the measure is named, a change may be the measure itself: growth, inflation.
     */
    private static boolean changeAndLevel(Features a, Features b) {
        return a.change() != b.change() && a.measure() == null && b.measure() == null;
    }

    /**
     * Whether two figures may count one thing by their counted nouns: the same noun; or, where at most one clause names
     * a measure, one value told once with a noun and once with none or only "people" ("11 people were rescued", "11
     * survivors"), near values one of which names nothing counted ("about 820 inmates", "820"), or near values of
     * people told once as anyone and once by who they are ("some 410 residents", "around 400 people"). Two different
     * nouns of one value stay two counts ("27 swimmers", "27 surfers"): a reviewer's correction of the noun holds.
     */
    private static boolean countedAlike(Features a, Features b) {
        if (a.counted() != null && a.counted().equals(b.counted())) {
            return true;
        }
        if (a.measure() != null && b.measure() != null || a.amount() || b.amount() || a.value() == null || b.value() == null) {
            return false;
        }
        boolean unnamed = a.counted() == null || b.counted() == null;
        boolean anyone = Measures.anyone(a.counted()) || Measures.anyone(b.counted());
        boolean people = anyone && Measures.personShaped(a.counted()) && Measures.personShaped(b.counted());
        if (a.value().equals(b.value())) {
            return unnamed || people || anyone && a.measure() == null && b.measure() == null;
        }
        // "about 1.2m people" and "1,184,300 patients": people told once by who they are and once as anyone, in a
        // round figure; "137 passengers" and "143 people on board" are two counts
        return near(a.value(), b.value()) && (unnamed && (a.counted() != null || b.counted() != null)
                && a.measure() == null && b.measure() == null || people && (round(a.value()) || round(b.value())));
    }

    /**
     * A figure an estimate or a rounding gives: one significant digit from a hundred up ("400", "3,000"), or two from a
     * thousand up ("1.2m", "44,000"); "210" and "137" are counted.
     */
    private static boolean round(double value) {
        double v = Math.abs(value);
        if (v < 100 || v != Math.rint(v)) {
            return false;
        }
        double digits = Math.floor(Math.log10(v));
        return v % Math.pow(10, v < 1000 ? digits : digits - 1) == 0;
    }

    /** Both name who took the measurement, and no one is named by both. */
    private static boolean sourcesApart(Features a, Features b) {
        return !a.sources().isEmpty() && !b.sources().isEmpty() && a.sources().stream().noneMatch(b.sources()::contains);
    }

    /** Two values a rounding or an estimate could tell alike: "more than 900" and "nearly a thousand". */
    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= 0.15 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** A number standing as one, not the digits of a name ("A320", "COVID-19", "Plant7b12"). */
    private static final Pattern NUMERAL = Pattern.compile("(?<![\\p{L}\\d.,-])\\d[\\d,]*(?:\\.\\d+)?");

    /** The digits a figure is written with, without separators ("1,370" is "1370"), or a small number's in words ("nine" is "9"). */
    private static String numeral(String figure) {
        Matcher m = NUMERAL.matcher(figure);
        if (m.find()) {
            return m.group().replace(",", "");
        }
        Integer small = NumberRecognizer.smallCardinal(figure.strip());
        return small == null ? null : small.toString();
    }

    private static final Pattern NUMBER_WORD = Pattern.compile("\\b\\p{L}+(?:-\\p{L}+)?\\b");

    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");

    /** The numbers a sentence tells as figures: dates ("5 June", "June 5", "2024") are none. */
    private static Set<String> numerals(String text) {
        Set<String> all = new HashSet<>();
        Matcher m = NUMERAL.matcher(text);
        while (m.find()) {
            String n = m.group().replace(",", "");
            if (YEAR.matcher(n).matches() || QuantityExtractor.MONTH_AFTER.matcher(text.substring(m.end())).find()
                    || QuantityExtractor.MONTH.matcher(text.substring(0, m.start())).find()) {
                continue;
            }
            all.add(n);
        }
        Matcher words = NUMBER_WORD.matcher(text);
        while (words.find()) {
            Integer small = NumberRecognizer.smallCardinal(words.group());
            // "one" and "two" are as often no figure at all: "one of them", "the two leaders"
            if (small != null && small > 2) {
                all.add(small.toString());
            }
        }
        return all;
    }

    /**
     * Two different figures, one of which the other's sentence tells too: there its counterpart is that figure, not
     * this one. "88 miles per hour on a road limited to 40" and "104mph where the limit is 40mph" pair 40 with 40
     * and never 40 with 104. (A sentence that itself disputes a figure, "15 died, not 12 as police said", pairs its
     * 12 with another outlet's 12 and leaves the dispute to be read in that sentence.)
     */
    private static boolean counterpartElsewhere(Features a, Features b) {
        return a.numeral() != null && b.numeral() != null && !a.numeral().equals(b.numeral())
                && (toldElsewhere(a.numeral(), b) || toldElsewhere(b.numeral(), a));
    }

    /**
     * Whether a sentence tells {@code numeral} as another figure than its own, to its precision or rounded: "24.1
     * weeks" is told by "more than 24 weeks, against 19 weeks nationally" in its 24, not in its 19.
     */
    private static boolean toldElsewhere(String numeral, Features other) {
        if (other.numerals().contains(numeral)) {
            return true;
        }
        for (String n : other.numerals()) {
            if (!n.equals(other.numeral()) && (rounds(numeral, n) || rounds(n, numeral))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code precise} ("24.1") rounds to the whole number {@code whole} ("24"). */
    private static boolean rounds(String precise, String whole) {
        if (!precise.contains(".") || whole.contains(".")) {
            return false;
        }
        try {
            return Math.round(Double.parseDouble(precise)) == Long.parseLong(whole);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Both name whose forces act or are counted, and no side is shared. */
    private static boolean sidesApart(Features a, Features b) {
        return !a.sides().isEmpty() && !b.sides().isEmpty() && a.sides().stream().noneMatch(b.sides()::contains);
    }

    /** Stores closed and stores opened, a win and taking office: two different happenings. */
    private static boolean doneOtherwise(Features a, Features b) {
        return !a.happenings().isEmpty() && !b.happenings().isEmpty() && a.happenings().stream().noneMatch(b.happenings()::contains);
    }

    /**
     * One is the whole a part is told of ("15 of its 120 branches"), the other not, and they differ: the whole of one
     * report may be another's plain count ("12 of the 52 crew", "52 crew on board"), never a part.
     */
    private static boolean partAndWhole(Features a, Features b) {
        return whole(a) != whole(b) && (a.value() == null || !a.value().equals(b.value()));
    }

    private static boolean whole(Features f) {
        return f.measure() != null && (f.measure().equals("total") || f.measure().endsWith("/total"));
    }

    /** Two movements with nothing in common: each tells its own ("advanced as the others withdrew" meets either). */
    private static boolean movedOtherwise(Features a, Features b) {
        return !a.actions().isEmpty() && !b.actions().isEmpty() && a.actions().stream().noneMatch(b.actions()::contains);
    }

    private static boolean gated(Features a, Features b) {
        if (a.words().isEmpty() || b.words().isEmpty()) {
            return true;
        }
        boolean figures = a.type() == ClaimType.STATISTIC || b.type() == ClaimType.STATISTIC;
        if (figures) {
            if (a.type() != b.type()) {
                return true;
            }
            // a death toll meets a death toll however its noun is told ("killing 14", "12 people died"), never an
            // injury toll; where either measure is unknown, the counted nouns must be one
            // a whole ("40 of its 310 stores") never meets a part or a count of its own
            if (updated(a, b) || partAndWhole(a, b) || doneOtherwise(a, b) || sidesApart(a, b) || counterpartElsewhere(a, b)
                    || farApart(a, b) || sourcesApart(a, b) || changeAndLevel(a, b)
                    || Measures.CAPACITY.equals(a.measure()) != Measures.CAPACITY.equals(b.measure())) {
                return true;
            }
            if (a.measure() != null && b.measure() != null) {
                return !Measures.same(a.measure(), b.measure()) || !Measures.sameCounted(a.counted(), b.counted());
            }
            // an amount whose clause names what it is (a profit, a fee, inflation) never meets one that names nothing:
            // sums and percentages fill economy and budget stories, and the unit alone joins them all
            // unless the two give one value: then the one that names nothing most likely tells the same figure shorter
            if ((a.measure() != null) != (b.measure() != null) && !near(a.value(), b.value())) {
                // nor, for any figure, does a count told with what happened meet a far different one told with nothing: no
                // word says they are one measure (a city's 900,000 people, a strike's nine killed)
                return true;
            }
            if (a.amount() && (a.measure() != null || b.measure() != null || !a.percentage()) && !a.value().equals(b.value())) {
                // two sums of money neither of which says what it is: the currency alone joins every sum of a budget story
                return true;
            }
            return !countedAlike(a, b);
        }
        // a withdrawal and a retaking, an advance and its repelling: different happenings, however alike the words;
        // so are a win and taking office, a shutdown and the tracing of a source, told of the same people
        return movedOtherwise(a, b) || doneOtherwise(a, b) || a.denial() != b.denial();
    }

    /** 0..1 from what two comparable claims share on the surface: words, speaker, places, the figure. */
    private static double surface(Features a, Features b) {
        int common = shared(a.words(), b.words());
        // overlap coefficient (a short wire sentence inside a longer rewrite counts fully), tempered by Jaccard
        // so that two short sentences about one story do not pass for one claim on a few shared words
        double overlap = common / (double) Math.min(a.words().size(), b.words().size());
        double jaccard = common / (double) (a.words().size() + b.words().size() - common);
        double words = 0.6 * overlap + 0.4 * jaccard;
        if (a.type() == ClaimType.STATISTIC) {
            // figures of one thing join whether they agree or not: disagreeing is what a conflict is
            boolean sameValue = a.value() != null && a.value().equals(b.value());
            double elsewhere = disjoint(a.places(), b.places()) ? OTHER_PLACES : 0;
            // one named measure ("food inflation", "people in intensive care") is itself much of what a figure says
            double measured = a.measure() != null && a.measure().equals(b.measure()) && Measures.names(a.measure()) ? SAME_MEASURE : 0;
            return Math.max(0, Math.min(1, 0.6 * words + 0.2 + (sameValue ? 0.15 : 0) + measured - elsewhere));
        }
        double score = 0.75 * words - (a.type() == b.type() ? 0 : 0.05);
        if (a.surname() != null && a.surname().equals(b.surname())) {
            score += 0.25;
        }
        if (!a.places().isEmpty() && a.places().stream().anyMatch(b.places()::contains)) {
            score += 0.1;
        } else if (disjoint(a.places(), b.places())) {
            score -= OTHER_PLACES;
        }
        if (sidesApart(a, b)) {
            // one side's forces pushing back and the other's falling back are two claims, however alike the words
            score -= OPPOSING_SIDES;
        }
        return Math.max(0, Math.min(1, score));
    }

    /** How many elements two sets have in common, counted without copying either: scoring runs for every candidate. */
    private static int shared(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String element : small) {
            if (large.contains(element)) {
                common++;
            }
        }
        return common;
    }

    /** Both name where, and no place is shared; a claim that names none may be told of any. */
    private static boolean disjoint(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(b::contains);
    }

    /** The word without a trailing possessive ("mayor's") or a trailing comma or full stop ("1,370."). */
    private static String trimmed(String word) {
        String w = word;
        if (w.length() > 2 && (w.charAt(w.length() - 1) == 's') && (w.charAt(w.length() - 2) == '\'' || w.charAt(w.length() - 2) == '’')) {
            w = w.substring(0, w.length() - 2);
        }
        if (!w.isEmpty() && (w.charAt(w.length() - 1) == ',' || w.charAt(w.length() - 1) == '.')) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Plural, -ing, -ed and -ly endings off, so inflections of one word meet. */
    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ly")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
