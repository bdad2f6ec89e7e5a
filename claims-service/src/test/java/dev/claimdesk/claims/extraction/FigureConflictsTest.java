package dev.claimdesk.claims.extraction;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FigureConflictsTest {

    private static final QuantityExtractor QUANTITIES = new QuantityExtractor();

    private static Optional<FigureConflicts.Conflict> between(String a, String b) {
        return FigureConflicts.between(QUANTITIES.extract(a).getFirst(), QUANTITIES.extract(b).getFirst());
    }

    /** The first figures of two sentences, each read in its sentence. */
    private static Optional<FigureConflicts.Conflict> inSentences(String a, String b) {
        return FigureConflicts.between(QUANTITIES.extract(a).getFirst(), a, QUANTITIES.extract(b).getFirst(), b);
    }

    /** The first figure of a sentence as published at {@code at}. */
    private static FigureConflicts.Measured measured(String sentence, Instant at) {
        return FigureConflicts.Measured.of(QUANTITIES.extract(sentence).getFirst(), sentence, at);
    }

    @Test
    void shouldFlagTwoEstimatesFartherApartThanOneAboutAllows() {
        var apart = between("The coach was doing about 90 kilometres per hour.", "The coach was doing about 110 kilometres per hour.");
        assertTrue(apart.isPresent(), "about 90 and about 110 are two numbers");
        assertTrue(apart.get().detail().endsWith("90 is below 110"), apart.get().detail());
        assertTrue(between("About 4,000 people fled.", "About 3,800 people fled.").isEmpty(), "two estimates 5 % apart agree");
    }

    @Test
    void shouldHoldAFigureToTheStepItsDigitsAreWrittenTo() {
        assertTrue(between("Operating profit was €318m in the half.", "Operating profit was €381m in the half.").isPresent(),
                "told to the million, 318m and 381m are two figures");
        assertTrue(between("The estate will have 1,700 flats.", "The estate will have 1,900 flats.").isPresent(),
                "told to the hundred, 1,700 and 1,900 cannot both hold");
        assertTrue(between("Turnout was 61%.", "Turnout was 61.3%.").isEmpty(), "61.3 told to the whole per cent is 61");
        assertTrue(between("The crowd was 30,000.", "The crowd was 30,400.").isEmpty(), "a figure told to the thousand takes 30,400 in");
    }

    @Test
    void shouldFlagTwoHighestValuesThatDoNotMeet() {
        assertTrue(between("Samples held up to 3.5 times the safe level of lead.", "Samples held up to six times the safe level of lead.")
                .isPresent(), "two different tops of one measurement disagree");
        assertTrue(between("Samples held up to 6 times the safe level of lead.", "Samples held up to six times the safe level of lead.")
                .isEmpty());
    }

    @Test
    void shouldTakeALaterCountOfWhatStillStandsForAnUpdateWhicheverWayItMoved() {
        String dawn = "Officials said 23 climbers were missing after the avalanche.";
        String dusk = "Nine climbers were still missing on Sunday night, officials said.";
        var early = measured(dawn, Instant.parse("2026-02-01T07:00:00Z"));
        var late = measured(dusk, Instant.parse("2026-02-01T21:00:00Z"));
        assertTrue(FigureConflicts.between(early, late).isEmpty(), "nine still missing in the evening updates 23 at dawn");
        var before = measured(dusk, Instant.parse("2026-02-01T05:00:00Z"));
        assertTrue(FigureConflicts.between(early, before).isPresent(), "told before the other, it disputes it");
    }

    @Test
    void shouldTakeALaterReportsRaisedTollForAnUpdateNotADispute() {
        String morning = "The fire service said three firefighters had been injured at the depot blaze.";
        String evening = "The fire service now says seven firefighters were injured at the depot blaze.";
        var early = measured(morning, Instant.parse("2026-03-02T08:00:00Z"));
        var late = measured(evening, Instant.parse("2026-03-02T19:00:00Z"));
        assertTrue(FigureConflicts.between(early, late).isEmpty(), "a toll told as raised, later, updates the earlier one");
        var lateButFirst = measured(evening, Instant.parse("2026-03-02T06:00:00Z"));
        assertTrue(FigureConflicts.between(early, lateButFirst).isPresent(), "published before the lower figure, it disputes it");
        String plain = "Seven firefighters were injured at the depot blaze, the fire service said.";
        var told = measured(plain, Instant.parse("2026-03-02T19:00:00Z"));
        assertTrue(FigureConflicts.between(early, told).isPresent(), "a higher figure not told as an update disagrees");
    }

    @Test
    void shouldAcceptAFigureInsideAnotherFiguresBound() {
        assertTrue(between("The army fired at least 1,370 missiles.", "The army fired 1,500 missiles.").isEmpty());
        assertTrue(between("The river rose more than three metres.", "The river rose 3.5 metres.").isEmpty());
        assertTrue(between("Insurers expect claims of up to 90 million euros.", "Insurers expect claims of 75 million euros.").isEmpty());
    }

    @Test
    void shouldAcceptAnApproximateFigureNearAnExactOne() {
        assertTrue(between("About 2,000 residents were evacuated.", "Officials said 2,050 residents were evacuated.").isEmpty());
        assertTrue(between("Nearly 500 workers lost their jobs.", "The plant laid off 480 workers.").isEmpty());
    }

    @Test
    void shouldFlagAFigureBelowAnotherFiguresLowerBound() {
        FigureConflicts.Conflict conflict = between("The storm killed at least 40 people.", "The storm killed 31 people.").orElseThrow();
        assertEquals(FigureConflicts.Kind.BOUND_VIOLATED, conflict.kind());
        assertTrue(conflict.detail().contains("at least 40 people killed") && conflict.detail().contains("31 people killed"),
                conflict.detail());
    }

    @Test
    void shouldFlagAFigureAboveAnUpperBoundAndOutsideARange() {
        assertEquals(FigureConflicts.Kind.BOUND_VIOLATED,
                between("The repairs will cost up to 90 million euros.", "The repairs will cost 120 million euros.").orElseThrow().kind());
        assertEquals(FigureConflicts.Kind.BOUND_VIOLATED,
                between("Between 20 and 30 ships were seized.", "Officials said 35 ships were seized.").orElseThrow().kind());
    }

    @Test
    void shouldFlagTwoDifferentExactFiguresAsDisjointValues() {
        assertEquals(FigureConflicts.Kind.DISJOINT_VALUES,
                between("The crash killed 12 passengers.", "The crash killed 17 passengers.").orElseThrow().kind());
    }

    @Test
    void shouldNotCompareFiguresOfDifferentThings() {
        assertTrue(between("The storm killed 12 people.", "The storm injured 57 people.").isEmpty());
        assertTrue(between("The storm killed 12 people.", "The storm destroyed 57 houses.").isEmpty());
    }

    @Test
    void shouldTakeACountEndingInOneZeroAsCountedAndAMeasuresOwnNounAsAnyonesCount() {
        assertTrue(between("Rescuers pulled 230 people from the water.", "Rescuers pulled 226 people from the water.").isPresent(),
                "230 is as likely a count as a rounding");
        String arrested = "Police arrested 58 people after the march.";
        String arrests = "Police made 66 arrests after the march.";
        assertTrue(inSentences(arrested, arrests)
                .isPresent(), "58 people arrested and 66 arrests are one count told two ways");
        String planes = "Nine water-bombing planes flew over the fire.";
        String aircraft = "Twelve water-bombing aircraft flew over the fire.";
        assertTrue(inSentences(planes, aircraft)
                .isPresent(), "planes are aircraft");
    }

    @Test
    void shouldFlagACopysChangedFigureEvenWhenItIsToldAsStandingNow() {
        String original = "Seventeen others were still missing.";
        String copy = "Seventy-one others were still missing.";
        var early = measured(original, Instant.parse("2026-05-01T07:00:00Z"));
        var late = measured(copy, Instant.parse("2026-05-01T09:00:00Z"));
        assertTrue(FigureConflicts.between(early, late).isEmpty(), "between two outlets, the later one updates");
        assertTrue(FigureConflicts.between(early, late, true).isPresent(), "a copy tells its original's facts: a changed one disagrees");
    }

    @Test
    void shouldKeepAMeasuresOwnNounFromMeetingAParticularNounAndARiseFromUpdatingDownwards() {
        String deaths = "The fire caused 14 deaths.";
        String children = "Six children died in the fire.";
        assertTrue(inSentences(deaths, children)
                .isEmpty(), "six children among 14 dead");
        assertTrue(between("The estate will have 2,400 flats.", "The estate will have 2,470 flats.").isPresent(),
                "told to the hundred, 2,400 is not 2,470");
        String early = "Officials said 14 people were killed in the blast.";
        String rose = "The death toll rose to 9, officials said.";
        String now = "Officials now say nine people were killed in the blast.";
        Instant morning = Instant.parse("2026-04-01T08:00:00Z");
        Instant evening = Instant.parse("2026-04-01T20:00:00Z");
        var first = measured(early, morning);
        assertTrue(FigureConflicts.between(first, measured(rose, evening)).isPresent(),
                "a toll that rose cannot have fallen");
        assertTrue(FigureConflicts.between(first, measured(now, evening)).isEmpty(),
                "where the toll now stands revises it");
        assertTrue(!Measures.toldAsUpdate("Twelve people died and eight were still missing.", "Twelve", null),
                "the missing still stand, not the dead");
        assertEquals(java.util.Set.of(), Measures.when("The council closed 3 libraries.", "3"));
    }
}
