package dev.claimdesk.systest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import dev.claimdesk.systest.bench.BenchServices.JvmCpu;
import dev.claimdesk.systest.bench.BenchServices.Service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.claimdesk.systest.bench.BenchServices.CLUSTERS_WITHOUT_TASK;
import static dev.claimdesk.systest.bench.BenchServices.acceptedId;
import static dev.claimdesk.systest.bench.BenchServices.cpuSeconds;
import static dev.claimdesk.systest.bench.BenchServices.databases;
import static dev.claimdesk.systest.bench.BenchServices.postArticle;
import static dev.claimdesk.systest.bench.BenchServices.printRssAfterLoad;
import static dev.claimdesk.systest.bench.BenchServices.sql;
import static dev.claimdesk.systest.bench.BenchServices.token;

/**
 * The whole pipeline as users feel it: articles posted to ingest-service, and the time until every claim of each is
 * in a review task that the desk shows.
 * <p>
 * A task is taken as visible when review-service announces it with the article's claims (task.updated.v1, the
 * event web-ui's live queue shows), as a queue of the benchmark's own bound to the tasks exchange receives it; that
 * is after the task is committed, by review-service's outbox lag. The same tap times each stage: POST → article.ingested
 * (ingest-service), → claim.extracted (claims-service, with its queue), → task.updated (review-service, with its
 * queue). All times are read on the benchmark's one clock.
 * <p>
 * Arguments: PHASES SEEDS_DIR, then NAME=URL,PID,DATABASE for each service process, ingest-service first (two claims
 * or review processes on one database are two instances). PHASES: RATExSECONDS at a fixed rate, or max:N for N
 * articles posted as fast as 8 clients can (saturation), or warm:N, the same to warm the JIT up, comma-separated. CEILING_ENGINE (articles/s),
 * CEILING_BROKER (messages/s) and CEILING_DATABASE (transactions/s), when set, are the ceilings measured before in
 * the same run, and the suite's figures are given as ratios to them. Exits 1 on a failed request, a lost article or
 * anything done twice.
 */
