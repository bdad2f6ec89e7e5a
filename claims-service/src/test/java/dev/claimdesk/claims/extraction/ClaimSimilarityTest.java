package dev.claimdesk.claims.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimSimilarityTest {

    private static ClaimSimilarity.Features quote(String text, String speaker) {
        return ClaimSimilarity.features(ClaimType.QUOTE, text, speaker, List.of(), null, null);
    }

    private static ClaimSimilarity.Features figure(String sentence) {
        return figure(sentence, 0);
    }

    private static ClaimSimilarity.Features event(String text) {
        return ClaimSimilarity.features(ClaimType.EVENT, text, null, List.of(), null, null);
    }

    private static ClaimSimilarity.Features figure(String sentence, int index) {
        Quantity q = new QuantityExtractor().extract(sentence).get(index);
        return ClaimSimilarity.features(ClaimType.STATISTIC, sentence, null, List.of(), null, q);
    }

    @Test
    void shouldKeepStoresClosedApartFromStoresOpened() {
        var closed = figure("The bakery chain Holm & Sons said it would close 25 stores by the end of the year.");
        var opened = figure("Holm & Sons said it would open 8 stores in the north over the same period.");
        var closing = figure("Holm & Sons is to close 31 stores before the end of the year, its chief executive said.");
        assertTrue(ClaimSimilarity.similarity(closed, opened) == 0, "closing and opening count two things");
        assertTrue(ClaimSimilarity.similarity(closed, closing) > 0, "two tellings of the closures may be one claim");
    }

    @Test
    void shouldPairEachFigureOfASentenceWithItsOwnCounterpart() {
        String one = "The lorry was doing 88 miles per hour on a road limited to 40, police said.";
        String other = "Police said the lorry reached 88 miles an hour on a stretch where the limit is 40 miles an hour.";
        assertTrue(ClaimSimilarity.similarity(figure(one, 1), figure(other, 0)) == 0,
                "the limit of one report is not the speed of the other, which tells that limit too");
        assertTrue(ClaimSimilarity.similarity(figure(one, 0), figure(other, 0)) > 0.49, "the speeds meet");
        assertTrue(ClaimSimilarity.similarity(figure(one, 1), figure(other, 1)) > 0.49, "the limits meet");
        String faster = "Police said the lorry reached 104 miles an hour on a stretch where the limit is 40 miles an hour.";
        assertTrue(ClaimSimilarity.similarity(figure(one, 1), figure(faster, 0)) == 0,
                "a limit never meets another report's speed when that report tells the same limit");
        assertTrue(ClaimSimilarity.similarity(figure("A fire at the Holm9b12 chemical plant killed at least 12 workers."),
                figure("The blaze at the Holm9b12 chemical plant killed 9 workers.")) > 0, "digits of a name are no figure");
        assertTrue(ClaimSimilarity.similarity(figure("The blast on 5 June killed 8 people at the depot."),
                figure("The blast killed 5 people at the depot.")) > 0, "a date is no figure of the sentence");
    }

    @Test
    void shouldKeepEachSidesOwnLossesApart() {
        var ours = figure("Morland's defence ministry said nine of its soldiers had been killed in the clashes.");
        var theirs = figure("Vessaria's defence ministry said four of its soldiers had been killed in the clashes.");
        var again = figure("Morland's defence ministry said 12 of its soldiers had been killed in the clashes.");
        assertTrue(ClaimSimilarity.similarity(ours, theirs) == 0, "each side's own dead are two counts");
        assertTrue(ClaimSimilarity.similarity(ours, again) > 0, "one side's toll told twice may disagree");
        assertTrue(ClaimSimilarity.similarity(figure("Forty soldiers were killed in Tuesday's strike on the Ostrov depot."),
                figure("At least 40 soldiers died in the strike on Ostrov's railway depot.")) > 0, "a weekday or a town is no side");
    }

    @Test
    void shouldTellWhoseLossesAFigureCountsByTheBodyThatCountsThemAsItsOwnAndTheNationItsNounNames() {
        String both = "Vessaria put its own losses at four dead and 11 wounded, and said 45 Morlish soldiers had been killed.";
        var vessarianDead = figure(both, 0);
        var vessarianWounded = figure(both, 1);
        var morlishDead = figure(both, 2);
        var morlandsCount = figure("Morland said seven of its soldiers had been killed and 19 wounded since Tuesday.");
        var morlandsWounded = figure("Morland said seven of its soldiers had been killed and 19 wounded since Tuesday.", 1);
        var vessariasWounded = figure("General Ilse Varn said four Vessarian servicemen had been killed and eleven wounded.", 1);
        assertTrue(ClaimSimilarity.similarity(vessarianDead, morlandsCount) == 0, "each side's own dead are two counts");
        assertTrue(ClaimSimilarity.similarity(morlandsWounded, vessariasWounded) == 0, "so are each side's wounded");
        assertTrue(ClaimSimilarity.similarity(vessarianWounded, vessariasWounded) > 0, "one side's wounded, told by two");
        assertTrue(ClaimSimilarity.similarity(morlishDead, morlandsCount) > 0, "one side's dead as the enemy claims them");
    }

    @Test
    void shouldPairAFigureWithTheOneOfAnotherSentenceThatTellsItRounded() {
        var national = figure("The average stay in hospital rose to 6.3 days across the country, the audit found.");
        var regional = figure("The average stay in Osk has climbed to more than 8.2 days in the region, the audit found.");
        var both = "The average stay in hospital has climbed to more than 8 days in the region, against just over 6 days nationally.";
        assertTrue(ClaimSimilarity.similarity(national, figure(both, 0)) == 0, "6.3 is the 6 of that sentence, not its 8");
        assertTrue(ClaimSimilarity.similarity(regional, figure(both, 1)) == 0, "8.2 is its 8, not its 6");
    }

    @Test
    void shouldJoinADemandToldWithAndWithoutWhatIsDemanded() {
        var named = figure("The teachers' union is demanding a 7% pay rise from September.");
        var bare = figure("The union wants 7%; the ministry offers 3%.");
        assertTrue(ClaimSimilarity.similarity(named, bare) > 0, "a pay demand and a demand of the same value may be one");
        assertTrue(ClaimSimilarity.similarity(named, figure("The union wants 7%; the ministry offers 3%.", 1)) == 0,
                "a demand never meets an offer");
    }

    @Test
    void shouldKeepApartTwoHappeningsOfTheSamePeopleAndJoinOneToldWithAnotherVerb() {
        var won = event("Lena Marsh of the Harbour Party won the Tolby mayoral election on Sunday.");
        var elected = event("Harbour Party candidate Lena Marsh was elected mayor of Tolby on Sunday.");
        var office = event("Lena Marsh will take office as mayor of Tolby on 1 March.");
        assertTrue(ClaimSimilarity.similarity(won, elected) > 0, "a win told as an election may be one claim");
        assertTrue(ClaimSimilarity.similarity(won, office) == 0, "winning is not taking office");
        var shut = event("The owner of the Kelby plant shut down its cooling system on Monday.");
        var switched = event("The Kelby plant's owner switched off the cooling system on Monday.");
        var traced = event("Inspectors traced the leak to the cooling system of the Kelby plant.");
        assertTrue(ClaimSimilarity.similarity(shut, switched) > 0, "one shutdown told with two verbs");
        assertTrue(ClaimSimilarity.similarity(shut, traced) == 0, "a shutdown is not the tracing of a leak");
    }

    @Test
    void shouldJoinTheSameQuoteToldByTwoOutletsInOtherWords() {
        double same = ClaimSimilarity.similarity(
                quote("“The ministry has decided to sharply cut spending on new roads,” Finance Minister Ana Berg said.", "Finance Minister Ana Berg"),
                quote("Berg said the ministry had decided to cut spending sharply on new roads.", "Berg"));
        assertTrue(same >= ClaimSimilarity.SAME_CLAIM, "same claim: " + same);
    }

    @Test
    void shouldKeepApartDifferentStatementsOfOneSpeaker() {
        double different = ClaimSimilarity.similarity(
                quote("“The ministry has decided to sharply cut spending on new roads,” Finance Minister Ana Berg said.", "Finance Minister Ana Berg"),
                quote("“Teachers will receive a pay rise in March,” Berg told parliament.", "Berg"));
        assertTrue(different < ClaimSimilarity.SAME_CLAIM, "different claims: " + different);
    }

    @Test
    void shouldJoinFiguresOfOneThingAndKeepFiguresOfOtherThingsApart() {
        double same = ClaimSimilarity.similarity(figure("The floods killed at least 40 people in the valley."),
                figure("At least 40 people were killed by floods in the valley, officials said."));
        double other = ClaimSimilarity.similarity(figure("The floods killed at least 40 people in the valley."),
                figure("The floods damaged 300 homes in the valley."));
        assertTrue(same >= ClaimSimilarity.SAME_CLAIM, "same figure: " + same);
        assertTrue(other < ClaimSimilarity.SAME_CLAIM, "other figure: " + other);
    }

    @Test
    void shouldScoreTheSameFigureAtTwoNamedPlacesBelowItAtOnePlace() {
        String rescued = "Firefighters in Vellsea evacuated 38 people from a collapsed hotel on Monday.";
        var here = ClaimSimilarity.features(ClaimType.STATISTIC, rescued, null, List.of("Vellsea"), null,
                new QuantityExtractor().extract(rescued).getFirst());
        String evacuated = "Officials said 38 people were evacuated from Dorsk on Monday.";
        var elsewhere = ClaimSimilarity.features(ClaimType.STATISTIC, evacuated, null, List.of("Dorsk"), null,
                new QuantityExtractor().extract(evacuated).getFirst());
        var unplaced = ClaimSimilarity.features(ClaimType.STATISTIC, evacuated, null, List.of(), null,
                new QuantityExtractor().extract(evacuated).getFirst());
        assertTrue(ClaimSimilarity.similarity(here, elsewhere) < ClaimSimilarity.similarity(here, unplaced) - 0.1,
                "a count at another named place is another count");
    }

    @Test
    void shouldKeepTwoCouncilsVotesApartThoughTheirWordsAgree() {
        var one = ClaimSimilarity.features(ClaimType.EVENT, "The council of Varnholm approved a new flood barrier on Tuesday.", null,
                List.of("Varnholm"), "The council", null);
        var other = ClaimSimilarity.features(ClaimType.EVENT, "The council of Oskfjord approved a new flood barrier on Tuesday.", null,
                List.of("Oskfjord"), "The council", null);
        var retold = ClaimSimilarity.features(ClaimType.EVENT, "On Tuesday the Varnholm council approved a new flood barrier.", null,
                List.of("Varnholm"), "the Varnholm council", null);
        assertTrue(ClaimSimilarity.similarity(one, other) < ClaimSimilarity.SAME_CLAIM, "two councils, two votes");
        assertTrue(ClaimSimilarity.similarity(one, retold) >= ClaimSimilarity.SAME_CLAIM, "one council's vote retold");
    }

    @Test
    void shouldNeverJoinAFigureWithAnotherType() {
        ClaimSimilarity.Features event = ClaimSimilarity.features(ClaimType.EVENT,
                "The floods killed at least 40 people in the valley.", null, List.of(), null, null);
        assertTrue(ClaimSimilarity.similarity(figure("The floods killed at least 40 people in the valley."), event) == 0);
    }

    @Test
    void shouldScoreForcesOfOpposingSidesBelowTheSameWordsToldOfOneSide() {
        String retreat = "Russian forces pulled back from the villages around Kostin on Monday.";
        var russian = ClaimSimilarity.features(ClaimType.MILITARY_ACTION, retreat, null, List.of("Kostin"), "Russian forces", null);
        var sameSide = ClaimSimilarity.features(ClaimType.MILITARY_ACTION, "Russia’s troops pulled back from the villages around Kostin.",
                null, List.of("Kostin"), "Russia’s troops", null);
        var otherSide = ClaimSimilarity.features(ClaimType.MILITARY_ACTION, "Ukrainians pulled back from the villages around Kostin.",
                null, List.of("Kostin"), "Ukrainians", null);
        var unnamed = ClaimSimilarity.features(ClaimType.MILITARY_ACTION, "Troops pulled back from the villages around Kostin.",
                null, List.of("Kostin"), null, null);
        double opposed = ClaimSimilarity.similarity(russian, otherSide);
        assertTrue(opposed < ClaimSimilarity.similarity(russian, unnamed) - 0.1, "opposing sides: " + opposed);
        assertTrue(ClaimSimilarity.similarity(russian, sameSide) >= ClaimSimilarity.SAME_CLAIM, "“Russian” and “Russia’s” are one side");
    }

    @Test
    void shouldPairAFigureInWordsWithItsCounterpartInTheOtherSentence() {
        var launched = figure("Attackers launched 40 drones and 16 missiles at the port overnight, officials said.", 1);
        var downed = figure("Officials said 16 missiles were fired and eleven of them were shot down.", 1);
        assertTrue(ClaimSimilarity.opposed(launched, downed) || ClaimSimilarity.similarity(launched, downed) == 0,
                "the other sentence tells 16 itself: eleven is not its counterpart");
    }

    @Test
    void shouldNotJoinACountToldWithWhatHappenedToAFarDifferentOneToldWithNothing() {
        var killed = figure("At least eight people were killed when shells hit the market in Dovra, officials said.");
        var population = figure("Dovra, home to some 400,000 people, has been shelled almost daily, officials said.");
        assertTrue(ClaimSimilarity.similarity(killed, population) == 0, "a death toll is no population");
        var deployed = figure("More than 600 firefighters, backed by nine helicopters, were deployed against the blaze.");
        var nearly = figure("Nearly 700 firefighters were on the ground against the blaze, the service said.");
        assertTrue(ClaimSimilarity.similarity(deployed, nearly) > 0, "600 and nearly 700 may be one count told roughly");
    }

    @Test
    void shouldNotJoinFiguresOfOneUnitMoreThanThreeTimesApartWhenNoMeasureIsNamed() {
        var level = figure("The regulator said the reading at the gate was 4 ppm on Friday.");
        var later = figure("Inspectors said the reading at the gate was 14 ppm on Friday.");
        var close = figure("Inspectors said the reading at the gate was 5 ppm on Friday.");
        assertTrue(ClaimSimilarity.similarity(level, later) == 0, "3.5 times apart: another reading, not a dispute");
        assertTrue(ClaimSimilarity.opposed(level, later), "and never one cluster through a third");
        assertTrue(ClaimSimilarity.similarity(level, close) > 0.49, "4 and 5 may be one reading disputed");
        var tollLow = figure("The storm killed 3 people in the port, police said.");
        var tollHigh = figure("The storm killed 60 people in the port, officials said.");
        assertTrue(ClaimSimilarity.similarity(tollLow, tollHigh) > 0, "two named tolls twenty times apart are still one toll disputed");
        var sector = figure("The rule will cost farms about 8 million pounds a year, the farmers' union said.");
        var total = figure("The rule will cost businesses about 900 million pounds a year, the ministry said.");
        assertTrue(ClaimSimilarity.similarity(sector, total) == 0, "a hundred times apart: a part, not the whole disputed");
    }

    @Test
    void shouldKeepApartFiguresOfTwoNamedPollsters() {
        var one = figure("A Polmark survey published on Friday put support for the plan at 46 percent.");
        var other = figure("The Vantor poll put support for the plan at 49 percent.");
        var again = figure("Polmark's survey, out on Friday, put support for the plan at 47 percent.");
        assertTrue(ClaimSimilarity.similarity(one, other) == 0, "two pollsters measure twice");
        assertTrue(ClaimSimilarity.similarity(one, again) > 0.49, "one pollster's figure told twice");
        assertTrue(ClaimSimilarity.sources("Survey results put support at 46 percent.").isEmpty(),
                "a sentence's first word is no pollster unless it owns the survey");
    }

    @Test
    void shouldKeepApartTwoRatesOfDifferentPeriods() {
        var weekly = figure("The mill turns out around 2,600 tonnes of pulp a week for paper makers.");
        var yearly = figure("The mill produces about 6,100 tonnes of pulp a year, the company said.");
        var daily = figure("The mill turns out 2,600 tonnes of pulp each week, its manager said.");
        assertTrue(ClaimSimilarity.similarity(weekly, yearly) == 0, "a week's output is not a year's");
        assertTrue(ClaimSimilarity.similarity(weekly, daily) > 0.49, "'a week' and 'each week' are one period");
    }

    @Test
    void shouldKeepATollRisenByANamedTimeApartFromTheTollFirstReported() {
        var first = figure("The collapse of the pier killed five people, officials said.");
        var risen = figure("The number of people killed in the collapse of the pier rose to nine on Wednesday morning.");
        var same = figure("Nine people were killed in the collapse of the pier, officials said on Wednesday.");
        assertTrue(ClaimSimilarity.opposed(first, risen), "five, then nine by Wednesday: an update, not one claim");
        assertTrue(ClaimSimilarity.similarity(risen, same) > 0.49, "the risen toll and the same toll told plainly meet");
        var risenUntimed = figure("The number of people killed in the collapse of the pier rose to nine, officials said.");
        assertFalse(ClaimSimilarity.opposed(first, risenUntimed), "without a time, 'rose to' may dispute the first toll");
    }

    @Test
    void shouldKeepAShareToldAsAChangeApartFromOneToldAsALevel() {
        var change = figure("The leave share rose 6 percent since the pollster's survey in March.");
        var undecided = figure("The survey put Leave on 46 percent and Remain on 41 percent, with 7 percent undecided.", 2);
        assertTrue(ClaimSimilarity.opposed(change, undecided), "a rise of 6 is not a level of 7");
        var again = figure("Leave's share was up 6 percent on the pollster's March survey.");
        assertTrue(ClaimSimilarity.similarity(change, again) > 0.49, "two changes told alike meet");
    }

    @Test
    void shouldNeverJoinADenialWithTheHappeningItDenies() {
        var happened = event("Coastguard boats rammed two fishing trawlers off Kettle Point on Friday night, the fishermen said.");
        var denied = quote("The coastguard denied that its boats had rammed any trawlers off Kettle Point on Friday night.", "coastguard");
        var deniedAgain = quote("The coastguard rejected claims that its boats had rammed two trawlers off Kettle Point on Friday night.", "coastguard");
        assertTrue(ClaimSimilarity.opposed(happened, denied), "the ramming and its denial are two claims");
        assertTrue(ClaimSimilarity.similarity(denied, deniedAgain) > 0.49, "one denial told twice meets");
        var rejected = event("Dock workers rejected the port's pay offer on Monday and set a strike for next week.");
        var turnedDown = event("Dock workers turned down the port's pay offer on Monday and set a strike for next week.");
        assertFalse(ClaimSimilarity.opposed(rejected, turnedDown), "an offer rejected is a happening, not a denial");
        var deniedBail = event("The two men were denied bail at Kettle magistrates' court on Friday.");
        assertFalse(ClaimSimilarity.opposed(deniedBail, event("Kettle magistrates refused the two men bail on Friday.")),
                "bail denied to someone is no denial by them");
    }

    @Test
    void shouldJoinOneValueToldWithAndWithoutWhatItCountsWhereNoMeasureIsNamedButNotADifferentValue() {
        var handed = figure("The rebels handed over 46 prisoners to the Red Crescent at the Sorran crossing on Friday.");
        var bare = figure("At the Sorran crossing on Friday the rebels handed over 46 to the Red Crescent.");
        var people = figure("At the Sorran crossing on Friday the rebels handed over 46 people to the Red Crescent.");
        var soldiers = figure("At the Sorran crossing on Friday the rebels handed over 46 soldiers to the Red Crescent.");
        assertTrue(ClaimSimilarity.similarity(handed, bare) > 0.49, "one handover told with and without whom");
        assertTrue(ClaimSimilarity.similarity(handed, people) > 0.49, "'people' names no one in particular");
        assertTrue(ClaimSimilarity.similarity(handed, soldiers) == 0, "prisoners and soldiers are two nouns, two counts");
        var aboard = figure("The ferry from Osk had 210 people on board, including nine crew, when it ran aground.");
        var passengers = figure("The ferry from Osk was carrying 201 passengers and nine crew when it ran aground.");
        assertTrue(ClaimSimilarity.similarity(aboard, passengers) == 0, "people on board and passengers are two counts");
        var killed = figure("Twelve people were killed when the rockets struck Osk overnight, the governor said.");
        var rockets = figure("Twelve rockets struck Osk overnight, the governor said.");
        assertTrue(ClaimSimilarity.similarity(killed, rockets) == 0, "a toll never meets another count of one value");
        var tugs = figure("Eleven tugboats were working to free the tanker in the Osk channel on Monday.");
        var tugsAgain = figure("Eleven tugs spent Monday trying to free the tanker in the Osk channel.");
        assertTrue(ClaimSimilarity.similarity(tugs, tugsAgain) > 0.49, "tugboats are tugs");
    }

    @Test
    void shouldNotJoinTwoDifferentSumsOfMoneyThatSayNothingOfWhatTheyAre() {
        var carPark = figure("Last month the council approved 35 million euros for a car park beneath the town hall in Osk.");
        var housing = figure("The council in Osk will bring forward 30 million euros of housing beneath the town hall plan.");
        assertTrue(ClaimSimilarity.similarity(carPark, housing) == 0, "the currency alone is no measure");
        var again = figure("In Osk the council approved 35 million euros last month for a car park beneath the town hall.");
        assertTrue(ClaimSimilarity.similarity(carPark, again) > 0.49, "one sum told twice still meets");
    }

    @Test
    void shouldJoinPeopleToldOnceAsAnyoneInARoundFigureAndOnceByWhoTheyAre() {
        var patients = figure("In all 2,346,200 patients were waiting for surgery in Osk province at the end of June.");
        var people = figure("Some 2.3 million people in Osk province are waiting for surgery.");
        assertTrue(ClaimSimilarity.similarity(patients, people) > 0.49, "a rounded count of people is the exact one");
        var evacuated = figure("About 520 residents of Osk were evacuated to a school gym overnight.");
        var sheltered = figure("Around 500 people from Osk were evacuated to the school gym overnight.");
        assertTrue(ClaimSimilarity.similarity(evacuated, sheltered) > 0.49, "residents and people, one estimate");
        var passengers = figure("The coach from Osk was carrying 41 passengers when it overturned, the operator said.");
        var aboard = figure("The coach from Osk had 43 people on board when it overturned, the operator said.");
        assertTrue(ClaimSimilarity.similarity(passengers, aboard) == 0, "two exact counts are two counts");
        var wounded = figure("Nine people were killed and 47 wounded when the drones struck Osk, the governor said.", 1);
        var downed = figure("Air defences shot down 44 of the drones over Osk, the governor said.");
        assertTrue(ClaimSimilarity.similarity(wounded, downed) == 0, "near values, one a toll, the other drones");
    }

    @Test
    void shouldCountOneValueOfOneFigureMoreInOneStoryAndAnyClaimLessAcrossTwoStories() {
        var lead = figure("OSK, May 4 (Wire) - A flood swept through Osk before dawn on Monday, killing seven people, officials said.");
        var shortly = figure("Seven people are confirmed dead.");
        double alone = ClaimSimilarity.similarity(lead, shortly);
        assertEquals(alone, ClaimSimilarity.inStory(lead, shortly, Double.NaN), 1e-9, "stories unknown: the claims alone");
        assertTrue(ClaimSimilarity.inStory(lead, shortly, 0.8) > alone, "one story, one value");
        assertEquals(alone, ClaimSimilarity.inStory(lead, shortly, 0.6), 1e-9, "neither clearly one story nor two");
        assertTrue(ClaimSimilarity.inStory(lead, shortly, 0.3) < alone, "two stories");
        var eight = figure("Eight people are confirmed dead.");
        assertEquals(ClaimSimilarity.similarity(lead, eight), ClaimSimilarity.inStory(lead, eight, 0.8), 1e-9,
                "two values get no help: a conflict is found by the words, not assumed");
    }
}
