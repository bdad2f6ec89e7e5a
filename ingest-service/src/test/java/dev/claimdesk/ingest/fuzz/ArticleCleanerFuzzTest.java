package dev.claimdesk.ingest.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.claimdesk.ingest.text.ArticleCleaner;
import dev.claimdesk.ingest.text.CleanedText;
import dev.claimdesk.ingest.text.HtmlExtractor;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any page or text through the HTML extractor and the cleaner: no exception, no hang, every removal accounted for. */
class ArticleCleanerFuzzTest {

    private static final HtmlExtractor HTML = new HtmlExtractor();
    private static final ArticleCleaner CLEANER = new ArticleCleaner();

    @FuzzTest(maxDuration = "60s")
    void shouldCleanAnyHtmlWithoutFailing(FuzzedDataProvider data) {
        boolean repeatedByOutlet = data.consumeBoolean();
        HtmlExtractor.Extracted extracted = HTML.extract(data.consumeRemainingAsString());
        check(CLEANER.clean(extracted.lines(), line -> repeatedByOutlet && line.length() < 40));
        extracted.removed().forEach(r -> assertTrue(r.kind() != null && r.rule() != null && r.text() != null));
    }

    @FuzzTest(maxDuration = "60s")
    void shouldCleanAnyTextWithoutFailing(FuzzedDataProvider data) {
        boolean repeatedByOutlet = data.consumeBoolean();
        List<String> lines = Arrays.asList(data.consumeRemainingAsString().split("\n", -1));
        check(CLEANER.clean(lines, line -> repeatedByOutlet && line.length() < 40));
    }

    private static void check(CleanedText cleaned) {
        assertNotNull(cleaned.text());
        cleaned.removed().forEach(r -> assertTrue(r.kind() != null && r.rule() != null && r.text() != null, "a removal names its rule"));
    }
}
