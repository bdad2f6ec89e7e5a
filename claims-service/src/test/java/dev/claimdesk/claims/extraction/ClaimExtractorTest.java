package dev.claimdesk.claims.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claim typing on news written for this test, not on the reference articles. */
class ClaimExtractorTest {

    private final ClaimExtractor extractor = new ClaimExtractor();

    private List<ExtractedClaim> claims(String text) {
        return extractor.extract(text, "en").claims();
    }

    private ExtractedClaim only(List<ExtractedClaim> claims, ClaimType type) {
        List<ExtractedClaim> of = claims.stream().filter(c -> c.type() == type).toList();
        assertEquals(1, of.size(), type + " claims: " + of);
        return of.getFirst();
    }

    @Test
    void shouldGiveEachFigureItsOwnStatisticClaim() {
        List<ExtractedClaim> claims = claims("The storm killed at least 12 people and destroyed more than 300 homes in Valencia on Sunday.");
        List<ExtractedClaim> figures = claims.stream().filter(c -> c.type() == ClaimType.STATISTIC).toList();
        assertEquals(2, figures.size());
        assertEquals(12, figures.get(0).quantity().value());
        assertEquals(Quantity.Qualifier.AT_LEAST, figures.get(0).quantity().qualifier());
        assertEquals(300, figures.get(1).quantity().value());
        assertEquals(Quantity.Qualifier.MORE_THAN, figures.get(1).quantity().qualifier());
        assertEquals(List.of("Valencia"), figures.getFirst().places());
    }

    @Test
    void shouldTakeASmallCountInWordsAsAFigureWhenItIsAPartOfAWholeOrAMeasureButNotInPassing() {
        List<Double> values = claims("Twenty-two workers were taken to the clinic, four of them in a serious condition. "
                + "The tide rose two metres within the hour. The plan focuses on two key areas of the port. "
                + "Flooding closed roads in six of Dunmore's 11 parishes.").stream()
                .filter(c -> c.type() == ClaimType.STATISTIC).map(c -> c.quantity().value()).toList();
        assertEquals(List.of(22.0, 4.0, 2.0, 6.0, 11.0), values);
    }

    @Test
    void shouldAttributeQuotesToTheNamedOrDescribedSpeakerAndResolvePronouns() {
        List<ExtractedClaim> claims = claims("""
                “The bridge will reopen within a month,” Transport Minister Elena Marsh said on Friday.
                She added that repairs would cost the city “far less than feared.”
                “We have not seen the final figures,” a senior ministry official told reporters.
                """);
        List<ExtractedClaim> quotes = claims.stream().filter(c -> c.type() == ClaimType.QUOTE).toList();
        assertEquals(3, quotes.size(), quotes.toString());
        assertEquals("Transport Minister Elena Marsh", quotes.get(0).speaker());
        assertEquals("Transport Minister Elena Marsh", quotes.get(1).speaker());
        assertEquals("a senior ministry official", quotes.get(2).speaker());
    }

    @Test
    void shouldMakeAQuoteOverSeveralSentencesOneClaimWithTheSpeakerNamedAtItsEnd() {
        String text = "“The convoy left at dawn. It reached the border by noon,” the regional governor said.";
        ExtractedClaim quote = only(claims(text), ClaimType.QUOTE);
        assertEquals("the regional governor", quote.speaker());
        assertEquals("“The convoy left at dawn.", quote.text());
    }

    @Test
    void shouldTypeTroopMovementsAtNamedPlacesAsMilitaryActions() {
        ExtractedClaim action = only(claims("Government forces recaptured the town of Kalinovka and pushed rebels back toward Dorsk on Tuesday."),
                ClaimType.MILITARY_ACTION);
        assertEquals(List.of("Kalinovka", "Dorsk"), action.places());
        assertEquals("Government forces", action.actor());
        assertTrue(action.checkworthiness() >= 0.6);
    }

    @Test
    void shouldKeepAttributionChains() {
        ExtractedClaim figure = only(claims("According to a NATO official, up to 7,000 soldiers were wounded near Ridgeford."),
                ClaimType.STATISTIC);
        assertEquals("according to a NATO official", figure.attribution());
    }

