package dev.claimdesk.claims.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSegmenterTest {

    private final SentenceSegmenter segmenter = new SentenceSegmenter();

    private List<String> texts(String text) {
        return segmenter.split(text).stream().map(Sentence::text).toList();
    }

    @Test
    void shouldKeepTitlesInitialsMonthsAndCountryAbbreviationsInsideTheirSentence() {
        assertEquals(List.of(
                        "Gen. Mark Milley and Col. John F. Kennedy Jr. met U.S. officials on Feb. 24 at 9 a.m. local time.",
                        "Dr. Smith said 7.9% of 1,370 missiles missed."),
                texts("Gen. Mark Milley and Col. John F. Kennedy Jr. met U.S. officials on Feb. 24 at 9 a.m. local time. "
                        + "Dr. Smith said 7.9% of 1,370 missiles missed."));
    }

    @Test
    void shouldEndASentenceAfterAnAbbreviationWhenANewOneBegins() {
        assertEquals(List.of("The strike came at 5 p.m.", "The army said nothing."),
                texts("The strike came at 5 p.m. The army said nothing."));
        assertEquals(List.of("Troops withdrew from the U.S.", "They left on Monday."),
                texts("Troops withdrew from the U.S. They left on Monday."));
    }

    @Test
    void shouldMakeEveryLineASentenceSoHeadlinesAndDatelinesStandAlone() {
        String text = "Russia fires 1,370 missiles\nKYIV, Ukraine (AP) — Russia has fired at least 1,370 missiles. It said so.";
        List<Sentence> sentences = segmenter.split(text);
        assertEquals(List.of("Russia fires 1,370 missiles", "KYIV, Ukraine (AP) — Russia has fired at least 1,370 missiles.",
                "It said so."), sentences.stream().map(Sentence::text).toList());
        for (Sentence s : sentences) {
            assertEquals(s.text(), text.substring(s.start(), s.end()));
        }
    }

    @Test
    void shouldMarkSentencesThatContinueAQuotation() {
        List<Sentence> sentences = segmenter.split(
                "“We will not retreat. We will hold the city,” the commander said. Fighting went on.");
        assertEquals(3, sentences.size());
        assertFalse(sentences.get(0).inQuotation());
        assertTrue(sentences.get(1).inQuotation());
        assertFalse(sentences.get(2).inQuotation());
    }
}
