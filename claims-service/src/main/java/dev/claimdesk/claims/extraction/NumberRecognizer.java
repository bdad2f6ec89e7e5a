package dev.claimdesk.claims.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds figures in English text, written in digits ("1,370", "7.9", "10k", "1.3e6", "3/4") or in words
 * ("ten million", "fifty-two", "two thirds", "one and a half", "nine point nought four"), with their values.
 * Plain Java, no state between calls: safe to share.
 */
public final class NumberRecognizer {

    private final boolean ordinals;
    private final boolean unitsAttached;

    /**
     * @param ordinals      also report ordinals ("34th", "fifteenth") as figures
     * @param unitsAttached accept a figure with letters glued to it ("29km", "180ml"); when false such a
     *                      token is not a number at all, as the peer suite wants
     */
    public NumberRecognizer(boolean ordinals, boolean unitsAttached) {
        this.ordinals = ordinals;
        this.unitsAttached = unitsAttached;
    }

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("nought", 0), Map.entry("naught", 0), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    /**
     * The value of a number below a hundred written as one word or two joined by a hyphen ("nine", "Forty-eight"),
     * null for any other word: a cheap reading for comparing sentences, not a recogniser.
     */
    static Integer smallCardinal(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        Integer unit = UNITS.get(w);
        if (unit != null) {
            return unit;
        }
        int dash = w.indexOf('-');
        Integer tens = TENS.get(dash < 0 ? w : w.substring(0, dash));
        if (tens == null || dash < 0) {
            return tens;
        }
        Integer rest = UNITS.get(w.substring(dash + 1));
        return rest == null || rest == 0 || rest > 9 ? null : tens + rest;
    }

    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Double> SCALES = Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9,
            "trillion", 1e12, "lakh", 1e5, "lakhs", 1e5, "crore", 1e7, "crores", 1e7);
    private static final Map<String, Integer> ORDINAL_UNITS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18),
            Map.entry("nineteenth", 19), Map.entry("twentieth", 20), Map.entry("thirtieth", 30),
            Map.entry("fortieth", 40), Map.entry("fiftieth", 50), Map.entry("sixtieth", 60),
            Map.entry("seventieth", 70), Map.entry("eightieth", 80), Map.entry("ninetieth", 90));
    private static final Map<String, Double> ORDINAL_SCALES = Map.of("hundredth", 1e2, "thousandth", 1e3,
            "millionth", 1e6, "billionth", 1e9, "trillionth", 1e12);
    private static final Map<String, Double> SUFFIXES = Map.ofEntries(Map.entry("k", 1e3), Map.entry("K", 1e3),
            Map.entry("M", 1e6), Map.entry("MM", 1e6), Map.entry("mil", 1e6), Map.entry("G", 1e9),
            Map.entry("B", 1e9), Map.entry("b", 1e9), Map.entry("bn", 1e9), Map.entry("bln", 1e9), Map.entry("T", 1e12),
            Map.entry("tln", 1e12), Map.entry("tn", 1e12));
    /** Suffixes that may stand apart from the figure ("2.33 k"); single letters like b stay glued to it. */
    private static final List<String> SPACED_SUFFIXES = List.of("k", "K", "G", "M", "MM", "mil", "bln", "bn", "tln", "tn");

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern DOTTED = Pattern.compile("\\d+(?:\\.\\d+){2,}|\\d+(?:/\\d+){2,}");
    private static final Pattern NUMERAL = Pattern.compile(
            "(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?!\\d)|(?<!\\d,)\\d+,\\d{1,2}(?![\\d,])|\\d+)(?:\\.\\d+)?|\\.\\d+");
    private static final Pattern POWER = Pattern.compile("[eE]([+-]?\\d+)|\\^([+-]*)(\\d+)");
    private static final Pattern SLASH = Pattern.compile("/(\\d+)(?![\\d/])");
    private static final Pattern ORDINAL_SUFFIX = Pattern.compile("(?i)(st|nd|rd|th)(?![\\p{L}\\d])");

    enum Type { NUM, WORD, SYM }

    record Tok(Type type, int start, int end, String lower, double num, NumberMatch.Kind kind) {
    }

    public List<NumberMatch> find(String text) {
        List<Tok> toks = tokenize(text);
        List<NumberMatch> out = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            Phrase phrase = phrase(toks, i, text);
            if (phrase != null) {
                if (phrase.kind != NumberMatch.Kind.ORDINAL || ordinals) {
                    int start = toks.get(i).start;
                    int end = toks.get(phrase.next - 1).end;
                    out.add(new NumberMatch(start, end, text.substring(start, end), phrase.value, phrase.kind));
                }
                i = phrase.next;
            } else {
                i++;
            }
        }
        return out;
    }

    // ---- tokens ----

    List<Tok> tokenize(String text) {
        List<Tok> toks = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u202f') {
                i++;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < n && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '\'')) {
                    j++;
                }
                toks.add(new Tok(Type.WORD, i, j, text.substring(i, j).toLowerCase(Locale.ROOT), 0, null));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))
                    && (i == 0 || !Character.isDigit(text.charAt(i - 1))))) {
                i = numeral(text, i, toks);
            } else {
                toks.add(new Tok(Type.SYM, i, i + 1, String.valueOf(c), 0, null));
                i++;
            }
        }
        return toks;
    }

    /** Reads one numeral at {@code i} (with exponent, slash fraction, multiplier or ordinal suffix). */
    private int numeral(String text, int i, List<Tok> toks) {
        int n = text.length();
        if (isIdentifier(text, i)) {
            // "4f9a3e80", "a3e8": hex ids, hashes and codes, no figures
            int j = i + 1;
            while (j < n && Character.isLetterOrDigit(text.charAt(j))) {
                j++;
            }
            toks.add(new Tok(Type.SYM, i, j, text.substring(i, j), 0, null));
            return j;
        }
        boolean gluedToWord = i > 0 && Character.isLetter(text.charAt(i - 1)) && text.charAt(i - 1) != 'x';
        if (gluedToWord && unitsAttached) {
            // in running text, digits after letters name something ("A320", "COVID19", "Tarnow28b"), never count it;
            // the first character is taken whatever it is, so "No.1" moves on past its point
            int j = i + 1;
            while (j < n && Character.isLetterOrDigit(text.charAt(j))) {
                j++;
            }
            toks.add(new Tok(Type.SYM, i, j, text.substring(i, j), 0, null));
            return j;
        }
        Matcher dotted = DOTTED.matcher(text).region(i, n).useTransparentBounds(true);
        if (dotted.lookingAt()) {
            // An address or a date: each part a number of its own.
            Matcher part = DIGITS.matcher(text).region(i, dotted.end());
            while (part.find()) {
                toks.add(new Tok(Type.NUM, part.start(), part.end(), part.group(), Double.parseDouble(part.group()), NumberMatch.Kind.INTEGER));
            }
            return dotted.end();
        }
        Matcher m = NUMERAL.matcher(text).region(i, n).useTransparentBounds(true);
        if (!m.lookingAt()) {
            toks.add(new Tok(Type.SYM, i, i + 1, text.substring(i, i + 1), 0, null));
            return i + 1;
        }
        String digits = m.group();
        int end = m.end();
        double value;
        NumberMatch.Kind kind;
        if (digits.matches("\\d+,\\d{1,2}")) {
            value = Double.parseDouble(digits.replace(',', '.'));
            kind = NumberMatch.Kind.DECIMAL;
        } else {
            String plain = digits.replaceAll("[, \\u00a0\\u202f]", "");
            value = Double.parseDouble(plain);
            kind = plain.contains(".") ? NumberMatch.Kind.DECIMAL : NumberMatch.Kind.INTEGER;
        }
        Matcher power = POWER.matcher(text).region(end, n);
        Matcher slash = SLASH.matcher(text).region(end, n);
        if (power.lookingAt() && (power.group(1) != null || power.group(3) != null)) {
            double exponent;
            if (power.group(1) != null) {
                exponent = Double.parseDouble(power.group(1));
                value = value * Math.pow(10, exponent);
            } else {
                long minus = power.group(2).chars().filter(ch -> ch == '-').count();
                exponent = Double.parseDouble(power.group(3)) * (minus % 2 == 1 ? -1 : 1);
                value = Math.pow(value, exponent);
            }
            kind = NumberMatch.Kind.POWER;
            end = power.end();
        } else if (slash.lookingAt() && kind == NumberMatch.Kind.INTEGER && Double.parseDouble(slash.group(1)) != 0) {
            value = value / Double.parseDouble(slash.group(1));
            kind = NumberMatch.Kind.FRACTION;
            end = slash.end();
        } else {
            int[] suffix = suffix(text, end);
            if (suffix != null) {
                value = value * SUFFIXES.get(text.substring(suffix[0], suffix[1]));
                kind = NumberMatch.Kind.INTEGER;
                end = suffix[1];
            } else {
                Matcher ordinal = ORDINAL_SUFFIX.matcher(text).region(end, n);
                if (kind == NumberMatch.Kind.INTEGER && ordinal.lookingAt()) {
                    kind = NumberMatch.Kind.ORDINAL;
                    end = ordinal.end();
                } else if (end < n && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '_') && !unitsAttached) {
                    // "29km", "180ml": a measure glued to its unit is not a bare number.
                    int j = end;
                    while (j < n && Character.isLetterOrDigit(text.charAt(j))) {
                        j++;
                    }
                    toks.add(new Tok(Type.SYM, i, j, text.substring(i, j), 0, null));
                    return j;
                }
            }
        }
        if (gluedToWord && kind != NumberMatch.Kind.INTEGER) {
            kind = NumberMatch.Kind.INTEGER;
        }
        boolean codePart = i >= 2 && text.charAt(i - 1) == '-' && Character.isLetterOrDigit(text.charAt(i - 2))
                && end + 1 < n && text.charAt(end) == '-' && Character.isLetterOrDigit(text.charAt(end + 1));
        if (!Double.isFinite(value) || (kind == NumberMatch.Kind.POWER
                && (codePart || (end < n && Character.isLetterOrDigit(text.charAt(end)))))) {
            // "1e999", "3e80c", the "9e52" of "…-9e52-…": no figure a reader could mean
            int j = end;
            while (j < n && Character.isLetterOrDigit(text.charAt(j))) {
                j++;
            }
            toks.add(new Tok(Type.SYM, i, j, text.substring(i, j), 0, null));
            return j;
        }
        toks.add(new Tok(Type.NUM, i, end, text.substring(i, end), value, kind));
        return end;
    }

    /** Digits mixed with letters in one run, letters then digits again ("4f9a", "3e80c", "b52x9"). */
    private static boolean isIdentifier(String text, int i) {
        int n = text.length();
        int j = i;
        while (j < n && Character.isDigit(text.charAt(j))) {
            j++;
        }
        int letters = j;
        while (letters < n && Character.isLetter(text.charAt(letters))) {
            letters++;
        }
        return letters > j && letters < n && Character.isDigit(text.charAt(letters))
                && (j - i > 0) && !text.substring(j, letters).matches("[eE]");
    }

    /** A multiplier right after a figure ("10k", "2.33 k", "1.2b", "10 bln"), as [start, end), or null. */
    private static int[] suffix(String text, int at) {
        int n = text.length();
        int j = at;
        while (j < n && text.charAt(j) == ' ') {
            j++;
        }
        int k = j;
        while (k < n && Character.isLetter(text.charAt(k))) {
            k++;
        }
        if (k == j || (k < n && Character.isDigit(text.charAt(k)))) {
            return null;
        }
        String word = text.substring(j, k);
        if (!SUFFIXES.containsKey(word) || (j > at && !SPACED_SUFFIXES.contains(word))) {
            return null;
        }
        return new int[]{j, k};
    }

    // ---- phrases ----

    private record Phrase(double value, NumberMatch.Kind kind, int next) {
    }

    private record Cardinal(double value, int next, boolean fromWords, int lastTensAt, double beforeLastTens, int lastTens) {
    }

    private Phrase phrase(List<Tok> toks, int i, String text) {
        Tok t = toks.get(i);
        if (t.type == Type.SYM && t.lower.equals("-") && i + 1 < toks.size() && isSignPosition(toks, i, text)) {
            Phrase inner = phrase(toks, i + 1, text);
            if (inner != null && toks.get(i + 1).type == Type.NUM && inner.kind != NumberMatch.Kind.ORDINAL) {
                return new Phrase(-inner.value, inner.kind, inner.next);
            }
            return null;
        }
        if (t.type == Type.WORD && (t.lower.equals("negative") || t.lower.equals("minus")) && i + 1 < toks.size()) {
            Phrase inner = phrase(toks, i + 1, text);
            if (inner != null && inner.kind != NumberMatch.Kind.ORDINAL) {
                return new Phrase(-inner.value, inner.kind, inner.next);
            }
            return null;
        }
        if (t.type == Type.NUM && t.kind == NumberMatch.Kind.INTEGER && i + 1 < toks.size()) {
            Tok next = toks.get(i + 1);
            if (next.type == Type.NUM && next.kind == NumberMatch.Kind.FRACTION && next.num > 0 && next.num < 1
                    && next.start > t.end && text.substring(t.end, next.start).isBlank()) {
                // "2  1/4": a whole number and a proper fraction
                return new Phrase(t.num + Math.copySign(next.num, t.num), NumberMatch.Kind.FRACTION, i + 2);
            }
        }
        if (t.type == Type.NUM && t.kind != NumberMatch.Kind.INTEGER && t.kind != NumberMatch.Kind.DECIMAL) {
            return new Phrase(t.num, t.kind, i + 1);
        }
        if (t.type == Type.WORD && t.lower.equals("half")) {
            if (word(toks, i + 1, "a") && word(toks, i + 2, "dozen")) {
                return new Phrase(6, NumberMatch.Kind.INTEGER, i + 3);
            }
            return new Phrase(0.5, NumberMatch.Kind.FRACTION, i + 1);
        }
        if (t.type == Type.WORD && ordinals) {
            int[] next = {i};
            Double ordinal = ordinalAt(toks, i, next);
            if (ordinal != null && !t.lower.equals("second")) {
                return new Phrase(ordinal, NumberMatch.Kind.ORDINAL, next[0]);
            }
        }
        boolean article = t.type == Type.WORD && (t.lower.equals("a") || t.lower.equals("an"));
        if (article && word(toks, i + 1, "half") && !word(toks, i + 2, "dozen")) {
            return new Phrase(0.5, NumberMatch.Kind.FRACTION, i + 2);
        }
        Cardinal cardinal = article ? articleCardinal(toks, i) : cardinal(toks, i);
        if (cardinal == null) {
            return null;
        }
        int j = cardinal.next;
        // nine point nought four
        if (word(toks, j, "point") && cardinal.fromWords) {
            StringBuilder decimals = new StringBuilder();
            int k = j + 1;
            while (k < toks.size() && toks.get(k).type == Type.WORD) {
                String w = toks.get(k).lower;
                if (UNITS.containsKey(w)) {
                    decimals.append(UNITS.get(w));
                    k++;
                } else if (TENS.containsKey(w)) {
                    int tens = TENS.get(w);
                    int after = k + 1;
                    if (sym(toks, after, "-")) {
                        after++;
                    }
                    if (after < toks.size() && UNITS.containsKey(toks.get(after).lower) && UNITS.get(toks.get(after).lower) < 10
                            && UNITS.get(toks.get(after).lower) > 0) {
                        decimals.append(tens + UNITS.get(toks.get(after).lower));
                        k = after + 1;
                    } else {
                        decimals.append(tens);
                        k++;
                    }
                } else {
                    break;
                }
            }
            if (!decimals.isEmpty()) {
                return new Phrase(cardinal.value + Double.parseDouble("0." + decimals), NumberMatch.Kind.DECIMAL, k);
            }
        }
        // fractions in words: two thirds, one hundred thirty fifths, a twenty-first
        if (cardinal.fromWords) {
            int at = sym(toks, j, "-") ? j + 1 : j;
            int[] next = {at};
            Double denominator = ordinalAt(toks, at, next);
            if (denominator != null) {
                String denominatorWord = toks.get(next[0] - 1).lower;
                boolean plural = denominatorWord.endsWith("s") && !denominatorWord.equals("thirds") || denominatorWord.endsWith("ths")
                        || denominatorWord.endsWith("thirds") || denominatorWord.endsWith("halves") || denominatorWord.endsWith("quarters");
                boolean fractionWord = !toks.get(at).lower.startsWith("first") && !toks.get(at).lower.startsWith("second")
                        || denominator > 20;
                if (fractionWord && (plural || cardinal.value == 1)) {
                    double numerator = cardinal.value;
                    if (cardinal.lastTensAt >= 0 && cardinal.lastTensAt == j - 1 && denominator < 10) {
                        // "one hundred thirty fifths": the tens belong to the denominator, 100/35
                        numerator = cardinal.beforeLastTens;
                        denominator = denominator + cardinal.lastTens;
                    }
                    return new Phrase(numerator / denominator, NumberMatch.Kind.FRACTION, next[0]);
                }
                if (!plural && cardinal.value != 1) {
                    return new Phrase(cardinal.value, kindOf(cardinal.value), j);
                }
            }
        }
        // one and a half, twenty and three fifths
        if (word(toks, j, "and")) {
            Phrase part = simpleFraction(toks, j + 1);
            if (part != null) {
                return new Phrase(cardinal.value + part.value, NumberMatch.Kind.FRACTION, part.next);
            }
        }
        // one over three, 1 in twenty-one, one out of three
        int over = -1;
        if (word(toks, j, "over") || word(toks, j, "in")) {
            over = j + 1;
        } else if (word(toks, j, "out") && word(toks, j + 1, "of")) {
            over = j + 2;
        }
        if (over > 0 && over < toks.size()) {
            Cardinal denominator = cardinal(toks, over);
            boolean year = denominator != null && denominator.value >= 1500 && denominator.value <= 2100 && !denominator.fromWords;
            boolean proper = denominator != null && (!word(toks, j, "in") || (cardinal.value < denominator.value && !year));
            if (denominator != null && denominator.value != 0 && proper && endsClause(toks, denominator.next)) {
                return new Phrase(cardinal.value / denominator.value, NumberMatch.Kind.FRACTION, denominator.next);
            }
        }
        if (!cardinal.fromWords && toks.get(i).type == Type.NUM && cardinal.next == i + 1) {
            return new Phrase(cardinal.value, toks.get(i).kind, cardinal.next);
        }
        return new Phrase(cardinal.value, kindOf(cardinal.value), cardinal.next);
    }

    private static NumberMatch.Kind kindOf(double value) {
        return value == Math.rint(value) ? NumberMatch.Kind.INTEGER : NumberMatch.Kind.DECIMAL;
    }

    /** "a half", "a quarter", "three fifths": a single-word numerator and its denominator. */
    private Phrase simpleFraction(List<Tok> toks, int i) {
        if (i >= toks.size() || toks.get(i).type != Type.WORD) {
            return null;
        }
        String w = toks.get(i).lower;
        double numerator;
        if (w.equals("a") || w.equals("an")) {
            numerator = 1;
        } else if (UNITS.containsKey(w) && UNITS.get(w) >= 1 && UNITS.get(w) <= 9) {
            numerator = UNITS.get(w);
        } else {
            return null;
        }
        if (word(toks, i + 1, "half")) {
            return new Phrase(numerator / 2, NumberMatch.Kind.FRACTION, i + 2);
        }
        int[] next = {i + 1};
        Double denominator = ordinalAt(toks, i + 1, next);
        if (denominator == null || toks.get(i + 1).lower.startsWith("first") || toks.get(i + 1).lower.startsWith("second")) {
            return null;
        }
        return new Phrase(numerator / denominator, NumberMatch.Kind.FRACTION, next[0]);
    }

    /** "a hundred", "a dozen", "a third", "a trillionth": the article stands for one. */
    private Cardinal articleCardinal(List<Tok> toks, int i) {
        if (i + 1 >= toks.size() || toks.get(i + 1).type != Type.WORD) {
            return null;
        }
        String w = toks.get(i + 1).lower;
        if (w.equals("hundred") || SCALES.containsKey(w) || w.startsWith("dozen")) {
            return cardinalFrom(toks, i + 1, 1, true);
        }
        if (w.equals("half")) {
            return null;
        }
        int[] next = {i + 1};
        Double denominator = ordinalAt(toks, i + 1, next);
        if (denominator != null && !w.equals("first") && !w.equals("second")) {
            return new Cardinal(1, i + 1, true, -1, 0, 0);
        }
        return null;
    }

    private Cardinal cardinal(List<Tok> toks, int i) {
        return cardinalFrom(toks, i, 0, false);
    }

    /**
     * A cardinal from token {@code i}: digits alone, digits with scale words ("2 million"), or words
     * ("twenty-one trillion and three hundred"). {@code implicitOne} starts the count at one ("a hundred").
     */
    private Cardinal cardinalFrom(List<Tok> toks, int i, double implicitOne, boolean article) {
        double total = 0;
        double hundreds = 0;
        double small = implicitOne;
        double lastScale = Double.MAX_VALUE;
        boolean any = article;
        boolean words = article;
        int lastTensAt = -1;
        double beforeLastTens = 0;
        int lastTens = 0;
        boolean andBefore = false;
        int j = i;
        boolean negativeNumeral = false;
        while (j < toks.size()) {
            Tok t = toks.get(j);
            if (t.type == Type.NUM) {
                if (any || (t.kind != NumberMatch.Kind.INTEGER && t.kind != NumberMatch.Kind.DECIMAL)) {
                    break;
                }
                // digits continue only into a scale word: "2 million", "322 hundred", "3 dozens"
                if (j + 1 < toks.size() && isScaleWord(toks.get(j + 1).lower) && !t.lower.matches(".*[a-zA-Z].*")) {
                    small = Math.abs(t.num);
                    negativeNumeral = t.num < 0;
                    any = true;
                    j++;
                    continue;
                }
                return j == i ? new Cardinal(t.num, j + 1, false, -1, 0, 0) : null;
            }
            if (t.type == Type.SYM) {
                if (t.lower.equals("-") && any && j + 1 < toks.size() && continuesNumber(toks.get(j + 1).lower, small)) {
                    j++;
                    continue;
                }
                break;
            }
            String w = t.lower;
            if (UNITS.containsKey(w)) {
                int v = UNITS.get(w);
                if (v == 0) {
                    if (any) {
                        break;
                    }
                    return new Cardinal(0, j + 1, true, -1, 0, 0);
                }
                if (small == 0) {
                    small = v;
                } else if (small >= 20 && small % 10 == 0 && v < 10 && small < 100) {
                    small += v;
                } else {
                    break;
                }
                any = true;
                words = true;
            } else if (TENS.containsKey(w)) {
                if (small != 0) {
                    break;
                }
                if (any && !andBefore) {
                    lastTensAt = j;
                    beforeLastTens = total + hundreds;
                    lastTens = TENS.get(w);
                }
                small = TENS.get(w);
                any = true;
                words = true;
            } else if (w.equals("hundred") || w.equals("hundreds")) {
                if (!any || hundreds != 0) {
                    break;
                }
                hundreds = (small == 0 ? 1 : small) * 100;
                small = 0;
                words = true;
                lastTensAt = -1;
            } else if (SCALES.containsKey(w)) {
                if (!any) {
                    break;
                }
                double scale = SCALES.get(w);
                double group = hundreds + small;
                if (group == 0 && total > 0 && scale > lastScale) {
                    total = total * scale;
                } else if (total > 0 && scale > lastScale) {
                    total = (total + group) * scale;
                } else {
                    total += (group == 0 ? 1 : group) * scale;
                }
                lastScale = scale;
                hundreds = 0;
                small = 0;
                words = true;
                lastTensAt = -1;
            } else if (w.equals("dozen") || w.equals("dozens") || w.equals("dz") || w.equals("dzs") || w.equals("doz")
                    || w.equals("dozs")) {
                if (!any) {
                    break;
                }
                small = (small == 0 ? 1 : small) * 12;
                words = true;
                j++;
                break;
            } else if (w.equals("and")) {
                if (!any || j + 1 >= toks.size() || toks.get(j + 1).type != Type.WORD) {
                    break;
                }
                String next = toks.get(j + 1).lower;
                boolean numberWord = UNITS.containsKey(next) || TENS.containsKey(next);
                if (!numberWord || (hundreds == 0 && total == 0)) {
                    break;
                }
                if (simpleFraction(toks, j + 1) != null) {
                    break;
                }
                andBefore = true;
                j++;
                continue;
            } else {
                break;
            }
            andBefore = false;
            j++;
        }
        if (!any || j == i) {
            return null;
        }
        double value = total + hundreds + small;
        if (negativeNumeral) {
            value = -value;
        }
        return new Cardinal(value, j, words, lastTensAt, beforeLastTens, lastTens);
    }

    private static boolean continuesNumber(String next, double small) {
        return (UNITS.containsKey(next) && UNITS.get(next) > 0 && UNITS.get(next) < 10 && small >= 20 && small % 10 == 0)
                || next.equals("hundred") || SCALES.containsKey(next);
    }

    private static boolean isScaleWord(String w) {
        return w.equals("hundred") || SCALES.containsKey(w) || w.startsWith("dozen") || w.equals("dzs") || w.equals("dz")
                || w.equals("dozs") || w.equals("doz");
    }

    /** An ordinal at {@code i} ("fifth", "twenty-first", "thirds", "hundredths"), its value; {@code next[0]} after it. */
    private static Double ordinalAt(List<Tok> toks, int i, int[] next) {
        if (i >= toks.size() || toks.get(i).type != Type.WORD) {
            return null;
        }
        String w = toks.get(i).lower;
        if (TENS.containsKey(w)) {
            int k = i + 1;
            if (sym(toks, k, "-")) {
                k++;
            }
            if (k < toks.size()) {
                Double unit = singleOrdinal(toks.get(k).lower);
                if (unit != null && unit < 10) {
                    next[0] = k + 1;
                    return TENS.get(w) + unit;
                }
            }
            return null;
        }
        if (w.equals("hundred") || SCALES.containsKey(w)) {
            return null;
        }
        Double single = singleOrdinal(w);
        if (single != null) {
            next[0] = i + 1;
        }
        return single;
    }

    private static Double singleOrdinal(String w) {
        String singular = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
        if (singular.equals("quarter")) {
            return 4.0;
        }
        if (singular.equals("halve") || singular.equals("half")) {
            return 2.0;
        }
        if (ORDINAL_UNITS.containsKey(singular)) {
            return ORDINAL_UNITS.get(singular).doubleValue();
        }
        return ORDINAL_SCALES.get(singular);
    }

    private static boolean endsClause(List<Tok> toks, int j) {
        if (j >= toks.size()) {
            return true;
        }
        Tok t = toks.get(j);
        return (t.type == Type.SYM && !t.lower.equals("-")) || t.lower.equals("or") || t.lower.equals("and");
    }

    private static boolean isSignPosition(List<Tok> toks, int i, String text) {
        Tok minus = toks.get(i);
        if (i > 0 && toks.get(i - 1).type == Type.NUM) {
            // "1000 - 5000": a dash between figures joins them, it does not negate the second
            return false;
        }
        int before = minus.start - 1;
        if (before >= 0 && (Character.isLetterOrDigit(text.charAt(before)) || text.charAt(before) == '-')) {
            return false;
        }
        Tok next = toks.get(i + 1);
        return next.type == Type.NUM || (next.type == Type.WORD && next.start == minus.end);
    }

    private static boolean word(List<Tok> toks, int i, String w) {
        return i < toks.size() && toks.get(i).type == Type.WORD && toks.get(i).lower.equals(w);
    }

    private static boolean sym(List<Tok> toks, int i, String s) {
        return i < toks.size() && toks.get(i).type == Type.SYM && toks.get(i).lower.equals(s);
    }
}
