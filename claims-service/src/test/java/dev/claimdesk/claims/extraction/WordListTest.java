package dev.claimdesk.claims.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordListTest {

    private static final List<String> TEXTS = List.of("Troops withdrew from the town on Monday.",
            "The Ministry said ARMY units had REDEPLOYED their forces toward the river.",
            "Shelling resumed; officials refocused the effort on evacuation.", "Nothing of the kind here.",
            "“We will not retreat,” said the commander, as units were pushed back and re-formed.");

    @Test
    void shouldMatchExactlyWhatThePlainPatternMatchesCaseBlindOrNot() {
        for (String regex : List.of("(?i)\\b(?:withdr[ae]w\\w*|pull(?:ed|ing)? back|(?:refocus|redeploy)\\w*|units?)\\b",
                "\\b(?:said|officials|shell\\w*|pushed (?:them |the \\w+ )?back)\\b", "(?i)\\b(?:army|troops)")) {
            Pattern plain = Pattern.compile(regex);
            Pattern listed = WordList.compile(regex);
            for (String text : TEXTS) {
                assertEquals(spans(plain, text), spans(listed, text), regex + " on " + text);
            }
        }
    }

    @Test
    void shouldRefuseAListWhoseAlternativeOpensOnAnythingButALetterOrAGroupOfThem() {
        assertThrows(IllegalArgumentException.class, () -> WordList.compile("\\b(?:said|\\d+ dead)"));
        assertThrows(IllegalArgumentException.class, () -> WordList.compile("(?i)\\b(?:(?:re)?deploy\\w*|army)"));
        assertThrows(IllegalArgumentException.class, () -> WordList.compile("(?:said|told)"));
    }

    private static List<String> spans(Pattern p, String text) {
        Matcher m = p.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.start() + ":" + m.group());
        }
        return found;
    }
}