    @Test
    void shouldRankCasualtiesAboveOpinionAndQuestions() {
        double casualties = claims("Officials said 40 civilians were killed in the shelling of Marinsk.").stream()
                .mapToDouble(ExtractedClaim::checkworthiness).max().orElseThrow();
        List<ExtractedClaim> opinion = claims("I think the Government should perhaps rethink its approach to the talks in Geneva.");
        double opinionScore = opinion.stream().mapToDouble(ExtractedClaim::checkworthiness).max().orElse(0);
        assertTrue(casualties > opinionScore + 0.3, casualties + " vs " + opinionScore);
    }

    @Test
    void shouldMakeNoClaimsOfTextThatIsNotEnglish() {
        Extraction extraction = extractor.extract("Die Regierung hat am Montag 40 Millionen Euro zugesagt.", "de");
        assertEquals(Extraction.Status.NOT_ENGLISH, extraction.status());
        assertEquals(List.of(), extraction.claims());
    }

    @Test
    void shouldSkipHeadlinesAndTakeNoSpeakerForUnattributedQuotes() {
        List<ExtractedClaim> claims = claims("Floods hit the north\nThe so-called “recovery plan” was published on Monday by the Finance Ministry.");
        assertTrue(claims.stream().noneMatch(c -> c.text().equals("Floods hit the north")));
        assertTrue(claims.stream().noneMatch(c -> c.type() == ClaimType.QUOTE));
        assertEquals(ClaimType.EVENT, claims.getFirst().type());
        assertNull(claims.getFirst().speaker());
    }

    @Test
    void shouldFindPlacesInListsWithDirectionsAndSettlementsNamedByWhatTheyAre() {
        assertEquals(List.of("Tarsk", "Olbin"), ClaimExtractor.places(
                "Rebels were driven out of several towns, including Tarsk in the west and Olbin to the north."));
        assertTrue(ClaimExtractor.places("Troops pulled back from the capital and the northern city Dervan on Friday.")
                .contains("Dervan"));
        assertTrue(ClaimExtractor.places("Shelling hit the port of Maravi overnight.").contains("Maravi"));
    }

    @Test
    void shouldRankBackgroundAndPredictionsBelowReportedFacts() {
        double reported = only(claims("Army officials said troops recaptured the village of Kostin on Monday."), ClaimType.MILITARY_ACTION)
                .checkworthiness();
        double background = only(claims("Rebel forces have been advancing toward the village of Kostin for months."),
                ClaimType.MILITARY_ACTION).checkworthiness();
        double predicted = only(claims("Army officials said troops could recapture the village of Kostin within days."),
                ClaimType.MILITARY_ACTION).checkworthiness();
        assertTrue(background < reported, background + " < " + reported);
        assertTrue(predicted < reported, predicted + " < " + reported);
    }

    @Test
    void shouldMakeNoClaimOfTheReportersOwnObservationsQuotedViewsEchoesOrMerePossibilities() {
        assertEquals(List.of(), claims("Our reporters saw soldiers advancing near the village of Kostin on Monday."));
        assertEquals(List.of(), claims("“We think the new bridge will never be finished,” Mayor Ana Ruiz said."));
        assertEquals(List.of(), claims("Finance Minister Ana Berg echoed this statement."));
        assertEquals(List.of(), claims("Officials said the two leaders could meet in Geneva if the talks progress."));
        only(claims("The president announced a ceasefire in Geneva, in statements that could give the talks a boost."),
                ClaimType.EVENT);
    }

    @Test
    void shouldTypeForcesTurnedToAnotherFrontAsAMilitaryAction() {
        ExtractedClaim claim = only(claims("The defence ministry said the army will now focus its efforts on the southern region of Dalmar."),
                ClaimType.MILITARY_ACTION);
        assertTrue(claim.places().contains("Dalmar"), claim.places().toString());
    }

