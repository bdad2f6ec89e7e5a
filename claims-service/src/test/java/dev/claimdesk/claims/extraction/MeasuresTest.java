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

    /** The measure of the sentence's first figure, read in the sentence. */
    private String measureIn(String sentence) {
        return Measures.inSentence(quantities.extract(sentence).getFirst(), sentence);
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
            "The earthquake destroyed 320 homes in the hill villages.|destroyed",
            "Another 1,100 buildings were damaged by the tremor.|damaged",
            "The army said it had captured 54 enemy soldiers near the pass.|captured",
            "Both sides released 90 prisoners on Friday.|released",
            "The alliance deployed 3,000 troops to the border region.|deployed",
            "The council approved a budget of 40 million crowns.|",
            "The deadline for 30 applicants passed on Friday.|",
            "The attack killed 14 people between Monday and Tuesday.|deaths",
            "Officials said 15 wounded soldiers died in the field hospital.|deaths"})
    void shouldTellWhatAFigureCountsFromItsWordsNotItsSentence(String sentence, String measure) {
        assertEquals(measure, measureOf(sentence), sentence);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Nine people were killed and 35 injured when the bridge collapsed.|deaths|injuries",
            "The assembly passed the bill by 41 votes to 12 on Thursday.|votes|votes against",
            "Senators backed the treaty, voting 64 to 30 after a long debate.|votes|votes against",
            "Unemployment rose to 6.2% from 5.8% a year earlier.|unemployment|unemployment/earlier",
            "The jobless rate rose to 6.2%, up from 5.8% a year earlier.|unemployment|unemployment/earlier",
            "Food inflation reached 7.4 per cent, while overall inflation eased to 3.1 per cent.|inflation:food|inflation"})
    void shouldTellTheMeasureOfEachFigureOfASentenceThatGivesTwo(String sentence, String first, String second) {
        List<Quantity> figures = quantities.extract(sentence);
        assertEquals(2, figures.size(), sentence);
        assertEquals(first, Measures.inSentence(figures.get(0), sentence), sentence);
        assertEquals(second, Measures.inSentence(figures.get(1), sentence), sentence);
    }

    @Test
    void shouldReadAPercentageWrittenInWordsAndNotTakeAMonthForWhatItIsOf() {
        Quantity perCent = quantities.extract("Turnout reached 58.3 per cent of registered voters.").getFirst();
        assertEquals("%", perCent.unit());
        Quantity inMarch = quantities.extract("Prices rose 4% in March.").getFirst();
        assertNull(inMarch.subject());
        assertTrue(quantities.extract("The council approved a 2031 budget on Monday.").isEmpty(), "a year naming which budget");
        assertEquals("displaced", measureOf("Officials said 900 villagers had fled the valley."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The carmaker reported a net profit of 1.3 billion euros for the quarter.|profit",
            "Sales at the chain rose to 880 million dollars, the company said.|revenue",
            "Insurers put the damage from the hailstorm at 120 million pounds.|loss",
            "The province will send 25 million crowns in emergency aid to the flooded valleys.|aid",
            "The court ordered the former director to repay 1.9 million francs.|penalty",
            "Prosecutors say he embezzled 4 million rand from the pension fund.|misused",
            "The club paid a transfer fee of 45 million pounds for the striker.|fee",
            "Annual inflation slowed to 2.4% in May.|inflation",
            "Turnout reached 58.3%, the election commission said.|turnout",
            "The economy grew 1.1% in the second quarter.|growth",
            "Unemployment rose to 6.2% from 5.8% a year earlier.|unemployment",
            "The nurses' union is demanding a 12% pay rise.|pay/demanded",
            "The ministry offered a pay rise of 5%, which the union rejected.|pay/offered",
            "Analysts had forecast a profit of 300 million euros.|profit/expected",
            "The company, whose revenue doubled, made a profit of 90 million euros.|profit",
            "The school hired 40 teachers in September.|",
            "The fire service budget will rise to 18 million euros.|budget",
            "Ministers set aside 18 million euros for the defence budget next year.|budget:defence",
            "The education and youth budget grows 4% to 210 million dollars.|budget:education",
            "Tolby's inflation rate eased to 2.9% in June.|inflation:tolby",
            "The judge jailed the former director for eight years.|sentence",
            "The tribunal banned the trader from the markets for five years.|ban",
            "The winger signed a contract for four years.|contract",
            "Five of the region's twelve hospitals reported shortages.|",
            "Monday's poll gave the No side 41 percent.|",
            "Support for the plan stands at 47 percent.|approval"})
    void shouldTellWhatAnAmountOrAPercentageIsOfFromTheWordsOfItsOwnClause(String sentence, String measure) {
        assertEquals(measure, measureIn(sentence), sentence);
    }

    @Test
    void shouldNeverJoinTwoAmountsOfDifferentMeasuresNorADemandWithAnOffer() {
        var profit = figure("The carmaker reported a net profit of 1.3 billion euros for the quarter.");
        var revenue = figure("The carmaker reported revenue of 1.3 billion euros for the quarter.");
        assertEquals("profit", profit.measure());
        assertEquals("revenue", revenue.measure());
        assertEquals(0, ClaimSimilarity.similarity(profit, revenue));
        assertTrue(ClaimSimilarity.opposed(profit, revenue));
        var demand = figure("The nurses' union is demanding a pay rise of 12%.");
        var offer = figure("The ministry offered the nurses a pay rise of 5%.");
        assertTrue(ClaimSimilarity.opposed(demand, offer));
        Quantity demanded = quantities.extract("The nurses' union is demanding a pay rise of 12%.").getFirst();
        Quantity offered = quantities.extract("The ministry offered the nurses a pay rise of 5%.").getFirst();
        assertTrue(FigureConflicts.between(demanded, offered).isPresent(), "without their sentences, two percentages disagree");
        assertTrue(FigureConflicts.between(demanded, "The nurses' union is demanding a pay rise of 12%.", offered,
                "The ministry offered the nurses a pay rise of 5%.").isEmpty(), "a demand and an offer are no conflict");
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
            "Fighters of the Orvik Liberation Army held their positions overnight.|",
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

    @Test
    void shouldTellTheWholeFromItsPartInOneSentence() {
        String sentence = "Five of the region's twelve hospitals reported shortages.";
        List<Quantity> figures = quantities.extract(sentence);
        assertEquals(List.of("five", "twelve"), figures.stream().map(q -> q.text().toLowerCase(java.util.Locale.ROOT)).toList());
        assertNull(Measures.inSentence(figures.get(0), sentence));
        assertEquals("total", Measures.inSentence(figures.get(1), sentence));
        var whole = figure("The chain will shut 25 of its 180 branches next year.".replace("25 of its ", "some of its "));
        var part = figure("The chain said it would shut 25 branches.");
        assertTrue(ClaimSimilarity.opposed(whole, part), "a chain's branches in all are not the branches it shuts");
        assertEquals(0, ClaimSimilarity.similarity(whole, part));
    }

    @Test
    void shouldReadTheTimesOfAFiguresOwnClauseSlotBySlot() {
        assertEquals(java.util.Set.of("day:tuesday", "part:evening"),
                Measures.when("The utility said on Tuesday evening that 9,000 homes had no water, after a night of repairs.", "9,000"));
        assertEquals(java.util.Set.of("year:2024", "quarter:second"), Measures.when("In the second quarter of 2024 sales rose 3%.", "3"));
        assertTrue(Measures.atOtherTimes(Measures.when("By Tuesday morning 12,000 homes had no water.", "12,000"),
                Measures.when("On Tuesday evening 9,000 homes still had no water.", "9,000")));
        assertTrue(!Measures.atOtherTimes(Measures.when("By Tuesday 12,000 homes had no water.", "12,000"),
                Measures.when("On Tuesday evening 9,000 homes still had no water.", "9,000")), "a day and a part of it do not differ");
    }

    @Test
    void shouldTellARunningFigureUpdatedFromOneToldTwiceOrDisputed() {
        var morning = figure("About 12,000 homes had no water on Tuesday morning, the utility said.");
        var evening = figure("The utility said on Tuesday evening that 9,000 homes still had no water.");
        var retold = figure("Some 12,000 homes were without water on Tuesday morning.");
        var disputed = figure("The mayor put the number of homes without water at 15,000 on Tuesday morning.");
        assertTrue(ClaimSimilarity.opposed(morning, evening), "an update is neither one claim nor a disagreement");
        assertEquals(0, ClaimSimilarity.similarity(morning, evening));
        assertTrue(!ClaimSimilarity.opposed(morning, retold) && ClaimSimilarity.similarity(morning, retold) > 0);
        assertTrue(!ClaimSimilarity.opposed(morning, disputed), "the same time and two values: a disagreement to show");
    }

    @Test
    void shouldTellPatientsInIntensiveCareFromPatientsInHospital() {
        String sentence = "Thirty passengers were taken to hospital, eight of them to intensive care.";
        List<Quantity> figures = quantities.extract(sentence);
        assertEquals("hospital", Measures.inSentence(figures.get(0), sentence));
        assertEquals("critical", Measures.inSentence(figures.get(1), sentence));
        var ward = figure("Officials said 30 passengers were in hospital on Friday.");
        var critical = figure("Officials said 8 passengers were in intensive care on Friday.");
        assertTrue(ClaimSimilarity.opposed(ward, critical), "a count in hospital and a count in intensive care are two figures");
        assertEquals(0, ClaimSimilarity.similarity(ward, critical));
    }

    @Test
    void shouldTellPeopleInASeriousConditionFromThoseInHospitalOrIntensiveCare() {
        assertEquals("serious", Measures.cared("22", "Officials said 22 people were in a serious condition."));
        assertEquals("serious", Measures.cared("five", "Thirty were treated, five of them seriously injured."));
        assertEquals("critical", Measures.cared("four", "Thirty were treated, four of them in intensive care."));
        assertEquals("hospital", Measures.cared("30", "The council said 30 people were in hospital."));
    }

    @Test
    void shouldReadAShareOfAWholeApartFromTheRateItIsTold() {
        String sentence = "Prices rose 4.1% in the year, and more than 55 per cent of the increase came from fuel.";
        QuantityExtractor quantities = new QuantityExtractor();
        List<Quantity> figures = quantities.extract(sentence);
        assertEquals("share:increase", Measures.inSentence(figures.get(1), sentence));
        String members = "A survey found 38% of its members expected to cut staff.";
        assertEquals("share:member", measureIn(members));
        String vote = "Hale took 52% of the vote.";
        assertTrue(!measureIn(vote).startsWith("share"), "a share of the vote is the vote");
    }

    @Test
    void shouldReadWhatABareCountIsOfFromItsTollOrFromPeopleLeavingTheirHomes() {
        String toll = "The death toll from the landslide rose to 14 on Monday, the regional office said.";
        assertEquals("deaths", measureIn(toll));
        String number = "By noon the number of people injured had reached 37.";
        assertEquals("injuries", measureIn(number));
        String left = "Around 2,300 villagers of Osk, Brell and Tarn were ordered from their homes before the fire reached them.";
        assertEquals("displaced", measureIn(left));
        String stayed = "Around 2,300 villagers of Osk stayed in their homes.";
        assertNull(measureIn(stayed));
    }

    @Test
    void shouldReadAShareOfThemAsAShareOfWhatWasCountedBeforeAndKeepWhoseFigureItIs() {
        String pronoun = "The plan allows 1,100 flats on the site, 30% of them for social rent.";
        assertEquals("share:flat", Measures.inSentence(quantities.extract(pronoun).get(1), pronoun));
        String offered = "The builder had offered to make 20% of the flats affordable, while tenants demanded more.";
        String measure = measureIn(offered);
        assertEquals("share:flat/offered", measure);
        assertTrue(Measures.same(measure, "offered"), "an offer told with what it is of meets an offer told bare");
        assertTrue(!Measures.same(measure, "share:flat"), "an offer is not the share decided");
        String campaigned = "The share fell short of the 50 per cent unions campaigned for.";
        assertTrue(measureIn(campaigned).endsWith("demanded"));
    }

    @Test
    void shouldTellOneCompanysSharesFromAnothersAndAChangeInSomethingCounted() {
        String lurco = "Shares in Lurco Foods fell 6.1% in early trading.";
        String bexley = "Shares in Bexley Mining rose 2.2% on the news.";
        assertEquals("shares:lurco", measureIn(lurco));
        assertEquals("shares:bexley", measureIn(bexley));
        assertEquals(java.util.Set.of("part:morning"), Measures.when(lurco, "6.1"));
        assertEquals(java.util.Set.of("part:midday"), Measures.when("Shares were down 4% at lunchtime.", "4"));
        assertEquals(java.util.Set.of("part:close"), Measures.when("Shares closed 3.5% lower.", "3.5"));
        String seats = "The carrier flew 9% more seats than a year before.";
        assertEquals("more:seat", measureIn(seats));
        String bill = "Its energy bill rose to €410m.";
        assertEquals("spending:energy", measureIn(bill));
        String lastYear = "Group revenue reached €1.9bn last year.";
        assertEquals("revenue", measureIn(lastYear), "last year's value is no earlier one");
        assertEquals("metre", Measures.unitKey("m-wide"));
    }

    @Test
    void shouldTakeWhoseFigureItIsOnlyFromWordsNearIt() {
        QuantityExtractor quantities = new QuantityExtractor();
        String compared = "At 4.6 per cent inflation is now more than double the level that the central bank has long set as its target.";
        String measure = measureIn(compared);
        assertTrue(measure == null || !measure.contains("expected"), "a target far from the figure is not what the figure is: " + measure);
        String target = "Inflation stayed well above the bank's 2% target.";
        assertTrue(measureIn(target).contains("expected"));
    }

    @Test
    void shouldNameARateByWhatItIsOfAndWhoseItIs() {
        String national = "The pass rate in this year's driving tests rose to 71.5 percent, up 2.1 percentage points on last year.";
        List<Quantity> figures = quantities.extract(national);
        assertEquals("rate:pass", Measures.inSentence(figures.get(0), national));
        assertEquals("rate:pass", Measures.inSentence(figures.get(1), national), "a change in points is of the rate it follows");
        String regions = "The Eastern Region had the lowest pass rate, at 64 percent, while the Lake District had the highest, at 80.2 percent.";
        figures = quantities.extract(regions);
        assertEquals("rate:pass:eastern region", Measures.inSentence(figures.get(0), regions));
        assertEquals("rate:pass:lake district", Measures.inSentence(figures.get(1), regions));
        String whose = "Tolmar's jobless rate reached 7.2%, above the national rate of 5.4 per cent.";
        assertNull(Measures.inSentence(quantities.extract(whose).get(1), whose), "the national rate says whose, not what of");
        String ago = "A year ago the deposit rate stood at 1.75 per cent.";
        assertTrue(measureIn(ago).endsWith("/earlier"));
    }

    @Test
    void shouldReadWhatASentenceCountsWhereItsWordsNameSomethingElse() {
        String released = "The mayor said the 2.5 million euros released by the province would go to farmers.";
        assertTrue(!"released".equals(measureIn(released)), "a sum is not prisoners freed");
        String died = "The number of people known to have died in the blaze rose to 19 on Friday.";
        assertEquals("deaths", measureIn(died));
        String capacity = "Under its licence the ferry could carry 300 passengers.";
        assertEquals("capacity", measureIn(capacity));
        var carried = figure("The ferry was carrying 280 passengers when it sank.");
        assertTrue(ClaimSimilarity.opposed(carried, figure(capacity)), "what it carried is not what it could carry");
    }

    @Test
    void shouldCountAPartToldOfThemAsItsWholeCountsOnlyWhenThePartNamesAMeasure() {
        String hurt = "Police said 22 officers had been hurt, three of whom were still in hospital on Monday.";
        Quantity inHospital = quantities.extract(hurt).get(1);
        assertEquals("officers", inHospital.unit());
        assertEquals("hospital", Measures.inSentence(inHospital, hurt));
        String cited = "The plant was cited for 26 breaches last year, four of them over fire doors.";
        assertNull(quantities.extract(cited).get(1).unit(), "a bare part counts nothing to compare with another's whole");
        String remained = "The clinic treated 30 survivors, of whom two remained in intensive care.";
        Quantity critical = quantities.extract(remained).get(1);
        assertEquals("survivors", critical.unit());
        assertEquals("critical", Measures.inSentence(critical, remained));
    }

    @Test
    void shouldReadAQuakesStrengthAndWhatWasPutAtAFigure() {
        String scale = "A magnitude 5.8 earthquake shook the coast on Sunday.";
        assertEquals("magnitude", measureIn(scale));
        String put = "The observatory in Brenn put the magnitude at 5.5.";
        assertEquals("magnitude", measureIn(put));
        String excess = "The institute puts excess deaths in the first fortnight of the cold snap at more than 300.";
        assertEquals("deaths", measureIn(excess));
        String killed = "It was the worst storm since 1994, when a 7.1 cyclone killed 230 people.";
        assertNull(measureIn(killed), "the cyclone killed; it was not killed");
        String aside = "Fourteen people, three of them firefighters, were injured in the blast.";
        assertEquals("injuries", measureIn(aside));
    }

    @Test
    void shouldTellCountsOfDifferentPeriodsApart() {
        var week = figure("Clinics treated 2,100 people for smoke inhalation in the past week, the ministry said.");
        var year = figure("Clinics have treated more than 14,000 people for smoke inhalation so far this year.");
        assertTrue(ClaimSimilarity.opposed(week, year), "a week's count is not a year's");
        assertEquals("degree", Measures.unitKey("C"));
        assertEquals("degree", Measures.unitKey("degrees"));
    }

    @Test
    void shouldTakeARateFromTheFiguresOwnClauseOrTheOneItsChangeFollowsAndAStakeApartFromAPriceMove() {
        String after = "After the mortgage rate rose again, applications fell 12 percent.";
        assertNull(measureIn(after), "the applications' fall is no mortgage rate");
        String reported = "Kellway Statistics reported the vacancy rate fell to 4 percent.";
        assertEquals("rate:vacancy", measureIn(reported), "a reporter holds no rate");
        String stake = "The state holds 51% of the shares in Lurco.";
        String move = "Shares in Lurco rose 5% on Monday.";
        assertTrue(!measureIn(stake).equals(measureIn(move)),
                "a stake is not a price move");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The leave share rose 5 percent since the last survey.|5|true",
        "Ridership was up 9% from a year earlier.|9|true",
        "Councillors voted to raise rents by more than 30 per cent.|30|true",
        "The fare is to jump by another 12 percent.|12|true",
        "The 12% increase takes effect in May.|12|true",
        "Exports were 4 per cent higher than in March.|4|true",
        "The poll put Remain on 48 percent, with 6 percent undecided.|6|false",
        "Unemployment rose to 5.2% in the spring.|5.2|false",
        "Undecided voters are making up 9% of the sample.|9|false",
    })
    void shouldTellAPercentageToldAsAChangeFromOneToldAsALevel(String sentence, String figure, boolean change) {
        assertEquals(change, Measures.toldAsChange(sentence, figure, "%"));
    }
}
