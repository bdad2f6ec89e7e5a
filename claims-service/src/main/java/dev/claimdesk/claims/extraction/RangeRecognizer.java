package dev.claimdesk.claims.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds bounded figures: a figure with a comparator before it ("more than 30", "at least 1,370", "up to
 * 700", "below 170", "equal to 20"), after it ("500 or more"), between two figures ("between 20 and 30",
 * "from 1,000 to 1,500", "1000-5000"), or two bounds joined ("above 100 and below 300").
 */
public final class RangeRecognizer {

    enum Side { LOWER, UPPER, EQUAL }

    private record Comparator(Pattern pattern, Side side, boolean inclusive) {
    }

    private static Comparator before(String words, String symbols, Side side, boolean inclusive) {
        return new Comparator(Pattern.compile("(?:(?:^|[^\\p{L}])(?:" + words + ")" + (symbols == null ? "" : "|" + symbols)
                + ")\\s*(?:the\\s+)?$"), side, inclusive);
    }

    /** Longest first: "greater than or equal to" before "greater than". */
    private static final List<Comparator> PREFIXES = List.of(
            before("(?:bigger|greater|higher|larger|more) or equal (?:than|to)|(?:greater|more|larger|higher|bigger) than or equal to|equal to or (?:more|greater|higher|larger) than|at least or equal to|no less than|not less than|no fewer than|at least",
                    "(?<![<=])>\\s*=|≥", Side.LOWER, true),
            before("(?:smaller|less|lower|fewer) or equal (?:than|to)|(?:less|fewer|smaller|lower) than or equal to|equal to or (?:less|fewer|smaller|lower) than|at most or equal to|no more than|not more than|no greater than|at most|up to",
                    "(?<![=])<\\s*=|≤", Side.UPPER, true),
            before("more than|greater than|larger than|bigger than|higher than|over|above|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?",
                    "(?<![<=])>", Side.LOWER, false),
            before("less than|fewer than|smaller than|lower than|below|under", "(?<![=])<(?![>=])", Side.UPPER, false),
            before("(?:is )?equal to|equals|equaling to|equalling to|equal", null, Side.EQUAL, true));

    private static final Pattern OR_MORE = Pattern.compile("^\\s*(?:or|and)\\s+(?:more|greater|higher|above|over|larger|bigger)(?:\\s+than)?\\b(?!\\s+(?:or|and|than)\\b)");
    private static final Pattern OR_LESS = Pattern.compile("^\\s*(?:or|and)\\s+(?:less|fewer|lower|below|under|smaller)(?:\\s+than)?\\b(?!\\s+(?:or|and|than)\\b)");
    private static final Pattern OR_EQUAL = Pattern.compile("^\\s*or\\s+equal(?:\\s+to)?(?:\\s+it)?\\b");
    private static final Pattern BETWEEN = Pattern.compile("(?:^|[^\\p{L}])(between|from)\\s+(?:the\\s+)?$");
    private static final Pattern BETWEEN_JOIN = Pattern.compile("^\\s*(?:and|to)\\s+(?:the\\s+)?$");
    private static final Pattern SPAN_JOIN = Pattern.compile("^\\s*(?:through|thru|to|[-–—~])\\s*$");
    private static final Pattern BOUND_JOIN = Pattern.compile("^\\s*(?:,|and|but|,\\s*and|,\\s*but)\\s*$");

    private final NumberRecognizer numbers = new NumberRecognizer(true, false);

    private record Bound(int start, int end, double value, Side side, boolean inclusive) {
    }

