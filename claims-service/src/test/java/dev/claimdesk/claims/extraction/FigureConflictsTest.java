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

    @Test
    void shouldFlagTwoEstimatesFartherApartThanOneAboutAllows() {
        var apart = between("The coach was doing about 90 kilometres per hour.", "The coach was doing about 110 kilometres per hour.");
        assertTrue(apart.isPresent(), "about 90 and about 110 are two numbers");
        assertTrue(apart.get().detail().endsWith("90 is below 110"), apart.get().detail());
        assertTrue(between("About 4,000 people fled.", "About 3,800 people fled.").isEmpty(), "two estimates 5 % apart agree");
    }

    @Test
    void shouldTakeALaterReportsRaisedTollForAnUpdateNotADispute() {
        String morning = "The fire service said three firefighters had been injured at the depot blaze.";
        String evening = "The fire service now says seven firefighters were injured at the depot blaze.";
        var early = FigureConflicts.Measured.of(QUANTITIES.extract(morning).getFirst(), morning, Instant.parse("2026-03-02T08:00:00Z"));
        var late = FigureConflicts.Measured.of(QUANTITIES.extract(evening).getFirst(), evening, Instant.parse("2026-03-02T19:00:00Z"));
        assertTrue(FigureConflicts.between(early, late).isEmpty(), "a toll told as raised, later, updates the earlier one");
        var lateButFirst = FigureConflicts.Measured.of(QUANTITIES.extract(evening).getFirst(), evening, Instant.parse("2026-03-02T06:00:00Z"));
        assertTrue(FigureConflicts.between(early, lateButFirst).isPresent(), "published before the lower figure, it disputes it");
        String plain = "Seven firefighters were injured at the depot blaze, the fire service said.";
        var told = FigureConflicts.Measured.of(QUANTITIES.extract(plain).getFirst(), plain, Instant.parse("2026-03-02T19:00:00Z"));
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
}
