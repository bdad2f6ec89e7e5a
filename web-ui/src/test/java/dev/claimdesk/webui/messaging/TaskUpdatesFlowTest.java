package dev.claimdesk.webui.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.testing.Broker;
import dev.claimdesk.webui.service.LiveQueues;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** task.updated.v1 over the real broker to the open desks it concerns; poison to the dead-letter queue. */
@QuarkusTest
class TaskUpdatesFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LiveQueues live;

    @Test
    void shouldTellTheAssigneesDeskAndEveryDeskOfAWaitingTaskButNotOthers() throws Exception {
        AssertSubscriber<LiveQueues.Notice> ana = live.of("ana").filter(n -> n.kind().equals("task"))
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<LiveQueues.Notice> ben = live.of("ben").filter(n -> n.kind().equals("task"))
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        UUID assigned = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        try (Broker broker = Broker.connect()) {
            publish(broker, assigned, "ana");
            publish(broker, waiting, null);
        }
        ana.awaitItems(2, Duration.ofSeconds(15));
        assertEquals(assigned.toString(), ana.getItems().get(0).taskId());
        assertEquals(waiting.toString(), ana.getItems().get(1).taskId());
        ben.awaitItems(1, Duration.ofSeconds(15));
        assertEquals(waiting.toString(), ben.getItems().getFirst().taskId(), "ben hears only of the waiting task");
        ana.cancel();
        ben.cancel();
    }

    @Test
    void shouldDeadLetterATaskUpdateWithoutATaskAndKeepConsuming() throws Exception {
        String poison = UUID.randomUUID().toString();
        AssertSubscriber<LiveQueues.Notice> cai = live.of("cai").filter(n -> n.kind().equals("task"))
                .subscribe().withSubscriber(AssertSubscriber.create(10));
        try (Broker broker = Broker.connect()) {
            broker.publish("tasks", "task.updated.v1", poison, JSON.writeValueAsBytes(Map.of("eventId", poison, "stage", "DONE")));
            assertNotNull(broker.awaitMessage("webui.task-updated.dlq", poison, Duration.ofSeconds(15)), "dead-lettered");
            UUID next = UUID.randomUUID();
            publish(broker, next, "cai");
            cai.awaitItems(1, Duration.ofSeconds(15));
            assertEquals(next.toString(), cai.getItems().getFirst().taskId());
        }
        cai.cancel();
    }

    private static void publish(Broker broker, UUID taskId, String assignee) throws Exception {
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("eventId", eventId, "taskId", taskId.toString(),
                "clusterId", UUID.randomUUID().toString(), "stage", "FIRST_REVIEW", "status", "ASSIGNED", "version", 1));
        body.put("assignee", assignee);
        broker.publish("tasks", "task.updated.v1", eventId, JSON.writeValueAsBytes(body));
    }
}
