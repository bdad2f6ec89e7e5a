package dev.claimdesk.claims.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.claimdesk.claims.messaging.ArticleIngested;
import dev.claimdesk.claims.messaging.TaskUpdated;
import dev.claimdesk.claims.messaging.VerdictPublished;
import dev.claimdesk.commons.messaging.EventReader;
import dev.claimdesk.commons.messaging.PoisonMessageException;

/**
 * Any bytes as the body of each event claims-service consumes: an event that keeps the contract, or a
 * {@link PoisonMessageException} (dead-lettered at once); any other exception is a finding.
 */
class EventFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void shouldReadAnyBodyAsAnArticleIngestedOrRefuseIt(byte[] body) {
        read(body, ArticleIngested.class);
    }

    @FuzzTest(maxDuration = "60s")
    void shouldReadAnyBodyAsAVerdictPublishedOrRefuseIt(byte[] body) {
        read(body, VerdictPublished.class);
    }

    @FuzzTest(maxDuration = "60s")
    void shouldReadAnyBodyAsATaskUpdatedOrRefuseIt(byte[] body) {
        read(body, TaskUpdated.class);
    }

    static void read(byte[] body, Class<?> type) {
        try {
            EventReader.read(body, type);
        } catch (PoisonMessageException refused) {
            // declared: the consumer dead-letters it
        }
    }
}
