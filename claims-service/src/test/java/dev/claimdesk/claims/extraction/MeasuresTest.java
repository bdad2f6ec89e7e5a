package dev.claimdesk.claims.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a figure counts and what movement a sentence tells, on sentences invented for these cases. */
class MeasuresTest {

    private final QuantityExtractor quantities = new QuantityExtractor();

    private String measureOf(String sentence) {
        return Measures.of(quantities.extract(sentence).getFirst());
    }

    private ClaimSimilarity.Features figure(String sentence) {
        return ClaimSimilarity.features(ClaimType.STATISTIC, sentence, null, List.of(), null, quantities.extract(sentence).getFirst());
    }

    private static ClaimSimilarity.Features movement(String sentence) {
        return ClaimSimilarity.features(ClaimType.MILITARY_ACTION, sentence, null, List.of("Orvik"), null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A landslide in the hills above Dunmore buried a bus, killing 9.|deaths",
            "Eleven people died when the ferry sank off Kellsey.|deaths",
            "The explosion at the Marrow depot left 23 workers dead.|deaths",
            "At least 31 passengers were injured in the collision near Arlen.|injuries",
            "Rescuers said 6 climbers remained missing on the glacier.|missing",
            "About 1,200 residents were evacuated from the riverside streets.|displaced",
            "Police arrested 48 protesters outside the assembly.|arrests",
            "The health office confirmed 17 new cases of measles in Tolby.|infections",
            "The council approved a budget of 40 million crowns.|",
            "The deadline for 30 applicants passed on Friday.|",
            "The attack killed 14 people between Monday and Tuesday.|deaths",
            "Officials said 15 wounded soldiers died in the field hospital.|deaths"})
    void shouldTellWhatAFigureCountsFromItsWordsNotItsSentence(String sentence, String measure) {
        assertEquals(measure, measureOf(sentence), sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Government troops withdrew from Orvik on Sunday.|withdraw",
            "The rebels fell back toward the hills north of Orvik.|withdraw",
            "Army units retook Orvik after a week of fighting.|retake",
            "Rebel fighters advanced on Orvik from the south.|advance",
            "Defenders pushed the attackers back from the bridge at Orvik.|repel",
            "Artillery shelled the outskirts of Orvik overnight.|bombard",
            "The striking dockers at Orvik rejected the offer.|",
            "In this case the court in Orvik sided with the tenants.|"})
    void shouldTellTheMovementASentenceDescribesByItsVerbsAsWholeWords(String sentence, String action) {
        assertEquals(action, Measures.action(sentence), sentence);
    }

    @Test
    void shouldNeverJoinADeathTollWithAnInjuryTollOfTheSameStory() {
        double score = ClaimSimilarity.similarity(figure("The floods in the Teller valley killed 14 people on Saturday."),
                figure("The floods in the Teller valley injured 14 people on Saturday."));
        assertEquals(0, score, "different measures are gated");
    }

    @Test
    void shouldCompareOneDeathTollToldWithAndWithoutItsNoun() {
        ClaimSimilarity.Features killing = figure("Floods swept through the Teller valley on Saturday, killing 14.");
        ClaimSimilarity.Features died = figure("Twelve people died in the Teller valley floods on Saturday.");
        assertEquals("deaths", killing.measure());
        assertEquals("deaths", died.measure());
        assertTrue(ClaimSimilarity.similarity(killing, died) > 0, "one measure: compared, and a conflict may be found");
        assertTrue(FigureConflicts.between(quantities.extract("Floods swept through the Teller valley on Saturday, killing 14.").getFirst(),
                quantities.extract("Twelve people died in the Teller valley floods on Saturday.").getFirst()).isPresent(),
                "14 and 12 dead cannot both hold");
    }

    @Test
    void shouldNeverJoinAWithdrawalWithARetakingOrAnAdvanceWithItsRepelling() {
        assertEquals(0, ClaimSimilarity.similarity(movement("Government troops withdrew from Orvik on Sunday."),
                movement("Government troops retook Orvik on Sunday.")));
        assertEquals(0, ClaimSimilarity.similarity(movement("Rebel units advanced on Orvik from the south on Monday."),
                movement("Rebel units were pushed back from Orvik in the south on Monday.")));
        assertTrue(ClaimSimilarity.similarity(movement("Government troops withdrew from Orvik on Sunday."),
                movement("On Sunday government forces pulled out of Orvik.")) > 0, "one withdrawal told twice");
    }

    @Test
    void shouldCallTwoMovementsOpposedOnlyWhenTheyShareNoActionAndOnlyForMilitaryActions() {
        var first = movement("Rebel forces withdrew from Orvik after government troops advanced from the south.");
        var second = movement("Government troops advanced from the south as rebel forces withdrew from Orvik.");
        assertTrue(!ClaimSimilarity.opposed(first, second), "one sentence's two movements, told in the other order");
        assertNull(Measures.action("EVENT", "The senator withdrew from the race on Friday."), "a race is no front line");
        assertNull(Measures.action("QUOTE", "The minister attacked the plan, aides said."));
    }

    @Test
    void shouldFlagNoConflictBetweenACountAndACountWithinIt() {
        assertTrue(FigureConflicts.between(quantities.extract("The floods in the Teller valley killed 40 people.").getFirst(),
                quantities.extract("Twelve children were killed in the Teller valley floods.").getFirst()).isEmpty());
    }

    @Test
    void shouldCountPeopleAndAParticularNounOfOneMeasureAsOneCountButNotTwoParticularNouns() {
        assertTrue(Measures.sameCounted("people", "worker"));
        assertTrue(Measures.sameCounted(null, "passenger"));
        assertTrue(!Measures.sameCounted("soldier", "civilian"));
        assertNull(Measures.of(null, null));
    }
}
