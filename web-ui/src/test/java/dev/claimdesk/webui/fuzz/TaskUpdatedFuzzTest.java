package dev.claimdesk.webui.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.claimdesk.commons.messaging.EventReader;
import dev.claimdesk.commons.messaging.PoisonMessageException;
import dev.claimdesk.webui.messaging.TaskUpdated;

/** Any bytes as a task.updated.v1 body for the live desk: an event, or a declared refusal. */
class TaskUpdatedFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void shouldReadAnyBodyAsATaskUpdatedOrRefuseIt(byte[] body) {
        try {
            EventReader.read(body, TaskUpdated.class);
        } catch (PoisonMessageException refused) {
            // declared: the consumer dead-letters it
        }
    }
}
