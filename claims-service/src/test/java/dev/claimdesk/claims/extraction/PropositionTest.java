package dev.claimdesk.claims.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a sentence asserts without its outlet's frame, on sentences written for this test. */
class PropositionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Officials announced Tuesday that the port will close for two weeks.                                | the port will close for two weeks
            The health ministry told reporters on Monday that the clinic had run out of vaccines.              | the clinic had run out of vaccines
            Governor Lena Park said in a radio interview that the dam will be rebuilt by spring.               | the dam will be rebuilt by spring
            The company, which employs 4,000 people, said it would cut a third of its jobs.                    | it would cut a third of its jobs
            The port will close for two weeks, the harbour authority said on Friday.                           | The port will close for two weeks
            The bridge will reopen in May, said Mayor Tom Reyes.                                               | The bridge will reopen in May
            After three days of talks, the two unions accepted the offer.                                      | the two unions accepted the offer
            According to a police spokesman, the suspect was arrested near the station.                        | the suspect was arrested near the station
            The army will pull back from the valley as part of the ceasefire deal.                             | The army will pull back from the valley
            The army will pull back from the valley, as talks on a ceasefire continue.                         | The army will pull back from the valley
            The regulator fined the bank $2 million, which it said was a record.                               | The regulator fined the bank $2 million
            It was not clear how many people had left the city, but the mayor ordered the shelters opened.     | the mayor ordered the shelters opened
            On Wednesday a landslide buried 23 houses near Tarnow, according to the regional governor.         | On Wednesday a landslide buried 23 houses near Tarnow
            """)
    void shouldStripWhoSaidItCircumstancesAndTrailingClauses(String sentence, String proposition) {
        assertEquals(proposition, Proposition.of(sentence, ClaimType.EVENT));
    }

    @Test
    void shouldKeepASentenceThatHasNoFrame() {
        assertEquals("Floods destroyed more than 300 homes in the valley",
                Proposition.of("Floods destroyed more than 300 homes in the valley.", ClaimType.STATISTIC));
    }

    @Test
    void shouldNotTakeASubordinateClauseForWhoSaidIt() {
        // "continued" is a speech verb, but "As the storm continued" names no speaker
        assertEquals("the mayor declared the town safe",
                Proposition.of("As the storm continued across the coast, the mayor declared the town safe.", ClaimType.EVENT));
    }

    @Test
    void shouldNotTakeAPersonInTheStoryForWhoSaidIt() {
        assertEquals("Residents who reported damage to their homes will receive grants",
                Proposition.of("Residents who reported damage to their homes will receive grants.", ClaimType.EVENT));
    }

    @Test
    void shouldNeverCutASentenceDownToAFewWords() {
        assertEquals("Rain fell, officials said", Proposition.of("Rain fell, officials said.", ClaimType.EVENT));
    }

    @Test
    void shouldTakeTheQuotedWordsOfAQuote() {
        assertEquals("We will rebuild every bridge before winter",
                Proposition.of("“We will rebuild every bridge before winter,” the governor said on Monday.", ClaimType.QUOTE));
        assertEquals("The talks were useful … We expect a second round soon",
                Proposition.of("\"The talks were useful,\" Marsh said. \"We expect a second round soon.\"", ClaimType.QUOTE));
    }

    @Test
    void shouldTakeTheEndOfAQuotationOpenedInAnEarlierSentence() {
        assertEquals("and the rest will follow in June",
                Proposition.of("and the rest will follow in June,” she said.", ClaimType.QUOTE));
    }

    @Test
    void shouldTakeTheParaphraseWhenOnlyAFewWordsOfItAreQuoted() {
        assertEquals("the two leaders could meet “as soon as the treaty is initialled” in Geneva",
                Proposition.of("The envoy said the two leaders could meet “as soon as the treaty is initialled” in Geneva.",
                        ClaimType.QUOTE));
    }

    @Test
    void shouldTellAStraightOpeningQuoteMarkFromAClosingOne() {
        // the mark before "constructive" opens a scare quote; the sentence quotes no statement
        assertEquals("there had been a \"constructive exchange\" and that the offer would go to the cabinet",
                Proposition.of("The minister said there had been a \"constructive exchange\" and that the offer would go to the cabinet.",
                        ClaimType.QUOTE));
    }

    @Test
    void shouldLeaveAWireDatelineOutOfWhatASentenceClaims() {
        assertEquals("The harbour wall collapsed on Monday.",
                Proposition.withoutDateline("OSKVIK, Lenmark, Mar 3 (NPA) - The harbour wall collapsed on Monday."));
        assertEquals("The harbour wall collapsed on Monday.", Proposition.withoutDateline("OSKVIK (NPA) - The harbour wall collapsed on Monday."));
        assertEquals("NATO said the wall collapsed.", Proposition.withoutDateline("NATO said the wall collapsed."),
                "a capitalised first word is no dateline");
    }
}