    @Test
    void shouldTakeTheActorFromWhatTheSentenceStatesNotFromItsOpeningWords() {
        assertEquals("Government forces", only(claims("After three days of fighting, Government forces retook the town of Tarsk."),
                ClaimType.MILITARY_ACTION).actor());
        assertEquals("Ukrainian forces", only(claims("President Ana Ruiz announced late Monday that Ukrainian forces had retaken Olbin."),
                ClaimType.MILITARY_ACTION).actor(), "the speaker is not the actor");
        assertEquals("army", only(claims("The army said its forces retook the village of Kostin last week."),
                ClaimType.MILITARY_ACTION).actor(), "“its forces” are the army's");
        assertNull(only(claims("The town of Tarsk was shelled overnight."), ClaimType.MILITARY_ACTION).actor());
    }

    @Test
    void shouldTakeAStraightQuoteMarkBeforeAWordForAnOpeningOne() {
        // two scare-quoted words, no quoted statement: the sentence reports an event
        ExtractedClaim claim = only(claims("The talks in Geneva ended with a \"useful exchange\" and the "
                + "offer will be put to the cabinet on Monday."), ClaimType.EVENT);
        assertNull(claim.speaker());
    }

    @Test
    void shouldNameTheSpeakerOfWhatWasToldToSomeoneAndGiveAFigureInAQuoteItsSpeaker() {
        ExtractedClaim told = only(claims("Harbour master Tomas Reyes told the Selwyn Gazette on Monday that dredging would "
                + "resume within weeks."), ClaimType.QUOTE);
        assertEquals("Harbour master Tomas Reyes", told.speaker());
        ExtractedClaim figure = only(claims("“We lost about 400 tonnes of cargo in the storm,” Reyes said."), ClaimType.STATISTIC);
        assertEquals("Reyes", figure.speaker());
    }

    @Test
    void shouldTakeHeOrSheForThePersonTheLastSentenceOpenedWithAndAbstainWithoutOne() {
        List<ExtractedClaim> claims = claims("""
                Defence lawyer Marta Ivanic said her client would appeal.
                Prosecutor Ilse Brandt had asked for a longer sentence.
                She said the ruling sent “a message to every official who handles public money”.
                """);
        assertEquals("Prosecutor Ilse Brandt", only(claims, ClaimType.QUOTE).speaker());
    }

    @Test
    void shouldLeaveTheSpeakerOfAQuoteEmptyRatherThanGuessWhenTwoPeopleShareASurnameOrNoOneIsReferredTo() {
        ExtractedClaim alone = only(claims("“The bridge over the Lune is safe,” she said."), ClaimType.QUOTE);
        assertNull(alone.speaker(), "no one to refer back to");
        List<ExtractedClaim> family = claims("""
                Anna Berg, the harbour master, closed the quay on Monday.
                Her brother Lars Berg runs the ferry company that uses it.
                “The quay will stay shut until the spring,” Berg said.
                """);
        assertNull(family.stream().filter(c -> c.text().contains("until the spring")).findFirst().orElseThrow().speaker(),
                "two Bergs: " + family);
        List<ExtractedClaim> group = claims("""
                Mayor Tomas Reyes visited the flooded streets of Lessen on Monday.
                “We have searched every house twice,” they said.
                """);
        assertNull(only(group, ClaimType.QUOTE).speaker(), "they is not the mayor");
    }

    @Test
    void shouldMakeTwoClaimsOfASentenceThatTellsTwoMovementsInTwoClauses() {
        List<ExtractedClaim> claims = claims("Army units recaptured Orvik on Sunday after rebel fighters withdrew from the town overnight.");
        List<ExtractedClaim> movements = claims.stream().filter(c -> c.type() == ClaimType.MILITARY_ACTION).toList();
        assertEquals(List.of("Army units recaptured Orvik on Sunday", "after rebel fighters withdrew from the town overnight."),
                movements.stream().map(ExtractedClaim::text).toList());
        String text = "Army units recaptured Orvik on Sunday after rebel fighters withdrew from the town overnight.";
        for (ExtractedClaim m : movements) {
            assertEquals(m.text(), text.substring(m.start(), m.end()), "offsets point at the clause");
        }
        assertEquals(Set.of("retake"), Measures.actions(movements.get(0).text()));
        assertEquals(Set.of("withdraw"), Measures.actions(movements.get(1).text()));
        only(claims("Rebel fighters advanced on Orvik and shelled its outskirts overnight."), ClaimType.MILITARY_ACTION);
    }