public final class PipelineBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DRAIN = Duration.ofMinutes(15);

    private record Phase(String name, int rate, int seconds, int count) {
        static Phase parse(String spec) {
            if (spec.startsWith("max:")) {
                return new Phase("saturation", 0, 0, Integer.parseInt(spec.substring(4)));
            }
            if (spec.startsWith("warm:")) {
                return new Phase("warm-up", 0, 0, Integer.parseInt(spec.substring(5)));
            }
            String[] rs = spec.split("x");
            return new Phase(rs[0] + "/s", Integer.parseInt(rs[0]), Integer.parseInt(rs[1]), 0);
        }
    }

    private record Result(Phase phase, int posted, int accepted, int failed, int completed, int withoutClaims, double throughput,
                          double[] total, double[] ingest, double[] claims, double[] review, Map<String, Double> coresUsed,
                          Map<String, JvmCpu> jvmCoresUsed, double machineBusy, double messagesPerSecond, double commitsPerSecond, double seconds) {
    }

    private static final String LOAD_GENERATOR = "load generator";
    /** Issue 8's target: the suite's articles/s as a share of the engine's alone. */
    private static final double TARGET_SHARE = 0.6;

    /** What the tap saw, in nanoTime. */
    private static final Map<String, Long> INGESTED = new ConcurrentHashMap<>();
    private static final Map<String, Long> EXTRACTED = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> CLAIMS_OF = new ConcurrentHashMap<>();
    private static final Map<String, Long> CLAIM_IN_TASK = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        List<Phase> phases = java.util.Arrays.stream(args[0].split(",")).map(Phase::parse).toList();
        BenchArticles articles = new BenchArticles(Path.of(args[1]));
        List<Service> services = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            services.add(Service.parse(args[i]));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Service review = services.stream().filter(s -> s.name().startsWith("review")).findFirst().orElseThrow();
        addReviewers(http, review);

        List<Result> results = new ArrayList<>();
        try (Connection broker = BenchBroker.fromEnvironment().newConnection("pipeline-benchmark");
             AutoCloseable vacuums = BenchServices.autovacuumStandIn(databases(services))) {
            tap(broker.createChannel());
            Random random = new Random(8);
            for (Phase phase : phases) {
                results.add(run(phase, articles, random, services, http));
                System.err.println("phase " + phase.name() + " done");
            }
        }
        print(results, services);
        Map<String, Long> twice = twice(services);
        System.out.println("\nDone twice (must all be 0): " + twice);
        printRssAfterLoad(services);
        boolean failed = results.stream().anyMatch(r -> r.failed() > 0 || r.completed() + r.withoutClaims() < r.accepted())
                || twice.values().stream().anyMatch(n -> n > 0);
        System.exit(failed ? 1 : 0);
    }

    /** Eight reviewers who can take up to 8,000 tasks, so that each new task is routed as on a staffed desk. */
    private static void addReviewers(HttpClient http, Service review) throws Exception {
        for (int i = 1; i <= 8; i++) {
            String body = JSON.writeValueAsString(Map.of("username", "bench-reviewer-" + i, "skills",
                    List.of("figures", "military", "quotes", "politics"), "languages", List.of("en"), "capacity", 1000));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(review.url() + "/api/reviewers"))
                    .header("Authorization", "Bearer " + token("bench-admin", "admin")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("adding a reviewer: " + response.statusCode() + " " + response.body());
            }
        }
    }

    private static void tap(Channel channel) throws Exception {
        DeliverCallback seen = (tag, delivery) -> {
            long at = System.nanoTime();
            JsonNode event = JSON.readTree(delivery.getBody());
            switch (delivery.getEnvelope().getRoutingKey()) {
                case "article.ingested.v1" -> INGESTED.putIfAbsent(event.path("articleId").asText(), at);
                case "claim.extracted.v1" -> {
                    String article = event.path("articleId").asText();
                    List<String> claims = new ArrayList<>();
                    event.path("claims").forEach(c -> claims.add(c.path("id").asText()));
                    CLAIMS_OF.putIfAbsent(article, claims);
                    EXTRACTED.putIfAbsent(article, at);
                }
                default -> event.path("claimIds").forEach(c -> CLAIM_IN_TASK.putIfAbsent(c.asText(), at));
            }
        };
        for (String[] binding : new String[][] {{"articles", "article.ingested.v1"},
            {"claims", "claim.extracted.v1"}, {"tasks", "task.updated.v1"}}) {
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, binding[0], binding[1]);
            channel.basicConsume(queue, true, seen, tag -> { });
        }
    }

    private static Result run(Phase phase, BenchArticles articles, Random random, List<Service> services, HttpClient http)
            throws Exception {
        Map<String, Long> posted = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Service ingest = services.getFirst();
        Runnable post = () -> {
            sent.incrementAndGet();
            long t0 = System.nanoTime();
            try {
                String id = acceptedId(postArticle(http, ingest, articles.story(random), "bench"));
                if (id != null) {
                    posted.put(id, t0);
                } else {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
                System.err.println("ingest request failed: " + e);
            }
        };

        Map<String, Double> cpu0 = cpu(services);
        Map<String, JvmCpu> jvm0 = jvm(services);
        long[] machine0 = machineTicks();
        long messages0 = sentMessages(services);
        long commits0 = commits(services);
        long start = System.nanoTime();
        var senders = Executors.newFixedThreadPool(phase.count() > 0 ? 8 : 32);
        if (phase.count() > 0) {
            AtomicInteger left = new AtomicInteger(phase.count());
            for (int c = 0; c < 8; c++) {
                senders.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        post.run();
                    }
                });
            }
        } else {
            var clock = Executors.newSingleThreadScheduledExecutor();
            clock.scheduleAtFixedRate(() -> senders.submit(post), 0, 1_000_000 / phase.rate(), TimeUnit.MICROSECONDS);
            Thread.sleep(phase.seconds() * 1000L);
            clock.shutdownNow();
        }
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.MINUTES);

        // until every accepted article is visible, or nothing has moved for two minutes
        long deadline = System.nanoTime() + DRAIN.toNanos();
        int done = -1;
        long moved = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - moved < 120_000_000_000L) {
            int now = 0;
            for (String id : posted.keySet()) {
                now += visible(id) != null || noClaims(id) ? 1 : 0;
            }
            if (now == posted.size()) {
                break;
            }
            if (now != done) {
                done = now;
                moved = System.nanoTime();
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> cpu1 = cpu(services);
        Map<String, JvmCpu> jvm1 = jvm(services);
        long[] machine1 = machineTicks();
        Map<String, Double> cores = new LinkedHashMap<>();
        cpu1.forEach((name, used) -> cores.put(name, (used - cpu0.getOrDefault(name, 0.0)) / seconds));
        Map<String, JvmCpu> jvmCores = new LinkedHashMap<>();
        jvm1.forEach((name, used) -> jvmCores.put(name, used.since(jvm0.getOrDefault(name, JvmCpu.NONE), seconds)));
        double busy = 1 - (double) (machine1[1] - machine0[1]) / (machine1[0] - machine0[0]);

        List<Double> total = new ArrayList<>();
        List<Double> inIngest = new ArrayList<>();
        List<Double> inClaims = new ArrayList<>();
        List<Double> inReview = new ArrayList<>();
        List<Long> completions = new ArrayList<>();
        int withoutClaims = 0;
        for (Map.Entry<String, Long> article : posted.entrySet()) {
            String id = article.getKey();
            Long seen = visible(id);
            if (seen == null) {
                withoutClaims += noClaims(id) ? 1 : 0;
                continue;
            }
            completions.add(seen);
            total.add((seen - article.getValue()) / 1e9);
            inIngest.add((INGESTED.get(id) - article.getValue()) / 1e9);
            inClaims.add((EXTRACTED.get(id) - INGESTED.get(id)) / 1e9);
            inReview.add((seen - EXTRACTED.get(id)) / 1e9);
        }
        // the rate at which articles came out in the middle of the phase, between its 10th and 90th percentile
        completions.sort(null);
        double throughput = 0;
        if (completions.size() >= 10) {
            int lo = completions.size() / 10;
            int hi = completions.size() * 9 / 10;
            throughput = (hi - lo) / ((completions.get(hi) - completions.get(lo)) / 1e9);
        }
        return new Result(phase, sent.get(), posted.size(), failed.get(), completions.size(), withoutClaims, throughput,
                percentiles(total), percentiles(inIngest), percentiles(inClaims), percentiles(inReview), cores, jvmCores, busy,
                (sentMessages(services) - messages0) / seconds, (commits(services) - commits0) / seconds, seconds);
    }

    /** When the last of the article's claims was first announced in a task, or null while one is not yet. */
    private static Long visible(String article) {
        List<String> claims = CLAIMS_OF.get(article);
        if (claims == null || claims.isEmpty() || !INGESTED.containsKey(article)) {
            return null;
        }
        long last = 0;
        for (String claim : claims) {
            Long at = CLAIM_IN_TASK.get(claim);
            if (at == null) {
                return null;
            }
            last = Math.max(last, at);
        }
        return last;
    }

    private static boolean noClaims(String article) {
        List<String> claims = CLAIMS_OF.get(article);
        return claims != null && claims.isEmpty();
    }

    /** p50, p95, p99 and max, in seconds. */
    private static double[] percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return new double[4];
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {v[rank(v, 0.50)], v[rank(v, 0.95)], v[rank(v, 0.99)], v[v.length - 1]};
    }

    private static int rank(double[] sorted, double q) {
        return Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
    }

    /**
     * CPU seconds used so far by each service process, by PostgreSQL's processes, by RabbitMQ's node and by this
     * process, whose posting and tapping share the machine with the suite.
     */
    private static Map<String, Double> cpu(List<Service> services) throws Exception {
        Map<String, Double> used = new LinkedHashMap<>();
        for (Service s : services) {
            used.merge(s.name(), cpuSeconds(s.pid()), Double::sum);
        }
        used.put("postgres", pids("postgres").stream().mapToDouble(BenchServices::cpuSeconds).sum());
        used.put("rabbitmq", pids("beam.smp").stream().mapToDouble(BenchServices::cpuSeconds).sum());
        used.put(LOAD_GENERATOR, cpuSeconds(ProcessHandle.current().pid()));
        return used;
    }

    /** CPU seconds used so far by each service's JIT compilers and by its collector. */
    private static Map<String, JvmCpu> jvm(List<Service> services) {
        Map<String, JvmCpu> used = new LinkedHashMap<>();
        for (Service s : services) {
            used.merge(s.name(), BenchServices.jvmCpu(s.pid()), JvmCpu::plus);
        }
        return used;
    }

    private static List<Long> pids(String command) throws Exception {
        Process p = new ProcessBuilder("pgrep", "-x", command).start();
        List<Long> pids = new ArrayList<>();
        for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.strip()));
            }
        }
        p.waitFor();
        return pids;
    }

    /** All CPU ticks of the machine so far, and the idle ones. */
    private static long[] machineTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long all = 0;
        for (int i = 1; i < f.length; i++) {
            all += Long.parseLong(f[i]);
        }
        return new long[] {all, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    /** Messages the suite's outbox relays have had confirmed by the broker so far. */
    private static long sentMessages(List<Service> services) throws Exception {
        long sent = 0;
        for (String database : databases(services)) {
            sent += Long.parseLong(sql(database, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"));
        }
        return sent;
    }

    /** Transactions committed so far in the suite's databases. */
    private static long commits(List<Service> services) throws Exception {
        return Long.parseLong(sql(services.getFirst().database(), "SELECT sum(xact_commit) FROM pg_stat_database WHERE datname IN ("
                + String.join(", ", databases(services).stream().map(d -> "'" + d + "'").toList()) + ")"));
    }

    /** The fault suite's counters of work done twice, over everything this run did. */
    private static Map<String, Long> twice(List<Service> services) throws Exception {
        String claims = services.stream().filter(s -> s.name().startsWith("claims")).findFirst().orElseThrow().database();
        String review = services.stream().filter(s -> s.name().startsWith("review")).findFirst().orElseThrow().database();
        Map<String, Long> twice = new LinkedHashMap<>();
        twice.put("claims stored twice", Long.parseLong(sql(claims, "SELECT count(*) FROM (SELECT article_id, type, start_offset, "
                + "coalesce(q_start, -1) FROM claim GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d")));
        twice.put("claim.extracted written twice", Long.parseLong(sql(claims, "SELECT count(*) FROM (SELECT substring(payload from "
                + "'\"articleId\":\"([0-9a-f-]+)\"') a FROM outbox WHERE routing_key = 'claim.extracted.v1' GROUP BY a "
                + "HAVING count(*) > 1) d")));
        twice.put("tasks of one cluster", Long.parseLong(sql(review, "SELECT count(*) FROM (SELECT cluster_id FROM task GROUP BY 1 "
                + "HAVING count(*) > 1) d")));
        twice.put("tasks assigned twice", Long.parseLong(sql(review, "SELECT count(*) FROM (SELECT task_id FROM audit_entry "
                + "WHERE action IN ('task.assigned', 'task.reassigned') GROUP BY 1 HAVING count(*) > 1) d")));
        // claims-service learns of the last tasks from review-service a moment after the desk shows them
        long waiting = Long.parseLong(sql(claims, CLUSTERS_WITHOUT_TASK));
        for (int i = 0; i < 60 && waiting > 0; i++) {
            Thread.sleep(1000);
            waiting = Long.parseLong(sql(claims, CLUSTERS_WITHOUT_TASK));
        }
        twice.put("clusters without a task", waiting);
        return twice;
    }

    private static void print(List<Result> results, List<Service> services) {
        System.out.printf(Locale.ROOT, "%nPipeline: %d cores; %s.%n%n", Runtime.getRuntime().availableProcessors(),
                String.join(", ", services.stream().map(Service::name).toList()));
        System.out.println("| load | accepted | failed | visible | articles/s out | POST → task p50 / p95 / p99 / max | ingest p50 / p99 "
                + "| claims p50 / p99 | review p50 / p99 | machine busy | CPU cores used | of which JIT compiling / GC | messages/s | commits/s |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %s | %s | %s | %s | %.0f %% | %s | %s | %.0f | %.0f |%n",
                    r.phase().name() + (r.phase().count() > 0 ? " (" + r.phase().count() + ")" : ", " + r.phase().seconds() + " s"),
                    r.accepted(), r.failed(), r.completed(), r.throughput(), ms(r.total(), 0, 1, 2, 3), ms(r.ingest(), 0, 2),
                    ms(r.claims(), 0, 2), ms(r.review(), 0, 2), 100 * r.machineBusy(),
                    byProcess(r.coresUsed(), 1, "%.2f"),
                    String.join(", ", r.jvmCoresUsed().entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f / %.2f",
                            e.getKey(), e.getValue().jit(), e.getValue().gc())).toList()), r.messagesPerSecond(), r.commitsPerSecond());
        }
        Result saturated = results.stream().filter(r -> r.phase().name().equals("saturation")).reduce((a, b) -> b).orElse(results.getLast());
        System.out.printf(Locale.ROOT, "%nSustained (saturation): %.1f articles/s.%n", saturated.throughput());
        ratio("extraction engine alone, all cores", "CEILING_ENGINE", saturated.throughput(), "articles/s");
        ratio("RabbitMQ PerfTest", "CEILING_BROKER", saturated.messagesPerSecond(), "messages/s");
        ratio("pgbench", "CEILING_DATABASE", saturated.commitsPerSecond(), "transactions/s");
        budget(saturated);
        String[] stages = {"ingest-service", "claims-service", "review-service"};
        double[] p50 = {saturated.ingest()[0], saturated.claims()[0], saturated.review()[0]};
        int worst = p50[0] >= p50[1] && p50[0] >= p50[2] ? 0 : p50[1] >= p50[2] ? 1 : 2;
        System.out.printf(Locale.ROOT, "Limiting stage at saturation: %s, %.0f %% of the median article's time (%.2f of %.2f s).%n",
                stages[worst], 100 * p50[worst] / saturated.total()[0], p50[worst], saturated.total()[0]);
    }

    /**
     * What an article costs the machine at saturation, by process, against what the engine alone spends on one: a
     * suite that keeps the cores busy does {@code share} of the engine's articles/s only if everything it runs for an
     * article, the engine's work included, costs at most the engine's CPU divided by {@code share}.
     */
    private static void budget(Result saturated) {
        double cores = Runtime.getRuntime().availableProcessors();
        double perArticle = 1000 * cores * saturated.machineBusy() / saturated.throughput();
        double suite = saturated.coresUsed().entrySet().stream().filter(e -> !e.getKey().equals(LOAD_GENERATOR))
                .mapToDouble(Map.Entry::getValue).sum() * 1000 / saturated.throughput();
        System.out.printf(Locale.ROOT, "CPU per article at saturation: %.1f ms of the machine's, %.1f ms of it the suite's processes (%s)%n",
                perArticle, suite, byProcess(saturated.coresUsed(), 1000 / saturated.throughput(), "%.1f"));
        ceiling("CEILING_ENGINE").ifPresent(engine -> {
            double engineMs = 1000 * cores / engine;
            double allowed = engineMs / TARGET_SHARE;
            System.out.printf(Locale.ROOT, "  the engine alone spends %.1f ms on an article; %.0f %% of its rate leaves the suite %.1f ms an "
                    + "article in all, %.1f ms beside the engine's own work (the suite's processes now spend %.1f ms beside it)%n",
                    engineMs, 100 * TARGET_SHARE, allowed, allowed - engineMs, suite - engineMs);
        });
    }

    /** {@code name figure, name figure, ...}, each process's value times {@code scale}. */
    private static String byProcess(Map<String, Double> values, double scale, String format) {
        return String.join(", ", values.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, format, scale * e.getValue())).toList());
    }

    /** A ceiling bench.sh measured before the suite and passed in {@code variable}; empty when it was not measured. */
    private static OptionalDouble ceiling(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(value));
    }

    private static void ratio(String name, String variable, double suite, String unit) {
        ceiling(variable).ifPresent(c -> System.out.printf(Locale.ROOT, "  against %s (%.1f %s): the suite's %.1f %s = %.0f %%%n",
                name, c, unit, suite, unit, 100 * suite / c));
    }

    private static String ms(double[] seconds, int... which) {
        List<String> parts = new ArrayList<>();
        for (int i : which) {
            parts.add(String.format(Locale.ROOT, "%.0f", seconds[i] * 1000));
        }
        return String.join(" / ", parts) + " ms";
    }
}
