package dev.claimdesk.claims.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one sentence as quantities: value and qualifier ("at least", "nearly", "some", "up to",
 * "between"), unit and subject ("1,370 missiles", "$300 billion", "7.9%"). Dates, years, clock times and
 * ordinal words such as "first" are not quantities; "34th day" is.
 */
public final class QuantityExtractor {

    private static final Pattern QUALIFIER_BEFORE = Pattern.compile(
            "(?:^|[^\\p{L}])(at least|no fewer than|no less than|not less than|a minimum of"
                    + "|more than|over|above|in excess of|upwards of|exceeding|greater than|higher than"
                    + "|up to|as many as|as much as|at most|no more than|a maximum of"
                    + "|fewer than|less than|under|below"
                    + "|about|around|roughly|approximately|some|an estimated|estimated|close to|almost|nearly|just under|just over|around about|circa|an approximate)"
                    + "\\s*(?:the\\s+)?[$€£]?\\s*$");
    static final Pattern MONTH = Pattern.compile(
            "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s*$");
    static final Pattern MONTH_AFTER = Pattern.compile(
            "(?i)^\\s*(?:of\\s+)?(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\b");
    private static final Pattern TIME_AFTER = Pattern.compile("(?i)^\\s*(?:a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b|o'clock)|^:\\d\\d");
    private static final Pattern YEAR_BEFORE = Pattern.compile("(?i)(?:\\b(?:in|since|of|by|from|until|till|during|year|early|late|mid|spring|summer|autumn|fall|winter|"
            // "a 2027 budget", "the 2024 election", "its 2030 target": a year naming which one
            + "a|the|its|their|his|her|this|next|last)\\s*-?\\s*|[,(]\\s*)$");
    /** An owner before a year that names which one, not a count of what follows: "the city's 2025 traffic census". */
    private static final Pattern OWNER_BEFORE = Pattern.compile("\\p{L}['’]s\\s+$");
    private static final Pattern OF_WHAT = Pattern.compile("^\\s+(?:of|in)\\s+((?:[\\p{L}'’-]+\\s*){1,4})");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    /**
     * A part told of its whole: "17 of its 45 seats", "two of the town's nine schools", "9 of the fleet's delivery
     * routes". The whole is named by a determiner or an owner, and often its own figure; the words after them name it.
     */
    private static final Pattern PART_OF_WHOLE = Pattern.compile("^\\s+of\\s+(?:(?:its|the|their|his|her|our|these|those)\\s+"
            + "|(?=\\p{Lu}[\\p{L}-]*['’]s\\s))"
            + "(?:[\\p{L}][\\p{L}-]*['’]s?\\s+)?(?:\\d[\\d,.]*\\s+|[\\p{Ll}-]+(?=\\s+\\p{Ll}+s\\b)\\s+)?"
            + "((?:\\p{Ll}[\\p{Ll}-]*\\s+){0,2}\\p{Ll}[\\p{Ll}-]*s)\\b");
    /** A figure that numbers an item rather than counting: "Chapter 11 of the", "Game 7 of the". */
    private static final Pattern NUMBERED = Pattern.compile("(?i)\\b(?:chapter|article|section|game|round|page|part|stage|phase|"
            + "episode|level|clause|rule|item|paragraph|line|platform|gate|terminal)\\s*$");
    private static final Pattern VOTE = WordList.compile("(?i)\\b(?:vot(?:e|es|ed|ing)|ballots?)\\b");
    private static final Pattern TALLY_BETWEEN = Pattern.compile("(?i)\\s+(?:(?:votes?|ballots?)\\s+)?(?:to|against)\\s+");
    private static final Pattern PER_CENT = Pattern.compile("(?i)\\s*(?:per\\s?cent|percent)\\b(?!age)");
    static final Pattern TIME_WORD = Pattern.compile("(?i)(?:january|february|march|april|may|june|july|august|september|"
            + "october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|"
            + "winter|year|years|quarter|month|months|week|weeks|today|yesterday|\\d{4})");
    private static final Set<String> MEASURES = Set.of("percent", "per", "%", "miles", "mile", "km", "kilometers",
            "kilometres", "kilometer", "kilometre", "meters", "metres", "feet", "tons", "tonnes", "kg", "kilograms",
            "days", "day", "weeks", "week", "months", "month", "years", "year", "hours", "hour", "minutes", "times",
            "dollars", "euros", "pounds", "rubles", "roubles", "hryvnias", "barrels", "square");
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "in", "on", "at", "to", "from", "and", "or",
            "but", "that", "which", "who", "with", "by", "for", "as", "than", "since", "into", "across", "over", "under",
            "were", "was", "is", "are", "have", "has", "had", "be", "been", "said", "says", "according", "per", "out",
            // a new clause begins: "140 injured when the storm hit" counts no "when"
            "when", "where", "while", "after", "before", "during", "because", "if", "until", "unless", "although",
            "though", "whereas", "including", "not");
    private static final Set<String> ADJECTIVES = Set.of("foreign", "new", "old", "young", "more", "other", "heavy",
            "light", "armed", "unarmed", "wounded", "dead", "injured", "displaced", "local", "senior", "key", "major",
            "small", "large", "big", "main", "total", "additional", "further");
    private static final Set<String> NOT_FIGURES = Set.of("first", "second", "one", "once", "half");
    /** Past tenses not made with -ed, which after a figure say what the counted did: "11,780 made it", "40 fled". */
    private static final Set<String> IRREGULAR_PAST = Set.of("made", "took", "went", "got", "came", "left", "won", "lost",
            "ran", "fell", "rose", "gave", "kept", "held", "stood", "sat", "slept", "spent", "fled", "fought", "saw", "did");
    private static final Pattern QUOTED_FIGURE_OPENS = Pattern.compile("[\"“](?:\\p{Ll}+\\s+){0,3}$");
    /** "14 taken prisoner", "nine held hostage": the counted are prisoners, whatever the verb. */
    private static final Pattern TAKEN_CAPTIVE = Pattern.compile("(?i)^\\s+(taken|held|captured|seized)\\s+(prisoners?|hostages?|captives?)\\b");

    /** What opens a verb's object: a figure, an article, a bound. */
    private static final String OBJECT = "\\s+(?:\\d|(?:(?:a|an|the)\\s+(?!(?:weekend|day|days|night|week|weeks|month|months|year|"
            + "morning|evening|afternoon|following|previous|same|first|last)\\b)|(?:at least|more than|dozens|hundreds|thousands|"
            + "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\\b))";
    private static final Pattern OBJECT_AFTER = Pattern.compile(OBJECT);
    /** What happened to the counted, told after them: "were killed", "remained missing", or a verb of its own: "died". */
    private static final Pattern HAPPENED_AFTER = Pattern.compile("\\s+(?:(?:were|was|are|is|have been|has been|had been|had|have|has|"
            + "remain|remained|remains|got|lay|lie)\\s+(?:being\\s+)?(?:(?:still|reportedly|also|now|all|later|confirmed)\\s+)?"
            + "(\\p{Ll}{3,}(?:ed|en)|fled|died|slain|missing|dead|unaccounted|homeless|trapped|stranded|hurt)"
            // without an auxiliary only a past tense: "between", "often", "seven" are no happening
            // "a 6.9 quake killed 112 people": a verb with its object tells what the counted did, not what befell them
            + "|(\\p{Ll}{3,}ed(?!" + OBJECT + ")|died|fled|dead|missing|unaccounted|homeless|trapped|stranded|hurt))\\b");
    private static final Pattern HAPPENED_BEFORE = Pattern.compile("\\b(?!(?:estimated|reported|including|totall?ing|numbering|nearing|exceeding|according|during)\\b)"
            // "runners collapsed and 38 were taken": past a conjunction the figure begins a clause of its own
            + "(\\p{Ll}{3,}(?:ed|ing))\\s+(?:(?!(?:and|but|while|or)\\s)\\p{Ll}+\\s+){0,2}$");

    private final NumberRecognizer numbers = new NumberRecognizer(true, true);
    private final RangeRecognizer ranges = new RangeRecognizer();

    public List<Quantity> extract(String sentence) {
        List<Quantity> out = new ArrayList<>();
        List<RangeMatch> bounded = ranges.find(sentence);
        List<NumberMatch> figures = numbers.find(sentence);
        for (int i = 0; i < figures.size(); i++) {
            NumberMatch figure = figures.get(i);
            if (!isQuantity(sentence, figure)) {
                continue;
            }
            RangeMatch range = bounded.stream().filter(r -> r.start() <= figure.start() && r.end() >= figure.end()
                    && r.low() != null && r.high() != null && !r.low().equals(r.high())).findFirst().orElse(null);
            if (range != null && i + 1 < figures.size() && figures.get(i + 1).end() <= range.end()) {
                // a range is one figure, told once its last number (which the unit follows) is read
                continue;
            }
            int start = withCurrency(sentence, figure.start());
            int end = figure.end();
            String prefix = sentence.substring(Math.max(0, start - 40), start);
            Quantity.Qualifier qualifier = Quantity.Qualifier.EXACT;
            Double low = null;
            Double high = null;
            double value = figure.value();
            if (range != null) {
                qualifier = Quantity.Qualifier.BETWEEN;
                low = range.low();
                high = range.high();
                value = low;
                start = withCurrency(sentence, figures.stream().filter(f -> f.start() >= range.start()).findFirst().orElse(figure).start());
            } else {
                Matcher m = QUALIFIER_BEFORE.matcher(prefix.toLowerCase(Locale.ROOT));
                if (m.find()) {
                    qualifier = qualifier(m.group(1));
                }
            }
            if ("$€£".indexOf(sentence.charAt(start)) >= 0 && end < sentence.length() && sentence.charAt(end) == 'm'
                    && (end + 1 == sentence.length() || !Character.isLetterOrDigit(sentence.charAt(end + 1)))) {
                // "£7.5m", "a €12m grant": after a currency sign a glued m is millions; "6-8m waves" stay metres
                value *= 1e6;
                low = low == null ? null : low * 1e6;
                high = high == null ? null : high * 1e6;
                end++;
            } else if (range == null && gluedMillions(sentence, end)) {
                value *= 1e6;
                end++;
            }
            String[] unitAndSubject = unitAndSubject(sentence, figure.end() < end ? figureEndingAt(figure, end) : figure, start);
            if (unitAndSubject[0] == null && !out.isEmpty() && (OF_THEM.matcher(sentence).region(end, sentence.length()).lookingAt()
                    || OF_WHOM_BEFORE.matcher(sentence.substring(0, start)).find())
                    && Measures.inSentence(new Quantity(value, low, high, qualifier, out.getLast().unit(), unitAndSubject[1],
                            sentence.substring(start, end), start, end), sentence) != null) {
                // "14 officers were hurt, two of whom were in hospital": a part told as a measure of its own counts what its
                // whole, the figure before it, counts; a bare part ("three of them") stays a figure of nothing to compare
                unitAndSubject = new String[]{out.getLast().unit(), unitAndSubject[1]};
            }
            if (unitAndSubject[0] == null && !out.isEmpty() && sharesUnit(sentence, out.getLast(), start)) {
                // "130 kilometres per hour on a road limited to 80": the bare figure is in the unit just named
                unitAndSubject = new String[]{out.getLast().unit(), unitAndSubject[1]};
            }
            String text = sentence.substring(start, end);
            out.add(new Quantity(value, low, high, qualifier, unitAndSubject[0], unitAndSubject[1], text, start, end));
        }
        return VOTE.matcher(sentence).find() ? tallies(sentence, out) : out;
    }

    /**
     * A vote told as a tally, "by 29 votes to 22", "voting 31 to 20": the first figure counts the votes for, the
     * second, which names no unit of its own, the votes against.
     */
    private static List<Quantity> tallies(String sentence, List<Quantity> figures) {
        List<Quantity> out = new ArrayList<>(figures);
        for (int i = 0; i < out.size(); i++) {
            Quantity q = out.get(i);
            if ("against".equalsIgnoreCase(q.unit())) {
                // "32 votes in favour and 19 against"
                out.set(i, new Quantity(q.value(), q.low(), q.high(), q.qualifier(), "votes", "votes against", q.text(), q.start(), q.end()));
            }
        }
        for (int i = 0; i + 1 < out.size(); i++) {
            Quantity yes = out.get(i);
            Quantity no = out.get(i + 1);
            if (yes.qualifier() == Quantity.Qualifier.EXACT && no.qualifier() == Quantity.Qualifier.EXACT
                    && TALLY_BETWEEN.matcher(sentence.substring(yes.end(), no.start())).matches()) {
                out.set(i, new Quantity(yes.value(), null, null, yes.qualifier(), "votes", "votes", yes.text(), yes.start(), yes.end()));
                out.set(i + 1, new Quantity(no.value(), null, null, no.qualifier(), "votes", "votes against", no.text(),
                        no.start(), no.end()));
                i++;
            }
        }
        return out;
    }

    /**
     * What stands after a glued m when it counts millions, not metres: a plural noun or a unit of volume or weight
     * ("1.2m packs", "14.2m passengers", "38m cubic metres"). Metres describe one thing ("a 46m wall") or stand alone;
     * waves and swells are measured in metres, however many.
     */
    private static final Pattern MILLIONS_OF = Pattern.compile("\\s+(?!(?:high|tall|long|deep|wide|thick|below|above)\\b)"
            + "(?:\\p{Ll}{3,}\\s+(?=\\p{Ll}{2,}[^s\\W]s\\b))?(?:cubic\\b|people\\b|children\\b|men\\b|women\\b|"
            + "(?!(?:waves|swells|metres|meters|miles|feet|inches|yards)\\b)\\p{Ll}{2,}[^s\\W]s\\b)");

    private static boolean gluedMillions(String sentence, int end) {
        if (end + 1 >= sentence.length() || sentence.charAt(end) != 'm' || Character.isLetterOrDigit(sentence.charAt(end + 1))) {
            return false;
        }
        Matcher after = MILLIONS_OF.matcher(sentence).region(end + 1, sentence.length());
        if (!after.lookingAt()) {
            return false;
        }
        // "the 400m hurdles", "two 50m pools": a whole figure named as one kind of thing is a length; "1.2m packs" and
        // "38m cubic metres" are counts
        int start = end;
        while (start > 0 && (Character.isDigit(sentence.charAt(start - 1)) || sentence.charAt(start - 1) == ',')) {
            start--;
        }
        boolean decimal = start > 0 && sentence.charAt(start - 1) == '.';
        return decimal || after.group().contains("cubic") || !KIND_BEFORE.matcher(sentence.substring(0, start)).find();
    }

    private static final Pattern KIND_BEFORE = Pattern.compile("(?i)\\b(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|its|their)\\s+$");

    private static final Pattern ASIDE = Pattern.compile(",[^,.;]{1,40},");
    private static final Pattern OF_THEM = Pattern.compile("\\s+of\\s+(?:whom|them|which|those)\\b");
    private static final Pattern OF_WHOM_BEFORE = Pattern.compile("\\bof\\s+(?:whom|them|which|those)\\s+$");

    /** Units of length, weight, speed and money, which a bare figure soon after in the same clause is told in too. */
    private static final Pattern CARRIED_UNIT = Pattern.compile("(?i)km|kilomet(?:re|er)s?|metres?|meters?|miles?|feet|"
            + "tonnes?|tons?|kg|kilograms?|usd|eur|gbp|dollars|euros|pounds|[a-z]+s?/h");

    /** What joins a figure to a bare one of the same unit: a limit, a change's other end, a comparison, a list. */
    private static final Pattern CARRIES_UNIT = Pattern.compile("(?i)(?:\\blimit(?:ed)?\\s+(?:to|of|is|was)|\\b(?:to|from|than|and|or)"
            + "|\\bdown|\\bup)\\s*$");

    private static boolean sharesUnit(String sentence, Quantity before, int at) {
        String gap = sentence.substring(before.end(), at);
        return before.unit() != null && CARRIED_UNIT.matcher(before.unit()).matches() && gap.length() <= 60
                && gap.indexOf(';') < 0 && gap.indexOf('.') < 0 && CARRIES_UNIT.matcher(gap).find();
    }

    private static NumberMatch figureEndingAt(NumberMatch figure, int end) {
        return new NumberMatch(figure.start(), end, figure.text(), figure.value(), figure.kind());
    }

    /** Where a figure starts when a currency sign stands before it: "$300" is the figure, not "300". */
    private static int withCurrency(String sentence, int at) {
        return at > 0 && "$€£".indexOf(sentence.charAt(at - 1)) >= 0 ? at - 1 : at;
    }

    private static Quantity.Qualifier qualifier(String phrase) {
        return switch (phrase) {
            case "at least", "no fewer than", "no less than", "not less than", "a minimum of" -> Quantity.Qualifier.AT_LEAST;
            case "more than", "over", "above", "in excess of", "upwards of", "exceeding", "greater than", "higher than",
                 "just over" -> Quantity.Qualifier.MORE_THAN;
            case "up to", "as many as", "as much as", "at most", "no more than", "a maximum of" -> Quantity.Qualifier.UP_TO;
            case "fewer than", "less than", "under", "below" -> Quantity.Qualifier.LESS_THAN;
            case "almost", "nearly", "just under", "close to" -> Quantity.Qualifier.NEARLY;
            default -> Quantity.Qualifier.ABOUT;
        };
    }

    private static boolean isQuantity(String sentence, NumberMatch figure) {
        String text = figure.text().toLowerCase(Locale.ROOT);
        if (NOT_FIGURES.contains(text)) {
            return false;
        }
        if (figure.kind() == NumberMatch.Kind.ORDINAL && !Character.isDigit(text.charAt(0))
                && !followedByWord(sentence, figure.end(), "day", "week", "month", "year", "anniversary", "round", "time")) {
            return false;
        }
        String before = sentence.substring(Math.max(0, figure.start() - 25), figure.start());
        String after = sentence.substring(figure.end(), Math.min(sentence.length(), figure.end() + 25));
        if (MONTH.matcher(before).find() && figure.value() <= 31) {
            return false;
        }
        if (MONTH_AFTER.matcher(after).find() || TIME_AFTER.matcher(after).find() || before.matches("(?s).*\\d:$")) {
            return false;
        }
        if (text.matches("\\d+") && DESIGNATION_BEFORE.matcher(before).find() && !AMOUNT_AFTER.matcher(after).lookingAt()) {
            // "the Corvane 190 had 143 people on board", "its Boeing 737": a name's number, not a figure
            return false;
        }
        if (AGE_OF_SOMEONE.matcher(after).lookingAt()) {
            // "detained a 31-year-old woman": an age describing someone, not a figure the story turns on
            return false;
        }
        if (text.length() > 1 && text.charAt(0) == '0' && Character.isDigit(text.charAt(1))
                || PHONE_GROUP.matcher(before).find() || before.endsWith("+") && after.matches("(?s)^[ -]\\d.*")) {
            // "0161 496 0320", "+44 20 7946 0958": numbers that name a line, not amounts
            return false;
        }
        boolean fourDigits = text.matches("\\d{4}s?");
        if (fourDigits && figure.value() >= 1800 && figure.value() <= 2100
                && (YEAR_BEFORE.matcher(before).find() || !after.matches("(?s)^\\s*[\\p{Ll}].*") || MONTH.matcher(before).find()
                    || OWNER_BEFORE.matcher(before).find() && !after.matches("(?s)^\\s*\\p{Ll}+s\\b.*"))) {
            return false;
        }
        return true;
    }

    /** A determiner and a capitalised word just before a bare number: the number is part of a name ("a Corvane 190"). */
    private static final Pattern DESIGNATION_BEFORE = Pattern.compile("(?:^|\\s)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)"
            + "\\s+\\p{Lu}[\\p{L}-]+\\s$");
    /** What makes a number an amount whatever stands before it: a percentage, a scale. */
    private static final Pattern AMOUNT_AFTER = Pattern.compile("(?i)\\s*(?:%|percent|per cent|percentage|points?\\b|"
            + "million|billion|thousand|trillion|m\\b|bn\\b)");

    /** An age told before the noun it describes: "-year-old man", "-year-old driver from Corrin". */
    private static final Pattern AGE_OF_SOMEONE = Pattern.compile("-year-old\\s+(?!(?:has|had|have|is|was|were|will|would|"
            + "said|says|who|and|or|but)\\b)\\p{Ll}");

    /** A figure within a run of digit groups that starts with 0 or +: a telephone number. */
    private static final Pattern PHONE_GROUP = Pattern.compile("(?:^|[^\\d,.])(?:\\+|0)\\d{1,4}(?:[ -]\\d{2,4}){0,3}[ -]$");

    private static boolean followedByWord(String sentence, int at, String... words) {
        Matcher m = WORD.matcher(sentence).region(at, sentence.length());
        if (!m.find() || !sentence.substring(at, m.start()).isBlank()) {
            return false;
        }
        String w = m.group().toLowerCase(Locale.ROOT);
        for (String candidate : words) {
            if (w.startsWith(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** The unit (a measure, a currency, % or the counted noun) and the subject (the words counted). */
    private static String[] unitAndSubject(String sentence, NumberMatch figure, int start) {
        String unit = null;
        if (start < figure.start()) {
            unit = switch (sentence.charAt(start)) {
                case '$' -> "USD";
                case '€' -> "EUR";
                case '£' -> "GBP";
                default -> null;
            };
        }
        int at = figure.end();
        // "at least 45" of their soldiers: a figure quoted on its own is read on past the closing mark
        if (at < sentence.length() && (sentence.charAt(at) == '"' || sentence.charAt(at) == '”')
                && QUOTED_FIGURE_OPENS.matcher(sentence.substring(Math.max(0, figure.start() - 16), figure.start())).find()) {
            at++;
        }
        Matcher captive = TAKEN_CAPTIVE.matcher(sentence.substring(at));
        if (captive.find()) {
            String counted = captive.group(2).toLowerCase(Locale.ROOT);
            return new String[]{counted.endsWith("s") ? counted : counted + "s", counted + " " + captive.group(1).toLowerCase(Locale.ROOT)};
        }
        if (at < sentence.length() && sentence.charAt(at) == '%') {
            return new String[]{"%", subjectAfter(sentence, at + 1)};
        }
        Matcher perCent = PER_CENT.matcher(sentence).region(at, sentence.length());
        if (perCent.lookingAt()) {
            return new String[]{"%", subjectAfter(sentence, perCent.end())};
        }
        List<String> words = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        Matcher m = WORD.matcher(sentence).region(at, sentence.length());
        int last = at;
        while (m.find() && words.size() < 4) {
            String gap = sentence.substring(last, m.start());
            if (!gap.isBlank() && !gap.strip().equals("-")) {
                break;
            }
            String w = m.group();
            String lower = w.toLowerCase(Locale.ROOT);
            if (STOP.contains(lower) || lower.matches("(?:million|billion|trillion|thousand|hundred)s?")) {
                if (words.isEmpty() && lower.matches("(?:million|billion|trillion|thousand|hundred)s?")) {
                    last = m.end();
                    continue;
                }
                break;
            }
            words.add(w);
            ends.add(m.end());
            last = m.end();
        }
        Matcher whole = words.isEmpty() && unit == null && !NUMBERED.matcher(sentence.substring(0, figure.start())).find()
                ? PART_OF_WHOLE.matcher(sentence.substring(at)) : null;
        if (whole != null && whole.find() && !whole.group(1).endsWith("ss")) {
            // the part counts what its whole counts; what happened to it is still said around the figure
            String[] named = whole.group(1).split("\\s+");
            String counted = named[named.length - 1];
            String happened = happened(sentence, figure.start(), at + whole.end(), whole.group(1));
            return new String[]{counted, happened == null ? whole.group(1) : whole.group(1) + " " + happened};
        }
        if (words.isEmpty()) {
            // "killing 14": the counted left unsaid, what happened to them told before the figure
            return new String[]{unit, unit == null ? happened(sentence, figure.start(), figure.end(), null) : null};
        }
        String first = words.getFirst().toLowerCase(Locale.ROOT);
        if (unit == null && MEASURES.contains(first)) {
            unit = first;
            String rest = String.join(" ", words.subList(1, words.size()));
            return new String[]{unit, rest.isEmpty() ? subjectAfter(sentence, last) : rest};
        }
        int head = 0;
        while (head + 1 < words.size() && (looksLikeModifier(words.get(head)) || nounBeforeItsHead(words.get(head), words.get(head + 1)))) {
            head++;
        }
        List<String> phrase = new ArrayList<>(words.subList(0, head + 1));
        if (unit == null && (words.size() == 1 && (ADJECTIVES.contains(first) || first.length() > 4 && first.endsWith("ed"))
                || IRREGULAR_PAST.contains(first))) {
            // "140 injured": what happened to them is said, who they are is not
            return new String[]{null, words.getFirst()};
        }
        // what happened to them belongs to what is counted: "15,000 Russian soldiers killed", "6 climbers remained
        // missing", "23 workers dead", "killing at least 40 people"
        String happened = happened(sentence, figure.start(), ends.get(head), String.join(" ", phrase));
        if (happened != null) {
            phrase.add(happened);
        } else if (head + 1 < words.size() && words.get(head + 1).toLowerCase(Locale.ROOT).endsWith("ed")
                && !OBJECT_AFTER.matcher(sentence).region(ends.get(head + 1), sentence.length()).lookingAt()) {
            phrase.add(words.get(head + 1));
        }
        return new String[]{unit == null ? words.get(head) : unit, String.join(" ", phrase)};
    }

    /**
     * What happened to the counted, told around the figure: "killing at least 40 people", "12 people were
     * killed", "14 people remained missing". Without it "40 people" and "31 people" could be dead or missing.
     */
    private static String happened(String sentence, int figureStart, int afterNoun, String counted) {
        String after = null;
        if (afterNoun >= 0) {
            Matcher aside = ASIDE.matcher(sentence).region(afterNoun, sentence.length());
            // "Twelve people, two of them children, were killed": what befell them is told past the aside
            Matcher m = HAPPENED_AFTER.matcher(sentence).region(aside.lookingAt() ? aside.end() : afterNoun, sentence.length());
            if (m.lookingAt()) {
                after = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            }
        }
        String before = null;
        Matcher m = HAPPENED_BEFORE.matcher(sentence.substring(Math.max(0, figureStart - 40), figureStart));
        // a verb before the figure says nothing of counted words that name their own measure: "killed 32 and 140 injured"
        if ((counted == null || Measures.of(null, counted) == null) && m.find()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            before = verb.endsWith("ing") ? verb.substring(0, verb.length() - 3) + "ed" : verb;
        }
        // the verb that says what the count measures wins: "killed 14 people, trapped underground" counts deaths
        if (after != null && Measures.of(null, after) == null && before != null && Measures.of(null, before) != null) {
            return before;
        }
        return after != null ? after : before;
    }

    /** A word that qualifies the counted noun rather than being it: "Russian", "civilian", "religious". */
    /**
     * A singular noun before a plural one is its modifier, the plural the head of the compound: "36 league matches"
     * counts matches, "40 emergency shelters" shelters.
     */
    private static boolean nounBeforeItsHead(String word, String next) {
        String w = word.toLowerCase(Locale.ROOT);
        String n = next.toLowerCase(Locale.ROOT);
        return (!w.endsWith("s") || w.endsWith("ss")) && n.length() > 3 && n.endsWith("s") && !n.endsWith("ss") && !STOP.contains(n)
                && Character.isLowerCase(next.charAt(0));
    }

    private static boolean looksLikeModifier(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Character.isUpperCase(word.charAt(0)) || ADJECTIVES.contains(lower)
                || lower.matches(".*(?:ian|ese|ish|ous|ive|ary|ant|ent|al|ic|ed|ing|-old|-long)$");
    }

    /** "of fighting", "in foreign exchange and gold reserves": the words a measure is of. */
    private static String subjectAfter(String sentence, int at) {
        Matcher m = OF_WHAT.matcher(sentence.substring(at));
        if (!m.find()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String w : m.group(1).trim().split("\\s+")) {
            // "4% in March" is a time, not what the percentage is of
            if (STOP.contains(w.toLowerCase(Locale.ROOT)) || TIME_WORD.matcher(w).matches()) {
                break;
            }
            words.add(w);
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }
}
