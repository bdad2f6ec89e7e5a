package dev.claimdesk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A test's own queue bound to a contract exchange on the test broker: what an outside consumer would see. */
final class EventTap implements AutoCloseable {

    record Event(GetResponse raw, JsonNode body) {
        String header(String name) {
            Object value = raw.getProps().getHeaders() == null ? null : raw.getProps().getHeaders().get(name);
            return value == null ? null : value.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private final Channel channel;
    private final String queue;

    EventTap(String exchange, String routingKey) throws Exception {
        connection = Env.broker("system-test-tap");
        channel = connection.createChannel();
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, routingKey);
    }

    Event next(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        do {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return new Event(response, JSON.readTree(response.getBody()));
            }
            ServiceProcess.sleep(20);
        } while (Instant.now().isBefore(deadline));
        return null;
    }

    /**
     * The next event that {@code wanted} accepts, passing over others: services started on a shared database
     * may still deliver what an earlier test's instances left in their outboxes.
     */
    Event next(Duration timeout, java.util.function.Predicate<Event> wanted) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        Event event;
        while ((event = next(Duration.between(Instant.now(), deadline))) != null) {
            if (wanted.test(event)) {
                return event;
            }
        }
        return null;
    }

    /** Everything that arrives until nothing more has come for {@code quiet}. */
    List<Event> drain(Duration quiet) throws IOException {
        List<Event> events = new ArrayList<>();
        Event event;
        while ((event = next(quiet)) != null) {
            events.add(event);
        }
        return events;
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
