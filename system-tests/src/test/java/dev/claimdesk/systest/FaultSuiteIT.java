package dev.claimdesk.systest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.claimdesk.commons.testing.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected into the built services running against a PostgreSQL and a RabbitMQ of the suite's own
 * ({@link Sandbox}): load with unique ids, inject the fault, let the queues drain, then count in every database and
 * dead-letter queue what was lost, applied twice or unexpected. Every loop is bounded; everything is on loopback.
 * {@code CLAIMDESK_FAULTS_ARTICLES=N} sets the load (CI: 120; {@code ./bench.sh faults N}: more). The table goes to
 * docs/reliability.md.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ARTICLES = Integer.parseInt(System.getenv().getOrDefault("CLAIMDESK_FAULTS_ARTICLES", "120"));
    private static final Duration DRAIN = Duration.ofSeconds(Math.max(120, ARTICLES / 2));
    private static final FaultReport REPORT = new FaultReport();

    private static final List<String> QUEUES = List.of("claims.article-ingested", "claims.verdict-published", "claims.task-updated",
            "review.claim-extracted", "webui.task-updated");
    /** Articles per second posted to ingest-service while the broker or the database is taken away. */
    private static final int RATE = Math.max(4, ARTICLES / 30);

    private static Sandbox sandbox;
    private static ServiceProcess ingest;
    private static ServiceProcess claims;
    private static ServiceProcess review;
    private static ServiceProcess web;
    private static final Random RANDOM = new Random();

    @BeforeAll
    static void startTheSuiteInItsSandbox() throws Exception {
        sandbox = Sandbox.start();
        for (String db : List.of("ingest", "claims", "review", "webui")) {
            sandbox.createDatabase(db);
        }
        ingest = ServiceProcess.start("ingest-service", "unused", sandbox.service("ingest"));
        claims = ServiceProcess.start("claims-service", "unused", sandbox.service("claims"));
        review = ServiceProcess.start("review-service", "unused", sandbox.service("review"));
        web = ServiceProcess.start("web-ui", "unused", sandbox.service("webui"));
    }

    @AfterAll
    static void stopAndReport() throws Exception {
        for (ServiceProcess process : new ServiceProcess[] {web, review, claims, ingest}) {
            if (process != null) {
                process.close();
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        REPORT.write();
    }

    @Test
    @Order(1)
    void shouldDeadLetterAPoisonMessageOnEveryQueueWithinItsDeliveryLimitAndKeepTheRestFlowing() throws Exception {
        Map<String, String[]> queues = new LinkedHashMap<>();
        queues.put("claims.article-ingested", new String[] {"articles", "article.ingested.v1"});
        queues.put("claims.verdict-published", new String[] {"verdicts", "verdict.published.v1"});
        queues.put("review.claim-extracted", new String[] {"claims", "claim.extracted.v1"});
        // one poison on tasks reaches both of its consumers
        queues.put("claims.task-updated", new String[] {"tasks", "task.updated.v1"});
        queues.put("webui.task-updated", new String[] {"tasks", "task.updated.v1"});
        Map<String, String> poisons = new LinkedHashMap<>();
        Instant started = Instant.now();
        try (Connection connection = sandbox.broker("fault-poison"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            String taskPoison = null;
            for (var q : queues.entrySet()) {
                String key = q.getValue()[1];
                String id = key.equals("task.updated.v1") && taskPoison != null ? taskPoison : UUID.randomUUID().toString();
                if (!id.equals(taskPoison)) {
                    publish(channel, q.getValue()[0], key, id, "{not json".getBytes());
                }
                if (key.equals("task.updated.v1")) {
                    taskPoison = id;
                }
                poisons.put(q.getKey(), id);
            }
        }
        long lost = 0;
        for (var p : poisons.entrySet()) {
            if (!inDeadLetters(p.getKey() + ".dlq", p.getValue(), Duration.ofSeconds(30))) {
                lost++;
            }
        }
        Duration deadLettered = Duration.between(started, Instant.now());
        // later messages flow: an article goes all the way to a task that claims-service and web-ui both hear of.
        // Its text is unlike every later test's: the verdict below is not review-service's, so its sequence is one
        // review-service will give again, and a later claim joining this cluster would have its real verdict taken
        // as already applied.
        UUID article = UUID.randomUUID();
        String port = town();
        try (Connection connection = sandbox.broker("fault-after-poison"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            publish(channel, "articles", "article.ingested.v1", UUID.randomUUID().toString(), articleIngested(article, port,
                    "Customs officers at the port of " + port + " seized 14 tonnes of counterfeit tea on Monday, the agency said."));
        }
        String cluster = awaitValue("the article's claims", () -> sql("claims",
                "SELECT cluster_id FROM claim WHERE article_id = '" + article + "' ORDER BY start_offset LIMIT 1"));
        awaitValue("its task in review-service", () -> sql("review", "SELECT id FROM task WHERE cluster_id = '" + cluster + "'"));
        awaitValue("the task announced to claims-service", () -> sql("claims",
                "SELECT task_id FROM claim_cluster WHERE id = '" + cluster + "' AND task_id IS NOT NULL"));
        awaitValue("and to web-ui", () -> sql("webui", "SELECT 1 FROM processed_message WHERE consumer = 'webui.task-updated' LIMIT 1"));
        // ...and a verdict on its cluster reaches claims-service past the poison on verdicts
        UUID verdict = UUID.randomUUID();
        try (Connection connection = sandbox.broker("fault-verdict"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            Map<String, Object> published = new LinkedHashMap<>();
            published.put("eventId", UUID.randomUUID().toString());
            published.put("occurredAt", Instant.now().toString());
            published.put("id", verdict.toString());
            published.put("version", 1);
            published.put("sequence", 1);
            published.put("clusterId", cluster);
            published.put("claimIds", List.of());
            published.put("rating", "TRUE");
            publish(channel, "verdicts", "verdict.published.v1", UUID.randomUUID().toString(), JSON.writeValueAsBytes(published));
        }
        awaitValue("the verdict applied by claims-service", () -> sql("claims",
                "SELECT 1 FROM claim_cluster WHERE id = '" + cluster + "' AND verdict_id = '" + verdict + "'"));
        long unexpected = 0;
        for (var p : poisons.entrySet()) {
            unexpected += Math.max(0, deadLetterCount(p.getKey() + ".dlq") - 1);
        }
        REPORT.add(new FaultReport.Row("5. a poison message on each of the 5 queues", poisons.size() + 2, lost, 0, unexpected,
                deadLettered, "each in its `.dlq`; then an article flowed to a task heard by claims-service and web-ui, and a verdict to claims-service"));
        assertEquals(0, lost, "every poison message dead-lettered");
        assertEquals(0, unexpected, "nothing else dead-lettered");
    }

    @Test
    @Order(2)
    void shouldApplyAMessageDeliveredThreeTimesOnce() throws Exception {
        UUID article = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        byte[] body = article(article, town(), 16, 42);
        try (Connection connection = sandbox.broker("fault-thrice"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < 3; i++) {
                publish(channel, "articles", "article.ingested.v1", id, body);
            }
            // a marker behind the three: once it is in, all three were consumed
            UUID marker = UUID.randomUUID();
            publish(channel, "articles", "article.ingested.v1", UUID.randomUUID().toString(), article(marker, town(), 18, 23));
            awaitValue("the marker behind the three", () -> sql("claims", "SELECT 1 FROM received_article WHERE article_id = '" + marker + "'"));
        }
        long received = Long.parseLong(sql("claims", "SELECT count(*) FROM received_article WHERE article_id = '" + article + "'"));
        long announced = Long.parseLong(sql("claims", "SELECT count(*) FROM outbox WHERE routing_key = 'claim.extracted.v1' "
                + "AND payload LIKE '%" + article + "%'"));
        long claimRows = Long.parseLong(sql("claims", "SELECT count(*) FROM claim WHERE article_id = '" + article + "'"));
        long duplicateClaims = Long.parseLong(sql("claims", "SELECT count(*) FROM (SELECT type, start_offset, coalesce(q_start, -1) "
                + "FROM claim WHERE article_id = '" + article + "' GROUP BY 1, 2, 3 HAVING count(*) > 1) d"));
        long twice = Math.max(0, received - 1) + Math.max(0, announced - 1) + duplicateClaims;
        REPORT.add(new FaultReport.Row("6. the same message delivered three times", 3, received == 0 ? 1 : 0, twice, 0, null,
                claimRows + " claims stored once, announced " + announced + " time(s)"));
        assertEquals(1, received);
        assertEquals(1, announced, "claim.extracted.v1 once");
        assertEquals(0, duplicateClaims);
    }

    @Test
    @Order(3)
    void shouldKeepEachArticlesClaimsOnceWhenClaimsServiceIsKilledMidStream() throws Exception {
        List<UUID> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(UUID.randomUUID());
        }
        String ids = quoted(articles);
        Instant killedAt = null;
        Duration recovery = null;
        try (Connection connection = sandbox.broker("fault-kill"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < ARTICLES; i++) {
                publish(channel, "articles", "article.ingested.v1", UUID.randomUUID().toString(),
                        article(articles.get(i), town(), 10 + i % 80, 100 + i % 90));
                if (i == ARTICLES / 3) {
                    // mid-stream: some articles taken in, one perhaps half-way through its transaction
                    awaitValue("a tenth of the articles taken in", () -> {
                        String n = sql("claims", "SELECT count(*) FROM received_article WHERE article_id IN (" + ids + ")");
                        return Long.parseLong(n) >= Math.max(1, ARTICLES / 10) ? n : null;
                    });
                    claims.kill();
                    killedAt = Instant.now();
                }
            }
        }
        long before = Long.parseLong(sql("claims", "SELECT count(*) FROM received_article WHERE article_id IN (" + ids + ")"));
        claims = ServiceProcess.start("claims-service", "unused", sandbox.service("claims"));
        Sandbox.await("claims-service consuming again", DRAIN, () -> Long.parseLong(query("claims",
                "SELECT count(*) FROM received_article WHERE article_id IN (" + ids + ")")) > before);
        recovery = Duration.between(killedAt, Instant.now());
        try {
            Sandbox.await("every article taken in", DRAIN, () -> Long.parseLong(query("claims",
                    "SELECT count(*) FROM received_article WHERE article_id IN (" + ids + ")")) == ARTICLES);
        } catch (AssertionError stuck) {
            throw new AssertionError(stuck.getMessage() + "; database sessions: " + sql("claims", "SELECT string_agg(pid || ' ' "
                    + "|| coalesce(state, '') || ' ' || coalesce(wait_event_type, '') || ':' || coalesce(wait_event, '') || ' ' "
                    + "|| left(query, 100), E'\\n') FROM pg_stat_activity WHERE datname = 'claims'") + "; threads in " + claims.threadDump()
                    + "; taken in " + query("claims", "SELECT count(*) FROM received_article WHERE article_id IN (" + ids + ")"), stuck);
        }

        long received = Long.parseLong(sql("claims", "SELECT count(*) FROM received_article WHERE article_id IN (" + ids + ")"));
        long duplicates = Long.parseLong(sql("claims", "SELECT count(*) FROM (SELECT article_id, type, start_offset, coalesce(q_start, -1) "
                + "FROM claim WHERE article_id IN (" + ids + ") GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d"));
        Map<String, Long> stored = new java.util.HashMap<>();
        for (String line : sql("claims", "SELECT article_id || ' ' || count(*) FROM claim WHERE article_id IN (" + ids + ") "
                + "GROUP BY article_id").split("\n")) {
            if (!line.isBlank()) {
                stored.put(line.split(" ")[0], Long.parseLong(line.split(" ")[1]));
            }
        }
        long wrongCount = 0;
        for (UUID a : articles) {
            if (stored.getOrDefault(a.toString(), 0L) != expectedClaims(a)) {
                wrongCount++;
            }
        }
        long claimRows = stored.values().stream().mapToLong(Long::longValue).sum();
        long announcedTwice = Long.parseLong(sql("claims", "SELECT count(*) FROM (SELECT a FROM (SELECT substring(payload from "
                + "'\"articleId\":\"([0-9a-f-]+)\"') a FROM outbox WHERE routing_key = 'claim.extracted.v1') o WHERE a IN (" + ids + ") "
                + "GROUP BY a HAVING count(*) > 1) d"));
        long deadLettered = deadLetterCount("claims.article-ingested.dlq") - 1; // the poison of test 5
        long unexpected = wrongCount + Math.max(0, deadLettered);
        REPORT.add(new FaultReport.Row("1. `kill -9` claims-service in a stream of articles", ARTICLES, ARTICLES - received,
                duplicates + announcedTwice, unexpected, recovery,
                "killed after " + before + " taken in; " + claimRows + " claims, each article's as `/api/claims/extract` gives them, "
                        + "announced once"));
        assertEquals(ARTICLES, received, "no article lost");
        assertEquals(0, duplicates, "no claim stored twice");
        assertEquals(0, announcedTwice, "no article's claims announced twice");
        assertEquals(0, wrongCount, "every article has exactly the claims its text gives");
        assertEquals(0, Math.max(0, deadLettered), "nothing dead-lettered");
    }

    @Test
    @Order(4)
    void shouldPublishEveryVerdictAnswered2xxOnceWhenReviewServiceIsKilledWhileTheyAreSubmitted() throws Exception {
        // Two reviewers: a task whose figures disagree needs a second one before its verdict is out.
        List<String> reviewers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            reviewers.add("fault-reviewer-" + UUID.randomUUID().toString().substring(0, 8));
            given(review, Tokens.valid("fault-admin", "admin")).contentType(ContentType.JSON)
                    .body(Map.of("username", reviewers.get(i), "skills", List.of("figures", "military", "quotes", "politics"),
                            "languages", List.of("en"), "capacity", 1000))
                    .post("/api/reviewers").then().statusCode(201);
        }
        int count = Math.max(12, ARTICLES / 4);
        List<UUID> articles = new ArrayList<>();
        try (Connection connection = sandbox.broker("fault-verdicts"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < count; i++) {
                UUID article = UUID.randomUUID();
                articles.add(article);
                publish(channel, "articles", "article.ingested.v1", UUID.randomUUID().toString(), councilArticle(article, town(), 20 + i));
            }
        }
        Map<String, Assigned> tasks = awaitRoutedTasks(quoted(articles), reviewers, "FIRST_REVIEW", 0);

        // Four reviewers' browsers submit at once; review-service dies with some requests in flight.
        Submissions first = new Submissions();
        first.learn(tasks.values());
        Instant killedAt;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> submitted = new ArrayList<>();
            for (Assigned task : tasks.values()) {
                submitted.add(pool.submit(() -> first.submit(task)));
            }
            Sandbox.await("a third of the tasks answered", DRAIN, () -> first.answered.size() >= tasks.size() / 3);
            review.kill();
            killedAt = Instant.now();
            for (var future : submitted) {
                future.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        review = ServiceProcess.start("review-service", "unused", sandbox.service("review"));
        // The requests that got no answer are sent again as a reviewer's browser would: same body, same key.
        List<Assigned> again = first.unanswered.stream().map(tasks::get).toList();
        first.unanswered.clear();
        Duration recovery = null;
        for (Assigned task : again) {
            first.submit(task);
            if (recovery == null && first.answered.containsKey(task.id())) {
                recovery = Duration.between(killedAt, Instant.now());
            }
        }
        // Tasks that went on to a second review get it from the other reviewer, routed by the restarted service.
        Submissions second = new Submissions();
        List<String> toSecond = first.answered.entrySet().stream().filter(a -> a.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        if (!toSecond.isEmpty()) {
            Map<String, Assigned> routed = awaitRoutedTasks(quoted(articles), reviewers, "SECOND_REVIEW", toSecond.size());
            second.learn(routed.values());
            for (Assigned task : routed.values()) {
                second.submit(task);
            }
        }
        Map<String, String> answered = new LinkedHashMap<>(); // task -> the verdict id of the answer that published it
        first.answered.forEach((task, verdict) -> answered.put(task, verdict.isEmpty() ? second.answered.get(task) : verdict));
        List<String> unanswered = new ArrayList<>(first.unanswered);
        unanswered.addAll(second.unanswered);
        int refused = first.refused.get() + second.refused.get();
        long secondReviews = toSecond.size();

        // Every verdict review-service holds is published once and applied once by claims-service.
        Map<String, String> clusterOf = new LinkedHashMap<>();
        for (String line : sql("review", "SELECT id || ' ' || cluster_id FROM task WHERE id IN (" + quoted(tasks.keySet()) + ")").split("\n")) {
            clusterOf.put(line.split(" ")[0], line.split(" ")[1]);
        }
        Map<String, String> stored = new LinkedHashMap<>(); // task -> verdict id
        String storedRows = sql("review", "SELECT task_id || ' ' || id FROM verdict WHERE task_id IN (" + quoted(tasks.keySet()) + ")");
        for (String line : storedRows.split("\n")) {
            if (!line.isBlank()) {
                stored.merge(line.split(" ")[0], line.split(" ")[1], (a, b) -> a + "," + b);
            }
        }
        String verdictIds = quoted(stored.values().stream().map(v -> v.split(",")[0]).toList());
        Sandbox.await("review-service's outbox sent", DRAIN, () -> "0".equals(query("review",
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL")));
        try {
            Sandbox.await("every stored verdict applied by claims-service", DRAIN, () -> Long.parseLong(query("claims",
                    "SELECT count(*) FROM claim_cluster WHERE verdict_id IN (" + verdictIds + ")")) >= stored.size());
        } catch (AssertionError stuck) {
            String clusters = quoted(clusterOf.values());
            throw new AssertionError(stuck.getMessage() + "; stored (task verdict): " + stored + "; clusters in claims-service: "
                    + sql("claims", "SELECT string_agg(id || ' verdict ' || coalesce(verdict_id::text, '-') || ' seq ' "
                    + "|| coalesce(verdict_sequence::text, '-') || ' into ' || coalesce(merged_into::text, '-'), E'\\n') FROM claim_cluster "
                    + "WHERE id::text IN (" + clusters + ") OR merged_into::text IN (" + clusters + ")")
                    + "; published: " + sql("review", "SELECT string_agg(id || ' ' || (payload::jsonb ->> 'id') || ' seq ' "
                    + "|| (payload::jsonb ->> 'sequence') || ' cluster ' || (payload::jsonb ->> 'clusterId'), E'\\n') FROM outbox "
                    + "WHERE routing_key = 'verdict.published.v1' AND payload::jsonb ->> 'id' IN (" + verdictIds + ")")
                    + "; applied: " + sql("claims", "SELECT string_agg(message_id, ',') FROM processed_message WHERE consumer = "
                    + "'claims.verdict-published'") + "; dead-lettered: " + deadLetterCount("claims.verdict-published.dlq")
                    + "; threads in " + claims.threadDump() + "; log " + claims.log(), stuck);
        }
        long lost = answered.entrySet().stream().filter(a -> a.getValue() != null && !a.getValue().equals(stored.get(a.getKey()))).count();
        long notApplied = stored.entrySet().stream().filter(v -> !query("claims", "SELECT verdict_id FROM claim_cluster WHERE id = '"
                + clusterOf.get(v.getKey()) + "'").equals(v.getValue())).count();
        long storedTwice = stored.values().stream().filter(v -> v.contains(",")).count();
        long publishedTwice = Long.parseLong(sql("review", "SELECT count(*) FROM (SELECT payload::jsonb ->> 'id' FROM outbox "
                + "WHERE routing_key = 'verdict.published.v1' AND payload::jsonb ->> 'id' IN (" + verdictIds + ") GROUP BY 1 "
                + "HAVING count(*) > 1) d"));
        long appliedByClaims = Long.parseLong(sql("claims", "SELECT count(*) FROM processed_message WHERE consumer = "
                + "'claims.verdict-published' AND message_id IN (" + String.join(",", sql("review", "SELECT quote_literal(id) FROM outbox "
                + "WHERE routing_key = 'verdict.published.v1' AND payload::jsonb ->> 'id' IN (" + verdictIds + ")").split("\n")) + ")"));
        long deadLettered = deadLetterCount("claims.verdict-published.dlq") - 1; // the poison of test 5
        long unexpected = notApplied + Math.abs(appliedByClaims - stored.size()) + Math.max(0, deadLettered) + unanswered.size();
        REPORT.add(new FaultReport.Row("2. `kill -9` review-service while verdicts are submitted", tasks.size(), lost + notApplied,
                storedTwice + publishedTwice, unexpected, recovery, answered.size() + " tasks answered 2xx (" + again.size()
                + " sent again after the restart, same Idempotency-Key; " + secondReviews + " through a second review), " + refused
                + " refused; " + stored.size()
                + " stored, each published once and applied by claims-service"));
        assertEquals(0, lost, () -> "every verdict answered 2xx is stored: answered " + answered + ", stored " + stored);
        assertEquals(0, notApplied, "every stored verdict reached claims-service");
        assertEquals(0, storedTwice + publishedTwice, "no verdict stored or published twice");
        assertEquals(stored.size(), appliedByClaims, "each applied once by claims-service");
        assertEquals(0, Math.max(0, deadLettered), "nothing dead-lettered");
        assertEquals(List.of(), unanswered, "every request answered in the end");
        assertEquals(tasks.size(), answered.values().stream().filter(java.util.Objects::nonNull).count(), "every task in the end has a verdict answered 2xx");
    }

    @Test
    @Order(5)
    void shouldLoseNoAcceptedArticleWhenTheBrokerIsStoppedFor30SecondsUnderIngestLoad() throws Exception {
        long deadLettersBefore = deadLetters();
        Duration recovery;
        IngestLoad load = IngestLoad.start(RATE);
        Duration down;
        try {
            Thread.sleep(5_000);
            sandbox.stopBroker();
            Instant stopped = Instant.now();
            for (ServiceProcess service : List.of(ingest, claims, review, web)) {
                service.awaitReadiness("DOWN", Duration.ofSeconds(30));
            }
            down = Duration.between(stopped, Instant.now());
            Thread.sleep(Math.max(0, 30_000 - Duration.between(stopped, Instant.now()).toMillis()));
            sandbox.startBroker();
            Instant started = Instant.now();
            for (ServiceProcess service : List.of(ingest, claims, review, web)) {
                service.awaitReady(DRAIN);
            }
            recovery = Duration.between(started, Instant.now());
            Thread.sleep(5_000);
        } finally {
            load.stop();
        }
        Chain chain = Chain.of(load.accepted);
        long unexpected = load.other.get() + load.unanswered.get() + chain.withoutTask + (deadLetters() - deadLettersBefore);
        REPORT.add(new FaultReport.Row("3. RabbitMQ stopped for 30 s under ingest load", load.sent.get(), chain.lost, chain.twice,
                unexpected, recovery, load.accepted.size() + " accepted (201), " + load.refused.get() + " refused (503); every "
                + "service not ready within " + String.format(java.util.Locale.ROOT, "%.1f s", down.toMillis() / 1000.0)
                + ", ready again by itself; all accepted reached claims-service and a review task"));
        assertEquals(0, chain.lost, "every accepted article reaches claims-service");
        assertEquals(0, chain.twice, "none applied twice");
        assertEquals(0, load.other.get() + load.unanswered.get(), "every request answered 201 or 503");
        assertEquals(0, chain.withoutTask, "every cluster has its task");
        assertEquals(deadLettersBefore, deadLetters(), "nothing dead-lettered");
    }

    @Test
    @Order(6)
    void shouldRecoverWithoutARestartWhenPostgresqlIsRestartedUnderLoad() throws Exception {
        long deadLettersBefore = deadLetters();
        List<Long> pids = List.of(ingest.pid(), claims.pid(), review.pid(), web.pid());
        List<String> fed = new ArrayList<>();
        double failedBefore = failedDeliveries();
        Duration recovery;
        IngestLoad load = IngestLoad.start(RATE);
        try {
            Thread.sleep(5_000);
            sandbox.stopPostgres();
            // meanwhile the articles already announced keep reaching the consumers, which must hold them, not fail them
            Instant stopped = Instant.now();
            try (Connection connection = sandbox.broker("fault-pg-feed"); Channel channel = connection.createChannel()) {
                channel.confirmSelect();
                for (int i = 0; i < RATE * 10; i++) {
                    UUID article = UUID.randomUUID();
                    publish(channel, "articles", "article.ingested.v1", UUID.randomUUID().toString(), article(article, town(), 12, 140));
                    fed.add(article.toString());
                    Thread.sleep(1000 / RATE);
                }
            }
            Thread.sleep(Math.max(0, 10_000 - Duration.between(stopped, Instant.now()).toMillis()));
            sandbox.startPostgres();
            Instant started = Instant.now();
            for (ServiceProcess service : List.of(ingest, claims, review, web)) {
                service.awaitReady(DRAIN);
            }
            Sandbox.await("ingest-service accepting again", DRAIN, () -> load.acceptedSince(started));
            recovery = Duration.between(started, Instant.now());
            Thread.sleep(5_000);
        } finally {
            load.stop();
        }
        List<String> all = new ArrayList<>(load.accepted);
        all.addAll(fed);
        Chain chain = Chain.of(all);
        long restarted = pids.stream().filter(pid -> !List.of(ingest.pid(), claims.pid(), review.pid(), web.pid()).contains(pid)).count();
        // an outage is waited out: it uses up none of a message's deliveries
        long failed = Math.round(failedDeliveries() - failedBefore);
        long unexpected = load.other.get() + load.unanswered.get() + chain.withoutTask + (deadLetters() - deadLettersBefore) + restarted
                + failed;
        REPORT.add(new FaultReport.Row("4. PostgreSQL restarted (immediate stop, 10 s down) under load", load.sent.get() + fed.size(),
                chain.lost, chain.twice, unexpected, recovery, load.accepted.size() + " posts accepted (201), " + load.refused.get()
                + " refused (503) while it was down, " + fed.size() + " articles announced on the broker meanwhile; no service "
                + "restarted, consumers held their messages; all reached claims-service and a review task"));
        assertEquals(0, chain.lost, "every accepted article reaches claims-service");
        assertEquals(0, chain.twice, "none applied twice");
        assertEquals(0, load.other.get() + load.unanswered.get(), () -> "every request answered 201 or 503: " + load.statuses);
        assertEquals(0, chain.withoutTask, "every cluster has its task");
        assertEquals(deadLettersBefore, deadLetters(), "nothing dead-lettered");
        assertEquals(0, failed, "no delivery failed for the outage");
        assertTrue(load.refused.get() > 0, "ingest-service answered 503 while the database was down");
    }

    @Test
    @Order(7)
    void shouldNoticeAFrozenLinkToTheBrokerOrTheDatabaseAndRecoverOnceItMovesAgain() throws Exception {
        try (TcpProxy brokerLink = new TcpProxy("127.0.0.1", sandbox.brokerPort);
             TcpProxy databaseLink = new TcpProxy("127.0.0.1", sandbox.pgPort)) {
            claims.close();
            Map<String, String> linked = new java.util.HashMap<>(sandbox.service("claims"));
            linked.put("RABBITMQ_PORT", String.valueOf(brokerLink.port()));
            linked.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + databaseLink.port() + "/claims");
            // shorter than production's 10 s and 60 s, so that the suite need not freeze for minutes
            linked.put("CLAIMDESK_MESSAGING_BROKER_HEARTBEAT_SECONDS", "3");
            linked.put("CLAIMDESK_DATABASE_SOCKET_TIMEOUT_SECONDS", "5");
            claims = ServiceProcess.start("claims-service", "unused", linked);
            try {
                freeze("7. a frozen link between claims-service and RabbitMQ (20 s)", brokerLink);
                freeze("7. a frozen link between claims-service and PostgreSQL (20 s)", databaseLink);
            } finally {
                claims.close();
                claims = ServiceProcess.start("claims-service", "unused", sandbox.service("claims"));
            }
        }
    }

    /**
     * Freezes the link for 20 s while articles are announced to claims-service: it must notice (not ready) by its
     * heartbeats or timeouts, be ready again by itself once bytes move, and take in every article once, with none of
     * them failed or dead-lettered.
     */
    private static void freeze(String fault, TcpProxy link) throws Exception {
        long deadLettersBefore = deadLetters();
        double failedBefore = failedDeliveries();
        List<String> fed = new ArrayList<>();
        link.freeze();
        Instant frozen = Instant.now();
        Duration noticed = null;
        Duration recovery;
        try (Connection connection = sandbox.broker("fault-freeze"); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            while (Duration.between(frozen, Instant.now()).toSeconds() < 20) {
                UUID article = UUID.randomUUID();
                publish(channel, "articles", "article.ingested.v1", UUID.randomUUID().toString(), article(article, town(), 17, 160));
                fed.add(article.toString());
                if (noticed == null && !"UP".equals(claims.readiness())) {
                    noticed = Duration.between(frozen, Instant.now());
                }
                Thread.sleep(1000 / RATE);
            }
        } finally {
            link.thaw();
        }
        Instant thawed = Instant.now();
        claims.awaitReady(DRAIN);
        recovery = Duration.between(thawed, Instant.now());
        Chain chain = Chain.of(fed);
        long failed = Math.round(failedDeliveries() - failedBefore);
        long deadLettered = deadLetters() - deadLettersBefore;
        REPORT.add(new FaultReport.Row(fault, fed.size(), chain.lost, chain.twice, chain.withoutTask + failed + deadLettered
                + (noticed == null ? 1 : 0), recovery, noticed == null ? "never noticed: still ready while frozen"
                : "not ready after " + String.format(java.util.Locale.ROOT, "%.1f s", noticed.toMillis() / 1000.0)
                + "; ready again by itself once thawed; every article announced meanwhile taken in once"));
        assertTrue(noticed != null, "claims-service noticed the frozen link");
        assertEquals(0, chain.lost, "every article taken in");
        assertEquals(0, chain.twice, "none twice");
        assertEquals(0, chain.withoutTask, "every cluster has its task");
        assertEquals(0, failed, "no delivery failed for the freeze");
        assertEquals(0, deadLettered, "nothing dead-lettered");
    }

    /** Articles posted to ingest-service at a fixed rate from a few threads, each answer sorted. */
    private static final class IngestLoad {
        final List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger other = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger unanswered = new java.util.concurrent.atomic.AtomicInteger();
        private volatile Instant lastAccepted = Instant.EPOCH;
        private final java.util.concurrent.ScheduledExecutorService clock = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        private final java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        private final String token = Tokens.valid("fault-ingest", "ingest");

        static IngestLoad start(int perSecond) {
            IngestLoad load = new IngestLoad();
            load.clock.scheduleAtFixedRate(() -> load.senders.submit(load::post), 0, 1_000_000 / perSecond,
                    java.util.concurrent.TimeUnit.MICROSECONDS);
            return load;
        }

        boolean acceptedSince(Instant instant) {
            return lastAccepted.isAfter(instant);
        }

        void stop() throws InterruptedException {
            clock.shutdownNow();
            senders.shutdown();
            if (!senders.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("ingest requests still running 60 s after the load stopped");
            }
        }

        private void post() {
            sent.incrementAndGet();
            String marker = town();
            try {
                byte[] body = JSON.writeValueAsBytes(Map.of("title", "Council of " + marker, "outlet", "Fault Wire",
                        "url", "https://faults.example/" + UUID.randomUUID(), "body", text(marker, 10 + RANDOM.nextInt(80),
                                100 + RANDOM.nextInt(90))));
                var response = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ingest.baseUri() + "/api/articles"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 201) {
                    accepted.add(JSON.readTree(response.body()).get("id").asText());
                    lastAccepted = Instant.now();
                } else if (response.statusCode() == 503) {
                    refused.incrementAndGet();
                } else {
                    other.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                unanswered.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unanswered.incrementAndGet();
            }
        }
    }

    /** What became of accepted articles downstream: taken in by claims-service once, each cluster with a review task. */
    private record Chain(long lost, long twice, long withoutTask) {
        static Chain of(List<String> accepted) throws Exception {
            if (accepted.isEmpty()) {
                throw new AssertionError("no article was accepted");
            }
            String ids = quoted(accepted);
            try {
                Sandbox.await("every accepted article taken in by claims-service", DRAIN, () -> Long.parseLong(query("claims",
                        "SELECT count(*) FROM received_article WHERE article_id::text IN (" + ids + ")")) == accepted.size());
            } catch (AssertionError stuck) {
                // counted as lost below
            }
            long received = Long.parseLong(sql("claims", "SELECT count(*) FROM received_article WHERE article_id::text IN (" + ids + ")"));
            long publishedTwice = Long.parseLong(sql("ingest", "SELECT count(*) FROM (SELECT a FROM (SELECT substring(payload from "
                    + "'\"articleId\":\"([0-9a-f-]+)\"') a FROM outbox WHERE routing_key = 'article.ingested.v1') o WHERE a IN ("
                    + ids + ") GROUP BY a HAVING count(*) > 1) d"));
            long claimsTwice = Long.parseLong(sql("claims", "SELECT count(*) FROM (SELECT article_id, type, start_offset, "
                    + "coalesce(q_start, -1) FROM claim WHERE article_id::text IN (" + ids + ") GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d"));
            long withoutTask = 0;
            try {
                Sandbox.await("a task for every cluster of the articles", DRAIN, () -> "0".equals(query("claims",
                        "SELECT count(*) FROM claim_cluster WHERE task_id IS NULL AND id IN (SELECT cluster_id FROM claim "
                                + "WHERE article_id::text IN (" + ids + "))")));
            } catch (AssertionError stuck) {
                withoutTask = Long.parseLong(sql("claims", "SELECT count(*) FROM claim_cluster WHERE task_id IS NULL AND id IN "
                        + "(SELECT cluster_id FROM claim WHERE article_id::text IN (" + ids + "))"));
            }
            return new Chain(accepted.size() - received, publishedTwice + claimsTwice, withoutTask);
        }
    }

    /** Deliveries the consumers of every service gave back to the broker as failed, from their metrics. */
    private static double failedDeliveries() {
        double total = 0;
        for (ServiceProcess service : List.of(claims, review, web)) {
            String metrics = given(service, Tokens.valid("fault-admin", "admin")).get("/q/metrics").then().statusCode(200)
                    .extract().asString();
            total += Metrics.sum(metrics, "claimdesk_consumer_messages_total", "outcome=\"failed\"");
        }
        return total;
    }

    /** Messages waiting in every dead-letter queue of the suite. */
    private static long deadLetters() throws Exception {
        long total = 0;
        for (String queue : QUEUES) {
            total += deadLetterCount(queue + ".dlq");
        }
        return total;
    }

    // ---- helpers

    private static final String[] THINGS = {"schools", "bridges", "clinics", "bus lines", "parks", "libraries", "wells", "roads",
        "depots", "shelters", "markets", "stadiums"};
    private static final String[] PEOPLE = {"protesters", "fans", "drivers", "suspects", "traders", "students", "miners"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final Map<UUID, String> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** An article of two figures, varied as a day's news is: few of them tell the same claim. */
    private static byte[] article(UUID id, String town, int built, int arrested) throws Exception {
        String text = text(town, built, arrested);
        TEXTS.put(id, text);
        return articleIngested(id, town, text);
    }

    /** article.ingested.v1 as ingest-service announces an article. */
    private static byte[] articleIngested(UUID id, String town, String text) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", UUID.randomUUID().toString());
        body.put("occurredAt", Instant.now().toString());
        body.put("articleId", id.toString());
        body.put("revision", 1);
        body.put("title", "Council of " + town);
        body.put("outlet", "Fault Wire");
        body.put("language", "en");
        body.put("cleanText", text);
        return JSON.writeValueAsBytes(body);
    }

    private static String text(String town, int built, int arrested) {
        return "The council of " + town + " approved " + built + " new " + THINGS[RANDOM.nextInt(THINGS.length)] + " on "
                + DAYS[RANDOM.nextInt(DAYS.length)] + ", the mayor said.\n\nPolice in " + town + " arrested " + arrested + " "
                + PEOPLE[RANDOM.nextInt(PEOPLE.length)] + " on " + DAYS[RANDOM.nextInt(DAYS.length)] + ".";
    }

    /**
     * One council decision in one town: a figure nobody dies in, so a TRUE verdict is published at once, unless
     * like decisions of other towns joined its cluster with other figures (then a second review decides).
     */
    private static byte[] councilArticle(UUID id, String town, int figure) throws Exception {
        return articleIngested(id, town, "The council of " + town + " approved " + figure + " new "
                + THINGS[RANDOM.nextInt(THINGS.length)] + " on " + DAYS[RANDOM.nextInt(DAYS.length)] + ", the mayor of " + town + " said.");
    }

    private record Assigned(String id, long version, String assignee) {
    }

    /**
     * The articles' tasks at {@code stage}, each assigned to one of the reviewers, with their versions, once all
     * articles are in and the set has stopped changing: {@code expected} of them, or with 0 one per cluster of the
     * articles (like claims in different towns may share a cluster, so that count is not known beforehand).
     */
    private static Map<String, Assigned> awaitRoutedTasks(String articleIds, List<String> reviewers, String stage, int expected)
            throws Exception {
        Sandbox.await("the articles taken in and announced", DRAIN, () -> query("claims", "SELECT count(DISTINCT article_id) "
                + "FROM received_article WHERE article_id IN (" + articleIds + ")").equals(String.valueOf(articleIds.split(",").length))
                && "0".equals(query("claims", "SELECT count(*) FROM outbox WHERE sent_at IS NULL")));
        Map<String, Assigned> tasks = Map.of();
        int stable = 0;
        Instant deadline = Instant.now().plus(DRAIN);
        while (stable < 10) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the articles' tasks routed within " + DRAIN + ": " + tasks.size());
            }
            String clusters = sql("claims", "SELECT string_agg(DISTINCT quote_literal(cluster_id::text), ',') FROM claim "
                    + "WHERE article_id IN (" + articleIds + ")");
            long wanted = expected > 0 ? expected : clusters.isBlank() ? 0 : clusters.split(",").length;
            Map<String, Assigned> now = new java.util.TreeMap<>();
            if (!clusters.isBlank()) {
                for (String line : sql("review", "SELECT id || ' ' || version || ' ' || assignee FROM task WHERE cluster_id::text IN ("
                        + clusters + ") AND assignee IN (" + quoted(reviewers) + ") AND stage = '" + stage + "'").split("\n")) {
                    if (!line.isBlank()) {
                        String[] f = line.split(" ");
                        now.put(f[0], new Assigned(f[0], Long.parseLong(f[1]), f[2]));
                    }
                }
            }
            stable = now.equals(tasks) && now.size() == wanted ? stable + 1 : 0;
            tasks = now;
            Thread.sleep(300);
        }
        return tasks;
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** Verdicts submitted as reviewers' browsers do, and what came of each. */
    private static final class Submissions {
        final Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
        /** task -> the answer's verdict id, empty when the task went on to a second review; for each 2xx */
        final Map<String, String> answered = new java.util.concurrent.ConcurrentHashMap<>();
        final List<String> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        /** task -> the claims whose figures disagree with the one it is reviewed as: each is rated on its own */
        final Map<String, List<String>> apart = new java.util.concurrent.ConcurrentHashMap<>();

        /** Reads each task as the desk shows it before any rating is sent: which figures it rates apart. */
        void learn(java.util.Collection<Assigned> tasks) {
            for (Assigned task : tasks) {
                apart.put(task.id(), given(review, Tokens.valid(task.assignee(), "reviewer")).get("/api/tasks/" + task.id())
                        .then().statusCode(200).extract().jsonPath().getList("claims.findAll { it.ratedApart }.id"));
            }
        }

        /** A TRUE rating on the task by its assignee, under the task's Idempotency-Key (the same each time it is sent). */
        void submit(Assigned task) {
            String key = keys.computeIfAbsent(task.id(), t -> UUID.randomUUID().toString());
            try {
                List<Map<String, String>> claimRatings = apart.getOrDefault(task.id(), List.of()).stream()
                        .map(id -> Map.of("claimId", id, "rating", "MOSTLY_FALSE")).toList();
                byte[] body = JSON.writeValueAsBytes(Map.of("rating", "TRUE", "explanation", "The council's minutes list the decision.",
                        "sources", List.of(Map.of("url", "https://council.example/minutes/" + task.id())), "taskVersion", task.version(),
                        "claimRatings", claimRatings));
                var response = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(review.baseUri() + "/api/tasks/"
                                + task.id() + "/verdict")).timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + Tokens.valid(task.assignee(), "reviewer"))
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    var view = JSON.readTree(response.body());
                    answered.put(task.id(), "DONE".equals(view.path("stage").asText()) ? view.at("/verdict/id").asText() : "");
                } else {
                    refused.incrementAndGet();
                }
            } catch (java.io.IOException e) {
                unanswered.add(task.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unanswered.add(task.id());
            }
        }
    }

    private static io.restassured.specification.RequestSpecification given(ServiceProcess service, String token) {
        return io.restassured.RestAssured.given().baseUri(service.baseUri()).auth().oauth2(token);
    }

    private static String quoted(java.util.Collection<?> ids) {
        return ids.stream().map(a -> "'" + a + "'").reduce((a, b) -> a + "," + b).orElse("NULL");
    }

    /** The claims claims-service extracts from the article's text, asked of its stateless extract endpoint. */
    private static int expectedClaims(UUID article) throws InterruptedException {
        // the endpoint is rate-limited per client: a 429 is waited out as its Retry-After says
        for (int attempt = 0; attempt < 30; attempt++) {
            var response = given(claims, Tokens.valid("fault-suite", "reviewer")).contentType(ContentType.JSON)
                    .body(Map.of("text", TEXTS.get(article))).post("/api/claims/extract");
            if (response.statusCode() != 429) {
                return response.then().statusCode(200).extract().jsonPath().getList("items").size();
            }
            Thread.sleep(1000L * Math.max(1, Integer.parseInt(java.util.Objects.requireNonNullElse(response.header("Retry-After"), "1"))));
        }
        throw new AssertionError("/api/claims/extract still refused after 30 tries");
    }

    private static String town() {
        StringBuilder name = new StringBuilder("Kel");
        for (int i = 0; i < 6; i++) {
            name.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return name.toString();
    }

    private static void publish(Channel channel, String exchange, String key, String id, byte[] body) throws Exception {
        channel.basicPublish(exchange, key, true, new AMQP.BasicProperties.Builder().messageId(id).contentType("application/json")
                .deliveryMode(2).type(key).build(), body);
        channel.waitForConfirmsOrDie(10_000);
    }

    /** Whether the message waits in the dead-letter queue, looked at without taking it. */
    private static boolean inDeadLetters(String dlq, String id, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = sandbox.broker("fault-dlq"); Channel channel = connection.createChannel()) {
                GetResponse got;
                while ((got = channel.basicGet(dlq, false)) != null) {
                    if (id.equals(got.getProps().getMessageId())) {
                        return true;
                    }
                }
            }
            Thread.sleep(300);
        }
        return false;
    }

    private static long deadLetterCount(String dlq) throws Exception {
        try (Connection connection = sandbox.broker("fault-count"); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(dlq).getMessageCount();
        }
    }

    private static String sql(String db, String query) throws Exception {
        return sandbox.sql(db, query);
    }

    private static String query(String db, String query) {
        try {
            return sandbox.sql(db, query);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Lookup {
        String get() throws Exception;
    }

    /** Polls until the lookup answers something (a non-empty row), for at most the drain time. */
    private static String awaitValue(String what, Lookup lookup) throws Exception {
        Instant deadline = Instant.now().plus(DRAIN);
        while (Instant.now().isBefore(deadline)) {
            String value = lookup.get();
            if (value != null && !value.isBlank()) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " within " + DRAIN);
    }
}
