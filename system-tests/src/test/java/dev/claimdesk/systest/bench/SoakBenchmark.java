package dev.claimdesk.systest.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.claimdesk.systest.Metrics;
import dev.claimdesk.systest.bench.BenchServices.Service;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.claimdesk.systest.bench.BenchServices.CLUSTERS_WITHOUT_TASK;
import static dev.claimdesk.systest.bench.BenchServices.acceptedId;
import static dev.claimdesk.systest.bench.BenchServices.eachService;
import static dev.claimdesk.systest.bench.BenchServices.metrics;
import static dev.claimdesk.systest.bench.BenchServices.postArticle;
import static dev.claimdesk.systest.bench.BenchServices.printRssAfterLoad;
import static dev.claimdesk.systest.bench.BenchServices.rssMiB;
import static dev.claimdesk.systest.bench.BenchServices.sql;

/**
 * A soak of the whole suite: articles posted to ingest-service at a fixed rate for a fixed time, with every service
 * sampled meanwhile (outbox rows waiting, outbox lag, queue depths, dead letters, heap, RSS), then a drain and a count of what
 * arrived. Prints a Markdown table and a summary; the run fails (exit 1) on any error or loss.
 *
 * Arguments: RATE SECONDS SAMPLE_SECONDS SEEDS_DIR TEXT (stories: stories of their own; template: one local story
 * template told of every town, so that like sentences pile up in a few large clusters), then NAME=URL,PID,DATABASE for ingest, claims, review and web-ui; broker
 * from the CLAIMDESK_TEST_RABBITMQ_* variables and database user from CLAIMDESK_TEST_PG_USER, as bench.sh sets them.
 */
public final class SoakBenchmark {

    private static final List<String> QUEUES = List.of("claims.article-ingested", "claims.verdict-published", "claims.task-updated",
            "review.claim-extracted", "webui.task-updated");

