package dev.claimdesk.claims.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.claimdesk.claims.extraction.ClaimExtractor;
import dev.claimdesk.claims.extraction.ExtractedClaim;
import dev.claimdesk.claims.extraction.Extraction;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Any text through the extraction engine: no exception, no hang, and every claim inside the text it came from.
 * Runs its kept inputs as regression tests; {@code JAZZER_FUZZ=1} fuzzes (see docs/reliability.md).
 */
class ClaimExtractorFuzzTest {

    private static final ClaimExtractor EXTRACTOR = new ClaimExtractor();

    @FuzzTest(maxDuration = "60s")
    void shouldExtractClaimsFromAnyTextWithoutFailing(FuzzedDataProvider data) {
        String language = data.pickValue(new String[] {"en", "und", "fr"});
        String text = data.consumeRemainingAsString();
        Extraction extraction = EXTRACTOR.extract(text, language);
        for (ExtractedClaim claim : extraction.claims()) {
            assertTrue(claim.start() >= 0 && claim.end() <= text.length() && claim.start() <= claim.end(), "claim offsets in the text");
            assertTrue(claim.checkworthiness() >= 0 && claim.checkworthiness() <= 1, "check-worthiness in 0..1");
            if (claim.quantity() != null) {
                assertTrue(claim.quantity().start() >= claim.start() && claim.quantity().end() <= claim.end(),
                        "a figure inside its sentence");
            }
        }
    }
}
