package dev.claimdesk.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.claimdesk.ingest.text.RemovedKind.APPEAL;
import static dev.claimdesk.ingest.text.RemovedKind.CAPTION;
import static dev.claimdesk.ingest.text.RemovedKind.COMMENT_FORM;
import static dev.claimdesk.ingest.text.RemovedKind.CREDIT;
import static dev.claimdesk.ingest.text.RemovedKind.LEGAL;
import static dev.claimdesk.ingest.text.RemovedKind.NAVIGATION;
import static dev.claimdesk.ingest.text.RemovedKind.PROMO;
import static dev.claimdesk.ingest.text.RemovedKind.RELATED;
import static dev.claimdesk.ingest.text.RemovedKind.STAMP;
import static dev.claimdesk.ingest.text.RemovedKind.TEMPLATE;

/**
 * Takes out of an article's lines what is not article content, by general signals rather than known
 * lines: phrase families (appeals, promos, comment forms, legal notices), shapes (credits, captions,
 * shouted labels, headlines of related stories), position (a trailer after the article's end) and
 * lines an outlet repeats across its articles. Every piece taken out is returned with its kind and rule.
 */
public final class ArticleCleaner {

    private static final Pattern TEMPLATE_MARKUP = Pattern.compile("\\{\\{[^{}]*}}|\\{%.*?%}|<%.*?%>|\\$\\{[^}]*}");
    private static final Pattern AGENCY = Pattern.compile(
            "\\b(getty( images)?|afp|reuters|ap( photo)?|epa(-efe)?|shutterstock|associated press|anadolu( agency)?"
                    + "|unian|tass|xinhua|sipa|alamy|pool|bloomberg|efe|dpa|ansa|zuma( press)?|imago|picture alliance)\\b\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDIT_PREFIX = Pattern.compile(
            "^(photo|photograph|image|picture|credit|illustration|video)s?\\s*(by\\b|:|credit\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITION_MARKER = Pattern.compile(
            "\\((l|r|c|left|right|cent(er|re)|front|back|top|bottom|\\d(st|nd|rd|th) [lr])\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?][\"”’]?\\s+(?=\\p{Lu})");
    private static final Pattern PERSONAL = Pattern.compile("\\b(we|our|us|you|your|yours)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUPPORT_APPEAL = Pattern.compile("^([Ss]upport|[Dd]onate to|[Hh]elp)\\s+\\p{Lu}.*!$");
    private static final Pattern BYLINE_VERB = Pattern.compile("^(written|reported|words) by .*");
    private static final Pattern BYLINE_PREFIX = Pattern.compile("(?i)^(written |reported |words )?by\\s+");
    private static final Pattern BYLINE_STAFF = Pattern.compile("(?i)^(our|the|a|an) (own )?(correspondent|reporter|staff|special|senior|foreign|political|defen[cs]e|health).*");
    private static final Pattern BYLINE_NAMES = Pattern.compile("^[\\p{Lu}][\\p{L}.'’-]+( [\\p{Lu}][\\p{L}.'’-]+){0,3}((,| and| &| in) .*)?$");
    /** A byline and a photo credit on one line: "By Jane Doe | Photo: Ann Roe/Agency". */
    private static final Pattern BAR = Pattern.compile("\\s+\\|\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]$");
    private static final Pattern CREDIT_SEPARATOR = Pattern.compile("\\s*/\\s*");
    private static final Pattern CREDIT_PART = Pattern.compile("^([\\p{Lu}][\\p{L}.'’&-]*\\s*){1,5}$");
    private static final Pattern AGENCY_NAMES = Pattern.compile("^([\\p{Lu}][\\p{L}.'’&-]*\\s*){1,6}$");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Pattern QUOTED = Pattern.compile("[\"“][^\"”]*[\"”]");

    private static final List<Rule> RULES = List.of(
            Rule.phrases("comment-form", COMMENT_FORM, 14, true,
                    "^(leave a (reply|comment)|post (a )?comment|add (a )?comment|write a comment|your email address will not be published"
                            + "|required fields are marked|comments? (are|is) (now )?(closed|disabled)|join the (conversation|discussion)"
                            + "|you must be logged in to (post|comment)|save my name, email|(show|view|load|read) (all )?comments|\\d+ comments?$)"),
            Rule.phrases("update-stamp", STAMP, 30, false,
                    "^\\W*(updated?|last updated|published|posted|first published|modified|correction)\\b[^\\p{L}\\d]{0,4}(on |at )?"
                            + "(\\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d|(mon|tues|wednes|thurs|fri|satur|sun)day)"),
            // a note on the article itself: at the line's start, and "as first stated" is no one's speech
            Rule.aboutTheArticle("update-note", STAMP, 45, false,
                    "^(this (article|story|post|report|piece) (was|has been) (updated|corrected|amended)\\b|corrections?\\s*:"
                            + "|an? (earlier|previous) version of this (article|story|post|report|piece)\\b.{0,160}"
                            + "\\b(incorrect|wrong|misstat|misspel|misnam|misidentif|mistaken|erroneous|inaccurate))",
                    "updated", "corrected", "amended", "correction", "version of this"),
            Rule.phrases("disclaimer", LEGAL, 45, false,
                    "(\\b(views|opinions) expressed\\b.{0,80}\\b(own|author|writer|contributor)s?\\b"
                            + "|\\b(is|are) not (responsible|liable) for\\b.{0,80}\\bthis (article|column|piece|content)\\b)",
                    "expressed", "responsible", "liable"),
            Rule.phrases("contribution-credit", CREDIT, 16, true,
                    "(\\bcontributed (to )?(this )?(report|reporting|story|article)\\b|^\\(?(additional )?(reporting|writing|editing|research) by\\b"
                            + "|^compiled by\\b)", "contributed", "by"),
            // a note on how the piece was put together, which does not end it: "This article was compiled by X from wire reports"
            Rule.phrases("compilation-note", CREDIT, 20, false,
                    "^this (story|article|piece) (was|has been) (compiled|produced|assembled) (by|with|from)\\b.*\\b(reports?|agencies|agency|wires?|staff)\\.?$",
                    "compiled", "produced", "assembled"),
            // a line asking readers for news: "Got a tip? Email the newsdesk at ...", "Contact us on ..."
            Rule.phrases("tip-line", APPEAL, 25, false,
                    "(^(got|have you got|do you have) an? (story|tip|news tip|story idea)\\b|^(message|email|e-mail|contact|call|text|whatsapp)"
                            + " (us|(the|our) ([\\w'’]+ )?(newsroom|news desk|newsdesk|editors?))\\b)",
                    "got", "have you", "do you have", "message", "mail", "contact", "call", "text", "whatsapp"),
            Rule.shape("byline", CREDIT, false, ArticleCleaner::byline),
            Rule.phrases("newsletter-signup", APPEAL, 25, true,
                    "\\b(sign up|signup|subscribe|register)\\b.{0,60}\\b(newsletter|alerts?|briefing|digest|inbox|mailbox|e-?mails?)\\b",
                    "sign", "subscribe", "register"),
            Rule.phrases("donation-appeal", APPEAL, 40, true,
                    "(^dear (readers?|friends)\\b|\\byour support\\b|\\bsupport (us|our (work|journalism|newsroom|reporting)|independent journalism)\\b"
                            + "|\\b(make|making) a (donation|contribution)\\b|\\b(please )?(donate|contribute) (now|today|to us|to our)\\b"
                            + "|\\bremind me later\\b|\\bnot ready to (support|donate|give)\\b|\\bbecome an? (member|supporter|subscriber|patron)\\b"
                            + "|^a message from\\b)",
                    "dear ", "support", "donat", "contribut", "remind me", "not ready", "become a", "message from"),
            Rule.shape("support-appeal", APPEAL, false,
                    line -> line.words() <= 8 && SUPPORT_APPEAL.matcher(line.text()).matches()),
            Rule.phrases("app-promo", PROMO, 16, false,
                    "(\\bclick here\\b|\\bget the\\b.{0,30}\\bapp\\b|\\bdownload (the|our)\\b.{0,30}\\bapp\\b|\\bfollow us on\\b"
                            + "|\\bfollow (us|[\\w.]+( [\\w.]+){0,3}) (on (social media|twitter|facebook|instagram)\\b|for (more|the latest|live|all the)\\b(?! than))"
                            + "|^(listen|tune in) (to|live|again)\\b"
                            + "|^(watch|listen|video|podcast|live)\\s*:|\\blive (updates|blog|coverage)\\b|\\bsubscribe to (our|the)\\b"
                            + "|^(advertisement|sponsored( content)?|ad|promoted)$|^share (this|on)\\b)",
                    "click here", "app", "follow", "watch", "listen", "tune in", "video", "podcast", "live", "subscribe", "advertisement",
                    "sponsored", "ad", "promoted", "share"),
            Rule.phrases("cookie-notice", LEGAL, 40, false,
                    "(\\b(we|this (site|website)) uses? cookies\\b|\\baccept (all )?cookies\\b|\\bcookie (policy|settings|preferences)\\b)",
                    "cookie"),
            Rule.phrases("legal-notice", LEGAL, 14, false,
                    "(\\ball rights reserved\\b|©|\\(c\\) \\d{4}|^copyright\\b|\\bprivacy policy\\b|\\bterms of (use|service)\\b"
                            + "|\\bmay not be (published|broadcast|rewritten|redistributed)\\b)",
                    "rights reserved", "©", "(c)", "copyright", "privacy policy", "terms of", "may not be"),
            Rule.phrases("read-more", RELATED, 20, true,
                    "^(read more|related( (stories|articles|coverage|content|reading))?|see also|also read|more from|more on this|most read"
                            + "|most popular|trending( now)?|recommended( for you)?|you may also like|more stories|more:)\\b"),
            Rule.phrases("navigation", NAVIGATION, 12, false,
                    "(^skip to( main)? content$|^(home|menu|search|sections?|close|back to top)$|\\s[|»›]\\s.*\\s[|»›]\\s|^home\\s*[>»›/])",
                    "skip to", "home", "menu", "search", "section", "close", "back to top", "|", "»", "›"),
            Rule.shape("photo-credit", CREDIT, false, ArticleCleaner::creditOnly),
            Rule.shape("caption-with-credit", CAPTION, false, ArticleCleaner::captionWithCredit),
            Rule.shape("caption-position-marker", CAPTION, false,
                    line -> line.words() <= 80 && POSITION_MARKER.matcher(line.text()).find()),
            Rule.shape("section-label", NAVIGATION, false,
                    line -> line.shouting() && line.words() <= 8 && !line.text().endsWith(".")),
            // "Comment | Sport", "Metro Wire | Business Desk": a path of names, no sentence
            Rule.shape("section-path", NAVIGATION, false, ArticleCleaner::sectionPath),
            Rule.shape("related-headline", RELATED, false,
                    line -> line.index() >= 3 && line.titleLike(5, 20) && line.blankBefore() && line.blankLinesAfter() >= 2));

    private static final Pattern NAME_PART = Pattern.compile("^\\p{Lu}[\\p{L}'’&.-]*(\\s+(\\p{Lu}[\\p{L}'’&.-]*|&|and|of|the))"
            + "{0,4}$");

    /** Two to four short capitalised names joined by bars, with no sentence among them. */
    private static boolean sectionPath(Line line) {
        if (line.words() > 10 || SENTENCE_END.matcher(line.text()).find()) {
            return false;
        }
        String[] parts = BAR.split(line.text().strip());
        if (parts.length < 2 || parts.length > 4) {
            return false;
        }
        for (String part : parts) {
            if (!NAME_PART.matcher(part.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    private static final Rule OUTLET_REPEATED = Rule.shape("outlet-repeated-line", TEMPLATE, false, line -> true);
    /** A note on who wrote the piece, near its end, opening with the byline's name: "Jane Doe is a former ...". */
    private static final Rule AUTHOR_NOTE = Rule.shape("author-note", CREDIT, false, line -> true);
    /** The article's last line speaking to the reader about the outlet, not reporting: "Stay informed: ... brings you". */
    private static final Rule READER_PROMO = Rule.shape("reader-promo", PROMO, false, line -> true);
    private static final int AUTHOR_NOTE_LINES = 3;
    private static final Pattern READER = Pattern.compile("(?i)\\b(you|your)\\b");
    private static final Pattern REPORTED = Pattern.compile("(?i)\\b(said|says|told|according to|warned|urged|advised)\\b");
    private static final Rule CAPTION_HEADING = Rule.shape("caption-heading", CAPTION, false, line -> true);

    private final int topZoneLines;

    public ArticleCleaner() {
        this(3);
    }

    ArticleCleaner(int topZoneLines) {
        this.topZoneLines = topZoneLines;
    }

    /**
     * @param rawLines the article's lines in order, blank ones included (they carry layout signals)
     * @param repeatedByOutlet true for a line the outlet has printed in several earlier articles
     */
    public CleanedText clean(List<String> rawLines, Predicate<String> repeatedByOutlet) {
        List<Removed> removed = new ArrayList<>();
        List<Line> lines = toLines(rawLines, removed);
        int total = lines.isEmpty() ? 0 : lines.getLast().offset() + lines.getLast().text().length();
        boolean[] drop = new boolean[lines.size()];
        Rule trailer = null;
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Rule rule = firstRule(line);
            if (rule == null && i >= lines.size() - AUTHOR_NOTE_LINES && authorNote(line, authors)) {
                rule = AUTHOR_NOTE;
            }
            if (rule == null && i == lines.size() - 1 && addressesTheReader(line)) {
                rule = READER_PROMO;
            }
            if (rule != null && rule.name().equals("byline")) {
                authors.addAll(bylineNames(line.text()));
            }
            if (rule == null && line.index() >= topZoneLines && line.words() <= 15 && repeatedByOutlet.test(line.text())) {
                rule = OUTLET_REPEATED;
            }
            if (rule == null && line.index() >= topZoneLines && i + 1 < lines.size() && line.titleLike(2, 14) && isCaption(lines.get(i + 1))) {
                rule = CAPTION_HEADING;
            }
            if (rule == null && trailer != null) {
                if (stillTrailer(line)) {
                    removed.add(new Removed(line.text(), trailer.kind(), "after-" + trailer.name()));
                    drop[i] = true;
                    continue;
                }
                trailer = null;
            }
            if (rule != null) {
                removed.add(new Removed(line.text(), rule.kind(), rule.name()));
                drop[i] = true;
                if (rule.endsArticle() && total > 0 && line.offset() >= total / 2) {
                    trailer = rule;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (!drop[i]) {
                if (!text.isEmpty()) {
                    text.append("\n\n");
                }
                text.append(lines.get(i).text());
            }
        }
        return new CleanedText(text.toString(), List.copyOf(removed));
    }

    private static Rule firstRule(Line line) {
        for (Rule rule : RULES) {
            if (rule.test().test(line)) {
                return rule;
            }
        }
        return null;
    }

    /** After the article's end marker, short lines and lines speaking to the reader belong to the trailer too. */
    private static boolean stillTrailer(Line line) {
        if (line.words() < 10) {
            return true;
        }
        String unquoted = QUOTED.matcher(line.text()).replaceAll(" ");
        Matcher personal = PERSONAL.matcher(unquoted);
        int count = 0;
        while (personal.find()) {
            count++;
        }
        return count * 25 >= line.words();
    }

    private static List<Line> toLines(List<String> rawLines, List<Removed> removed) {
        List<Line> lines = new ArrayList<>();
        int offset = 0;
        boolean blankBefore = true;
        for (int i = 0; i < rawLines.size(); i++) {
            String text = stripTemplates(rawLines.get(i).replace('\u00a0', ' '), removed).strip();
            if (text.isEmpty()) {
                blankBefore = true;
                continue;
            }
            int blanksAfter = 0;
            for (int j = i + 1; j < rawLines.size() && rawLines.get(j).isBlank(); j++) {
                blanksAfter++;
            }
            if (i + 1 + blanksAfter >= rawLines.size()) {
                blanksAfter = Integer.MAX_VALUE;
            }
            lines.add(Line.of(lines.size(), text, blankBefore, blanksAfter, offset));
            offset += text.length() + 2;
            blankBefore = false;
        }
        return lines;
    }

    private static String stripTemplates(String raw, List<Removed> removed) {
        Matcher matcher = TEMPLATE_MARKUP.matcher(raw);
        if (!matcher.find()) {
            return raw;
        }
        String stripped = matcher.replaceAll(" ");
        if (stripped.isBlank()) {
            removed.add(new Removed(raw.strip(), TEMPLATE, "template-markup"));
        } else {
            matcher.reset();
            while (matcher.find()) {
                removed.add(new Removed(matcher.group(), TEMPLATE, "template-markup"));
            }
        }
        return SPACES.matcher(stripped).replaceAll(" ");
    }

    private static boolean byline(Line line) {
        String[] segments = BAR.split(line.text());
        if (segments.length > 1) {
            for (int i = 1; i < segments.length; i++) {
                if (!creditSegment(segments[i], Line.countWords(segments[i])) && !byline(segments[i])) {
                    return false;
                }
            }
        }
        return byline(segments[0]);
    }

    private static boolean byline(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (Line.countWords(text) > 10 || !lower.startsWith("by ") && !BYLINE_VERB.matcher(lower).matches()) {
            return false;
        }
        String rest = BYLINE_PREFIX.matcher(text).replaceFirst("");
        if (BYLINE_STAFF.matcher(rest).matches()) {
            return true;
        }
        return !SENTENCE_END.matcher(text).find() && !rest.isEmpty() && Character.isUpperCase(rest.charAt(0))
                && BYLINE_NAMES.matcher(rest).matches();
    }

    /** The names a byline gives: "By Jane Doe and Ann Roe | Photo: ..." gives Jane Doe and Ann Roe. */
    private static List<String> bylineNames(String text) {
        String first = BAR.split(text)[0];
        String rest = BYLINE_PREFIX.matcher(first).replaceFirst("").split(",| in ")[0];
        List<String> names = new ArrayList<>();
        for (String name : rest.split(" and | & ")) {
            if (name.strip().split("\\s+").length >= 2) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** A short line near the end that opens with the full name of the piece's author and quotes no one. */
    private static boolean authorNote(Line line, List<String> authors) {
        return line.words() <= 40 && !QUOTED.matcher(line.text()).find() && !REPORTED.matcher(line.text()).find()
                && authors.stream().anyMatch(a -> line.text().startsWith(a + " "));
    }

    /** A short closing line that speaks to the reader ("you", "your") and reports nothing anyone said. */
    private static boolean addressesTheReader(Line line) {
        return line.words() <= 20 && READER.matcher(line.text()).find() && !QUOTED.matcher(line.text()).find()
                && !REPORTED.matcher(line.text()).find();
    }

    /** "Jane Doe / AFP / Getty Images", "Photo: Reuters": names and agencies, nothing said. */
    static boolean creditOnly(Line line) {
        return creditSegment(line.text(), line.words());
    }

    private static boolean creditSegment(String text, int words) {
        if (words == 0 || words > 10 || SENTENCE_END.matcher(text).find() && !AGENCY.matcher(SENTENCE_END.matcher(text).replaceAll("")).find()) {
            return false;
        }
        if (CREDIT_PREFIX.matcher(text).find()) {
            return true;
        }
        String[] parts = CREDIT_SEPARATOR.split(text);
        if (parts.length >= 2) {
            for (String part : parts) {
                if (!CREDIT_PART.matcher(part).matches()) {
                    return false;
                }
            }
            return true;
        }
        return AGENCY.matcher(text).find() && AGENCY_NAMES.matcher(text).matches();
    }

    /** A caption sentence or two closed by a photo credit. */
    private static boolean captionWithCredit(Line line) {
        if (line.words() > 90) {
            return false;
        }
        Matcher breaks = SENTENCE_BREAK.matcher(line.text());
        int lastBreak = -1;
        while (breaks.find()) {
            lastBreak = breaks.end();
        }
        if (lastBreak < 0) {
            return false;
        }
        String tail = line.text().substring(lastBreak);
        return tail.contains("/") || AGENCY.matcher(tail).find() ? creditSegment(tail, Line.countWords(tail)) : false;
    }

    private static boolean isCaption(Line next) {
        return captionWithCredit(next) || POSITION_MARKER.matcher(next.text()).find();
    }
}
