package dev.claimdesk.claims.extraction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article's clean text into typed claims: a STATISTIC per figure, and per sentence at most one of
 * QUOTE (quoted words with their speaker), MILITARY_ACTION (forces moving, fighting or holding at places)
 * or EVENT (another checkable happening), each scored for check-worthiness. Plain Java, no state between
 * calls but the speaker of the text being read.
 */
public final class ClaimExtractor {

    private static final String NAME = "(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Sgt|Capt|Rev|Sen|Rep|Gov|Insp)\\.\\s+)?"
            + "\\p{Lu}[\\p{L}’'\\-]+(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}’'\\-]+))*";
    private static final String ROLE = "(?:official|officials|spokesman|spokeswoman|spokesperson|minister|president|"
            + "commander|source|sources|diplomat|analyst|adviser|advisor|negotiator|officer|general|mayor|governor|"
            + "ambassador|secretary|chief|aide|lawmaker|senator|representative|expert|witness|resident|residents|"
            + "prosecutor|envoy|leader|head|delegation|ministry|kremlin|pentagon)";
    /** A name with the lower-case role news puts before it: "agency chief Marta Holm". */
    private static final String TITLED = "(?:\\p{Ll}[\\p{L}\\-]*\\s+){0,3}" + NAME;
    private static final String DESCRIBED = "(?<![\\p{L}])(?:an?|the|another|one)\\s+(?:[\\p{L}.’'\\-]+\\s+){0,5}?" + ROLE;
    static final String SPEECH = "(?:said|says|told|added|stated|noted|claimed|warned|wrote|tweeted|insisted|"
            + "explained|announced|declared|stressed|argued|continued|replied|remarked|posted|asserted|acknowledged|"
            + "admitted|confirmed|concluded|emphasized|emphasised|indicated|suggested|predicted|vowed|urged|recalled|"
            + "reported|was quoted as saying|were quoted as saying|was quoted|wrote)";
    private static final Pattern SPEECH_VERB = WordList.compile("\\b" + SPEECH + "\\b");
    private static final Pattern ENTITY = Pattern.compile("\\s\\p{Lu}[\\p{L}’'\\-]+");
    /**
     * Quoted words: a closed quotation, one left open to the sentence's end, or the end of one opened in an earlier
     * sentence. A straight mark opens after a space or at the start and closes after a word.
     */
    private static final Pattern QUOTED = Pattern.compile("[“\"]([^”\"]{3,})[”\"]|(?:“|(?<![^\\s(])\")[^”\"]{12,}$"
            + "|^[^“\"]{12,}(?:”|(?<=\\S)\")");
    private static final Pattern SPEAKER_AFTER = Pattern.compile(
            "[”\"],?\\s+(?:" + SPEECH + "\\s+(" + TITLED + "|" + DESCRIBED + ")|(" + TITLED + "|" + DESCRIBED + "|he|she|they)\\s+" + SPEECH + ")");
    private static final Pattern SPEAKER_BEFORE = Pattern.compile(
            "(" + NAME + "\\s+of\\s+(?:the\\s+)?" + NAME + "|" + NAME + "|" + DESCRIBED + "|[Hh]e|[Ss]he|[Tt]hey)(?:,[^,]{1,80},)?\\s+(?:" + SPEECH + "|called)\\b[^“\"]{0,150}[“\"]");
    private static final Pattern ACCORDING_TO = Pattern.compile("(?i)according to\\s+(" + NAME + "|" + DESCRIBED + "|[\\p{L}\\s]{3,40}?)(?=[,.;]|$)");
    /** Verbs and nouns that tell a military movement whoever is named. */
    private static final Pattern MILITARY = WordList.compile("(?i)\\b(?:withdr[ae]w\\w*|draw(?:ing|s|n)? ?back|drew back|"
            + "pull(?:ed|ing|s)? (?:back|out)|fall(?:ing|s)? back|fell back|retreat\\w*|recaptur\\w*|retak\\w*|"
            + "retook|shell(?:ed|ing)|bomb(?:ed|ing)|airstrikes?|air strikes?|missile strikes?|"
            + "invad\\w*|encircl\\w*|besieg\\w*|push(?:ed|ing)? (?:them |the \\w+ )?back|"
            + "pushed away|counteroffensive|counter-offensive|defensive positions|liberat\\w*|regroup\\w*|"
            + "hit by (?:an? )?(?:shell|missile|rocket|drone|air ?strike)s?|"
            // forces turned to another front: "will now focus its efforts on eastern Ukraine"
            + "(?:refocus|reshift|reconcentrat|focus|shift|concentrat|redirect|redeploy)\\w* (?:its|their|the) (?:military |main )?"
            + "(?:efforts|operations|forces|troops|offensive|attention) (?:on|to|toward|towards))\\b");
    /**
     * Verbs of movement that news of any kind uses ("as the bus entered the tunnel", "questioned over the attack",
     * "shares advanced"): a military action only where forces are named.
     */
    private static final Pattern MOVED_IF_FORCES = WordList.compile("(?i)\\b(?:advanc(?:e|ed|es|ing)|captur\\w*|seiz\\w*|"
            + "shells?|bombs|strik(?:e|es|ing)|struck|attack(?:ed|ing|s)?|stall(?:ed|ing|s)?|deploy\\w*|mobiliz\\w*|"
            + "occupi\\w*|entered|surrounded|reinforc\\w*|pushed)\\b");
    private static final Pattern FORCES = WordList.compile("(?i)\\b(?:troops?|forces|soldiers|army|armies|units|"
            + "battalions?|brigades?|tanks|convoys?|fighters|militants|rebels|separatists|advance|offensive|artillery|"
            + "shells|missiles|rockets|drones|warplanes|warships|militias?|insurgents|infantry|marines|paratroopers|military|"
            + "navy|air force|gunmen|jets)\\b");
    /** Addressing the reader: appeals, newsletters, notes to readers, never a claim. */
    private static final Pattern TO_READER = WordList.compile("(?i)\\b(?:you|your|please|subscribe|newsletter|"
            + "this article was updated|click here|sign up)\\b");
    /** A refusal or failure to comment, which states nothing to check. */
    private static final Pattern NO_COMMENT = WordList.compile("(?i)\\b(?:declin(?:ed|es|ing) to comment|refus(?:ed|es|ing) to comment|"
            + "(?:would|could|did) not (?:immediately )?comment|not (?:immediately )?available for comment|"
            + "could not (?:immediately )?be reached for comment|no comment\\b|(?:did|has|have) not (?:immediately )?"
            + "respond(?:ed)? to (?:an? )?requests? for comment)");
    /** Something that happened or was decided: the verbs of events, not of states ("is", "has") or views. */
    private static final Pattern EVENTIVE = WordList.compile("(?i)\\b(?:announc|agree|signed|signing|met\\b|meet|impos|"
            + "launch|declar|propos|approv|reject|voted|elect|appoint|resign|arrest|charged|releas|visit|host|held|hold|"
            + "opened|closed|banned|froze|freez|pledg|promis|sent\\b|send|deliver|suppli|supply|cut|suspend|expel|"
            + "recall|designat|damag|destroy|evacuat|reduc|accept|offer|warn|denied|deny|confirm|sanction|order|decid|"
            + "plann|schedul|scale|taken offline|cyberattack|talks|negotiat|publish|report|found|killed|died|"
            // courts, councils, companies and clubs: rulings, filings, results, closures, signings
            + "ruled|ruling|issued|shut|switched|completed|refused|sought|seeking|filed|traced|certif|reopen|restor|"
            + "began|begun|won\\b|elected|defeated|resumed|postpon|cancel|hired|sacked|dismiss|acquitted|convicted|"
            + "sentenced|jailed|fined|sued|appeal|ratifi|passed|vetoed|raised|lowered|trained|recruit|acquir|merg)\\w*");
    /** Matched against the lower-cased sentence: a case-blind scan costs more. */
    private static final Pattern OPINION = WordList.compile("\\b(?:i think|we think|i believe|we believe|in my view|"
            + "i feel|we feel|our feelings|my feelings|"
            + "should|ought|hope|hopes|hoped|might|may well|perhaps|probably|seems|appears to|opinion|"
            + "it is time|we must|let us|let's)\\b");
    private static final Pattern CASUALTIES = WordList.compile("(?i)\\b(?:killed|killing|dead|deaths?|died|wounded|wounding|injured|injuring|hurt|"
            + "casualt\\w*|missing|displaced|refugees|fled|civilians|children|victims)\\b");
    private static final Pattern PLACE = WordList.compile("\\b(?:in|near|around|toward|towards|from|outside|into|"
            + "on|at|of|across|to|between|including|like|such as)\\s+(?:the\\s+)?(?:(?:city|town|village|region|cities|towns|capital|"
            + "suburb|port|area)\\s+(?:of\\s+)?)?(" + "\\p{Lu}[\\p{L}’'\\-]+(?:\\s+\\p{Lu}[\\p{L}’'\\-]+)?" + ")");
    private static final Pattern ACTOR = Pattern.compile("^(?:[Tt]he\\s+)?((?:" + "\\p{Lu}[\\p{L}’'\\-]+\\s+){0,3}"
            + "(?:forces|troops|army|military|soldiers|units|fighters|separatists)|\\p{Lu}[\\p{L}’'\\-]+(?:\\s+\\p{Lu}[\\p{L}’'\\-]+){0,2})");
    private static final Set<String> NOT_PLACES = Set.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "The", "A", "An", "NATO", "President", "Minister",
            "Defense", "Defence", "Deputy", "Foreign", "Russian", "Ukrainian", "American", "European", "Western",
            "He", "She", "They", "It", "We", "I", "This", "That", "Tuesday's", "Monday's", "Reuters", "AP", "CNN",
            "Sen", "Gen", "Col", "Mr", "Mrs", "Ms", "Dr");
    /** A person named with a title or role: "Mayor Anna Dras", "President Volodymyr Zelenskyy". */
    private static final Pattern PERSON = WordList.compile("\\b(?:Mayor|President|Minister|Governor|Secretary|Chancellor|"
            + "Prime Minister|General|Gen\\.|Colonel|Col\\.|Dr\\.|Mr\\.|Mrs\\.|Ms\\.|Senator|Sen\\.|spokesman|spokeswoman|"
            + "chief|leader|commander|official|mayor|minister|president)\\s+(\\p{Lu}[\\p{L}’'\\-]+\\s+\\p{Lu}[\\p{L}’'\\-]+)");
    /** The reporters' own observation or report, not someone's claim. */
    private static final Pattern SEEING = WordList.compile("\\b(?:saw|see|seen|witnessed|discovered|found|spotted|reports|"
            + "reported|first-hand)\\b");
    private static final Pattern SEEN_BY_REPORTERS = WordList.compile("(?i)\\b(?:reporters?|correspondents?|"
            + "(?:her|his|our|their) team|journalists?)\\b[^.;]*$");
    private static final Pattern SEEING_ITSELF = Pattern.compile("^(?:saw firsthand|reports that|reported that|first-hand)");
    /** A statement that only points back at another ("echoed this statement"): no content of its own to check. */
    private static final Pattern ECHO = WordList.compile("(?i)\\b(?:echoed|repeated|reiterated|endorsed|welcomed|rejected|"
            + "disputed|confirmed)\\s+(?:this|that|the|these|those)\\s+(?:statement|claim|claims|view|remarks?|position|"
            + "assessment|account|report)s?\\s*[.!]?$");
    /** What could happen, under a condition or not. */
    private static final Pattern PREDICTION = WordList.compile("(?i)\\b(?:could|would\\b[^.;]{0,80}\\bif|is expected to|are expected to|"
            + "is likely to|are likely to|must)\\b");
    /** Going on for a while: "have been pushing", "has been unable". */
    private static final Pattern BACKGROUND = WordList.compile("(?i)\\b(?:has|have) been (?:\\w+ing|unable|trying)\\b");
    private static final Pattern PRONOUN = Pattern.compile("(?i)^(?:he|she|they)$");
    /** A body spoken of before, as the subject of reported speech ("It denied reports that ..."); never a person. */
    private static final String IT = "It";

    /** A speaker that names someone spoken of before: he, she, they, or a body as "It". */
    private static boolean refersBack(String who) {
        return PRONOUN.matcher(who).matches() || who.equals(IT);
    }

    /** Who may report something: a role, a body that speaks as one, or a person named (checked apart). */
    private static final Pattern REPORTER_NOUN = WordList.compile("(?i)\\b(?:" + ROLE.substring(3, ROLE.length() - 1)
            + "|union|company|court|council|group|campaign|club|clubs|authority|commission|defen[cs]e|police|army|military|"
            + "government|party|operator|department|office|agency|board|committee|lawyer|lawyers|attorney|manager|"
            + "director|coach|chairman|chairwoman|chair|executive|owner|agent|secretary|economist|economists|statement|"
            + "organisers|organizers|investigators|doctors|researchers|scientists|bank|regulator|firm|insurer|airline|"
            + "operator|rebels|fighters|front|movement|ministry|prosecution|prosecutors|judge|jury|inquiry|report|service|"
            + "institute|observatory|coastguard|utility|watchdog|officials?)s?\\b");
    /**
     * Reported speech with its speaker first: "[On Tuesday, ]Mayor Lise Horvath[, who ...,] said (that) ...", "A
     * spokesperson for the operator rejected reports that ...", "She told the chamber that ...".
     */
    /** Who speaks, as a phrase of up to eight words: "Pahl's lawyer", "A spokesperson for the operator", "She". */
    private static final String SPEAKER_PHRASE = "(?:[\\p{L}’'.\\-]+\\s+){0,7}?[\\p{L}’'.\\-]+";
    private static final Pattern REPORTED_FIRST = Pattern.compile("^(?:[^,]{1,40},\\s+)?"
            + "(" + SPEAKER_PHRASE + ")(,\\s+[^,]{2,60},)?\\s+"
            + "(?:also\\s+|later\\s+|previously\\s+|has\\s+|had\\s+|have\\s+)?"
            + "(?:said|says|told(?:\\s+[^,.;]{1,40}?)??|added|announced|insisted|warned|argued|claimed|stressed|"
            + "confirmed|acknowledged|admitted|predicted|estimated|denied|maintained|promised|pledged|vowed|ruled\\s+out|"
            + "(?:rejected|dismissed|disputed)\\s+(?:[\\p{L}’'\\-]+\\s+){0,6}?(?:reports?|claims?|suggestions?|criticism|"
            + "accusations?|allegations?|charges?)(?:\\s+[^,.;]{0,60}?)?)"
            + "(?:\\s+(?:on|late on|early on)\\s+\\p{Lu}\\p{L}+(?:\\s+(?:morning|afternoon|evening|night))?)?,?\\s+(?:that\\s+)?"
            + "(\\S+(?:\\s+\\S+){3,})");
    /** Reported speech with its speaker last: "..., the ministry said.", "..., said Anna Berg.", "..., she added." */
    private static final Pattern REPORTED_LAST = Pattern.compile(",\\s+(?:(?:said|says|added)\\s+("
            + SPEAKER_PHRASE + ")|(" + SPEAKER_PHRASE + ")\\s+"
            + "(?:said|says|added|told\\s+[^,.;]{1,40}?))(?:\\s+(?:on|late on|early on)\\s+\\p{Lu}\\p{L}+)?\\.?$");
    /**
     * A person who opens a sentence, named with a title or role: "Prosecutor Iris Telford had sought ...", "Dr. Henrik
     * Moll, the operator's chief executive, estimated ...". The next "she said" most likely means them.
     */
    private static final Pattern SUBJECT_PERSON = Pattern.compile("^(?:[^,]{1,30},\\s+)?((?:[\\p{L}’'.\\-]+\\s+){0,3}?"
            + "(?:(?i:dr\\.|mr\\.|mrs\\.|ms\\.|prof\\.|judge|prosecutor|mayor|president|minister|governor|colonel|general|"
            + "captain|senator|chancellor|inspector|sergeant|coach|chairman|chairwoman|chair|executive|director|coordinator|"
            + "spokesperson|spokesman|spokeswoman|secretary|lawyer|officer|manager|economist|agent|leader|commander|"
            + "councillor|chief|head|analyst|founder|owner|doctor|nurse|professor))\\s+"
            + "\\p{Lu}[\\p{L}’'\\-]+(?:\\s+\\p{Lu}[\\p{L}’'\\-]+)+)(?:,[^,]{1,80},)?\\s+\\p{Ll}");
    /** A sentence whose speaker's own verb is a denial: "The service denied reports that", not "said the men were denied bail". */
    private static final Pattern DENIAL_FIRST = Pattern.compile("^(?:[^,]{1,40},\\s+)?(" + SPEAKER_PHRASE + ")(,\\s+[^,]{2,60},)?\\s+"
            + "(?:has\\s+|had\\s+|have\\s+)?(?:denied|denies|rejected|rejects|dismissed|disputed|ruled\\s+out)\\b");

    private static boolean deniedBySpeaker(String s) {
        Matcher m = DENIAL_FIRST.matcher(s);
        return m.find() && Report.speakerOf(m.group(1), m.group(2)) != null;
    }
    /** A denial of what someone else said, which is itself the speaker's claim: "The rebels denied that claim." */
    private static final Pattern DENIED_CLAIM = Pattern.compile("^(" + SPEAKER_PHRASE + ")\\s+"
            + "(?:has\\s+|have\\s+|had\\s+)?(?:denied|rejected|dismissed|disputed)\\s+(?:that|the|this|these|those|such)\\s+"
            + "(?:claims?|reports?|accounts?|allegations?|accusations?|charges?)\\.?$");
    private static final Pattern REPORTING_VERB = WordList.compile("\\b(?:said|says|told|added|announced|insisted|warned|argued|"
            + "claimed|stressed|confirmed|acknowledged|admitted|predicted|estimated|denied|maintained|promised|pledged|vowed|"
            + "rejected|dismissed|disputed|ruled out)\\b");
    /** A mere possibility reported is no claim yet: "said the two leaders could meet". */
    private static final Pattern POSSIBILITY = WordList.compile("(?i)\\b(?:could|might|may)\\b");
    private static final Pattern CLAUSE_OPENER = Pattern.compile("(?i)^(?:who|which|whose|where|when|speaking|asked|"
            + "according|in|on|at|after|before|while)\\b");

    private final SentenceSegmenter segmenter = new SentenceSegmenter();
    private final QuantityExtractor quantities = new QuantityExtractor();

    /** Claims of {@code text}; none, with a status saying why, when the text is not English. */
    public Extraction extract(String text, String language) {
        if (language != null && !language.isBlank() && !language.toLowerCase(Locale.ROOT).startsWith("en")
                && !language.equalsIgnoreCase("und")) {
            return new Extraction(Extraction.Status.NOT_ENGLISH, List.of());
        }
        if (text == null || text.isBlank()) {
            return new Extraction(Extraction.Status.EMPTY, List.of());
        }
        List<Sentence> sentences = segmenter.split(text);
        String[] speakers = new String[sentences.size()];
        Report[] reports = new Report[sentences.size()];
        boolean[] quoted = new boolean[sentences.size()];
        // who "he" or "she" means: the last person named as speaker or as the one who acted, else the last titled one;
        // "they" only a body that spoke ("the union"), never one person
        boolean[] unattributed = new boolean[sentences.size()];
        String lastSpeaker = null;
        String lastPerson = null;
        String lastBody = null;
        // "it" means a body only while it is the one just spoken of: the sentence before, or the one before that
        int lastBodyAt = -10;
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            String speaker = speaker(sentence.text());
            if (speaker != null && PRONOUN.matcher(speaker).matches()) {
                speaker = speaker.equalsIgnoreCase("they") ? lastBody : lastSpeaker != null ? lastSpeaker : lastPerson;
                unattributed[i] = speaker == null;
            } else if (namesAPerson(speaker)) {
                lastSpeaker = speaker;
            } else if (speaker != null) {
                lastBody = speaker;
                lastBodyAt = i;
            }
            speakers[i] = speaker;
            quoted[i] = isQuotation(sentence.text()) || sentence.inQuotation();
            // a few quoted words inside reported speech ("denied that ..., saying it had 'met the level'") name no speaker
            // of their own: the report does
            Report report = quoted[i] && (speaker != null || sentence.inQuotation()) ? null : Report.of(sentence.text());
            if (report != null && refersBack(report.speaker())) {
                // "it" is a body spoken of before, never a person
                String antecedent = report.speaker().equals(IT) ? (i - lastBodyAt <= 2 ? lastBody : null)
                        : report.speaker().equalsIgnoreCase("they") ? lastBody
                        : lastSpeaker != null ? lastSpeaker : lastPerson;
                report = antecedent == null ? null : new Report(antecedent, report.first());
            } else if (report != null && namesAPerson(report.speaker())) {
                lastSpeaker = report.speaker();
            } else if (report != null) {
                lastBody = report.speaker();
                lastBodyAt = i;
            }
            reports[i] = report;
            Matcher subject = SUBJECT_PERSON.matcher(sentence.text());
            if (speaker == null && report == null && subject.find()) {
                lastSpeaker = clean(subject.group(1));
            }
            Matcher person = PERSON.matcher(sentence.text());
            while (person.find()) {
                lastPerson = person.group(1);
            }
        }
        // A quotation over several sentences names its speaker once: in its first sentence or its last.
        for (int i = 0; i < sentences.size(); i++) {
            if (!quoted[i] || speakers[i] != null) {
                continue;
            }
            for (int j = i + 1; j < sentences.size() && sentences.get(j).inQuotation(); j++) {
                if (speakers[j] != null) {
                    speakers[i] = speakers[j];
                    break;
                }
            }
            // a quote standing alone after a sentence naming its speaker: news style names a speaker once
            boolean opensWithQuote = sentences.get(i).text().startsWith("“") || sentences.get(i).text().startsWith("\"");
            if (speakers[i] == null && i > 0 && (sentences.get(i).inQuotation() || opensWithQuote)) {
                speakers[i] = speakers[i - 1];
            }
        }
        // a bare surname two people of the text share names neither: better no speaker than the wrong one
        Set<String> shared = sharedSurnames(text);
        for (int i = 0; i < sentences.size(); i++) {
            if (speakers[i] != null && shared.contains(speakers[i])) {
                speakers[i] = null;
                unattributed[i] = true;
            }
            if (reports[i] != null && shared.contains(reports[i].speaker())) {
                reports[i] = null;
            }
        }
        List<ExtractedClaim> claims = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence sentence = sentences.get(i);
            String s = sentence.text();
            if (isHeadlineOrFragment(s)) {
                continue;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            List<String> places = places(s);
            String attribution = attribution(s);
            // what the sentence states: read only for sentences that give claims
            String stated = null;
            Signals signals = null;
            boolean figures = false;
            List<Quantity> told = quantities.extract(s);
            for (Quantity q : told) {
                if (isIncidentalCount(q, s)) {
                    continue;
                }
                figures = true;
                signals = signals == null ? Signals.of(s, lower) : signals;
                stated = stated == null ? Proposition.of(s, null) : stated;
                Quantity shifted = new Quantity(q.value(), q.low(), q.high(), q.qualifier(), q.unit(), q.subject(), q.text(),
                        sentence.start() + q.start(), sentence.start() + q.end());
                // a figure someone gives, in their words or reported, is theirs to answer for
                String giver = quoted[i] ? speakers[i] : reports[i] != null && reports[i].first() ? reports[i].speaker() : null;
                claims.add(new ExtractedClaim(ClaimType.STATISTIC, s, sentence.start(), sentence.end(), shifted, giver,
                        attribution, places, null, score(ClaimType.STATISTIC, signals, places), stated));
            }
            ClaimType type = null;
            boolean toReader = TO_READER.matcher(s).find() && !quoted[i];
            if (quoted[i] && (speakers[i] != null || unattributed[i])) {
                // one claim per quotation: the sentence it opens in carries it, its continuations do not; a view
                // or a feeling in quotation marks is still no statement of fact
                type = sentence.inQuotation() || OPINION.matcher(lower).find() ? null : ClaimType.QUOTE;
            } else if (reports[i] != null && reports[i].first() && !figures && deniedBySpeaker(s)) {
                // a denial of what others reported is the denier's claim, whatever event it names
                type = ClaimType.QUOTE;
            } else if (toReader || !figures && witnessed(s)) {
                // the reporters' own observations are reporting, not a claim someone made to be checked
                type = null;
            } else if (MOVED_IF_FORCES.matcher(s).find() && FORCES.matcher(s).find()
                    || MILITARY.matcher(s).find() && (!places.isEmpty() || FORCES.matcher(s).find()
                    || actor(s, Proposition.of(s, null)) != null)) {
                type = ClaimType.MILITARY_ACTION;
            } else if (eventBesideFigures(s, figures ? told : List.of()) && hasEntity(s) && !OPINION.matcher(lower).find() && !s.endsWith("?")
                    && !ECHO.matcher(s).find() && !predicts(s)) {
                // a sentence whose figures are claims already is checked through them, not again as an event
                type = ClaimType.EVENT;
            }
            boolean noComment = !quoted[i] && NO_COMMENT.matcher(s).find();
            if (noComment) {
                // "declined to comment on reports of ...": a silence, not a statement to check
                type = null;
            }
            if (type == null && !toReader && !noComment && reports[i] != null && !figures) {
                // what someone said, denied or promised, with no figure or event of its own to check: their statement is the claim
                type = ClaimType.QUOTE;
            }
            int cut = type == ClaimType.MILITARY_ACTION ? movementsApart(s) : -1;
            if (cut > 0) {
                // two movements, one in each clause ("regained Tarsk after the rebels withdrew"): two claims, so that
                // each joins the other outlets' telling of its own movement and none is rated for the other
                for (int[] part : new int[][]{{0, cut}, {cut, s.length()}}) {
                    String clause = s.substring(part[0], part[1]).strip();
                    int from = sentence.start() + part[0] + s.substring(part[0], part[1]).indexOf(clause);
                    List<String> where = places(clause);
                    String statedHere = Proposition.of(clause, null);
                    claims.add(new ExtractedClaim(type, clause, from, from + clause.length(), null,
                            reports[i] != null && reports[i].first() ? reports[i].speaker() : null, attribution, where,
                            actor(clause, statedHere), score(type, Signals.of(clause, clause.toLowerCase(Locale.ROOT)), where), statedHere));
                }
                continue;
            }
            if (type != null) {
                signals = signals == null ? Signals.of(s, lower) : signals;
                boolean quote = type == ClaimType.QUOTE;
                stated = quote ? Proposition.of(s, type) : stated == null ? Proposition.of(s, null) : stated;
                // an event or a movement someone announces ("the ministry said it had closed ...") is told with its source
                String speaker = quote && speakers[i] != null ? speakers[i]
                        : reports[i] != null && (quote || reports[i].first()) ? reports[i].speaker() : null;
                claims.add(new ExtractedClaim(type, s, sentence.start(), sentence.end(), null,
                        speaker, attribution, places, quote ? null : actor(s, stated),
                        score(type, signals, places), stated));
            }
        }
        return new Extraction(Extraction.Status.EXTRACTED, claims);
    }

    /**
     * Where a sentence that tells two different movements, each in a clause of its own, splits: the start of the
     * conjunction that opens the second clause ("after", "as", "while", "when", "before", "once", "until", "but", "and
     * then", or a semicolon); -1 when it tells one movement, or two in one clause.
     */
    static int movementsApart(String s) {
        java.util.NavigableMap<Integer, String> at = Measures.actionsAt(s);
        if (at.size() < 2 || Normalizer.normalize(s, Normalizer.Form.NFKC).length() != s.length()) {
            return -1;
        }
        var first = at.firstEntry();
        for (var next : at.tailMap(first.getKey(), false).entrySet()) {
            if (!next.getValue().equals(first.getValue())) {
                Matcher join = CLAUSE_JOIN.matcher(s).region(first.getKey(), next.getKey());
                return join.find() ? join.start(1) : -1;
            }
        }
        return -1;
    }

    private static final Pattern CLAUSE_JOIN = Pattern.compile("(?:,\\s*|\\s)((?:after|as|while|when|before|once|until|but|"
            + "and then|whereas)\\b|;)");

    /**
     * Whether what the sentence reports is itself only a possibility ("said the leaders could meet"); a relative
     * clause commenting on it ("statements that could give the talks a boost") does not make it one.
     */
    private static boolean predicts(String s) {
        Matcher m = PREDICTION.matcher(s);
        while (m.find()) {
            if (!RELATIVE_BEFORE.matcher(s.substring(Math.max(0, m.start() - 7), m.start())).find()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern RELATIVE_BEFORE = WordList.compile("(?i)\\b(?:that|which|who)\\s+$");

    private static final Pattern NAMING = WordList.compile("(?i)\\b(?:called|dubbed|termed|labell?ed|described as|"
            + "referred to as)\\b[^“\"]{0,40}[“\"][^”\"]+[”\"]");

    /**
     * Quoted words someone said: three or more words in quotation marks, or a shorter phrase a speaker called
     * something ("called the talks “productive”"). A scare-quoted word ("would “drastically” reduce") is not.
     */
    private static boolean isQuotation(String s) {
        if (!hasQuoteMark(s)) {
            return false;
        }
        Matcher m = QUOTED.matcher(s);
        while (m.find()) {
            String inside = m.group(1) != null ? m.group(1) : m.group();
            if (inside.strip().split("\\s+").length >= 3) {
                return true;
            }
        }
        return NAMING.matcher(s).find();
    }

    /** Whether any quotation mark is in the sentence: most have none, and a quote pattern's scan costs far more. */
    private static boolean hasQuoteMark(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                return true;
            }
        }
        return false;
    }

    /** "in two key areas": a small count in words, neither a measure nor a casualty figure, is no claim. */
    /** Units of measurement and time: a small number of them is a measure, not an incidental count. */
    private static final Pattern MEASURING_UNIT = Pattern.compile("(?i)%|usd|eur|gbp|percent|per cent|percentage points?|points?|"
            + "miles?|km|kilomet\\w+|met(?:re|er)s?|cm|centimet\\w+|mm|millimet\\w+|feet|foot|ft|inch(?:es)?|yards?|"
            + "kg|kilo\\w*|grams?|tons?|tonnes?|pounds?|lbs?|lit(?:re|er)s?|gallons?|degrees?|hectares?|acres?|"
            + "seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|times");
    private static final Pattern PART_OF = Pattern.compile(" of (?:them|those|whom|these|the|its|their|his|her|our|\\p{Lu}[\\p{L}-]*['’]s)\\b");

    private static boolean isIncidentalCount(Quantity q, String s) {
        boolean inWords = !Character.isDigit(q.text().charAt(0)) && "$€£".indexOf(q.text().charAt(0)) < 0;
        boolean measure = q.unit() != null && MEASURING_UNIT.matcher(q.unit()).matches() || Measures.cared(q.text(), s) != null;
        // "six of them in intensive care": a part of a counted whole is a figure, however small
        boolean part = PART_OF.matcher(s).region(Math.min(s.length(), q.end()), s.length()).lookingAt();
        return inWords && q.value() < 10 && !measure && !part && !CASUALTIES.matcher(s).find() && !toldWhatHappened(q, s)
                && !TALLIED_WITH.matcher(s.substring(0, q.start())).find();
    }

    /** A count in digits with its noun just before "and": "carrying 140 passengers and six crew" tells one tally. */
    private static final Pattern TALLIED_WITH = Pattern.compile("\\d[\\d,.]*\\s+(?:[\\p{Ll}-]+\\s+){1,2}(?:and|plus)\\s+$");

    /** What befell those counted, said with them: "three climbers remain stranded", "two crew were rescued". */
    private static final Pattern HAPPENED_TO = Pattern.compile("\\s(?:fled|died|slain|missing|dead|unaccounted|homeless|trapped|"
            + "stranded|hurt|killed|injured|wounded|rescued|evacuated|arrested|detained|hospitali[sz]ed|displaced|freed|"
            + "released|kidnapped|abducted|held|jailed|charged|convicted)$");

    private static boolean toldWhatHappened(Quantity q, String s) {
        Matcher m = q.subject() == null ? null : HAPPENED_TO.matcher(q.subject());
        // told after them ("three climbers remain stranded"), not done by someone before ("volunteers evacuated two homes")
        return m != null && m.find() && s.indexOf(m.group().strip(), q.end()) > 0;
    }

    private static boolean isHeadlineOrFragment(String s) {
        int words = s.split("\\s+").length;
        char last = s.charAt(s.length() - 1);
        boolean terminated = ".!?\"”’'".indexOf(last) >= 0;
        return words < 5 || (!terminated && words < 25);
    }

    /**
     * Whether the sentence tells a happening of its own: an eventive verb, which in a sentence with figures must
     * not be the verb the figures hang on ("killed 23 people" is the toll, "signed X ... for a fee of 48 million"
     * is a signing and a fee).
     */
    private static boolean eventBesideFigures(String s, List<Quantity> told) {
        Matcher verb = EVENTIVE.matcher(s);
        if (told.isEmpty()) {
            return verb.find();
        }
        int firstFigure = told.isEmpty() ? s.length() : told.getFirst().start();
        while (verb.find() && verb.end() + FIGURE_REACH <= firstFigure) {
            // the main verb, told before the figures and in the past: "have signed X ... for a fee of", not "since
            // records began", "told reporters" or "the talks"
            if (PAST.matcher(verb.group()).matches() && !CASUALTIES.matcher(verb.group()).matches()
                    && !SINCE_BEFORE.matcher(s.substring(Math.max(0, verb.start() - 20), verb.start())).find()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern PAST = Pattern.compile("(?i)\\p{L}+ed|won|began|begun|shut|sent|held|met|froze|found|sought");
    private static final Pattern SINCE_BEFORE = WordList.compile("(?i)\\b(?:since|when|as|after|before)\\s+(?:\\p{L}+\\s+){0,2}$");

    /** Characters within which a verb and a figure belong together: "cut 2,100 jobs", "rose 6% to". */
    private static final int FIGURE_REACH = 25;

    /**
     * Reported (indirect) speech: who said it, and whether the sentence opens with them ("X said that ...") or ends
     * with them ("..., X said"). Only speakers that name a person, a role or a body count, and a mere possibility
     * ("said the talks could resume") is not reported as a claim.
     */
    record Report(String speaker, boolean first) {

        static Report of(String s) {
            // most sentences report no one: a plain scan for a verb of saying first, the clause patterns only then
            if (!REPORTING_VERB.matcher(s).find() || POSSIBILITY.matcher(s).find() || s.endsWith("?")) {
                return null;
            }
            Matcher m = REPORTED_FIRST.matcher(s);
            if (m.find()) {
                String who = speakerOf(m.group(1), m.group(2));
                if (who != null) {
                    return new Report(who, true);
                }
            }
            Matcher denial = DENIED_CLAIM.matcher(s);
            if (denial.matches() && Report.speakerOf(denial.group(1), null) != null) {
                return new Report(Report.speakerOf(denial.group(1), null), true);
            }
            Matcher last = REPORTED_LAST.matcher(s);
            if (last.find()) {
                String who = speakerOf(last.group(1) != null ? last.group(1) : last.group(2), null);
                if (who != null) {
                    return new Report(who, false);
                }
            }
            return null;
        }

        /** The speaker a noun phrase and its apposition name ("Pahl's lawyer, Anton Wechsler,"), or null if none. */
        private static String speakerOf(String phrase, String apposition) {
            String who = clean(phrase);
            if (who == null || CLAUSE_OPENER.matcher(who).find()) {
                return null;
            }
            boolean pronoun = refersBack(who);
            if (!pronoun && !namesSomeone(who)) {
                return null;
            }
            if (apposition != null && !pronoun) {
                String apposed = clean(apposition.substring(1, apposition.length() - 1));
                if (!CLAUSE_OPENER.matcher(apposed).find() && (namesSomeone(apposed))) {
                    return who + ", " + apposed;
                }
            }
            return who;
        }

        /** A name (a capitalised word after the first), or a role or body that speaks: never a clause. */
        private static boolean namesSomeone(String phrase) {
            String[] words = phrase.split("\\s+");
            if (words.length > 8 || phrase.matches("(?i).*\\b(?:is|are|was|were|be|been|will|would|had|has|have|that|"
                    + "and|but|because|if|when|while)\\b.*")) {
                return false;
            }
            for (int i = 0; i < words.length; i++) {
                boolean capital = Character.isUpperCase(words[i].charAt(0));
                if (capital && (i > 0 || !words[i].matches("(?:The|A|An|Its|His|Her|Their|One|Another)"))
                        && !NOT_PLACES.contains(words[i].replaceAll("[.,]", ""))) {
                    return true;
                }
            }
            return REPORTER_NOUN.matcher(phrase).find();
        }
    }

    /** The speaker as written: "Alexander Fomin", "a senior U.S. defense official", or a pronoun to resolve. */
    static String speaker(String s) {
        if (!hasQuoteMark(s)) {
            // each way of naming who spoke needs quoted words
            return null;
        }
        Matcher after = SPEAKER_AFTER.matcher(s);
        if (after.find()) {
            return clean(after.group(1) != null ? after.group(1) : after.group(2));
        }
        Matcher before = SPEAKER_BEFORE.matcher(s);
        if (before.find()) {
            return clean(before.group(1));
        }
        Matcher according = ACCORDING_TO.matcher(s);
        if (according.find() && QUOTED.matcher(s).find()) {
            return clean(according.group(1));
        }
        return null;
    }

    private static final Pattern GROUP_OF_PEOPLE = WordList.compile("(?i)\\b(?:officials|sources|residents|authorities|officers|"
            + "experts|analysts|people|staff|workers|police|prosecutors|investigators|doctors|lawyers|leaders|ministers)\\b");

    private static final Pattern FULL_NAME = Pattern.compile("\\b(\\p{Lu}\\p{Ll}+)\\s+(\\p{Lu}\\p{Ll}+)\\b");

    /** Capitalised words before a name that are titles or parts of other names, not first names. */
    private static final Set<String> NOT_FIRST_NAMES = Set.of("Mayor", "President", "Minister", "Judge", "Colonel", "General",
            "Prosecutor", "Chief", "Coach", "Senator", "Governor", "Secretary", "Prime", "Chancellor", "Captain", "Sergeant",
            "Inspector", "Professor", "Sir", "Lady", "Lord", "King", "Queen", "Prince", "Princess", "Pope", "Father", "Sister",
            "Saint", "The", "A", "An", "In", "On", "At", "For", "But", "And", "Mr", "Mrs", "Ms", "Dr", "Justice",
            "Officer", "Detective", "Commissioner", "Director", "Chairman", "Chairwoman", "Ambassador", "Bishop", "Rabbi");

    /** Surnames the text gives to two or more people with different first names ("Anna Berg" and "Lars Berg"). */
    static Set<String> sharedSurnames(String text) {
        java.util.Map<String, Set<String>> firstNames = new java.util.HashMap<>();
        Matcher m = FULL_NAME.matcher(text);
        while (m.find()) {
            if (!NOT_FIRST_NAMES.contains(m.group(1))) {
                firstNames.computeIfAbsent(m.group(2), k -> new java.util.HashSet<>()).add(m.group(1));
            }
        }
        Set<String> shared = new java.util.HashSet<>();
        firstNames.forEach((surname, firsts) -> {
            if (firsts.size() >= 2) {
                shared.add(surname);
            }
        });
        return shared;
    }

    /** A speaker someone can be referred back to as "he" or "she": a name, not "a spokesperson" or "the union". */
    private static boolean namesAPerson(String speaker) {
        return speaker != null && !PRONOUN.matcher(speaker).matches() && speaker.matches("(?s).*\\p{Lu}\\p{L}+.*")
                && !speaker.matches("(?i)^(?:an?|the|another|one)\\s.*") && !GROUP_OF_PEOPLE.matcher(speaker).find();
    }

    private static String clean(String speaker) {
        return speaker == null ? null : speaker.strip().replaceAll("\\s+", " ");
    }

    static String attribution(String s) {
        Matcher m = ACCORDING_TO.matcher(s);
        return m.find() ? "according to " + clean(m.group(1)) : null;
    }

    static List<String> places(String s) {
        Set<String> places = new LinkedHashSet<>();
        Matcher taken = TAKEN_PLACE.matcher(s);
        while (taken.find()) {
            addPlace(places, taken.group(1));
        }
        Matcher named = SETTLEMENT.matcher(s);
        while (named.find()) {
            addPlace(places, named.group(1));
        }
        Matcher m = PLACE.matcher(s);
        while (m.find()) {
            if (addPlace(places, m.group(1))) {
                // "near Kyiv and Chernihiv", "in Kherson, Kharkiv and Mariupol"
                Matcher more = LIST_CONTINUES.matcher(s).region(m.end(), s.length());
                while (more.lookingAt() && addPlace(places, more.group(1))) {
                    more.region(more.end(), s.length());
                }
            }
        }
        return List.copyOf(places);
    }

    private static final Pattern LIST_CONTINUES = Pattern.compile(
            // an item may carry where it lies: "Kherson in the south and Kharkiv to the north"
            "(?:\\s+(?:in|to|on)\\s+the\\s+\\p{Ll}+)?(?:,\\s*|\\s+and\\s+|\\s+or\\s+|,\\s+and\\s+)(?:the\\s+)?(?:\\p{Ll}+\\s+)?(?:(?:city|town|village|region|port)\\s+of\\s+)?(\\p{Lu}[\\p{L}’'\\-]+)");
    /** A settlement named by what it is, wherever it stands: "northern city Chernihiv", "the port of Odesa". */
    private static final Pattern SETTLEMENT = WordList.compile("\\b(?:city|town|village|port|capital|suburb)\\s+(?:of\\s+)?"
            + "(\\p{Lu}[\\p{L}’'\\-]+)");
    /** "retook Makariv", "recaptured the town of Trostyanets": the place is what was taken. */
    private static final Pattern TAKEN_PLACE = Pattern.compile("(?i:\\b(?:recaptured|retaken|retook|retake|captured|"
            + "seized|liberated|entered|shelled|encircled|surrounded|occupied|took|taken|bombed|struck|hit))\\s+"
            + "(?:the\\s+)?(?:(?i:city|town|village|region|port)\\s+of\\s+)?(\\p{Lu}[\\p{L}’'\\-]+)");
    private static final Pattern INSTITUTION = Pattern.compile(
            "(?i).*\\b(?:ministry|office|council|committee|agency|department|news|times|post|presidential|palace|"
                    + "university|party|union|group|company|corporation|bank|forces|army|government|parliament)\\b.*");

    private static boolean addPlace(Set<String> places, String candidate) {
        String place = candidate.replaceAll("[’']s$", "").replaceAll("[’']$", "");
        String first = place.split("\\s+")[0].replaceAll("[’'].*", "");
        if (NOT_PLACES.contains(first) || NOT_PLACES.contains(place) || place.equals(place.toUpperCase(Locale.ROOT))
                || INSTITUTION.matcher(place).matches()) {
            return false;
        }
        places.add(place);
        return true;
    }

    /**
     * Who acts: the subject of what the sentence states ("Ukrainian forces had retaken Irpin"), or, when that
     * is "it" or "its forces", whoever the sentence has saying so ("Ukraine said its forces retook Makariv").
     */
    static String actor(String sentence, String stated) {
        String actor = subject(stated);
        if (actor == null && REFERS_BACK.matcher(stated).lookingAt()) {
            actor = subject(Proposition.withoutCircumstance(sentence));
        }
        return actor;
    }

    private static final Pattern REFERS_BACK = Pattern.compile("(?i)(?:it|its|they|their)\\b");

    private static String subject(String s) {
        Matcher m = ACTOR.matcher(s);
        if (!m.find()) {
            return null;
        }
        String actor = m.group(1).strip();
        return NOT_PLACES.contains(actor) ? null : actor;
    }

    private static boolean hasEntity(String s) {
        // a capitalised word after the first one: a person, a place, an organisation
        return ENTITY.matcher(s).find();
    }

    /** What a sentence shows that moves its claims' check-worthiness, read once for all its claims. */
    record Signals(boolean casualties, boolean witnessed, boolean prediction, boolean background, boolean reported,
                   boolean opinion, boolean question, boolean harm, boolean comparison, boolean study) {

        static Signals of(String s, String lower) {
            // plain substring tests first: most sentences have none of these words, and they cost a regex scan
            boolean modal = lower.contains("could") || lower.contains("would") || lower.contains("expected to")
                    || lower.contains("likely to") || lower.contains("must");
            return new Signals(CASUALTIES.matcher(s).find(), ClaimExtractor.witnessed(s), modal && PREDICTION.matcher(s).find(),
                    lower.contains("been ") && BACKGROUND.matcher(s).find(),
                    lower.contains("according to") || SPEECH_VERB.matcher(lower).find(),
                    OPINION.matcher(lower).find(), s.endsWith("?"), HARM.matcher(lower).find(), COMPARISON.matcher(lower).find(),
                    STUDY.matcher(lower).find());
        }
    }

    /** Harm to health or safety beyond a toll: disease, contamination, disaster, crime. */
    private static final Pattern HARM = WordList.compile("\\b(?:disease|outbreak|virus|infect\\w*|cancer|pollut\\w*|contaminat\\w*|"
            + "toxic|poison\\w*|unsafe|hazard\\w*|collaps\\w*|explosion|fire|flood\\w*|storm|earthquake|crash\\w*|"
            + "crime|assault\\w*|fraud|abuse\\w*|shortage\\w*|famine|hunger|epidemic|pandemic|vaccin\\w*|hospital\\w*)\\b");
    /** A comparison or a change, which a record or an earlier figure can prove wrong. */
    private static final Pattern COMPARISON = WordList.compile("\\b(?:more than|less than|fewer than|higher|lower|rose|fell|"
            + "increas\\w*|decreas\\w*|doubled|tripled|halved|record|highest|lowest|largest|biggest|smallest|worst|best|"
            + "first time|compared|since \\d{4}|up from|down from)\\b");
    /** Data, a study or a survey the claim rests on. */
    private static final Pattern STUDY = WordList.compile("\\b(?:study|studies|survey|research|census|statistics|"
            + "figures (?:published|released|from|show\\w*)|data (?:show\\w*|from|published)|report (?:found|showed|published)|poll)\\b");

    /**
     * The reporters' own observation or report, not someone's claim: "our reporters saw", "X reports that",
     * "saw firsthand". Looks for the seeing verb first, which few sentences have, then for who saw.
     */
    static boolean witnessed(String s) {
        Matcher verb = SEEING.matcher(s);
        while (verb.find()) {
            if (SEEING_ITSELF.matcher(s.substring(verb.start(), Math.min(s.length(), verb.start() + 14))).find()
                    || SEEN_BY_REPORTERS.matcher(s.substring(Math.max(0, verb.start() - 70), verb.start())).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * 0..1 with the signals that moved it: casualties, named places, named sources, comparisons and cited data
     * raise it; the reporters' own observations, predictions, background, opinion and questions lower it.
     */
    static CheckWorthiness score(ClaimType type, Signals signals, List<String> places) {
        double base = switch (type) {
            case STATISTIC -> 0.6;
            case MILITARY_ACTION -> 0.6;
            case QUOTE -> 0.5;
            case EVENT -> 0.4;
        };
        return new CheckWorthiness.Builder(base)
                // a toll is the most checked thing there is; for a statement without a figure it is context
                .add(signals.casualties(), CheckWorthiness.CASUALTIES, type == ClaimType.STATISTIC ? 0.25 : 0.1)
                .add(!signals.casualties() && signals.harm(), CheckWorthiness.HARM, 0.05)
                .add(!places.isEmpty(), CheckWorthiness.PLACE, 0.1)
                .add(signals.reported(), CheckWorthiness.SOURCE, 0.05)
                .add(signals.comparison(), CheckWorthiness.COMPARISON, 0.05)
                .add(signals.study(), CheckWorthiness.STUDY, 0.05)
                // what the reporters themselves saw: first-hand, not a claim someone else made
                .add(signals.witnessed(), CheckWorthiness.FIRST_HAND, -0.2)
                // what may happen cannot be checked yet
                .add(signals.prediction(), CheckWorthiness.PREDICTION, -0.1)
                // a state of affairs that has gone on for a while: background, not the news being checked
                .add(signals.background(), CheckWorthiness.BACKGROUND, -0.15)
                .add(signals.opinion(), CheckWorthiness.OPINION, -0.25)
                .add(signals.question(), CheckWorthiness.QUESTION, -0.4)
                .build();
    }
}
