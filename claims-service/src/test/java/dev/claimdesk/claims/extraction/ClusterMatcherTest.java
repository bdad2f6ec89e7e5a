package dev.claimdesk.claims.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterMatcherTest {

    private static final UUID ROADS = UUID.randomUUID();
    private static final UUID ROADS_AGAIN = UUID.randomUUID();
    private static final UUID TEACHERS = UUID.randomUUID();

    private static ClaimSimilarity.Features quote(String text, String speaker) {
        return ClaimSimilarity.features(ClaimType.QUOTE, text, speaker, List.of(), null, null);
    }

    private static ClusterMatcher.Candidate stored(UUID cluster, String text, boolean decided) {
        return new ClusterMatcher.Candidate(UUID.randomUUID(), UUID.randomUUID(), cluster, quote(text, "Berg"), decided);
    }

    private static final String CUT = "“The ministry has decided to sharply cut spending on new roads,” Finance Minister Ana Berg said.";
    private static final String CUT_TOLD_AGAIN = "Berg said the ministry had decided to cut spending on new roads sharply.";
    private static final String PAY = "“Teachers will receive a pay rise in March,” Berg told parliament.";

    @Test
    void shouldJoinTheClusterOfTheMostSimilarClaim() {
        var match = ClusterMatcher.match(quote(CUT, "Berg"), List.of(stored(TEACHERS, PAY, false), stored(ROADS, CUT_TOLD_AGAIN, false)));
        assertEquals(ROADS, match.orElseThrow().cluster());
        assertTrue(match.get().absorbed().isEmpty());
    }

    @Test
    void shouldNeverJoinAClusterHoldingAnOpposedMovementThroughAClaimThatResemblesBoth() {
        UUID town = UUID.randomUUID();
        var withdrew = new ClusterMatcher.Candidate(UUID.randomUUID(), UUID.randomUUID(), town, ClaimSimilarity.features(ClaimType.MILITARY_ACTION,
                "Government troops withdrew from Orvik on Sunday after heavy fighting.", null, List.of("Orvik"), null, null), false);
        // told without a verb of movement: it resembles the withdrawal and the retaking alike
        var fighting = new ClusterMatcher.Candidate(UUID.randomUUID(), UUID.randomUUID(), town, ClaimSimilarity.features(ClaimType.MILITARY_ACTION,
                "Government troops in Orvik on Sunday after heavy fighting there.", null, List.of("Orvik"), null, null), false);
        var retook = ClaimSimilarity.features(ClaimType.MILITARY_ACTION, "Government troops retook Orvik on Sunday after heavy fighting.", null,
                List.of("Orvik"), null, null);
        assertTrue(ClusterMatcher.match(retook, List.of(fighting)).isPresent(), "alone, the action-less claim is close enough");
        assertTrue(ClusterMatcher.match(retook, List.of(withdrew, fighting)).isEmpty(), "a cluster with the withdrawal is closed to it");
    }

    @Test
    void shouldNeverMergeTwoClustersWhoseMembersTellOpposedMovements() {
        UUID retaken = UUID.randomUUID();
        UUID withdrawn = UUID.randomUUID();
        var retook = new ClusterMatcher.Candidate(UUID.randomUUID(), UUID.randomUUID(), retaken, ClaimSimilarity.features(ClaimType.MILITARY_ACTION,
                "Government troops retook Orvik on Sunday after heavy fighting.", null, List.of("Orvik"), null, null), false);
        var withdrew = new ClusterMatcher.Candidate(UUID.randomUUID(), UUID.randomUUID(), withdrawn, ClaimSimilarity.features(ClaimType.MILITARY_ACTION,
                "Government troops withdrew from Orvik on Sunday after heavy fighting.", null, List.of("Orvik"), null, null), false);
        // a claim that names no movement resembles both; it may join one, never bring the two together
        var unmoved = ClaimSimilarity.features(ClaimType.MILITARY_ACTION, "Government troops in Orvik on Sunday after heavy fighting there.",
                null, List.of("Orvik"), null, null);
        var match = ClusterMatcher.match(unmoved, List.of(retook, withdrew)).orElseThrow();
        assertTrue(match.absorbed().isEmpty(), "merged " + match);
    }

    @Test
    void shouldStartANewClusterWhenNothingIsSimilarEnough() {
        assertTrue(ClusterMatcher.match(quote(CUT, "Berg"), List.of(stored(TEACHERS, PAY, false))).isEmpty());
    }

    @Test
    void shouldMergeTheClustersOfOneClaimToldTwiceButNotAClusterItTouchesOnce() {
        var match = ClusterMatcher.match(quote(CUT, "Berg"), List.of(stored(ROADS, CUT_TOLD_AGAIN, false),
                stored(ROADS_AGAIN, CUT_TOLD_AGAIN, false), stored(TEACHERS, PAY, false)));
        assertEquals(Set.of(ROADS, ROADS_AGAIN), union(match.orElseThrow()));
    }

    @Test
    void shouldKeepTheDecidedClusterWhenMergingAndNeverMergeTwoDecidedOnes() {
        var intoDecided = ClusterMatcher.match(quote(CUT, "Berg"), List.of(stored(ROADS, CUT_TOLD_AGAIN, false),
                stored(ROADS_AGAIN, CUT_TOLD_AGAIN, true))).orElseThrow();
        assertEquals(ROADS_AGAIN, intoDecided.cluster());
        assertEquals(Set.of(ROADS), intoDecided.absorbed());

        var bothDecided = ClusterMatcher.match(quote(CUT, "Berg"), List.of(stored(ROADS, CUT_TOLD_AGAIN, true),
                stored(ROADS_AGAIN, CUT_TOLD_AGAIN, true))).orElseThrow();
        assertTrue(bothDecided.absorbed().isEmpty(), "two verdicts stay apart");
    }

    @Test
    void shouldNotMergeTwoClustersThatOnlyTheNewClaimTiesTogether() {
        // one sentence telling both the roads cut and the pay rise matches each, but the two clusters hold
        // different claims: average linkage over their members keeps them apart, where single links would chain them
        var both = event("The ministry decided to cut spending on new roads sharply and teachers will receive a pay rise in March.");
        var roadsCut = new ClusterMatcher.Candidate(UUID.randomUUID(), UUID.randomUUID(), ROADS,
                event("The ministry decided to cut spending on new roads sharply."), false);
        var payRise = new ClusterMatcher.Candidate(UUID.randomUUID(), UUID.randomUUID(), TEACHERS,
                event("Teachers will receive a pay rise in March."), false);
        assertTrue(ClaimSimilarity.similarity(both, roadsCut.features()) >= ClaimSimilarity.SAME_CLAIM);
        assertTrue(ClaimSimilarity.similarity(both, payRise.features()) >= ClaimSimilarity.SAME_CLAIM);
        var match = ClusterMatcher.match(both, List.of(roadsCut, payRise)).orElseThrow();
        assertTrue(match.absorbed().isEmpty(), "absorbed " + match.absorbed());
    }

    private static ClaimSimilarity.Features event(String text) {
        return ClaimSimilarity.features(ClaimType.EVENT, text, null, List.of(), null, null);
    }

    private static Set<UUID> union(ClusterMatcher.Match match) {
        var all = new java.util.HashSet<>(match.absorbed());
        all.add(match.cluster());
        return all;
    }

    @Test
    void shouldJoinACopysFigureToTheOneFigureOfItsMeasureInTheOriginalHoweverFarTheWordsMoved() {
        UUID original = UUID.randomUUID();
        UUID missing = UUID.randomUUID();
        var told = figure("Seventeen others were still missing.");
        var toldAgain = figure("Coastguard divers called off their night search off Kellan Point after the ferry capsized, and 71 people remain missing.");
        var stored = new ClusterMatcher.Candidate(UUID.randomUUID(), original, missing, told, false);
        assertTrue(ClusterMatcher.match(toldAgain, List.of(stored)).isEmpty(), "between two outlets the words are too far apart");
        assertEquals(missing, ClusterMatcher.match(toldAgain, List.of(stored), original).orElseThrow().cluster(),
                "a copy's missing count is its original's, changed");
        var dead = new ClusterMatcher.Candidate(UUID.randomUUID(), original, UUID.randomUUID(),
                figure("Rescuers said 40 people were killed when the ferry sank."), false);
        assertTrue(ClusterMatcher.match(figure("Nine people were killed when the ferry sank."), List.of(stored), original).isEmpty(),
                "a death toll has no counterpart in a missing count");
        assertEquals(dead.clusterId(), ClusterMatcher.match(figure("Rescuers said nine people were killed when the ship went down off the point."),
                List.of(stored, dead), original).orElseThrow().cluster(),
                "a death toll has no counterpart in a missing count");
        var alsoMissing = new ClusterMatcher.Candidate(UUID.randomUUID(), original, UUID.randomUUID(),
                figure("Twelve crew members were missing."), false);
        assertTrue(ClusterMatcher.match(toldAgain, List.of(stored, alsoMissing, dead), original).isEmpty(),
                "two counts of the missing in the original: none is the counterpart");
    }

    private static ClaimSimilarity.Features figure(String sentence) {
        return ClaimSimilarity.features(ClaimType.STATISTIC, sentence, null, List.of(), null, new QuantityExtractor().extract(sentence).getFirst());
    }

    private static final String FLOOD_LEAD = "OSK, May 4 (Wire) - A flood swept through the valley town of Osk before dawn on Monday, "
            + "leaving 3,000 homes without power and closing 14 schools, officials said.";
    private static final String RECONNECT = "Crews from neighbouring counties spent the night trying to reconnect 3,000 homes, a "
            + "spokeswoman for the utility told reporters.";

    @Test
    void shouldJoinOneValueToldInALeadWithManyFactsAndInAShortSentenceOnlyWithinOneStory() {
        UUID wire = UUID.randomUUID();
        UUID local = UUID.randomUUID();
        UUID homes = UUID.randomUUID();
        var stored = new ClusterMatcher.Candidate(UUID.randomUUID(), wire, homes, figure(FLOOD_LEAD), false);
        assertTrue(ClusterMatcher.match(figure(RECONNECT), List.of(stored)).isEmpty(), "on the sentences alone, too little in common");
        ClusterMatcher.Stories oneStory = (a, b) -> 0.8;
        assertEquals(homes, ClusterMatcher.match(figure(RECONNECT), local, List.of(stored), null, oneStory).orElseThrow().cluster(),
                "one value of one count in one story");
        ClusterMatcher.Stories otherStories = (a, b) -> 0.3;
        var closeWords = figure("Engineers were working through the night to reconnect 3,000 homes.");
        assertTrue(ClusterMatcher.match(closeWords, List.of(stored)).isPresent(), "alike sentences join when the stories are unknown");
        assertTrue(ClusterMatcher.match(closeWords, local, List.of(stored), null, otherStories).isEmpty(),
                "two articles of two different stories: not one claim");
    }
}
