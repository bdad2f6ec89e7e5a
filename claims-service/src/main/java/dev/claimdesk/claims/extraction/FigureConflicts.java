package dev.claimdesk.claims.extraction;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two figures about the same thing can both hold. Each figure stands for the interval its qualifier
 * allows: "at least 40" for [40, ∞), "more than three" for (3, ∞), "about 2,000" for 2,000 ± 10 %, "nearly
 * five" for [4.5, 5], and a round exact figure ("2,000", "12 million") for itself ± 5 %, as news rounds. Two
 * figures conflict only when their intervals are disjoint, so a bound and a figure inside it agree ("at
 * least 1,370" and "1,500").
 */
public final class FigureConflicts {

    public enum Kind { DISJOINT_VALUES, BOUND_VIOLATED }

    public record Conflict(Kind kind, String detail) {
    }

    private static final double ABOUT = 0.10;
    private static final double ROUNDED = 0.05;

    private FigureConflicts() {
    }

    /** A conflict between two figures of the same counted thing, or empty when both can be true. */
    public static Optional<Conflict> between(Quantity a, Quantity b) {
        return between(a, null, b, null);
    }

    /**
     * A conflict between two figures of the same measure, each read in the sentence that tells it (which says what
     * an amount of money or a percentage is of), or empty when both can be true.
     */
    public static Optional<Conflict> between(Quantity a, String aSentence, Quantity b, String bSentence) {
        return a == null || b == null ? Optional.empty() : between(Measured.of(a, aSentence), Measured.of(b, bSentence));
    }

    /**
     * A figure with its measure read once from its sentence, for comparing it with many others; {@code telling} how the
     * sentence tells it (as found, risen to, standing now), {@code published} when its article was (or null).
     */
    public record Measured(Quantity quantity, String measure, Measures.Telling telling, Instant published) {

        public static Measured of(Quantity quantity, String sentence) {
            return of(quantity, sentence, null);
        }

        public static Measured of(Quantity quantity, String sentence, Instant published) {
            return new Measured(quantity, Measures.inSentence(quantity, sentence),
                    Measures.told(sentence, quantity.text(), quantity.unit()), published);
        }

        /**
         * Told, later than {@code earlier} was published, as where a running count now stands: an update, not a dispute,
         * whichever way it moved (the missing are found, a toll is revised down).
         */
        boolean updates(Measured earlier) {
            return telling != Measures.Telling.AS_FOUND && published != null && earlier.published() != null
                    && published.isAfter(earlier.published())
                    && (telling == Measures.Telling.STANDING || Interval.of(quantity).lo > Interval.of(earlier.quantity()).hi);
        }
    }

    /** {@link #between(Quantity, String, Quantity, String)} for figures whose measures are read already. */
    public static Optional<Conflict> between(Measured m, Measured n) {
        return between(m, n, false);
    }

    /**
     * As {@link #between(Measured, Measured)}; with {@code copy}, one figure's article is a rewritten copy of the other's,
     * which tells the original's facts, not a later state of them: a figure it changed disagrees, however it is told.
     */
    public static Optional<Conflict> between(Measured m, Measured n, boolean copy) {
        Quantity a = m.quantity();
        Quantity b = n.quantity();
        if (!sameThing(m, n) || !copy && (m.updates(n) || n.updates(m))) {
            return Optional.empty();
        }
        Interval x = Interval.of(a);
        Interval y = Interval.of(b);
        if (x.overlaps(y) && !estimatesApart(a, b) && !maximaApart(a, b)) {
            return Optional.empty();
        }
        boolean bounded = x.bound || y.bound;
        Interval lower = x.hi <= y.lo || !x.overlaps(y) ? (x.hi <= y.lo ? x : y) : x.value <= y.value ? x : y;
        Interval upper = lower == x ? y : x;
        String detail = "“%s” and “%s” cannot both hold: %s".formatted(told(a), told(b),
                bounded ? boundDetail(lower, upper) : "%s is below %s".formatted(number(lower.value), number(upper.value)));
        return Optional.of(new Conflict(bounded ? Kind.BOUND_VIOLATED : Kind.DISJOINT_VALUES, detail));
    }

    /**
     * Two estimates ("about 95", "about 115") whose values differ by more than the tolerance of one "about": each
     * interval alone would take both in, but a reader sees two different numbers.
     */
    private static boolean estimatesApart(Quantity a, Quantity b) {
        return a.qualifier() == Quantity.Qualifier.ABOUT && b.qualifier() == Quantity.Qualifier.ABOUT
                && Math.abs(a.value() - b.value()) > ABOUT * Math.max(Math.abs(a.value()), Math.abs(b.value()));
    }

    /**
     * Two highest values ("up to 2.5 times the limit", "up to four times"): each tells where the top is, so two tops
     * farther apart than rounding allows disagree, though each interval alone takes the other's value in.
     */
    private static boolean maximaApart(Quantity a, Quantity b) {
        return a.qualifier() == Quantity.Qualifier.UP_TO && b.qualifier() == Quantity.Qualifier.UP_TO
                && Math.abs(a.value() - b.value()) > ROUNDED * Math.max(Math.abs(a.value()), Math.abs(b.value()));
    }

    /** The figure as a reader would say it, its qualifier included: "at least 40 people killed". */
    private static String told(Quantity q) {
        String figure = switch (q.qualifier()) {
            case EXACT -> q.text();
            case AT_LEAST -> "at least " + number(q.value());
            case MORE_THAN -> "more than " + number(q.value());
            case UP_TO -> "up to " + number(q.value());
            case LESS_THAN -> "less than " + number(q.value());
            case ABOUT -> "about " + number(q.value());
            case NEARLY -> "nearly " + number(q.value());
            case BETWEEN -> "between " + number(q.low() == null ? q.value() : q.low()) + " and "
                    + number(q.high() == null ? q.value() : q.high());
        };
        return q.subject() == null ? figure : figure + " " + q.subject();
    }

    private static String boundDetail(Interval lower, Interval upper) {
        if (upper.bound && upper.hi == Double.POSITIVE_INFINITY) {
            return "%s is below the lower bound %s".formatted(number(lower.value), number(upper.lo));
        }
        if (lower.bound && lower.lo == Double.NEGATIVE_INFINITY) {
            return "%s is above the upper bound %s".formatted(number(upper.value), number(lower.hi));
        }
        return "%s to %s and %s to %s do not meet".formatted(number(lower.lo), number(lower.hi), number(upper.lo),
                number(upper.hi));
    }

    /**
     * The same measure of counted nouns that can be one count ("killing 14" and "12 people died" are one death
     * toll; a death toll and an injury toll are two); where either measure is unknown, the same unit, and when
     * both subjects say what happened beyond the unit, a word of that in common.
     */
    private static boolean sameThing(Measured m, Measured n) {
        Quantity a = m.quantity();
        Quantity b = n.quantity();
        String x = m.measure();
        String y = n.measure();
        if (x != null && y != null) {
            if (!Measures.same(x, y)) {
                return false;
            }
            // one count, not one within another: "40 people killed" and "12 children killed" can both hold
            String p = counted(a);
            String q = counted(b);
            return p == null || q == null || p.equals(q) || Measures.anyone(p) && Measures.anyone(q);
        }
        if ((x == null) != (y == null) && Measures.amount(a.unit())) {
            // a sum whose sentence says what it is, against one whose sentence does not: nothing to compare
            return false;
        }
        return sameUnit(a, b);
    }

    /** The noun a figure counts; "people" when that noun is the measure itself ("71 arrests" counts arrests of anyone). */
    private static String counted(Quantity q) {
        return Measures.of(q.unit(), null) != null ? "people" : Measures.unitKey(q.unit());
    }

    private static boolean sameUnit(Quantity a, Quantity b) {
        if (a.unit() == null || b.unit() == null || !Measures.unitKey(a.unit()).equals(Measures.unitKey(b.unit()))) {
            return false;
        }
        if (a.subject() == null || b.subject() == null) {
            return true;
        }
        Set<String> unit = words(a.unit());
        Set<String> x = happened(a.subject());
        Set<String> y = happened(b.subject());
        x.removeAll(unit);
        y.removeAll(unit);
        if (x.isEmpty() || y.isEmpty()) {
            return true;
        }
        x.retainAll(y);
        return !x.isEmpty();
    }

    /** The words of a subject that tell what happened to the counted ("homes approved"), not what they are ("new homes"). */
    private static Set<String> happened(String text) {
        return words(text, w -> w.length() >= 4 && (w.endsWith("ed") || w.endsWith("en") || w.endsWith("ing")));
    }

    private static Set<String> words(String text) {
        return words(text, w -> w.length() >= 3);
    }

    /** The stems of the words of {@code text} that {@code kept} lets through. */
    private static Set<String> words(String text, java.util.function.Predicate<String> kept) {
        Set<String> words = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (kept.test(w)) {
                words.add(ClaimSimilarity.stem(w));
            }
        }
        return words;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? "%,d".formatted((long) v) : "%,.2f".formatted(v);
    }

    private record Interval(double value, double lo, boolean loOpen, double hi, boolean hiOpen, boolean bound) {

        static Interval of(Quantity q) {
            double v = q.value();
            return switch (q.qualifier()) {
                case AT_LEAST -> new Interval(v, v, false, Double.POSITIVE_INFINITY, true, true);
                case MORE_THAN -> new Interval(v, v, true, Double.POSITIVE_INFINITY, true, true);
                case UP_TO -> new Interval(v, Double.NEGATIVE_INFINITY, true, v, false, true);
                case LESS_THAN -> new Interval(v, Double.NEGATIVE_INFINITY, true, v, true, true);
                case BETWEEN -> new Interval(v, q.low() == null ? v : q.low(), false, q.high() == null ? v : q.high(), false, true);
                case ABOUT -> new Interval(v, v - Math.abs(v) * ABOUT, false, v + Math.abs(v) * ABOUT, false, false);
                case NEARLY -> new Interval(v, v - Math.abs(v) * ABOUT, false, v, false, false);
                case EXACT -> {
                    double tolerance = round(v) ? Math.abs(v) * ROUNDED : 0;
                    double half = halfStep(q);
                    if (!Double.isNaN(half)) {
                        tolerance = Math.min(Math.abs(v) * ROUNDED, half);
                    }
                    yield new Interval(v, v - tolerance, false, v + tolerance, false, false);
                }
            };
        }

        private static final Pattern WRITTEN = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");

        /**
         * Half the step the figure's digits are written to, in its value's scale: "€412m" is told to the million (half a
         * million either way), "2,400" to the hundred, "14.2 million" to the hundred thousand; NaN for a figure in words.
         * A figure told to the hundred cannot be 200 off, however round it looks.
         */
        private static double halfStep(Quantity q) {
            // a figure a reviewer added stands for its whole sentence: its digits are no figure's
            Matcher m = q.text() == null || q.text().length() > 30 ? null : WRITTEN.matcher(q.text());
            if (m == null || !m.find()) {
                return Double.NaN;
            }
            String digits = m.group().replace(",", "");
            double written = Double.parseDouble(digits);
            if (written == 0) {
                return Double.NaN;
            }
            int dot = digits.indexOf('.');
            int zeros = 0;
            while (dot < 0 && zeros < digits.length() - 1 && digits.charAt(digits.length() - 1 - zeros) == '0') {
                zeros++;
            }
            // one trailing zero is as often a count as a rounding: "180 rescued" and "176 rescued" disagree
            double step = dot >= 0 ? Math.pow(10, -(digits.length() - dot - 1)) : zeros >= 2 ? Math.pow(10, zeros) : 1;
            return step * Math.abs(q.value() / written) / 2;
        }

        /** A figure ending in two or more zeros, or given in millions, is likely rounded. */
        private static boolean round(double v) {
            return v != 0 && v == Math.rint(v) && Math.abs(v) >= 100 && ((long) Math.abs(v)) % 100 == 0;
        }

        boolean overlaps(Interval o) {
            return below(lo, loOpen, o.hi, o.hiOpen) && below(o.lo, o.loOpen, hi, hiOpen);
        }

        /** Whether a lower end {@code l} lies at or before an upper end {@code h}, given which ends are open. */
        private static boolean below(double l, boolean lOpen, double h, boolean hOpen) {
            return l < h || (l == h && !lOpen && !hOpen);
        }
    }
}
