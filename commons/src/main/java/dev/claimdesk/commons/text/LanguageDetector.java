package dev.claimdesk.commons.text;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the language of a text by its script and, for Latin and Cyrillic, by the share of each
 * language's commonest function words. Enough to keep non-English articles out of English extraction.
 */
public final class LanguageDetector {

    public static final String UNDETERMINED = "und";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.ofEntries(
            Map.entry("en", Set.of("the", "and", "of", "to", "in", "is", "that", "it", "was", "for", "on", "with", "as", "by",
                    "he", "said", "at", "from", "his", "have", "has", "are", "were", "this", "which", "will", "would")),
            Map.entry("de", Set.of("der", "die", "und", "das", "den", "nicht", "ist", "von", "mit", "sich", "des", "auf", "für",
                    "dem", "ein", "eine", "auch", "wurde", "sind", "nach", "bei", "sagte", "werden", "aus")),
            Map.entry("fr", Set.of("le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "qui", "dans", "pour", "pas",
                    "au", "sur", "par", "avec", "ont", "été", "selon", "cette", "aux", "sont")),
            Map.entry("es", Set.of("el", "la", "los", "las", "y", "que", "del", "en", "un", "una", "por", "con", "para", "es",
                    "se", "su", "al", "como", "más", "pero", "fue", "según", "sus", "este")),
            Map.entry("it", Set.of("il", "di", "che", "la", "e", "della", "per", "un", "una", "con", "non", "sono", "del", "gli",
                    "nel", "alla", "ha", "anche", "come", "dei", "delle", "secondo", "è", "questo")),
            Map.entry("pt", Set.of("o", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "por",
                    "no", "na", "dos", "das", "ao", "foi", "segundo", "mais", "seu")),
            Map.entry("nl", Set.of("de", "het", "een", "en", "van", "dat", "niet", "is", "op", "te", "zijn", "met", "voor", "die",
                    "ook", "aan", "werd", "bij", "door", "naar", "heeft", "zei", "maar", "dit")),
            Map.entry("sv", Set.of("och", "att", "det", "som", "en", "på", "är", "av", "för", "med", "den", "till", "inte", "har",
                    "de", "ett", "om", "var", "sade", "från", "men", "vid", "kan", "efter")),
            Map.entry("pl", Set.of("i", "w", "nie", "na", "się", "z", "że", "do", "to", "jest", "jak", "po", "o", "od", "za",
                    "przez", "oraz", "ale", "jego", "dla", "został", "powiedział", "które", "tym")),
            Map.entry("tr", Set.of("ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "olan", "ama",
                    "sonra", "kadar", "dedi", "göre", "ise", "en", "her", "değil", "var", "mı", "ne")),
            Map.entry("ru", Set.of("и", "в", "не", "на", "что", "с", "по", "это", "как", "его", "к", "из", "за", "от", "о", "так",
                    "который", "было", "году", "заявил", "также", "для", "при", "уже")),
            Map.entry("uk", Set.of("і", "та", "в", "у", "не", "на", "що", "з", "це", "як", "до", "від", "за", "його", "про", "які",
                    "також", "було", "році", "заявив", "для", "при", "вже", "із")));

    private static final List<String> LANGUAGES = List.copyOf(new TreeSet<>(FUNCTION_WORDS.keySet()));
    /** For each function word, a bit per language (in LANGUAGES order) that uses it: one lookup per word. */
    private static final Map<String, Integer> WORD_LANGUAGES = new HashMap<>();

    static {
        for (int i = 0; i < LANGUAGES.size(); i++) {
            for (String word : FUNCTION_WORDS.get(LANGUAGES.get(i))) {
                WORD_LANGUAGES.merge(word, 1 << i, (a, b) -> a | b);
            }
        }
    }

    public String detect(String text) {
        EnumMap<Character.UnicodeScript, Integer> scripts = new EnumMap<>(Character.UnicodeScript.class);
        int latin = 0;
        int letters = 0;
        for (int i = 0; i < text.length() && letters < 4_000; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            if (cp < 0x250) {
                latin++;
            } else {
                scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        if (letters == 0) {
            return UNDETERMINED;
        }
        scripts.merge(Character.UnicodeScript.LATIN, latin, Integer::sum);
        Character.UnicodeScript script = Collections.max(scripts.entrySet(), Map.Entry.comparingByValue()).getKey();
        return switch (script) {
            case ARABIC -> "ar";
            case HAN -> scripts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                    + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0) > 0 ? "ja" : "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case HANGUL -> "ko";
            case HEBREW -> "he";
            case GREEK -> "el";
            case DEVANAGARI -> "hi";
            case THAI -> "th";
            case LATIN, CYRILLIC -> byFunctionWords(text);
            default -> UNDETERMINED;
        };
    }

    private static String byFunctionWords(String text) {
        int[] hits = new int[LANGUAGES.size()];
        int words = 0;
        Matcher matcher = WORD.matcher(text);
        while (matcher.find() && words < 600) {
            String word = matcher.group().toLowerCase(Locale.ROOT);
            if (!word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            words++;
            Integer languages = WORD_LANGUAGES.get(word);
            if (languages != null) {
                for (int i = 0; i < hits.length; i++) {
                    if ((languages & (1 << i)) != 0) {
                        hits[i]++;
                    }
                }
            }
        }
        int best = -1;
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] >= 2 && hits[i] * 20 >= words && (best < 0 || hits[i] > hits[best])) {
                best = i;
            }
        }
        return best < 0 ? UNDETERMINED : LANGUAGES.get(best);
    }
}
