package dev.claimdesk.ingest.text;

import java.util.HashMap;
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

    public String detect(String text) {
        Map<String, Integer> scripts = new HashMap<>();
        text.codePoints().filter(Character::isLetter).limit(20_000).forEach(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            scripts.merge(script.name(), 1, Integer::sum);
        });
        String script = scripts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (script == null) {
            return UNDETERMINED;
        }
        switch (script) {
            case "ARABIC": return "ar";
            case "HAN": return scripts.getOrDefault("HIRAGANA", 0) + scripts.getOrDefault("KATAKANA", 0) > 0 ? "ja" : "zh";
            case "HIRAGANA", "KATAKANA": return "ja";
            case "HANGUL": return "ko";
            case "HEBREW": return "he";
            case "GREEK": return "el";
            case "DEVANAGARI": return "hi";
            case "THAI": return "th";
            case "LATIN", "CYRILLIC": return byFunctionWords(text);
            default: return UNDETERMINED;
        }
    }

    private static String byFunctionWords(String text) {
        Map<String, Integer> hits = new HashMap<>();
        int words = 0;
        Matcher matcher = WORD.matcher(text);
        while (matcher.find() && words < 5_000) {
            String word = matcher.group().toLowerCase(Locale.ROOT);
            if (!word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            words++;
            for (var entry : FUNCTION_WORDS.entrySet()) {
                if (entry.getValue().contains(word)) {
                    hits.merge(entry.getKey(), 1, Integer::sum);
                }
            }
        }
        final int total = words;
        return hits.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && e.getValue() * 20 >= total)
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(UNDETERMINED);
    }
}
