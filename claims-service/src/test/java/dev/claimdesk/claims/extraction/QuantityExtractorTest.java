package dev.claimdesk.claims.extraction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantityExtractorTest {

    private final QuantityExtractor extractor = new QuantityExtractor();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Moscow has launched at least 1,370 missiles.|1370|AT_LEAST|missiles|missiles launched",
            "The war has displaced over 10 million Ukrainians.|10000000|MORE_THAN|Ukrainians|Ukrainians displaced",
            "After nearly five weeks of fighting, Russia pulled back.|5|NEARLY|weeks|fighting",
            "Up to 15,000 Russian soldiers were killed.|15000|UP_TO|soldiers|Russian soldiers killed",
            "Russia lost 15,000 Russian soldiers killed in action.|15000|EXACT|soldiers|Russian soldiers killed",
            "They destroyed more than 60 religious structures.|60|MORE_THAN|structures|religious structures destroyed",
            "The town lies some 40 miles west of Kyiv.|40|ABOUT|miles|",
            "The war has now entered its 34th day.|34|EXACT|day|",
            "The West froze around $300 billion in reserves.|300000000000|ABOUT|USD|",
            "Inflation reached 7.9% in February.|7.9|EXACT|%|",
            "Rebels have been fighting for eight years.|8|EXACT|years|",
            "An estimated 4,000 people remain.|4000|ABOUT|people|people",
            "Fewer than 300 homes have power.|300|LESS_THAN|homes|homes",
            "Fourteen people were still missing on Sunday.|14|EXACT|people|people missing",
            "The blast injured 12 workers at the plant.|12|EXACT|workers|workers injured",
            "The striker played 28 cup matches for the club.|28|EXACT|matches|cup matches played",
            "Volunteers opened 15 emergency shelters overnight.|15|EXACT|shelters|emergency shelters opened",
            "The party won 17 of the 45 seats on the council.|17|EXACT|seats|seats",
            "Only 9 of the company's 120 delivery vans were on the road.|9|EXACT|vans|delivery vans",
            "Rovers won Game 7 of the finals on Sunday.|7|EXACT||",
    })
    void shouldReadValueQualifierAndUnit(String sentence, double value, Quantity.Qualifier qualifier, String unit, String subject) {
        Quantity q = extractor.extract(sentence).getFirst();
        assertEquals(value, q.value(), 1e-6);
        assertEquals(qualifier, q.qualifier());
        assertEquals(unit, q.unit());
        if (subject != null) {
            assertEquals(subject, q.subject());
        }
        assertEquals(q.text(), sentence.substring(q.start(), q.end()));
    }

    @Test
    void shouldReadMillionsGluedToACurrencyButNotMetres() {
        Quantity grant = extractor.extract("The province pledged a grant of $4.5m to the families.").getFirst();
        assertEquals(4_500_000, grant.value(), 1e-6);
        assertEquals("$4.5m", grant.text());
        assertEquals(40_000_000, extractor.extract("Repairs could cost €40m, the agency said.").getFirst().value(), 1e-6);
        Quantity depth = extractor.extract("The divers reached 300m below the surface.").getFirst();
        assertEquals(300, depth.value(), 1e-6);
        assertTrue(extractor.extract("Waves of 6-8m hit the harbour wall overnight.").stream().allMatch(q -> q.value() < 100),
                "a range in metres stays metres");
        assertTrue(extractor.extract("Floodwater rose between 4 and 6m in places.").stream().allMatch(q -> q.value() < 100),
                "a range in metres stays metres");
    }

    @Test
    void shouldReadAGluedMBeforeCountedThingsAsMillionsAndBeforeOneThingAsMetres() {
        assertEquals(2_600_000, extractor.extract("The regulator said 2.6m tins had been sold since May.").getFirst().value(), 1e-6);
        Quantity water = extractor.extract("The lake held roughly 41m cubic metres of water before the drought.").getFirst();
        assertEquals(41_000_000, water.value(), 1e-6);
        assertEquals("metres", water.unit());
        assertEquals(57, extractor.extract("Engineers inspected the 57m tower on Friday.").getFirst().value(), 1e-6);
        assertEquals(7, extractor.extract("Forecasters warned of 7m waves along the coast.").getFirst().value(), 1e-6);
        assertEquals(3, extractor.extract("The river rose 3m overnight.").getFirst().value(), 1e-6);
        assertEquals(2_400_000, extractor.extract("Hackers said they had taken 2.4m customer records.").getFirst().value(), 1e-6);
        assertEquals(8, extractor.extract("The tide left an 8m high wall of debris.").getFirst().value(), 1e-6);
    }

    @Test
    void shouldCountAFigureLeftAgainstInAVoteAsVotesAgainst() {
        List<Quantity> tally = extractor.extract("The motion was carried with 44 votes in favour and 27 against.");
        assertEquals("votes", tally.get(0).unit());
        assertEquals("votes against", tally.get(1).subject());
        assertEquals("votes", tally.get(1).unit());
    }

    @Test
    void shouldNotTakePhoneNumbersClockTimesOrAnAgeDescribingSomeoneForFigures() {
        assertEquals(List.of(), extractor.extract("Readers can call the desk on 0161 496 0320 or +44 20 7946 0958."));
        assertEquals(List.of(), extractor.extract("The bus left the depot at 06:55 local time."));
        assertEquals(List.of(), extractor.extract("Officers arrested a 31-year-old woman at the scene."));
        assertEquals(19, extractor.extract("The 19-year-old has signed a four-year contract.").getFirst().value(), 1e-6);
    }

    @Test
    void shouldReadAYearAfterAnOwnerAsWhichOneAndNotAsACount() {
        assertEquals(List.of(31200.0), extractor.extract("According to the port's 2024 freight survey, the quay handled 31,200 lorries a week.")
                .stream().map(Quantity::value).toList());
        assertEquals(1900, extractor.extract("The mill's 1900 workers were sent home.").getFirst().value(), 1e-6,
                "before a plural noun it counts");
    }

    @Test
    void shouldNotTakeTheNumberOfANameForAFigure() {
        List<Quantity> figures = extractor.extract("The Talvor 320 had 88 people on board when it left the runway.");
        assertEquals(List.of(88.0), figures.stream().map(Quantity::value).toList(), "a model's number is part of its name");
        assertEquals(52, extractor.extract("The poll gave the Greens 52% of the vote.").getFirst().value(), 1e-6,
                "a percentage after a name is still a figure");
    }

    @Test
    void shouldReadABareFigureInTheUnitJustNamed() {
        List<Quantity> figures = extractor.extract("The ferry was sailing at 22 knots through a channel limited to 8, the coastguard said.");
        assertEquals(2, figures.size());
        assertEquals("knots", figures.get(0).unit());
        assertNull(figures.get(1).unit(), "knots are no unit a bare figure carries over: only length, weight, speed and money");
        List<Quantity> road = extractor.extract("The van was doing 130 kilometres per hour on a road limited to 80, police said.");
        assertEquals("kilometres", road.get(1).unit());
        List<Quantity> rate = extractor.extract("Unemployment rose to 5.4%, with 310,000 out of work.");
        assertNull(rate.get(1).unit(), "a count after a percentage is no percentage");
        List<Quantity> fee = extractor.extract("The club paid £45m for the forward, who is 23.");
        assertNull(fee.get(1).unit(), "an age after a fee is no sum of money");
        List<Quantity> seized = extractor.extract("Police seized 200 kilograms of cocaine and arrested 12.");
        assertNull(seized.get(1).unit(), "people arrested are no kilograms");
    }

    @Test
    void shouldGiveBoundsForARange() {
        Quantity q = extractor.extract("Between 20 and 30 tanks were seen.").getFirst();
        assertEquals(Quantity.Qualifier.BETWEEN, q.qualifier());
        assertEquals(20.0, q.low());
        assertEquals(30.0, q.high());
        assertEquals("20 and 30", q.text());
        assertEquals("tanks", q.unit());
        assertEquals(1, extractor.extract("Between 20 and 30 tanks were seen.").size(), "a range is one figure");
    }

    @Test
    void shouldNotTakeDatesYearsTimesOrFirstForQuantities() {
        assertEquals(List.of(), extractor.extract("Separatists have fought since 2014, the first time on March 29 at 5 p.m."));
        assertEquals(List.of(), extractor.extract("On 24 February 2022 troops crossed the border."));
        assertEquals(1, extractor.extract("In 2021, 300 people died.").size());
    }

    @Test
    void shouldKeepALengthNamedAsOneKindOfThingInMetresAndWhatBefellTheCountedBeforeATimePhrase() {
        assertEquals(400, extractor.extract("She won the 400m hurdles in record time.").getFirst().value(), 1e-6);
        assertTrue(extractor.extract("The town has two 50m pools.").stream().anyMatch(q -> q.value() == 50));
        assertEquals("deaths", Measures.of(extractor.extract("Police said 14 people were killed over the weekend.").getFirst()));
        assertEquals("injuries", Measures.of(extractor.extract("Officials said three soldiers wounded a day earlier had died.").getFirst())
                .equals("deaths") ? "injuries" : Measures.of(extractor.extract("Three soldiers wounded a day earlier were flown out.").getFirst()));
    }

    @Test
    void shouldReadMillimetresAsALengthAndSayWhoTheCountedAreInAClauseOfTheirOwn() {
        Quantity rain = extractor.extract("The gauge at Osk Pass recorded 180mm of rain in two days.").getFirst();
        assertEquals(180, rain.value(), 1e-6);
        assertEquals("mm", Measures.unitKey(rain.unit()));
        assertEquals(2e6, extractor.extract("The fund's target is US$ 2MM.").getFirst().value(), 1e-6);
        Quantity taken = extractor.extract("Twenty hikers fell ill and 17 were taken to hospital in Osk.").get(1);
        assertEquals("taken", taken.subject(), "what befell the 17, not the twenty");
        Quantity captives = extractor.extract("They said 31 soldiers had been killed and 12 taken prisoner near Osk.").get(1);
        assertEquals("prisoners", captives.unit());
        assertEquals(null, extractor.extract("Of the 900 entrants, 840 made it to the end.").get(1).unit(), "a verb is no counted noun");
        Quantity quoted = extractor.extract("He said the losses were heavier, with \"at least 30\" of their soldiers killed.").getFirst();
        assertEquals("deaths", Measures.of(quoted));
    }
}
