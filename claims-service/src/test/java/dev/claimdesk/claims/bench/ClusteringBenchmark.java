package dev.claimdesk.claims.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.claimdesk.claims.extraction.ClaimExtractor;
import dev.claimdesk.claims.extraction.ClaimSimilarity;
import dev.claimdesk.claims.extraction.ExtractedClaim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Time to place one new article's claims into clusters as the store grows. The store is filled with synthetic
 * claims (seed sentences with half their content words swapped for words of a Zipf-distributed vocabulary, so
 * blocking keys are as skewed as news: a few very common, most rare; random embeddings), then real seed
 * articles are sent through the broker one at a time and the service's own placement timer
 * ({@code claimdesk_claims_placement_seconds}) is read after each. Run with ./bench.sh clustering.
 */
public final class ClusteringBenchmark {

    private static final Pattern WORD = Pattern.compile("\\p{Ll}{4,}");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String jdbc = args[0];
        String user = args[1];
        String service = args[2];
        Path seeds = Path.of(args[3]);
        int articles = Integer.parseInt(args[4]);
        List<Integer> sizes = Stream.of(args[5].split(",")).map(Integer::parseInt).toList();

        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        List<ExtractedClaim> corpus = new ArrayList<>();
        ClaimExtractor extractor = new ClaimExtractor();
        texts.forEach(t -> corpus.addAll(extractor.extract(t, "en").claims()));

        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("CLAIMDESK_TEST_RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("CLAIMDESK_TEST_RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv("CLAIMDESK_TEST_RABBITMQ_USER"));
        factory.setPassword(System.getenv("CLAIMDESK_TEST_RABBITMQ_PASSWORD"));
        factory.setVirtualHost(System.getenv("CLAIMDESK_TEST_RABBITMQ_VHOST"));
        Random random = new Random(42);
        try (java.sql.Connection db = DriverManager.getConnection(jdbc + "?reWriteBatchedInserts=true", user, "");
             Connection broker = factory.newConnection("clustering-benchmark")) {
            Channel channel = broker.createChannel();
            channel.confirmSelect();
            HttpClient http = HttpClient.newHttpClient();
            for (int size : sizes) {
                fill(db, corpus, size, random);
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < articles; i++) {
                    double before = placementSeconds(http, service);
                    UUID article = UUID.randomUUID();
                    publish(channel, article, texts.get(i % texts.size()));
                    await(db, article);
                    double after = placementSeconds(http, service);
                    while (after == before) {
                        Thread.sleep(20);
                        after = placementSeconds(http, service);
                    }
                    millis.add((after - before) * 1000);
                }
                List<Double> sorted = millis.stream().sorted().toList();
                System.out.printf("%,9d claims stored: placing one article's claims p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d articles)%n",
                        count(db), sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                        sorted.getLast(), sorted.size());
            }
        }
    }

    /** Adds synthetic articles of 20 claims each until the store holds {@code size} claims. */
    private static void fill(java.sql.Connection db, List<ExtractedClaim> corpus, int size, Random random) throws Exception {
        int have = count(db);
        db.setAutoCommit(false);
        Instant now = Instant.now();
        try (PreparedStatement article = db.prepareStatement("INSERT INTO received_article (article_id, revision, title, outlet, "
                + "language, clean_text, received_at, extraction_status) VALUES (?, 1, 'synthetic', 'bench', 'en', '', ?, 'EXTRACTED')");
             PreparedStatement cluster = db.prepareStatement("INSERT INTO claim_cluster (id, created_at) VALUES (?, ?)");
             PreparedStatement claim = db.prepareStatement("INSERT INTO claim (id, article_id, revision, type, text, start_offset, "
                     + "end_offset, q_value, q_qualifier, q_unit, q_subject, q_text, q_start, q_end, places, checkworthiness, "
                     + "cluster_id, status, created_at, embedding) VALUES (?, ?, 1, ?, ?, 0, ?, ?, ?, ?, ?, ?, 0, 1, ?, 0.5, ?, "
                     + "'PENDING', ?, ?)");
             PreparedStatement key = db.prepareStatement("INSERT INTO claim_key (key, created_at, claim_id, article_id) "
                     + "VALUES (?, ?, ?, ?)")) {
            while (have < size) {
                UUID articleId = UUID.randomUUID();
                Timestamp at = Timestamp.from(now.minus(random.nextInt(29 * 24 * 60), ChronoUnit.MINUTES));
                article.setObject(1, articleId);
                article.setTimestamp(2, at);
                article.addBatch();
                for (int i = 0; i < 20 && have < size; i++, have++) {
                    ExtractedClaim source = corpus.get(random.nextInt(corpus.size()));
                    String text = scramble(source.text(), random);
                    UUID id = UUID.randomUUID();
                    UUID clusterId = UUID.randomUUID();
                    cluster.setObject(1, clusterId);
                    cluster.setTimestamp(2, at);
                    cluster.addBatch();
                    claim.setObject(1, id);
                    claim.setObject(2, articleId);
                    claim.setString(3, source.type().name());
                    claim.setString(4, text);
                    claim.setInt(5, text.length());
                    var q = source.quantity();
                    claim.setObject(6, q == null ? null : q.value() + random.nextInt(100));
                    claim.setString(7, q == null ? null : q.qualifier().name());
                    claim.setString(8, q == null ? null : q.unit());
                    claim.setString(9, q == null ? null : q.subject());
                    claim.setString(10, q == null ? null : q.text());
                    claim.setArray(11, db.createArrayOf("text", source.places().toArray()));
                    claim.setObject(12, clusterId);
                    claim.setTimestamp(13, at);
                    claim.setArray(14, db.createArrayOf("real", vector(random)));
                    claim.addBatch();
                    var features = ClaimSimilarity.features(source.type(), text, source.speaker(), source.places(), source.actor(), q);
                    for (String k : features.blockingKeys()) {
                        key.setString(1, k);
                        key.setTimestamp(2, at);
                        key.setObject(3, id);
                        key.setObject(4, articleId);
                        key.addBatch();
                    }
                }
                if (have % 2_000 == 0 || have >= size) {
                    article.executeBatch();
                    cluster.executeBatch();
                    claim.executeBatch();
                    key.executeBatch();
                    db.commit();
                }
            }
            article.executeBatch();
            cluster.executeBatch();
            claim.executeBatch();
            key.executeBatch();
            db.commit();
        }
        db.setAutoCommit(true);
        try (var analyze = db.createStatement()) {
            analyze.execute("ANALYZE");
        }
    }

    /** Half the content words replaced by words of a Zipf-distributed vocabulary of 50,000. */
    private static String scramble(String sentence, Random random) {
        Matcher m = WORD.matcher(sentence);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = random.nextBoolean() ? m.group() : "w" + zipf(random, 50_000);
            m.appendReplacement(out, replacement);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int zipf(Random random, int n) {
        // inverse of the continuous Zipf (s = 1) cumulative distribution
        return (int) Math.floor(Math.pow(n, random.nextDouble()));
    }

    private static Float[] vector(Random random) {
        Float[] v = new Float[384];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return v;
    }

    private static void publish(Channel channel, UUID article, String text) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", UUID.randomUUID().toString());
        body.put("occurredAt", Instant.now().toString());
        body.put("articleId", article.toString());
        body.put("revision", 1);
        body.put("title", "bench");
        body.put("outlet", "bench");
        body.put("language", "en");
        body.put("cleanText", text);
        channel.basicPublish("articles", "article.ingested.v1", true, new AMQP.BasicProperties.Builder()
                .messageId(body.get("eventId").toString()).deliveryMode(2).contentType("application/json").build(),
                JSON.writeValueAsBytes(body));
        channel.waitForConfirmsOrDie(5000);
    }

    private static void await(java.sql.Connection db, UUID article) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        try (PreparedStatement seen = db.prepareStatement("SELECT 1 FROM received_article WHERE article_id = ?")) {
            seen.setObject(1, article);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = seen.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("article " + article + " not extracted within 120 s");
    }

    private static int count(java.sql.Connection db) throws Exception {
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM claim")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static double placementSeconds(HttpClient http, String service) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(service + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("(?m)^claimdesk_claims_placement_seconds_sum\\S* ([0-9.eE+-]+)").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