    @Test
    void shouldGiveEachScoreTheSignalsThatRaisedOrLoweredIt() {
        ExtractedClaim toll = only(claims("The storm killed 14 people in the town of Varnholm, the fire service said."),
                ClaimType.STATISTIC);
        assertEquals(List.of(new CheckWorthiness.Reason(CheckWorthiness.CASUALTIES, 0.25),
                new CheckWorthiness.Reason(CheckWorthiness.PLACE, 0.1), new CheckWorthiness.Reason(CheckWorthiness.SOURCE, 0.05)),
                toll.reasons());
        assertEquals(1.0, toll.checkworthiness());
        ExtractedClaim study = only(claims("A survey published by the Karsby health board found that obesity rates were "
                + "higher than in any year since 2005."), ClaimType.EVENT);
        assertTrue(study.reasons().stream().map(CheckWorthiness.Reason::signal).toList()
                .containsAll(List.of(CheckWorthiness.COMPARISON, CheckWorthiness.STUDY)), study.reasons().toString());
        double sum = 0.4 + study.reasons().stream().mapToDouble(CheckWorthiness.Reason::weight).sum();
        assertEquals(Math.max(0, Math.min(1, sum)), study.checkworthiness(), 1e-9, "the score is its type's base and its reasons");
    }

    @Test
    void shouldTellAnEventBesideTheFiguresOfItsSentenceButNotTheVerbTheFiguresHangOn() {
        List<ExtractedClaim> signing = claims("The Hollin club signed midfielder Ana Ruiz from Port Vale on Friday for a fee of 12 million euros.");
        only(signing, ClaimType.EVENT);
        only(signing, ClaimType.STATISTIC);
        assertTrue(claims("The river rose 2.1 metres at Lessen, the highest level since records began in 1950.").stream()
                .noneMatch(c -> c.type() == ClaimType.EVENT));
        assertTrue(claims("The storm killed 14 people in the Varn valley on Sunday.").stream()
                .noneMatch(c -> c.type() == ClaimType.EVENT));
    }

    @Test
    void shouldTakeReportedSpeechDenialsAndRefusalsForClaimsOfTheirSpeaker() {
        List<ExtractedClaim> claims = claims("""
                Port Selwyn's harbour master, Tomas Reyes, said the channel would reopen to cargo ships on Friday.
                A spokesperson for the ferry operator denied that any crossings had been cancelled because of staff shortages.
                The dockers' union rejected reports that its members had voted to end the stoppage.
                Harbour officials declined to comment on the cost of the repairs.
                Divers found no damage to the hull of the stranded tanker, she said.
                Officials said the two companies could merge if regulators agree.
                """);
        // a reopening announced is an event, told with who announced it; a denial or a remark is the speaker's quote
        assertEquals("Port Selwyn's harbour master, Tomas Reyes", only(claims, ClaimType.EVENT).speaker());
        List<ExtractedClaim> quotes = claims.stream().filter(c -> c.type() == ClaimType.QUOTE).toList();
        assertEquals(List.of("A spokesperson for the ferry operator", "The dockers' union", "Port Selwyn's harbour master, Tomas Reyes"),
                quotes.stream().map(ExtractedClaim::speaker).toList(), quotes.toString());
        assertTrue(claims.stream().noneMatch(c -> c.text().contains("declined to comment") || c.text().contains("could merge")),
                claims.toString());
    }

    @Test
    void shouldGiveNoClaimForARefusalToCommentAndNoMovementForTrainsOrPolice() {
        assertEquals(List.of(), new ClaimExtractor().extract(
                "The Velsian interior ministry declined to comment on reports of arrests near Oster.", "en").claims());
        var train = new ClaimExtractor().extract(
                "The regional express from Brask to Ollen came off the rails as it entered the Kettle tunnel.", "en").claims();
        assertTrue(train.stream().noneMatch(c -> c.type() == ClaimType.MILITARY_ACTION), "a train entering a tunnel is no military action");
        var shells = new ClaimExtractor().extract("More than 30 shells struck the Ostrov district of Brask overnight.", "en").claims();
        assertTrue(shells.stream().anyMatch(c -> c.type() == ClaimType.MILITARY_ACTION), "shells striking a town are");
        var hit = new ClaimExtractor().extract("The clinic in Ostrov was hit by a shell on the first day of the siege.", "en").claims();
        assertTrue(hit.stream().anyMatch(c -> c.type() == ClaimType.MILITARY_ACTION), "a building hit by a shell is");
    }