    private record Sample(long second, long posted, long errors, double p95, Map<String, Long> outbox, Map<String, Long> lagMs,
                          long queued, long deadLetters, Map<String, Long> heapMiB, Map<String, Long> rssMiB) {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int every = Integer.parseInt(args[2]);
        BenchArticles articles = new BenchArticles(Path.of(args[3]));
        String text = args[4];
        List<Service> services = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            services.add(Service.parse(args[i]));
        }
        Service ingest = services.getFirst();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<Long> window = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger posted = new AtomicInteger();
        Random random = new Random();
        var senders = Executors.newFixedThreadPool(16);
        var clock = Executors.newSingleThreadScheduledExecutor();
        long started = System.nanoTime();
        clock.scheduleAtFixedRate(() -> senders.submit(() -> {
            posted.incrementAndGet();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> response = postArticle(http, ingest, articles.request(text, random), "soak");
                window.add(System.nanoTime() - t0);
                String id = acceptedId(response);
                if (id != null) {
                    accepted.add(id);
                } else {
                    errors.incrementAndGet();
                }
            } catch (Exception e) {
                errors.incrementAndGet();
                System.err.println("ingest request failed: " + e);
            }
        }), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);

        List<Sample> samples = new ArrayList<>();
        try (Connection broker = BenchBroker.fromEnvironment().newConnection("soak"); Channel channel = broker.createChannel();
             AutoCloseable vacuums = BenchServices.autovacuumStandIn(BenchServices.databases(services))) {
            for (long s = every; s <= seconds; s += every) {
                Thread.sleep(Math.max(0, started / 1_000_000 + s * 1000 - System.nanoTime() / 1_000_000));
                List<Long> latencies = new ArrayList<>();
                for (Long l; (l = window.poll()) != null; ) {
                    latencies.add(l);
                }
                samples.add(sample(s, posted.get(), errors.get(), p95(latencies), services, http, channel));
                System.err.println("sampled at " + s + " s");
            }
            clock.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);

            // drain: every accepted article taken in by claims-service, every outbox sent, every queue empty
            long drainStart = System.nanoTime();
            Service claims = services.get(1);
            // (a queue's message count leaves out what a consumer holds unacknowledged: the last task.updated.v1 may
            // be in flight with every queue at 0, so the drain also waits for every cluster's task)
            long received = 0;
            long withoutTask = 0;
            while (System.nanoTime() - drainStart < 300_000_000_000L) {
                received = Long.parseLong(sql(claims.database(), "SELECT count(*) FROM received_article"));
                withoutTask = Long.parseLong(sql(claims.database(), CLUSTERS_WITHOUT_TASK));
                if (received >= accepted.size() && withoutTask == 0 && queued(channel) == 0
                        && services.stream().allMatch(sv -> outbox(sv) == 0)) {
                    break;
                }
                Thread.sleep(500);
            }
            double drained = (System.nanoTime() - drainStart) / 1e9;
            Sample last = sample(seconds, posted.get(), errors.get(), 0, services, http, channel);
            print(rate, seconds, samples, services);
            long lost = accepted.size() - received;
            System.out.printf(Locale.ROOT, "%nPosted %d, accepted %d, errors %d; claims-service took in %d (lost %d) within %.1f s of "
                            + "the load's end; clusters without a task %d; dead letters %d.%n", posted.get(), accepted.size(), errors.get(),
                    received, lost, drained, withoutTask, last.deadLetters());
            System.out.println("After the drain, heap in use MiB: "
                    + eachService(services, sv -> String.valueOf(last.heapMiB().get(sv.name()))));
            printRssAfterLoad(services);
            if (errors.get() > 0 || lost != 0 || withoutTask > 0 || last.deadLetters() > 0) {
                System.exit(1);
            }
        }
    }

    private static Sample sample(long second, long posted, long errors, double p95, List<Service> services, HttpClient http,
                                 Channel channel) throws Exception {
        Map<String, Long> outbox = new java.util.LinkedHashMap<>();
        Map<String, Long> lag = new java.util.LinkedHashMap<>();
        Map<String, Long> heap = new java.util.LinkedHashMap<>();
        Map<String, Long> rss = new java.util.LinkedHashMap<>();
        for (Service s : services) {
            outbox.put(s.name(), outbox(s));
            String metrics = metrics(http, s);
            lag.put(s.name(), Math.round(Metrics.sum(metrics, "claimdesk_outbox_lag_seconds", "quantile=\"0.99\"") * 1000));
            heap.put(s.name(), Math.round(Metrics.sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / (1 << 20)));
            rss.put(s.name(), rssMiB(s.pid()));
        }
        long dead = 0;
        for (String q : QUEUES) {
            dead += channel.queueDeclarePassive(q + ".dlq").getMessageCount();
        }
        return new Sample(second, posted, errors, p95, outbox, lag, queued(channel), dead, heap, rss);
    }

    private static long queued(Channel channel) throws Exception {
        long total = 0;
        for (String q : QUEUES) {
            total += channel.queueDeclarePassive(q).getMessageCount();
        }
        return total;
    }

    private static long outbox(Service s) {
        try {
            return Long.parseLong(sql(s.database(), "SELECT count(*) FROM outbox WHERE sent_at IS NULL"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }



    private static void print(int rate, int seconds, List<Sample> samples, List<Service> services) {
        System.out.printf(Locale.ROOT, "Soak: %d articles/s to ingest-service for %d s, all four services, %d cores.%n%n", rate, seconds,
                Runtime.getRuntime().availableProcessors());
        StringBuilder head = new StringBuilder("| s | posted | errors | ingest p95 ms | outbox waiting (i/c/r/w) | outbox lag p99 ms (i/c/r) | queued | dead letters |");
        StringBuilder rule = new StringBuilder("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Service s : services) {
            head.append(" ").append(s.name()).append(" heap / RSS MiB |");
            rule.append(" ---: |");
        }
        System.out.println(head);
        System.out.println(rule);
        for (Sample x : samples) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %d | %d | %.0f | %s | %s | %d | %d |", x.second(),
                    x.posted(), x.errors(), x.p95(), String.join("/", x.outbox().values().stream().map(String::valueOf).toList()),
                    String.join("/", x.lagMs().values().stream().limit(3).map(String::valueOf).toList()), x.queued(), x.deadLetters()));
            for (Service s : services) {
                row.append(" ").append(x.heapMiB().get(s.name())).append(" / ").append(x.rssMiB().get(s.name())).append(" |");
            }
            System.out.println(row);
        }
    }

    private static double p95(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)] / 1e6;
    }
}
