package dev.claimdesk.commons.deadletter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.claimdesk.commons.config.MessagingConfig;
import dev.claimdesk.commons.messaging.BrokerConnection;
import dev.claimdesk.commons.messaging.Exchanges;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.security.AuditEntry;
import dev.claimdesk.commons.security.SecurityAudit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;

/**
 * The dead-letter queues of this service's consumers: what failed past its delivery limit and waits for ops, to
 * count, read, send back to its queue once the cause is fixed, or discard. Every redrive and discard is audited.
 */
@ApplicationScoped
public class DeadLetters {

    /** Messages read from a dead-letter queue at most in one request. */
    static final int MAX_SCAN = 10_000;
    /** Body characters shown of one dead letter. */
    static final int MAX_BODY = 64 * 1024;

    /** A consumer queue's dead-letter queue and how many messages wait in it. */
    public record Waiting(String queue, String deadLetterQueue, long messages) {
    }

    /** One dead letter as ops read it: what it is, why it died and where, and its body. */
    public record Letter(String messageId, String type, String reason, long deaths, Instant diedAt, String contentType,
                         int bytes, String body, boolean truncated) {
    }

    /** What a redrive or discard did. */
    public record Outcome(String queue, String action, int messages, List<String> messageIds) {
    }

    private final BrokerConnection broker;
    private final MessagingConfig config;
    private final SecurityAudit audit;

    DeadLetters(BrokerConnection broker, MessagingConfig config, SecurityAudit audit) {
        this.broker = broker;
        this.config = config;
        this.audit = audit;
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
            throw unavailable();
        }
        return waiting;
    }

    /**
     * The oldest dead letters of a queue, left where they are: they are taken without an ack and all go back when the
     * channel closes.
     */
    public List<Letter> peek(String queue, int limit) {
        String deadLetters = deadLetterQueue(queue);
        List<Letter> letters = new ArrayList<>();
        try (Channel channel = broker.openChannel()) {
            for (int i = 0; i < limit; i++) {
                GetResponse got = channel.basicGet(deadLetters, false);
                if (got == null) {
                    break;
                }
                letters.add(letter(got));
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            throw unavailable();
        }
        return letters;
    }

    /**
     * Sends these dead letters (all of them when {@code messageIds} is null) back to their queue, confirmed by the
     * broker before each leaves the dead-letter queue: a redrive interrupted half-way leaves a message in both
     * places at worst, and consumers apply a message id once.
     */
    public Outcome redrive(String queue, Set<String> messageIds, String actor, String address) {
        return take(queue, messageIds, "dead-letters.redrive", actor, address, (channel, got) -> {
            AMQP.BasicProperties p = got.getProps();
            Map<String, Object> headers = p.getHeaders() == null ? new HashMap<>() : new HashMap<>(p.getHeaders());
            // the quorum queue counts deliveries afresh; x-death stays as the letter's history
            headers.remove("x-delivery-count");
            channel.basicPublish(Exchanges.REDRIVE, queue, true, p.builder().headers(headers).deliveryMode(2).build(), got.getBody());
            channel.waitForConfirmsOrDie(config.outbox().confirmTimeout().toMillis());
        });
    }

    /** Drops these dead letters for good. */
    public Outcome discard(String queue, Set<String> messageIds, String actor, String address) {
        if (messageIds == null || messageIds.isEmpty()) {
            throw ProblemException.badRequest("invalid-request", "Name the messages", "Discard names the messageIds to drop");
        }
        return take(queue, messageIds, "dead-letters.discard", actor, address, (channel, got) -> { });
    }

    private interface Action {
        void apply(Channel channel, GetResponse got) throws IOException, TimeoutException, InterruptedException;
    }

    private Outcome take(String queue, Set<String> messageIds, String action, String actor, String address, Action act) {
        String deadLetters = deadLetterQueue(queue);
        List<String> done = new ArrayList<>();
        try (Channel channel = broker.openChannel()) {
            channel.confirmSelect();
            // all means those waiting now: a redriven message that fails again comes back behind them, not round again
            long scan = messageIds == null ? Math.min(MAX_SCAN, channel.queueDeclarePassive(deadLetters).getMessageCount()) : MAX_SCAN;
            for (int scanned = 0; scanned < scan && (messageIds == null || done.size() < messageIds.size()); scanned++) {
                GetResponse got = channel.basicGet(deadLetters, false);
                if (got == null) {
                    break;
                }
                String id = got.getProps().getMessageId();
                if (messageIds != null && !messageIds.contains(id)) {
                    continue; // not asked for: it goes back when the channel closes
                }
                act.apply(channel, got);
                channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
                done.add(id);
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            record(action, actor, address, queue, done, "failed after " + done.size());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
        record(action, actor, address, queue, done, null);
        return new Outcome(queue, action.substring(action.indexOf('.') + 1), done.size(), done);
    }

    private void record(String action, String actor, String address, String queue, List<String> ids, String failure) {
        String detail = ids.size() + " message(s)" + (ids.isEmpty() ? "" : ": " + String.join(", ", ids.subList(0, Math.min(20, ids.size()))))
                + (failure == null ? "" : "; " + failure);
        QuarkusTransaction.requiringNew().run(() -> audit.record(new AuditEntry(actor, action, queue,
                failure == null ? AuditEntry.SUCCESS : "failure", address, detail)));
    }

    private String deadLetterQueue(String queue) {
        if (queue == null || !config.consumers().containsKey(queue)) {
            throw ProblemException.notFound("Consumer queue", queue);
        }
        return queue + Exchanges.DEAD_LETTER_QUEUE_SUFFIX;
    }

    @SuppressWarnings("unchecked")
    private static Letter letter(GetResponse got) {
        AMQP.BasicProperties p = got.getProps();
        String reason = null;
        long deaths = 0;
        Instant diedAt = null;
        Object history = p.getHeaders() == null ? null : p.getHeaders().get("x-death");
        if (history instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> first) {
            Map<String, Object> death = (Map<String, Object>) first;
            reason = String.valueOf(death.get("reason"));
            deaths = death.get("count") instanceof Number n ? n.longValue() : 0;
            diedAt = death.get("time") instanceof Date d ? d.toInstant() : null;
        }
        byte[] body = got.getBody();
        String text = new String(body, 0, Math.min(body.length, MAX_BODY), StandardCharsets.UTF_8);
        String type = p.getType() != null ? p.getType() : p.getHeaders() == null ? null : String.valueOf(p.getHeaders().get("type"));
        return new Letter(p.getMessageId(), type, reason, deaths, diedAt, p.getContentType(), body.length, text, body.length > MAX_BODY);
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "broker-unavailable", "Broker unavailable",
                "The dead-letter queues cannot be read while RabbitMQ is unreachable or they are not declared yet");
    }
}
