package dev.claimdesk.commons.deadletter;

import com.rabbitmq.client.Channel;
import dev.claimdesk.commons.config.MessagingConfig;
import dev.claimdesk.commons.messaging.BrokerConnection;
import dev.claimdesk.commons.messaging.Exchanges;
import dev.claimdesk.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;

/** The dead-letter queues of this service's consumers: what failed past its delivery limit and waits for ops. */
@ApplicationScoped
public class DeadLetters {

    /** A consumer queue's dead-letter queue and how many messages wait in it. */
    public record Waiting(String queue, String deadLetterQueue, long messages) {
    }

    private final BrokerConnection broker;
    private final MessagingConfig config;

    DeadLetters(BrokerConnection broker, MessagingConfig config) {
        this.broker = broker;
        this.config = config;
    }

    /** Every consumer queue of this service, by name, with its dead letters waiting; a 503 while the broker is away. */
    public List<Waiting> waiting() {
        List<Waiting> waiting = new ArrayList<>();
        try (Channel channel = broker.openChannel()) {
            for (String queue : new TreeSet<>(config.consumers().keySet())) {
                String deadLetters = queue + Exchanges.DEAD_LETTER_QUEUE_SUFFIX;
                waiting.add(new Waiting(queue, deadLetters, channel.queueDeclarePassive(deadLetters).getMessageCount()));
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw new ProblemException(503, "broker-unavailable", "Broker unavailable",
                    "The dead-letter queues cannot be read while RabbitMQ is unreachable or they are not declared yet");
        }
        return waiting;
    }
}