    public List<RangeMatch> find(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<NumberMatch> figures = numbers.find(text);
        List<RangeMatch> out = new ArrayList<>();
        List<Bound> bounds = new ArrayList<>();
        boolean[] used = new boolean[figures.size()];
        for (int i = 0; i + 1 < figures.size(); i++) {
            NumberMatch a = figures.get(i);
            NumberMatch b = figures.get(i + 1);
            String gap = lower.substring(a.end(), b.start());
            int windowStart = Math.max(0, a.start() - 30);
            Matcher between = BETWEEN.matcher(lower.substring(windowStart, a.start()));
            boolean betweenForm = between.find() && BETWEEN_JOIN.matcher(gap).matches();
            boolean spanForm = !betweenForm && SPAN_JOIN.matcher(gap).matches() && a.value() < b.value()
                    && !precededBy(text, a.start(), "-+/") && !followedBy(text, b.end(), "-/")
                    && a.kind() != NumberMatch.Kind.ORDINAL && b.kind() != NumberMatch.Kind.ORDINAL;
            if (betweenForm || spanForm) {
                int start = betweenForm ? windowStart + between.start(1) : a.start();
                out.add(new RangeMatch(start, b.end(), text.substring(start, b.end()), a.value(), true, b.value(), false));
                used[i] = true;
                used[i + 1] = true;
                i++;
            }
        }
        for (int i = 0; i < figures.size(); i++) {
            if (used[i]) {
                continue;
            }
            Bound bound = bound(lower, figures.get(i), i == 0 ? 0 : figures.get(i - 1).end(),
                    i + 1 < figures.size() ? figures.get(i + 1).start() : -1);
            if (bound != null) {
                bounds.add(bound);
            }
        }
        for (int i = 0; i < bounds.size(); i++) {
            Bound a = bounds.get(i);
            if (i + 1 < bounds.size()) {
                Bound b = bounds.get(i + 1);
                boolean opposite = (a.side == Side.LOWER && b.side == Side.UPPER) || (a.side == Side.UPPER && b.side == Side.LOWER);
                if (opposite && a.end <= b.start && BOUND_JOIN.matcher(lower.substring(a.end, b.start)).matches()) {
                    Bound low = a.side == Side.LOWER ? a : b;
                    Bound high = a.side == Side.UPPER ? a : b;
                    out.add(new RangeMatch(a.start, b.end, text.substring(a.start, b.end), low.value, low.inclusive, high.value, high.inclusive));
                    i++;
                    continue;
                }
            }
            out.add(switch (a.side) {
                case LOWER -> new RangeMatch(a.start, a.end, text.substring(a.start, a.end), a.value, a.inclusive, null, false);
                case UPPER -> new RangeMatch(a.start, a.end, text.substring(a.start, a.end), null, false, a.value, a.inclusive);
                case EQUAL -> new RangeMatch(a.start, a.end, text.substring(a.start, a.end), a.value, true, a.value, true);
            });
        }
        out.sort(java.util.Comparator.comparingInt(RangeMatch::start));
        return out;
    }

    /** The figure with the comparator before or after it, or null when it stands alone. */
    private static Bound bound(String lower, NumberMatch figure, int notBefore, int nextFigure) {
        String before = lower.substring(Math.max(notBefore, figure.start() - 45), figure.start());
        int beforeOffset = figure.start() - before.length();
        Side side = null;
        boolean inclusive = false;
        int start = figure.start();
        for (Comparator comparator : PREFIXES) {
            Matcher m = comparator.pattern.matcher(before);
            if (m.find()) {
                side = comparator.side;
                inclusive = comparator.inclusive;
                int at = m.start();
                while (at < before.length() && !Character.isLetter(before.charAt(at)) && "<>=≥≤".indexOf(before.charAt(at)) < 0) {
                    at++;
                }
                start = beforeOffset + at;
                break;
            }
        }
        int end = figure.end();
        String after = lower.substring(figure.end(), Math.min(lower.length(), figure.end() + 30));
        Matcher more = OR_MORE.matcher(after);
        Matcher less = OR_LESS.matcher(after);
        Matcher equal = OR_EQUAL.matcher(after);
        if (more.find() && !numberFollows(figure.end() + more.end(), nextFigure, after, more.end())) {
            side = Side.LOWER;
            inclusive = true;
            end = figure.end() + more.end();
        } else if (less.find() && !numberFollows(figure.end() + less.end(), nextFigure, after, less.end())) {
            side = Side.UPPER;
            inclusive = true;
            end = figure.end() + less.end();
        } else if (equal.find() && side != null && side != Side.EQUAL && !numberFollows(figure.end() + equal.end(), nextFigure, after, equal.end())) {
            inclusive = true;
            end = figure.end() + equal.group().replaceAll("\\s+it$", "").length();
        }
        if (side == null) {
            return null;
        }
        return new Bound(start, end, figure.value(), side, inclusive);
    }

    /** Whether the next figure starts right after the comparator's words (at {@code at} in the text). */
    private static boolean numberFollows(int at, int nextFigure, String after, int inAfter) {
        return nextFigure >= 0 && after.length() >= inAfter && (nextFigure <= at + 1
                || after.substring(inAfter, Math.min(after.length(), inAfter + (nextFigure - at))).isBlank());
    }

    private static boolean precededBy(String text, int at, String chars) {
        return at > 0 && chars.indexOf(text.charAt(at - 1)) >= 0;
    }

    private static boolean followedBy(String text, int at, String chars) {
        return at < text.length() && chars.indexOf(text.charAt(at)) >= 0;
    }
}