    @Test
    void shouldKeepASmallCountInWordsWhenItSaysWhatHappenedToThem() {
        var claims = new ClaimExtractor().extract("Three climbers remain stranded on the north face of Mount Ellar.", "en").claims();
        assertEquals(1, claims.size());
        assertEquals(3, claims.getFirst().quantity().value(), 1e-6);
        assertEquals(List.of(), new ClaimExtractor().extract("Two carriages of the Ollen express were painted blue.", "en")
                .claims().stream().filter(c -> c.quantity() != null).toList());
        assertEquals(2, new ClaimExtractor().extract("The ferry was carrying 140 passengers and six crew when it sank off Brask.", "en")
                .claims().stream().filter(c -> c.quantity() != null).count(), "a small count tallied with another is a figure");
        assertEquals(List.of(), new ClaimExtractor().extract("Volunteers evacuated two nursing homes near Ollen on Sunday.", "en")
                .claims().stream().filter(c -> c.quantity() != null).toList(), "what was done to them is told before, by others");
    }

    @Test
    void shouldTakeADenialByABodyARoleOrItAsTheDeniersQuote() {
        List<ExtractedClaim> denials = claims("The harbour authority said the crane had failed at noon. "
                + "It denied reports that inspections had been skipped. "
                + "The water service denied reports that the pumps had been switched off before the storm. "
                + "A spokesman for the mill rejected suggestions that the fire began in the boiler room. "
                + "A spokeswoman for the council denied that the bridge had been unsafe, saying checks had \"found nothing\". "
                + "The operator has ruled out sabotage at the plant.");
        List<ExtractedClaim> quotes = denials.stream().filter(c -> c.type() == ClaimType.QUOTE).toList();
        assertEquals(List.of("The harbour authority", "The water service", "A spokesman for the mill", "A spokeswoman for the council",
                "The operator"), quotes.stream().map(ExtractedClaim::speaker).toList().subList(1, 6));
        assertTrue(quotes.stream().anyMatch(c -> c.text().startsWith("It denied") && "The harbour authority".equals(c.speaker())),
                "it is the body spoken of before");
    }

    @Test
    void shouldKeepOneClaimPerQuotationAndTakeADenialOnlyAsTheSpeakersOwnVerb() {
        List<ExtractedClaim> quoted = claims("Union leader Ada Bell said: \"Our members are angry about the plan. "
                + "The company has denied that any jobs at the depot are at risk.\"");
        assertEquals(1, quoted.stream().filter(c -> c.type() == ClaimType.QUOTE).count(), "a quotation's continuation is no claim of its own");
        List<ExtractedClaim> bail = claims("Police said the two men were denied bail at Harlow magistrates' court on Monday.");
        assertTrue(bail.stream().noneMatch(c -> c.type() == ClaimType.QUOTE && c.text().contains("bail") && c.speaker() == null),
                "no unattributed quote");
        assertTrue(bail.stream().allMatch(c -> c.type() != ClaimType.QUOTE), "bail denied to others is no denial by the police");
    }

    @Test
    void shouldTakeItForABodyOnlyWhileThatBodyIsTheOneJustSpokenOf() {
        List<ExtractedClaim> far = claims("The union said members would vote on the offer next week. "
                + "A study by the Harlow Institute found that wages in the region fell last year. "
                + "Researchers visited forty firms across the valley over the summer. "
                + "It said wages had fallen for three years in a row.");
        assertTrue(far.stream().noneMatch(c -> c.text().startsWith("It said") && "The union".equals(c.speaker())),
                "the union was spoken of three sentences before");
    }
}
