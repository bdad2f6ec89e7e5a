package dev.claimdesk.ingest.text;

import dev.claimdesk.commons.testing.EvalData;
import dev.claimdesk.commons.testing.EvalData.GoldArticle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.claimdesk.commons.testing.EvalData.norm;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleCleanerTest {

    private final ArticleCleaner cleaner = new ArticleCleaner();

    private CleanedText clean(String body) {
        return cleaner.clean(Arrays.asList(body.split("\n", -1)), line -> false);
    }

    private CleanedText cleanHtml(String page) {
        HtmlExtractor.Extracted extracted = new HtmlExtractor().extract(page);
        CleanedText cleaned = cleaner.clean(extracted.lines(), line -> false);
        List<Removed> removed = new ArrayList<>(extracted.removed());
        removed.addAll(cleaned.removed());
        return new CleanedText(cleaned.text(), removed);
    }

    @Test
    void shouldRemoveTheAuthorsNoteAndAClosingPromoToTheReaderButKeepTheArticlesLastReport() {
        CleanedText cleaned = clean("""
                The harbour needs a plan, not a patch

                By Ilse Varga | Photo: Ben Ross/Selwyn Courier

                The council has spent four years promising to dredge the harbour at Selwyn.

                Ilse Varga ran the Selwyn harbour trust from 2012 to 2019 and now teaches maritime law.

                Never miss a story: the Courier's morning briefing brings you the day's news before breakfast.
                """);
        assertFalse(cleaned.text().contains("teaches maritime law"), cleaned.text());
        assertFalse(cleaned.text().contains("Never miss a story"), cleaned.text());
        assertTrue(cleaned.text().contains("promising to dredge"));
        assertTrue(cleaned.removed().stream().anyMatch(r -> r.rule().equals("author-note")));

        CleanedText report = clean("""
                Floods close the coast road

                By Ilse Varga

                The coast road at Selwyn was closed on Monday after the sea wall gave way.

                Ilse Varga said the road would stay shut for a week, the county told reporters.

                If you travel to Selwyn, your route now runs inland through Marrow, the county said.
                """);
        assertTrue(report.text().contains("Ilse Varga said the road"), "a report that names the author is no note");
        assertTrue(report.text().contains("your route now runs inland"), "advice someone gave is reported");
    }

    @Test
    void shouldTakeAPagesDateStampShareToolsAndKickerApartFromTheBylineAndTheStory() {
        CleanedText cleaned = cleanHtml("""
                <html><body><article>
                <p class="kicker">Harbour works 2027</p>
                <h1>Selwyn harbour to close for dredging</h1>
                <div class="meta"><span class="author">By Ilse Varga, Maritime Correspondent</span>
                <time datetime="2026-11-09T12:40:00Z">Updated 9 November 2026, 13:40</time></div>
                <ul class="share"><li>Share this story</li><li><a href="#">Email</a></li><li><a href="#">Copy link</a></li></ul>
                <p>Selwyn harbour will close to cargo ships for six weeks from January while the channel is dredged, the port authority said on Monday.</p>
                </article></body></html>
                """);
        assertEquals("Selwyn harbour to close for dredging\n\nSelwyn harbour will close to cargo ships for six weeks from January while "
                + "the channel is dredged, the port authority said on Monday.", cleaned.text());
    }

    @TestFactory
    Stream<DynamicTest> shouldRemoveEveryReferenceBoilerplateAndKeepEveryAnchor() {
        List<GoldArticle> all = new ArrayList<>(EvalData.seedsGold().articles());
        all.addAll(EvalData.practiceGold().articles());
        all.addAll(EvalData.devGold().articles());
        return all.stream().map(article -> DynamicTest.dynamicTest(article.key(), () -> {
            CleanedText cleaned = article.format().equals("html") ? cleanHtml(article.body()) : clean(article.body());
            String text = norm(cleaned.text());
            assertAll(Stream.concat(
                    article.junk().stream().map(b -> () -> assertFalse(text.contains(norm(b)), "kept boilerplate: " + b)),
                    article.anchors().stream().map(a -> () -> assertTrue(text.contains(norm(a)), "lost anchor: " + a))));
        }));
    }

    @Test
    void shouldReportEachRemovedPieceWithKindAndRule() {
        CleanedText cleaned = clean("""
                Floods kill 40 in the valley

                {{#rendered}} {{/rendered}}
                Heavy rain killed at least 40 people on Saturday, officials said.
                CLICK HERE TO GET THE NEWS APP
                Leave a Reply
                """);
        assertEquals(List.of(
                new Removed("{{#rendered}} {{/rendered}}", RemovedKind.TEMPLATE, "template-markup"),
                new Removed("CLICK HERE TO GET THE NEWS APP", RemovedKind.PROMO, "app-promo"),
                new Removed("Leave a Reply", RemovedKind.COMMENT_FORM, "comment-form")), cleaned.removed());
        assertEquals("Floods kill 40 in the valley\n\nHeavy rain killed at least 40 people on Saturday, officials said.",
                cleaned.text());
    }

    @Test
    void shouldKeepSentencesThatShareVocabularyWithPromosWhenTheyReportSpeech() {
        String body = "Residents were asked to donate blood at the town hall.\n"
                + "\"Thank you for your support,\" the mayor said on Sunday.\n"
                + "By Tuesday, the troops had withdrawn from the town.\n"
                + "Meta changed its privacy policy in March, the company said, after regulators objected to it.";
        assertEquals(List.of(), clean(body).removed());
    }

    @Test
    void shouldRemoveBylinesCreditsAndStampsOfUnseenShapes() {
        CleanedText cleaned = clean("""
                Storm hits coast

                By Jane Doe and John Roe
                The storm destroyed 200 homes, the agency said.
                Photo: Reuters
                Updated: Jan. 4, 2023 at 10:15 a.m.
                Reporting by Ana Lima; Editing by Tom Brown
                """);
        assertEquals(List.of("byline", "photo-credit", "update-stamp", "contribution-credit"),
                cleaned.removed().stream().map(Removed::rule).toList());
    }

    @Test
    void shouldRemoveAgencyNotesCorrectionNoticesDisclaimersAndBarredCreditsOfUnseenShapes() {
        CleanedText cleaned = clean("""
                Harbour reopens after storm

                By Lars Berg | Photo: Eva Lind/Westfield Courier
                By Priya Das in Holmsund
                The harbour at Holmsund reopened on Monday after 14 boats sank in the storm, the port authority said.
                The minister said the views expressed by the union were wrong.
                Correction: A previous version of this report misnamed the harbour master.
                This report has been corrected to say that 14, not 41, boats sank, as first stated.
                The opinions expressed here are the writer's own and do not necessarily represent those of the Courier.
                Follow the Westfield Courier on social media for live coverage.
                Listen to Morning Call on weekdays from 6am.
                (Reporting by Maria Sol; Additional reporting by Ken Ito; Editing by Ana Roe)
                """);
        assertEquals(List.of("byline", "byline", "update-note", "update-note", "disclaimer", "app-promo", "app-promo",
                "contribution-credit"), cleaned.removed().stream().map(Removed::rule).toList());

        // the same words in the news itself stay
        String news = """
                The poll does not necessarily reflect the views of all voters, the pollster cautioned.
                Under the 1996 law, platforms are not liable for the content their users post.
                An earlier version of this report, published by the agency in 2019, found 300 deaths.
                The auditor said this report has been updated to include 1,200 deaths.
                Officials urged residents to follow evacuation orders for more than 30 towns.
                """;
        assertEquals(List.of(), clean(news).removed());
        assertEquals("Harbour reopens after storm\n\nThe harbour at Holmsund reopened on Monday after 14 boats sank in the storm, "
                + "the port authority said.\n\nThe minister said the views expressed by the union were wrong.", cleaned.text());
    }

    @Test
    void shouldRemoveSectionPathsTipLinesCompilationNotesAndCorrectionsThatQuoteTheStory() {
        CleanedText cleaned = clean("""
                Ferry runs aground off Halsey Point

                Northern Courier | Coast Desk
                The ferry Marit ran aground off Halsey Point on Friday with 140 passengers on board, the coastguard said.
                Correction: An earlier version of this story said the ferry was operated by Blue Sound Lines. It is run by Fjordline.
                This story was compiled by Coastal Digest from agency reports.
                Got a tip? Message the Courier newsdesk on 0700 900 1234.
                """);
        assertEquals(List.of("section-path", "update-note", "compilation-note", "tip-line"),
                cleaned.removed().stream().map(Removed::rule).toList());

        // news with bars, compilations and people told to call stays
        String news = """
                The union said the list was compiled by managers from payroll records.
                This report was prepared by the inspectorate after 14 deaths at Hollin prison.
                Call centre staff at Fjordline | a subsidiary of Sound Group said they were not paid.
                Contact tracing teams in Halsey have reached 400 people, the health board said.
                The story of the rescue was told by the captain to the inquiry on Monday.
                """;
        assertEquals(List.of(), clean(news).removed());
    }

    @Test
    void shouldCutTheAppealTrailerButKeepArticleTextAfterAMidArticleSignup() {
        CleanedText early = clean("""
                Sign up for our newsletter
                The council approved the budget of 4 million euros on Monday, the mayor said in a statement to the press.
                Opposition members voted against it, calling the plan reckless and saying taxes would rise next year.
                """);
        assertTrue(early.text().contains("Opposition members voted against it"));
        CleanedText trailer = clean("""
                The council approved the budget of 4 million euros on Monday, the mayor said in a statement to the press.
                Opposition members voted against it, calling the plan reckless and saying taxes would rise next year.
                Dear readers,
                We need your help to keep our reporting free for everyone who reads us every day of the year.
                Monthly
                """);
        assertEquals(List.of("donation-appeal", "after-donation-appeal", "after-donation-appeal"),
                trailer.removed().stream().map(Removed::rule).toList());
    }
}
