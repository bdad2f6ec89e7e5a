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
 * deaths, injuries, people missing, displaced, rescued, arrested, infected; buildings destroyed or damaged; prisoners
 * captured or released; troops deployed) and a movement's <em>action</em>
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
        MEASURE_WORDS.put("destroyed", Pattern.compile("destroy(?:ed|s|ing)?|flattened|razed|levell?ed|burn(?:ed|t) down|collapsed"));
        MEASURE_WORDS.put("damaged", Pattern.compile("damag(?:ed|es|ing)"));
        MEASURE_WORDS.put("captured", Pattern.compile("captured|surrendered"));
        MEASURE_WORDS.put("released", Pattern.compile("released|freed|exchanged|swapped|repatriated"));
        MEASURE_WORDS.put("deployed", Pattern.compile("deployed|stationed|mobili[sz]ed|reinforcements"));
        MEASURE_WORDS.put("votes against", Pattern.compile("against"));
        MEASURE_WORDS.put("votes", Pattern.compile("votes?|voted|voting|ballots?"));
        MEASURE_WORDS.put("infections", Pattern.compile("infect(?:ed|ions?|ing)|cases|sickened"));
    }

    /** Units that make a figure an amount of money: currency names, their signs' codes, and minor units. */
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}|(?i:dollars?|euros?|pounds?|sterling|crowns?|kron(?:a|or|e|er)|"
            + "francs?|yen|yuan|renminbi|rupees?|r[ou]?bles?|hryvnias?|pesos?|reais|real|rand|lir[ae]|dinars?|dirhams?|riyals?|"
            + "shekels?|zloty(?:s)?|forints?|won|baht|ringgit|naira|shillings?|cedis?|kwacha|pence|cents?|bucks)");
    private static final Pattern PERCENT = Pattern.compile("(?i)%|percent|per|percentage");
    /** A change of a rate: "up 1.2 percentage points", its own unit but read as a rate is. */
    private static final Pattern POINTS = Pattern.compile("(?i)(?:percentage )?points?");

    /**
     * What an amount of money is, by the nouns and verbs that name it, tried in this order when two are as near:
     * "211 million crowns in net profit" and "revenue of 4.62 billion" are two measures, "pledged 40 million in relief"
     * and "promised 40 million for relief" one.
     */
    private static final Map<String, Pattern> MONEY_WORDS = new LinkedHashMap<>();
    /** Units of time: a duration's measure is what lasts that long. */
    private static final Pattern DURATION = Pattern.compile("(?i)(?:days?|weeks?|months?|years?|decades?|hours?)");
    /** What lasts: a prison sentence, a ban, a contract, a deadline. */
    private static final Map<String, Pattern> DURATION_WORDS = new LinkedHashMap<>();
    /** What a percentage is a share or a change of. */
    private static final Map<String, Pattern> PERCENT_WORDS = new LinkedHashMap<>();

    static {
        MONEY_WORDS.put("profit", Pattern.compile("profits?|earnings|ebitda|income"));
        MONEY_WORDS.put("revenue", Pattern.compile("revenues?|sales|turnover"));
        MONEY_WORDS.put("loss", Pattern.compile("loss(?:es)?|damage|write-?downs?|shortfall"));
        MONEY_WORDS.put("budget", Pattern.compile("budgets?"));
        MONEY_WORDS.put("aid", Pattern.compile("aid|relief|grants?|funds?|funding|assistance|subsid(?:y|ies)|bail-?outs?|donat(?:ed|ions?)"));
        MONEY_WORDS.put("debt", Pattern.compile("debts?|borrow(?:ed|ing|s)?|loans?|deficits?|owe[sd]?|owing|bonds?"));
        MONEY_WORDS.put("pay", Pattern.compile("salar(?:y|ies)|wages?|pay|payrise|bonus(?:es)?|pensions?"));
        MONEY_WORDS.put("penalty", Pattern.compile("fined?|fines|penalt(?:y|ies)|repa(?:y|id|ying|yment)|restitution|forfeit(?:ed|ure)?|"
                + "compensation|damages"));
        MONEY_WORDS.put("misused", Pattern.compile("divert(?:ed|ing)?|embezzl(?:ed|ing|ement)|stole|stolen|misappropriat(?:ed|ion)|"
                + "defraud(?:ed|ing)?|fraud|bribes?|kickbacks?|launder(?:ed|ing)"));
        MONEY_WORDS.put("saving", Pattern.compile("sav(?:e|ed|es|ing|ings)|cuts?"));
        MONEY_WORDS.put("fee", Pattern.compile("fees?|transfer|prices?|fares?|rents?|valu(?:e|ed|ation)|worth"));
        MONEY_WORDS.put("tax", Pattern.compile("tax(?:es|ed)?|levy|levies|dut(?:y|ies)|tariffs?"));
        MONEY_WORDS.put("spending", Pattern.compile("spen(?:d|ds|ding|t)|costs?|costing|bills?|invest(?:ed|ing|ment|ments)?|"
                + "expenditure|outlay|allocat(?:ed|es|ion)|earmark(?:ed)?"));
        DURATION_WORDS.put("sentence", Pattern.compile("jail(?:ed|s)?|prison|imprison(?:ed|ment)|sentenc(?:e|ed|es)|terms?|"
                + "custody|detention|probation|suspended"));
        DURATION_WORDS.put("ban", Pattern.compile("bann(?:ed|ing)|bans?|barred|disqualif(?:ied|ication)|suspension"));
        DURATION_WORDS.put("contract", Pattern.compile("contracts?|deals?|lease|agreements?|signed|extension"));
        PERCENT_WORDS.put("inflation", Pattern.compile("inflation|cpi|prices"));
        PERCENT_WORDS.put("growth", Pattern.compile("growth|gdp|economy|grew|expan(?:ded|sion)|contract(?:ed|ion)|output"));
        PERCENT_WORDS.put("unemployment", Pattern.compile("unemploy(?:ment|ed)|jobless(?:ness)?"));
        PERCENT_WORDS.put("turnout", Pattern.compile("turnout"));
        PERCENT_WORDS.put("vote", Pattern.compile("votes?|ballots?"));
        PERCENT_WORDS.put("interest", Pattern.compile("interest|yields?"));
        PERCENT_WORDS.put("pay", Pattern.compile("salar(?:y|ies)|wages?|pay|payrise|earnings"));
        PERCENT_WORDS.put("profit", Pattern.compile("profits?|income"));
        PERCENT_WORDS.put("revenue", Pattern.compile("revenues?|sales|turnover"));
        PERCENT_WORDS.put("budget", Pattern.compile("budgets?"));
        PERCENT_WORDS.put("tax", Pattern.compile("tax(?:es)?|levy|vat"));
        PERCENT_WORDS.put("approval", Pattern.compile("approv(?:al|e|ed)|support(?:ed)?|disapprov(?:al|e|ed)"));
        // a company's stock ("shares in Lurco fell 7%"); "a share of the market" is a part of a whole, told apart above
        PERCENT_WORDS.put("shares", Pattern.compile("shares|stocks?"));
    }

    /**
     * Whose figure it is, when it is not what was found: a sum asked for, one offered, one expected or forecast. The
     * union's demand and the employer's offer in one sentence are two figures, not a disagreement.
     */
    private static final Map<String, Pattern> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("demanded", Pattern.compile("demand(?:ed|ing|s)?|sought|seek(?:ing|s)?|ask(?:ed|ing|s)? for|call(?:ed|ing|s)? for|"
                + "claim(?:ed|ing|s)? for|wants?|wanted|requested|(?:campaign(?:ed|ing|s)?|push(?:ed|es|ing)?|press(?:ed|es|ing)?|"
                + "lobb(?:ied|ies|ying)) for|urg(?:ed|es|ing)"));
        ROLES.put("offered", Pattern.compile("offer(?:ed|ing|s)?|bids?|bidding|proposed|proposals?|tabled"));
        ROLES.put("expected", Pattern.compile("expect(?:ed|ing|s|ations?)?|forecasts?|forecast(?:ing|ed)|predict(?:ed|ing|s|ions?)|"
                + "projected|projections?|consensus|targets?|aims?"));
    }

    /**
     * A part of the economy or of public spending named before what is measured: "food prices", "core inflation",
     * "the police budget", "the police and community safety budget" (the first part named is the one kept).
     */
    private static final Pattern SECTOR_BEFORE = Pattern.compile("\\b(food|energy|fuel|petrol|gas|electricity|housing|rent|"
            + "services|goods|core|transport|manufacturing|construction|farm|retail|police|policing|defen[cs]e|military|health|"
            + "healthcare|education|schools?|welfare|pensions?|culture|arts|sports?|libraries|library|transit|roads?|water|"
            + "environment|climate|research|science|security|safety|social|care|justice|prisons?)\\s+"
            + "(?:(?!(?:the|a|an|of|to|said|says|and said)\\s)[\\p{L}-]+\\s+){0,3}$");

    /** Where one part of a sentence ends and another begins, for what a figure's own words are. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()\u2013\u2014]|\\s(?:while|whereas|but|although|though|before|after)\\s");

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

    /**
     * Kinds of happening an event sentence tells, by its verbs and their nominalisations: winning an election is not
     * taking office, shutting a plant is not tracing a source, a conviction is not a sentence.
     */
    private static final Map<String, Pattern> HAPPENINGS = new LinkedHashMap<>();

    static {
        HAPPENINGS.put("win", Pattern.compile("w[oi]n|wins|winning|winners?|elected|re-elected|victory|victorious"));
        HAPPENINGS.put("take office", Pattern.compile("(?:take|takes|took|taking|assume[sd]?|assuming) office|sworn in|inaugurat\\w*"));
        HAPPENINGS.put("resign", Pattern.compile("resign\\w*|quit|quits|stepp?(?:ed|ing|s)? down|st(?:oo|an)d(?:s|ing)? down"));
        HAPPENINGS.put("arrest", Pattern.compile("arrest\\w*|detain\\w*"));
        HAPPENINGS.put("charge", Pattern.compile("charged|indicted|indictment"));
        HAPPENINGS.put("convict", Pattern.compile("convict(?:ed|ion)|found (?:\\w+ )?guilty"));
        HAPPENINGS.put("acquit", Pattern.compile("acquit\\w*|cleared"));
        HAPPENINGS.put("sentence", Pattern.compile("sentenced|jailed|imprisoned"));
        HAPPENINGS.put("approve", Pattern.compile("approv(?:e|ed|es|ing|al)|passed|adopted|ratif(?:y|ied|ies)|endorsed"));
        HAPPENINGS.put("reject", Pattern.compile("reject(?:ed|s|ing)?|voted down|vetoed|overturned"));
        HAPPENINGS.put("close", Pattern.compile("shut|shuts|shutting|shutdown|closed?|closes|closing|closures?|switched off|"
                + "turned off|halted|suspended"));
        HAPPENINGS.put("open", Pattern.compile("opened|reopen\\w*|launched|unveiled|inaugurated"));
        HAPPENINGS.put("identify", Pattern.compile("traced|identified|pinpointed|source"));
        HAPPENINGS.put("appeal", Pattern.compile("appeal(?:ed|s|ing)?|judicial review|filed|lodged"));
        HAPPENINGS.put("meet", Pattern.compile("met|meet|meets|meeting|talks|summit|negotiat\\w*"));
        HAPPENINGS.put("sign", Pattern.compile("sign(?:ed|s|ing)|agreed|agreement|deal"));
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

    /**
     * The measure of a figure told in {@code sentence}: what happened to what it counts, or, for an amount of money
     * or a percentage, what the amount is (profit, revenue, aid, a fine; inflation, growth, turnout, a vote), read
     * from the words nearest the figure in its own clause, with its role when the clause makes it a sum demanded,
     * offered or expected ("pay/offered"). Null when none of these is told.
     */
    public static String inSentence(Quantity q, String sentence) {
        return q == null ? null : of(q.unit(), q.subject(), q.text(), sentence);
    }

    /** {@link #inSentence(Quantity, String)} from the parts of a stored figure: its unit, subject and the text of the figure. */
    public static String of(String unit, String subject, String figureText, String sentence) {
        String measure = measureOf(unit, subject, figureText, sentence);
        if (sentence == null || figureText == null || !whole(sentence, figureText)) {
            return measure;
        }
        return measure == null ? "total" : measure + "/total";
    }

    /**
     * Whether the figure is the whole a part is told of: "40 of its 310 stores", "three of the city's eleven
     * libraries". A whole and its part are two figures of one thing, never one claim nor a disagreement.
     */
    private static boolean whole(String sentence, String figureText) {
        Located figure = Located.in(sentence, figureText);
        return figure != null && figure.at() > 0 && PART_BEFORE.matcher(figure.lower().substring(0, figure.at())).find();
    }

    private static final Pattern PART_BEFORE = Pattern.compile("(?i)\\b(?:\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|"
            + "nine|ten|eleven|twelve|dozens?|hundreds|thousands|some|most|half|many|all but \\w+)\\s+(?:out\\s+)?of\\s+"
            + "(?:(?:its|their|the|his|her|our|all)\\s+)?(?:\\p{L}+['’]s\\s+)?$");

    private static String measureOf(String unit, String subject, String figureText, String sentence) {
        // "the 4.5 million dollars released by the state" is a sum, not prisoners released: money is read by its own words
        String counted = unit != null && CURRENCY.matcher(unit.strip()).matches() ? null : of(unit, subject);
        if (counted != null || sentence == null) {
            return counted;
        }
        Map<String, Pattern> words = unit == null ? null : CURRENCY.matcher(unit.strip()).matches() ? MONEY_WORDS
                : PERCENT.matcher(unit.strip()).matches() || POINTS.matcher(unit.strip()).matches() ? PERCENT_WORDS
                : DURATION.matcher(unit.strip()).matches() ? DURATION_WORDS : null;
        if (words == null) {
            Located figure = Located.in(sentence, figureText);
            String cared = cared(figure);
            return cared != null || CURRENCY.matcher(unit == null ? "" : unit.strip()).matches() ? cared : countNamed(unit, figure);
        }
        String cased = Normalizer.normalize(sentence, Normalizer.Form.NFKC);
        String lower = cased.toLowerCase(Locale.ROOT);
        int at = figureText == null ? -1 : lower.indexOf(figureText.toLowerCase(Locale.ROOT));
        if (at < 0) {
            at = 0;
        }
        int[] bounds = clause(lower, at, figureText == null ? 0 : figureText.length());
        String clause = lower.substring(bounds[0], bounds[1]);
        int figure = at - bounds[0];
        String share = words == PERCENT_WORDS && figureText != null ? shareOf(lower, at, figureText.length(), words) : null;
        if (share == null && words == PERCENT_WORDS && figureText != null) {
            Matcher more = MORE_OF.matcher(lower.substring(at + figureText.length()));
            share = more.lookingAt() ? "more:" + ClaimSimilarity.stem(more.group(1)) : null;
        }
        String nearest = share;
        int distance = share == null ? Integer.MAX_VALUE : -1;
        // counts of people are read from their own words above; what follows only names what an amount is
        Matcher m = WORD.matcher(clause);
        while (m.find()) {
            // a word after the figure is as near as one twice as far before it: "the 40 million in relief it pledged"
            int d = m.start() < figure ? figure - m.end() : 2 * (m.start() - figure);
            if (d < distance) {
                for (Map.Entry<String, Pattern> measure : words.entrySet()) {
                    if (measure.getValue().matcher(m.group()).matches()) {
                        // "food inflation" and "energy inflation" are two measures, "consumer price inflation" one;
                        // "Carrow's jobless rate" is a town's, not the country's
                        String owner = words != PERCENT_WORDS || lower.length() != cased.length() ? null
                                : measure.getKey().equals("shares") ? issuer(cased.substring(bounds[0] + m.end(), bounds[1]),
                                        cased.substring(bounds[0], bounds[0] + m.start()))
                                : owner(cased.substring(bounds[0], bounds[0] + m.start()));
                        nearest = part(measure.getKey(), clause.substring(0, m.start()), owner);
                        distance = d;
                        break;
                    }
                }
            }
        }
        if (nearest == null && words == PERCENT_WORDS) {
            // the rate of the figure's own clause; a clause that opens with the change ("up 1.2 points") is of the one before
            int from = CHANGE_OPENING.matcher(clause).lookingAt() ? 0 : bounds[0];
            nearest = rateNamed(lower.length() == cased.length() ? cased.substring(0, at) : lower.substring(0, at), lower.substring(0, at), from);
        }
        String role = null;
        // whose figure it is, said near it: "demanding a 9% rise", "a 2% target"; not a target the sentence compares
        // the figure with at its other end ("at 5.3 per cent it is more than twice the bank's target")
        int length = figureText == null ? 0 : figureText.length();
        Matcher unitAfter = PERCENT_AFTER.matcher(clause).region(Math.min(clause.length(), figure + length), clause.length());
        int after = unitAfter.lookingAt() ? unitAfter.end() : figure + length;
        // a share's own verb follows its whole ("38% of its members expected to"): only words before it say whose it is
        String near = clause.substring(Math.max(0, figure - ROLE_BEFORE), share != null ? figure : Math.min(clause.length(), after + ROLE_AFTER));
        for (Map.Entry<String, Pattern> r : ROLES.entrySet()) {
            if (wordIn(r.getValue(), near)) {
                role = r.getKey();
                break;
            }
        }
        if (role == null && earlier(clause, figure, figureText == null ? 0 : figureText.length())) {
            role = "earlier";
            if (nearest == null) {
                // "rose to 5.1%, up from 4.6% a year earlier": the value changed from is of what the change is of
                nearest = lastNamed(lower.substring(0, bounds[0]), words);
            }
        }
        // an amount offered or asked for is that, even when the clause does not say of what: "the operator offers 4.5%"
        return nearest == null ? role : role == null ? nearest : nearest + "/" + role;
    }

    private static final Pattern PERCENT_AFTER = Pattern.compile("\\s*(?:%|per ?cent|percent)");

    /** How far before and after a figure and its unit (in characters) a word saying whose figure it is may stand. */
    private static final int ROLE_BEFORE = 50;
    private static final int ROLE_AFTER = 25;

    /** A percentage of a whole told right after it: "38% of its members", "60 per cent of the increase". */
    private static final Pattern SHARE_OF = Pattern.compile("^\\s*(?:%|per ?cent|percent)\\s+of\\s+(?:(?:the|its|their|his|her|our|"
            + "all|those|these|an?)\\s+)?([\\p{L}-]+)");

    /**
     * {@code share:<noun>} for a share of a whole that is no measure of its own ("38% of its members": share:member),
     * so that it never meets the rate of anything; null when none is told, or the whole is a measure ("51% of the vote").
     * A whole told by a pronoun is the things counted before it: "2,400 homes, 35% of them" is a share of homes.
     */
    private static String shareOf(String lower, int at, int length, Map<String, Pattern> words) {
        Matcher m = SHARE_OF.matcher(lower.substring(at + length));
        if (!m.find()) {
            return null;
        }
        String whole = PRONOUN_WHOLE.matcher(m.group(1)).matches() ? countedBefore(lower.substring(0, at)) : m.group(1);
        if (whole == null) {
            return null;
        }
        for (Map.Entry<String, Pattern> measure : words.entrySet()) {
            // "51% of the shares" is a stake, not a move in their price
            if (!measure.getKey().equals("shares") && measure.getValue().matcher(whole).matches()) {
                return null;
            }
        }
        return "share:" + ClaimSimilarity.stem(whole);
    }

    private static final Pattern CHANGE_OPENING = Pattern.compile("^\\s*(?:up|down|at|to|rising|falling|a rise of|a fall of|an increase of|"
            + "a drop of)\\b");

    /** A rate named by what it is the rate of: "the pass rate", "its vacancy rate". */
    private static final Pattern RATE = Pattern.compile("\\b(\\p{Ll}{3,})\\s+rates?\\b");

    /**
     * {@code rate:<noun>} for the rate named last before a percentage that no measure word names ("the pass rate rose to
     * 87.4 percent, up 1.2 percentage points"), with its owner when one is named ("the Northern Province's pass rate").
     */
    private static String rateNamed(String cased, String lower, int from) {
        Matcher m = RATE.matcher(lower).region(from, lower.length());
        String named = null;
        while (m.find()) {
            String word = m.group(1);
            String owner = lower.length() == cased.length() ? owner(cased.substring(0, m.start())) : null;
            if (owner == null && lower.length() == cased.length()) {
                owner = holder(cased);
            }
            // "the national rate", "the annual rate": whose or how reckoned, not what of
            named = WHOSE_RATE.matcher(word).matches() ? null : "rate:" + ClaimSimilarity.stem(word) + (owner == null ? "" : ":" + owner);
            for (Map.Entry<String, Pattern> measure : PERCENT_WORDS.entrySet()) {
                if (measure.getValue().matcher(word).matches()) {
                    named = part(measure.getKey(), lower.substring(0, m.start()), owner);
                }
            }
        }
        return named;
    }

    /** Whose figures the sentence tells, by the one that had them: "the Northern Province had the lowest pass rate, at". */
    private static final Pattern HOLDER = Pattern.compile("\\b((?:\\p{Lu}\\p{L}+\\s+)*\\p{Lu}\\p{L}+)\\s+(?:had|has|have|recorded|posted|saw)\\b");

    /** The last one named before the figure as having the figures that follow, lower case; null when none is. */
    private static String holder(String before) {
        Matcher m = HOLDER.matcher(before);
        String last = null;
        while (m.find()) {
            String name = m.group(1).replaceFirst("^(?:The|A|An)\\s+", "");
            if (!THE.matcher(name).matches()) {
                last = name.toLowerCase(Locale.ROOT);
            }
        }
        return last;
    }

    private static final Pattern THE = Pattern.compile("The|It|They|He|She|We|This|That");

    private static final Pattern WHOSE_RATE = Pattern.compile("\\p{L}+(?:al|ic|ive|ly|ed)|average|headline|current|base|overall|new|old|"
            + "latest|same|this|that|which|its|their|the|a|an");

    /** A change told as more or fewer of something: "6% more seats", "12 per cent fewer flights". */
    private static final Pattern MORE_OF = Pattern.compile("\\s*(?:%|per ?cent|percent)\\s+(?:more|fewer|less)\\s+(\\p{L}{3,}s)\\b");
    private static final Pattern PRONOUN_WHOLE = Pattern.compile("them|these|those|which|whom");
    /** Things counted by a figure: "2,400 homes", "2,400 new homes". */
    private static final Pattern COUNTED = Pattern.compile("\\d[\\d,.]*\\s+(?:(\\p{L}{3,}s)\\b|[\\p{L}-]+\\s+(\\p{L}{3,}s)\\b)");

    /** The last things counted in {@code before}, null when no figure counts any. */
    private static String countedBefore(String before) {
        Matcher m = COUNTED.matcher(before);
        String last = null;
        while (m.find()) {
            last = m.group(1) != null ? m.group(1) : m.group(2);
        }
        return last;
    }

    /** The company whose shares they are, named after them ("shares in Lurco Foods") or before ("Lurco's shares"). */
    private static final Pattern ISSUER_AFTER = Pattern.compile("^\\s+(?:in|of)\\s+(\\p{Lu}\\p{L}+)");

    private static String issuer(String after, String before) {
        Matcher m = ISSUER_AFTER.matcher(after);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : owner(before);
    }

    /**
     * What a bare count is of, named around it: a toll or a number of what happened ("the death toll rose to 11", "the
     * number of people injured reached 40"), or people made to leave their homes ("4,500 residents were ordered from
     * their homes"); null when none of these is told.
     */
    private static String countNamed(String unit, Located figure) {
        if (figure == null) {
            return null;
        }
        String lower = figure.lower();
        int at = figure.at();
        if (MAGNITUDE_BEFORE.matcher(lower.substring(0, at)).find() || MAGNITUDE_AFTER.matcher(lower.substring(figure.end())).lookingAt()) {
            return "magnitude";
        }
        Matcher put = PUT_AT.matcher(lower.substring(Math.max(0, at - 120), at));
        if (put.find()) {
            // "put the magnitude at 6.1", "puts excess deaths in the first week at more than 900": what was put at the figure
            String what = put.group(1);
            return what.contains("magnitude") ? "magnitude" : of(null, what);
        }
        String clauseBefore = figure.clauseBefore();
        if (unit == null) {
            Matcher toll = TOLL.matcher(clauseBefore);
            while (toll.find()) {
                String measure = of(null, toll.group(1) != null ? toll.group(1) : toll.group(2));
                if (measure != null) {
                    return measure;
                }
            }
            return null;
        }
        if (CAPACITY_BEFORE.matcher(clauseBefore).find()) {
            return CAPACITY;
        }
        String after = lower.substring(figure.end(), Math.min(lower.length(), figure.end() + 120));
        Matcher next = NEXT_FIGURE.matcher(after);
        return LEFT_HOMES.matcher(next.find() ? after.substring(0, next.start()) : after).find() ? "displaced" : null;
    }

    /** What something can hold, not what it held: "could carry 250 passengers", "a capacity of 4,000". */
    private static final Pattern CAPACITY_BEFORE = Pattern.compile("\\b(?:(?:could|can|cannot|able to|allowed to|licen[sc]ed to|"
            + "designed to|built to|certified to)\\s+(?:\\p{L}+\\s+)?(?:carry|hold|take|seat|accommodate|house|handle)|capacity\\s+(?:of|for))"
            + "\\s+(?:up to\\s+|as many as\\s+)?$");
    static final String CAPACITY = "capacity";
    /** What a figure was put at: "put the magnitude at 6.1", "estimates the true toll at about 600". */
    private static final Pattern PUT_AT = Pattern.compile("\\b(?:put|puts|putting|placed|places|estimated|estimates|estimate)\\s+"
            + "((?:[\\p{L}'’-]+\\s+){1,10}?)at\\s+(?:about\\s+|around\\s+|some\\s+|roughly\\s+|nearly\\s+|almost\\s+|least\\s+|"
            + "more than\\s+|over\\s+|up to\\s+|just\\s+(?:over|under)\\s+)?$");
    /** The strength of a quake told on its scale: "a magnitude 6.4 quake", "measured 5.9 on the Richter scale", "a 6.1-magnitude". */
    private static final Pattern MAGNITUDE_BEFORE = Pattern.compile("\\bmagnitude(?:\\s+of)?\\s*$");
    private static final Pattern MAGNITUDE_AFTER = Pattern.compile("^(?:-|\\s+)magnitude\\b|^\\s+on the (?:\\p{L}+ )?scale\\b");

    private static final Pattern TOLL = Pattern.compile("\\b(?:(\\p{L}+)\\s+(?:toll|tally)|(?:number|toll|tally|count)\\s+of\\s+"
            + "((?:\\p{L}+\\s+){0,4}\\p{L}+))\\b");
    private static final Pattern LEFT_HOMES = Pattern.compile("\\b(?:from|leave|left|leaving|flee|fled|fleeing|abandon(?:ed|ing)?)\\s+"
            + "(?:their|his|her)\\s+homes?\\b");
    private static final Pattern NEXT_FIGURE = Pattern.compile("\\d");

    /**
     * A place named as the owner of a rate: "Carrow's jobless rate" is a town's, not the country's. (Only rates: a
     * company's sums are told as often without its name as with it.)
     */
    private static final Pattern OWNER_BEFORE = Pattern.compile("\\b(\\p{Lu}\\p{L}+)['’]s\\s+(?:\\p{Ll}[\\p{L}-]*\\s+){0,2}$");

    private static String owner(String before) {
        Matcher m = OWNER_BEFORE.matcher(before);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** Where people counted are cared for, told after the count in its clause: "six of them in intensive care". */
    private static final Pattern CARE_AFTER = Pattern.compile("^\\W*(?:[\\p{L}-]+\\W+){0,5}?(?:(?<critical>intensive care|icu|critical "
            + "condition|on ventilators?)|(?<serious>serious(?:ly)? (?:condition|injur\\w*|hurt|ill)|serious injuries)|(?<hospital>(?:in|to) hospitals?|hospitali[sz]ed))\\b");

    /** {@code critical} or {@code hospital} for a count of people in intensive care or in hospital; null otherwise. */
    static String cared(String figureText, String sentence) {
        return cared(Located.in(sentence, figureText));
    }

    private static String cared(Located figure) {
        if (figure == null) {
            return null;
        }
        Matcher m = CARE_AFTER.matcher(figure.clauseAfter());
        return !m.find() ? null : m.group("critical") != null ? "critical" : m.group("serious") != null ? "serious" : "hospital";
    }

    /**
     * A figure found in its sentence (NFKC, lower-cased), with the bounds of its clause: what each reading of the words
     * around a figure starts from, found once per reading.
     */
    private record Located(String lower, int at, int end, int from, int to) {

        /** Null when the sentence or the figure is missing, or the figure is not in the sentence. */
        static Located in(String sentence, String figureText) {
            if (sentence == null || figureText == null) {
                return null;
            }
            String lower = Normalizer.normalize(sentence, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            int at = lower.indexOf(figureText.toLowerCase(Locale.ROOT));
            if (at < 0) {
                return null;
            }
            int[] bounds = clause(lower, at, figureText.length());
            return new Located(lower, at, at + figureText.length(), bounds[0], bounds[1]);
        }

        String clauseBefore() {
            return lower.substring(from, at);
        }

        String clauseAfter() {
            return lower.substring(end, to);
        }
    }

    /**
     * Whether two measures can be one: the same, or one whose clause named only whose figure it is ("the union asks
     * for 7%": demanded) and one that also named of what ("a 7% wage rise" demanded: pay/demanded).
     */
    public static boolean same(String a, String b) {
        return a.equals(b) || ROLES.containsKey(a) && b.endsWith("/" + a) || ROLES.containsKey(b) && a.endsWith("/" + b);
    }

    /** Whether a measure names what is measured, not only whose figure it is ("offered") or that it is a whole. */
    static boolean names(String measure) {
        String base = measure.contains("/") ? measure.substring(0, measure.indexOf('/')) : measure;
        return !ROLES.containsKey(base) && !base.equals("earlier") && !base.equals("total");
    }

    /** The measure with the part of the economy named {@code before} it, else its owner, else as it is. */
    private static String part(String measure, String before, String owner) {
        Matcher sector = SECTOR_BEFORE.matcher(before);
        return sector.find() ? measure + ":" + sector.group(1) : owner != null ? measure + ":" + owner : measure;
    }

    /** The measure named last in {@code text} (the clauses before a figure), null when none is. */
    private static String lastNamed(String text, Map<String, Pattern> words) {
        String last = null;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            for (Map.Entry<String, Pattern> measure : words.entrySet()) {
                if (measure.getValue().matcher(m.group()).matches()) {
                    last = part(measure.getKey(), text.substring(0, m.start()), null);
                    break;
                }
            }
        }
        return last;
    }

    /** Where the clause holding {@code [at, at + length)} starts and ends in {@code lower}. */
    private static int[] clause(String lower, int at, int length) {
        int from = 0;
        int to = lower.length();
        Matcher breaks = CLAUSE_BREAK.matcher(lower);
        while (breaks.find()) {
            if (breaks.end() <= at) {
                from = breaks.end();
            } else if (breaks.start() >= at + length) {
                to = breaks.start();
                break;
            }
        }
        return new int[] {from, to};
    }

    /**
     * Whether the figure is the value a change started from rather than where it stands: "rose to 5.1% from 4.6%",
     * "4.6% a year earlier", "compared with 3.8% last month".
     */
    private static boolean earlier(String clause, int figure, int length) {
        String before = clause.substring(0, Math.max(0, figure));
        String after = clause.substring(Math.min(clause.length(), figure + length));
        return FROM_BEFORE.matcher(before).find() || EARLIER_AFTER.matcher(after).lookingAt() || AGO_OPENING.matcher(before).lookingAt();
    }

    /** A clause opened by how long ago it held: "A year ago the policy rate stood at 2.75 per cent." */
    private static final Pattern AGO_OPENING = Pattern.compile("^\\s*(?:a|one|two|three|six|twelve|\\d+)\\s+(?:years?|months?|quarters?|weeks?)"
            + "\\s+(?:ago|earlier|before)\\b");

    private static final Pattern FROM_BEFORE = WordList.compile("\\b(?:from|against|versus|vs\\.?|compared (?:with|to)|"
            + "down from|up from)\\s+(?:(?:an?|the)\\s+)?(?:(?:record|revised|previous|earlier|initial|estimated)\\s+)?[$€£]?\\s*$");
    private static final Pattern EARLIER_AFTER = Pattern.compile("(?:\\s*(?:%|percent|per cent|percentage points?|"
            + "(?:million|billion|thousand)?\\s*\\p{L}*))?\\s*(?:in\\s+)?(?:(?:a|one|the)\\s+(?:year|month|quarter|week)\\s+"
            + "(?:earlier|before|ago)|(?:the\\s+)?(?:previous|prior|preceding)\\s+(?:year|month|quarter|week)|"
            + "(?:a|one)\\s+year\\s+(?:earlier|before|ago)|previously|earlier)\\b");

    /** When a sentence says its figures held, slot by slot: a day of the week, a part of the day, a month, a year, a quarter. */
    private static final Pattern WHEN = Pattern.compile("\\b(?:(?<day>[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|"
            + "[Ss]aturday|[Ss]unday)|(?<part>morning|afternoon|evening|night|overnight|midday|noon|lunchtime|midnight|"
            // a market's day: "in early trading", "at the close", "closed 9% lower"
            + "early trading|at the open|at the close|closed(?=\\s+(?:up|down|higher|lower|\\d[\\d.,]*\\s*(?:%|per ?cent|percent))))|"
            // how long a count ran for: "in the past week" and "so far this year" count two periods
            + "(?:in |over |during )?(?:the )?(?:past|previous) (?<period>day|week|month|year|24 hours|seven days|12 months)|"
            + "so far this (?<sofar>week|month|year)|(?<month>January|"
            + "February|March|April|June|July|August|September|October|November|December)|(?<year>(?:19|20)\\d\\d)(?![\\d,.%])|"
            + "(?<quarter>first|second|third|fourth|final|last) quarter|"
            // how often: "3,500 tonnes a week" and "180,000 tonnes a year" are two rates, not one
            + "(?<![Ff]or |[Ii]n |than |within |[Oo]ver |after |once |twice |half |about |nearly |almost )(?:a|an|per|each|every) "
            + "(?<per>hour|day|night|week|month|quarter|year)(?! ago| earlier| before| later| after| on| from| or)|"
            + "(?<perly>hourly|daily|nightly|weekly|monthly|quarterly|yearly|annual|annually|annuali[sz]ed))\\b");

    /**
     * The times the clause of a figure names, each as {@code slot:value} ("day:monday", "part:evening", "year:2025"): a running
     * count told for Monday morning and for Monday evening, or for two years, is two figures, not one told twice.
     */
    public static Set<String> when(String sentence, String figureText) {
        String cased = Normalizer.normalize(sentence, Normalizer.Form.NFKC);
        String lower = cased.toLowerCase(Locale.ROOT);
        int at = figureText == null ? -1 : lower.indexOf(figureText.toLowerCase(Locale.ROOT));
        // the figure's own clause: "spent the night" beside "61,000 homes ... on Monday morning" dates nothing
        int[] bounds = at < 0 ? new int[] {0, lower.length()} : clause(lower, at, figureText.length());
        Set<String> times = new java.util.HashSet<>();
        Matcher m = WHEN.matcher((lower.length() == cased.length() ? cased : lower).substring(bounds[0], bounds[1]));
        while (m.find()) {
            for (String slot : new String[] {"day", "part", "month", "year", "quarter", "period", "sofar", "per", "perly"}) {
                if (m.group(slot) != null) {
                    times.add(switch (slot) {
                        case "sofar" -> "period";
                        case "perly" -> "per";
                        default -> slot;
                    } + ":" + switch (m.group(slot).toLowerCase(Locale.ROOT)) {
                        case "overnight" -> "night";
                        case "noon", "lunchtime" -> "midday";
                        case "early trading", "at the open" -> "morning";
                        case "at the close", "closed" -> "close";
                        case "24 hours" -> "day";
                        case "seven days" -> "week";
                        case "12 months", "yearly", "annual", "annually", "annualised", "annualized" -> "year";
                        case "hourly" -> "hour";
                        case "daily" -> "day";
                        case "nightly" -> "night";
                        case "weekly" -> "week";
                        case "monthly" -> "month";
                        case "quarterly" -> "quarter";
                        default -> m.group(slot).toLowerCase(Locale.ROOT);
                    });
                }
            }
        }
        return times;
    }

    /** Whether two sentences' times differ in a slot both name, sharing no value there: Monday morning and Monday evening. */
    public static boolean atOtherTimes(Set<String> a, Set<String> b) {
        for (String slot : new String[] {"day:", "part:", "month:", "year:", "quarter:", "period:", "per:"}) {
            boolean inA = false;
            boolean inB = false;
            boolean shared = false;
            for (String t : a) {
                if (t.startsWith(slot)) {
                    inA = true;
                    shared |= b.contains(t);
                }
            }
            for (String t : b) {
                inB |= t.startsWith(slot);
            }
            if (inA && inB && !shared) {
                return true;
            }
        }
        return false;
    }

    /**
     * What figures are compared by: a percentage however it is written ("%", "per cent"), a currency by name
     * whether a sign or a word gave it ("€", "euros"), any other unit as its crude stem.
     */
    public static String unitKey(String unit) {
        if (unit == null) {
            return null;
        }
        // "a 60m-wide section", "a 46-metre-high wall": the unit, whichever way it runs
        String u = unit.strip().toLowerCase(Locale.ROOT).replaceFirst("(?<=\\p{L})-(?:wide|high|long|deep|tall|thick)$", "");
        if (PERCENT.matcher(u).matches()) {
            return "%";
        }
        return switch (u) {
            case "usd", "dollar", "dollars", "bucks" -> "dollar";
            case "eur", "euro", "euros" -> "euro";
            case "gbp", "pound", "pounds", "sterling" -> "pound";
            case "mm", "millimetre", "millimetres", "millimeter", "millimeters" -> "mm";
            case "cm", "centimetre", "centimetres", "centimeter", "centimeters" -> "cm";
            case "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers" -> "km";
            case "m", "metre", "metres", "meter", "meters" -> "metre";
            case "mile", "miles", "mi" -> "mile";
            case "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms" -> "kg";
            case "t", "tonne", "tonnes", "ton", "tons" -> "tonne";
            case "c", "°c", "celsius", "degree", "degrees", "f", "°f", "fahrenheit" -> "degree";
            default -> {
                String stem = ClaimSimilarity.stem(u);
                yield COUNTED_AS.getOrDefault(stem, stem);
            }
        };
    }

    /** Nouns that count the same things, by the stem of the one used for them all: planes are aircraft, marchers protesters. */
    private static final Map<String, String> COUNTED_AS = Map.ofEntries(Map.entry("plane", "aircraft"),
            Map.entry("airplane", "aircraft"), Map.entry("aeroplane", "aircraft"), Map.entry("troop", "soldier"),
            Map.entry("servicemen", "soldier"), Map.entry("serviceman", "soldier"), Map.entry("demonstrator", "protester"),
            Map.entry("marcher", "protester"), Map.entry("protestor", "protester"), Map.entry("pupil", "student"),
            Map.entry("schoolchildren", "student"), Map.entry("traveller", "passenger"), Map.entry("traveler", "passenger"),
            Map.entry("vessel", "ship"), Map.entry("tugboat", "tug"), Map.entry("inmate", "prisoner"),
            Map.entry("detainee", "prisoner"), Map.entry("inhabitant", "resident"), Map.entry("household", "home"),
            Map.entry("house", "home"), Map.entry("dwelling", "home"), Map.entry("box", "container"), Map.entry("boxe", "container"),
            Map.entry("children", "child"), Map.entry("kid", "child"), Map.entry("youngster", "child"),
            Map.entry("employee", "worker"), Map.entry("staff", "worker"), Map.entry("personnel", "worker"),
            Map.entry("airliner", "aircraft"), Map.entry("jet", "aircraft"), Map.entry("lorry", "truck"),
            Map.entry("policeman", "officer"), Map.entry("policemen", "officer"), Map.entry("physician", "doctor"),
            Map.entry("subscriber", "customer"), Map.entry("client", "customer"));

    /** Whether a figure in this unit is an amount of money or a percentage, whose measure its clause tells. */
    public static boolean amount(String unit) {
        return unit != null && (CURRENCY.matcher(unit.strip()).matches() || PERCENT.matcher(unit.strip()).matches());
    }

    private static boolean wordIn(Pattern words, String text) {
        Matcher m = words.matcher(text);
        while (m.find()) {
            if (wholeWord(text, m)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a match stands as whole words: "strike" in "strikers" or "case" in "showcase" does not. */
    private static boolean wholeWord(String text, Matcher m) {
        return (m.start() == 0 || !Character.isLetter(text.charAt(m.start() - 1)))
                && (m.end() == text.length() || !Character.isLetter(text.charAt(m.end())));
    }

    /** A claim's measure: a figure's (read in the claim's sentence), null for other claims. */
    public static String measure(String type, Quantity q, String text) {
        return ClaimType.STATISTIC.name().equals(type) ? inSentence(q, text) : null;
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

    /**
     * Words that tell a count as the newer value of one that runs on, within the few words before it: "raised the
     * toll to nine", "now puts the number at 14".
     */
    private static final Pattern UPDATE_BEFORE = Pattern.compile("\\b(?:now(?!-)|raised|revised|updated|risen|rose|climbed|latest)\\b"
            + "(?:\\s+[\\p{L}'’]+){0,4}\\s+$");

    /**
     * Whether a percentage is told as a change ("rose 6 percent", "up 3 points", "an increase of 6.4 percent", "8 per cent
     * more than") rather than as a level ("on 52 percent", "rose to 5.1%"): a change of 6 and a level of 7 are two
     * measures, however alike their sentences.
     */
    public static boolean toldAsChange(String sentence, String figureText, String unit) {
        if (unit == null || !PERCENT.matcher(unit).matches() && !POINTS.matcher(unit).matches()) {
            return false;
        }
        Located figure = Located.in(sentence, figureText);
        return figure != null && (CHANGE_BEFORE.matcher(figure.clauseBefore()).find() || CHANGE_AFTER.matcher(figure.clauseAfter()).lookingAt());
    }

    private static final Pattern CHANGE_BEFORE = Pattern.compile("(?:\\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|grew|grow(?:s|n|ing)?|"
            + "climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|dropp?(?:ed|s|ing)?|declin(?:ed|es|ing)|increas(?:ed|es|ing)|decreas(?:ed|es|ing)|"
            + "gain(?:ed|s|ing)?|slipp?(?:ed|s|ing)?|surg(?:ed|es|ing)|plung(?:ed|es|ing))(?:\\s+by)?|"
            // "up 8%", "was down 3 points"; not a verb's particle: "making up 11%"
            + "(?:^\\s*|[,;(]\\s*|\\b(?:is|was|are|were|be|been|now|still)\\s+)(?:up|down)|"
            // "raise tuition by more than 40 per cent", "cut by 5%": a percentage by which something moved
            + "\\bby|"
            + "\\b(?:an?\\s+)?(?:increase|rise|fall|drop|decline|jump|gain|cut|reduction)\\s+of)"
            + "\\s+(?:(?:another|a further|about|around|nearly|almost|some|roughly|just|only|more than|less than|over|under)\\s+)?"
            + "[$€£]?\\s*$");
    private static final Pattern CHANGE_AFTER = Pattern.compile("^\\s*(?:%|per ?cent|percent|percentage points?|points?)?\\s+"
            + "(?:more|less|fewer|higher|lower|up|down|(?:rise|increase|fall|drop|cut|decline|jump|gain|hike|reduction)s?)\\b");

    /** How a count of a running story is told: as found, as risen to its value, or as where it now stands. */
    public enum Telling { AS_FOUND, RISEN, STANDING }

    /**
     * How a count (not a sum or a rate) is told in its clause: {@code STANDING} where it now stands, whichever way it
     * moved ("now puts the dead at 9", "eight were still missing", "revised the toll to"), {@code RISEN} as risen to it
     * ("rose to 14"), else {@code AS_FOUND}. A later report's "now puts the dead at 9" updates an earlier "five dead"
     * rather than disputing it.
     */
    public static Telling told(String sentence, String figureText, String unit) {
        Located figure = amount(unit) ? null : Located.in(sentence, figureText);
        if (figure == null) {
            return Telling.AS_FOUND;
        }
        String before = figure.at() == 0 ? null : figure.clauseBefore();
        if (before != null && STANDING_BEFORE.matcher(before).find() || STANDS_AFTER.matcher(figure.clauseAfter()).lookingAt()) {
            return Telling.STANDING;
        }
        return before != null && UPDATE_BEFORE.matcher(before).find() ? Telling.RISEN : Telling.AS_FOUND;
    }

    /** Whether a count is told as the newer value of a running count: risen to it, or standing now. */
    public static boolean toldAsUpdate(String sentence, String figureText, String unit) {
        return told(sentence, figureText, unit) != Telling.AS_FOUND;
    }

    private static final Pattern STANDING_BEFORE = Pattern.compile("\\b(?:now(?!-)|revised|updated|latest)\\b(?:\\s+[\\p{L}'’]+){0,4}\\s+$");

    /** Words after a count that tell where it stands now: "eight people were still missing", "19 remain in hospital". */
    private static final Pattern STANDS_AFTER = Pattern.compile("^(?:\\s+(?!(?:and|but|or|while)\\b)[\\p{L}'’-]+){0,3}?\\s+"
            + "(?:still|now|remain(?:s|ed|ing)?)\\b");

    /** The figure's clause up to the figure, lower-cased; null when the figure opens the sentence or is not in it. */
    private static String clauseBefore(String sentence, String figureText) {
        Located figure = Located.in(sentence, figureText);
        return figure == null || figure.at() == 0 ? null : figure.clauseBefore();
    }

    /** The verb a figure directly follows, as a bare verb too: "plans to open 8 branches". */
    private static final Pattern VERB_BEFORE = Pattern.compile("(\\p{L}+)\\s+$");
    private static final Pattern OPEN = Pattern.compile("open|opens");

    /**
     * What is done to what a figure counts, from the verb just before it in its clause ({@link #HAPPENINGS}): "shut 25
     * branches" and "open 8 branches" count two things, whatever their nouns share.
     */
    public static Set<String> doneTo(String sentence, String figureText) {
        String before = clauseBefore(sentence, figureText);
        Matcher verb = before == null ? null : VERB_BEFORE.matcher(before);
        if (verb == null || !verb.find()) {
            return Set.of();
        }
        String word = verb.group(1);
        return OPEN.matcher(word).matches() ? Set.of("open") : happenings(word);
    }

    /** The kinds of happening a sentence tells ({@link #HAPPENINGS}), each told as whole words. */
    public static Set<String> happenings(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Set<String> kinds = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, Pattern> kind : HAPPENINGS.entrySet()) {
            if (wordIn(kind.getValue(), s)) {
                kinds.add(kind.getKey());
            }
        }
        return kinds;
    }

    /** Every movement a sentence tells, in the order it tells them: "regained the town after the rebels withdrew". */
    public static Set<String> actions(String text) {
        return new java.util.LinkedHashSet<>(actionsAt(text).values());
    }

    /** Where each movement a sentence tells is told, by the position of its verb (NFKC positions of {@code text}). */
    static java.util.NavigableMap<Integer, String> actionsAt(String text) {
        String cased = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String s = cased.toLowerCase(Locale.ROOT);
        java.util.TreeMap<Integer, String> at = new java.util.TreeMap<>();
        for (Map.Entry<String, Pattern> action : ACTIONS.entrySet()) {
            Matcher m = action.getValue().matcher(s);
            while (m.find()) {
                // a capitalised word inside the sentence is a name: the "Liberation Front", "Advance Party" move nothing
                boolean name = m.start() > 0 && s.length() == cased.length() && Character.isUpperCase(cased.charAt(m.start()));
                if (wholeWord(s, m) && !name) {
                    at.putIfAbsent(m.start(), action.getKey());
                    break;
                }
            }
        }
        return at;
    }

    /**
     * Whether two counted nouns can be one count: the same noun, or either unnamed or naming anyone ("people").
     * Stems are compared, so "worker" meets "workers".
     */
    static boolean sameCounted(String a, String b) {
        return a == null || b == null || a.equals(b) || anyone(a) || anyone(b);
    }

    /**
     * Whether a counted noun (its stem) has the shape of one naming people by what they do or are: runners, spectators,
     * patients, civilians, refugees ("-er", "-or", "-ist", "-ian", "-ant", "-ent", "-ee").
     */
    public static boolean personShaped(String counted) {
        return counted != null && (anyone(counted) || PERSON_SHAPE.matcher(counted).matches());
    }

    private static final Pattern PERSON_SHAPE = Pattern.compile("\\p{Ll}{3,}(?:er|or|ist|ian|ant|ent|ee)");

    /** Whether a counted noun (or its stem) counts people without saying who: "people", "residents", "others". */
    public static boolean anyone(String counted) {
        return counted != null && (ANYONE.contains(counted) || ANYONE.contains(counted + "s"));
    }
}
