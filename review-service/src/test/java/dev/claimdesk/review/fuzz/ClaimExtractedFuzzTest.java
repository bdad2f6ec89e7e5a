package dev.claimdesk.review.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.claimdesk.commons.messaging.EventReader;
import dev.claimdesk.commons.messaging.PoisonMessageException;
import dev.claimdesk.review.messaging.ClaimExtracted;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any bytes as a claim.extracted.v1 body: an event the handler can take whole, or a declared refusal. */
class ClaimExtractedFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void shouldReadAnyBodyAsAClaimExtractedOrRefuseIt(byte[] body) {
        ClaimExtracted event;
        try {
            event = EventReader.read(body, ClaimExtracted.class);
        } catch (PoisonMessageException refused) {
            return;
        }
        // what TaskIntake relies on once an event is read
        assertTrue(event.articleId() != null && event.revision() >= 1 && event.claims() != null);
        event.claims().forEach(c -> assertTrue(c.id() != null && c.clusterId() != null && c.type() != null && c.text() != null));
    }
}
