package dev.claimdesk.systest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.testing.Tokens;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on a running ingest-service: sustained POST /api/articles throughput at saturation (closed loop,
 * N clients), then a fixed arrival rate (open loop) with the outbox lag of each article, from its 201
 * to its article.ingested.v1 arriving at a queue of this benchmark's own. Prints a Markdown table.
 *
 * Arguments: INGEST_URL SEEDS_DIR CLIENTS SATURATION_SECONDS RATE RATE_SECONDS; broker from the
 * CLAIMDESK_TEST_RABBITMQ_* variables bench.sh sets.
 */
public final class IngestBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String token;
    private static volatile long tokenSignedAt;

    /** An ingest token, signed again every minute: tokens live 5 minutes, runs may last longer. */
    private static String token() {
        long now = System.nanoTime();
        if (token == null || now - tokenSignedAt > 60_000_000_000L) {
            synchronized (IngestBenchmark.class) {
                if (token == null || now - tokenSignedAt > 60_000_000_000L) {
                    token = Tokens.valid("benchmark-client", "ingest");
                    tokenSignedAt = now;
                }
            }
        }
        return token;
    }

    public static void main(String[] args) throws Exception {
        String ingest = args[0];
        List<String> sentences = sentences(Path.of(args[1]));
        int clients = Integer.parseInt(args[2]);
        int saturationSeconds = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        int rateSeconds = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        AtomicBoolean measuringLag = new AtomicBoolean(false);
        try (Connection connection = BenchBroker.fromEnvironment().newConnection("ingest-benchmark")) {
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "articles", "article.ingested.v1");
            DeliverCallback onMessage = (tag, delivery) -> {
                long now = System.nanoTime();
                if (measuringLag.get()) {
                    arrivedAt.put(JSON.readTree(delivery.getBody()).get("articleId").asText(), now);
                }
            };
            channel.basicConsume(queue, true, onMessage, tag -> { });

            // Long enough for the JIT to finish: C2 alone took a sixth of the service's CPU in a 10 s warm-up.
            int warmUp = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP_SECONDS", "30"));
            System.out.printf("warm-up: %d s at saturation%n", warmUp);
            closedLoop(http, ingest, sentences, clients, warmUp, null);
            System.out.printf("saturation: %d clients for %d s%n", clients, saturationSeconds);
            Result saturation = closedLoop(http, ingest, sentences, clients, saturationSeconds, null);

            System.out.printf("fixed rate: %d articles/s for %d s%n", rate, rateSeconds);
            measuringLag.set(true);
            Result fixed = openLoop(http, ingest, sentences, rate, rateSeconds, answeredAt);
            Thread.sleep(3000);
            // A message may reach the consumer before the client has read its 201: that lag counts as zero.
            long[] lag = answeredAt.entrySet().stream().filter(e -> arrivedAt.containsKey(e.getKey()))
                    .mapToLong(e -> Math.max(0, arrivedAt.get(e.getKey()) - e.getValue())).sorted().toArray();
            long missing = answeredAt.keySet().stream().filter(id -> !arrivedAt.containsKey(id)).count();

            System.out.println();
            System.out.println("| run | articles | errors | articles/s | latency p50 | p95 | p99 | max |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            saturation.row("saturation, " + clients + " clients");
            fixed.row("fixed " + rate + "/s");
            System.out.println();
            System.out.printf("outbox lag at %d/s (201 → message at a consumer), %d messages, %d not arrived: "
                            + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, lag.length, missing,
                    ms(pct(lag, 50)), ms(pct(lag, 95)), ms(pct(lag, 99)), ms(lag.length == 0 ? 0 : lag[lag.length - 1]));
        }
    }

    record Result(int ok, int errors, double seconds, long[] latencies) {
        void row(String name) {
            System.out.printf("| %s | %d | %d | %.0f | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n", name, ok, errors, ok / seconds,
                    ms(pct(latencies, 50)), ms(pct(latencies, 95)), ms(pct(latencies, 99)),
                    ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
        }
    }

    private static Result closedLoop(HttpClient http, String ingest, List<String> sentences, int clients, int seconds,
                                     Map<String, Long> answeredAt) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        CountDownLatch done = new CountDownLatch(clients);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                Random random = new Random(c * 7919L + System.nanoTime());
                executor.submit(() -> {
                    while (System.nanoTime() < end) {
                        send(http, ingest, article(sentences, random), latencies, errors, answeredAt);
                    }
                    done.countDown();
                });
            }
            done.await();
        }
        return result(latencies, errors, (System.nanoTime() - start) / 1e9);
    }

    private static Result openLoop(HttpClient http, String ingest, List<String> sentences, int rate, int seconds,
                                   Map<String, Long> answeredAt) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        int total = rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        Random random = new Random(42);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String body = article(sentences, random);
                executor.submit(() -> send(http, ingest, body, latencies, errors, answeredAt));
            }
        }
        return result(latencies, errors, (System.nanoTime() - start) / 1e9);
    }

    private static void send(HttpClient http, String ingest, String body, ConcurrentLinkedQueue<Long> latencies,
                             AtomicInteger errors, Map<String, Long> answeredAt) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest + "/api/articles"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token())
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (response.statusCode() == 201) {
                latencies.add(t1 - t0);
                if (answeredAt != null) {
                    answeredAt.put(JSON.readTree(response.body()).get("id").asText(), t1);
                }
            } else {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    private static Result result(ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors, double seconds) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sorted.length, errors.get(), seconds, sorted);
    }

    /**
     * A news-sized article (about 3 KB, 15 paragraphs) with an outlet and url of its own: mostly sentences of
     * words drawn at the seeds' word frequencies, so articles share words but rarely runs of them, plus two
     * sentences quoted verbatim from the seeds, as articles on one story share quotes.
     */
    private static String article(List<String> sentences, Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            if (i % 7 == 3) {
                body.append(sentences.get(random.nextInt(sentences.size())));
            } else {
                int words = 12 + random.nextInt(20);
                for (int w = 0; w < words; w++) {
                    String word = WORDS.get(random.nextInt(WORDS.size()));
                    body.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(w + 1 < words ? " " : ".");
                }
            }
            body.append("\n\n");
        }
        String id = Long.toHexString(random.nextLong());
        try {
            return JSON.writeValueAsString(Map.of("title", "Benchmark article " + id, "outlet", "Outlet " + random.nextInt(20),
                    "url", "https://bench.example/" + id + "/" + System.nanoTime(), "publishedAt", "2022-03-29T12:00:00Z",
                    "body", body.toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final List<String> WORDS = new ArrayList<>();

    private static List<String> sentences(Path seeds) throws Exception {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(seeds)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    out.addAll(Arrays.stream(line.split("(?<=[.!?])\\s+")).filter(s -> s.split(" ").length >= 8).toList());
                    WORDS.addAll(Arrays.stream(line.toLowerCase().split("[^\\p{L}\\p{N}']+")).filter(w -> !w.isEmpty()).toList());
                }
            }
        }
        return out;
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
