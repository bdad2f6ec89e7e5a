package dev.claimdesk.systest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.claimdesk.commons.testing.Tokens;
import dev.claimdesk.systest.Metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUEUES = List.of("claims.article-ingested", "claims.verdict-published", "claims.task-updated",
            "review.claim-extracted", "webui.task-updated");

    private record Service(String name, String url, long pid, String database) {
    }

    private record Sample(long second, long posted, long errors, double p95, Map<String, Long> outbox, Map<String, Long> lagMs,
                          long queued, long deadLetters, Map<String, Long> heapMiB, Map<String, Long> rssMiB) {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int every = Integer.parseInt(args[2]);
        words(Path.of(args[3]));
        boolean template = "template".equals(args[4]);
        List<Service> services = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            String[] nv = args[i].split("=", 2);
            String[] f = nv[1].split(",");
            services.add(new Service(nv[0], f[0], Long.parseLong(f[1]), f[2]));
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
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/api/articles"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token("soak", "ingest"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(template ? templated(random) : article(random))).build(),
                        HttpResponse.BodyHandlers.ofString());
                window.add(System.nanoTime() - t0);
                if (response.statusCode() == 201) {
                    accepted.add(JSON.readTree(response.body()).get("id").asText());
                } else {
                    errors.incrementAndGet();
                    System.err.println("ingest answered " + response.statusCode() + ": " + response.body());
                }
            } catch (Exception e) {
                errors.incrementAndGet();
                System.err.println("ingest request failed: " + e);
            }
        }), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);

        List<Sample> samples = new ArrayList<>();
        try (Connection broker = BenchBroker.fromEnvironment().newConnection("soak"); Channel channel = broker.createChannel()) {
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
                withoutTask = Long.parseLong(sql(claims.database(), "SELECT count(*) FROM claim_cluster WHERE task_id IS NULL"));
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
            System.out.println("After the drain, heap / RSS MiB: " + services.stream().map(sv -> sv.name() + " "
                    + last.heapMiB().get(sv.name()) + " / " + last.rssMiB().get(sv.name())).reduce((a, b) -> a + ", " + b).orElse(""));
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

    /** The service's Micrometer metrics, in Prometheus' text format. */
    private static String metrics(HttpClient http, Service s) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/metrics")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token("soak-admin", "admin")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static long rssMiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
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

    private static final Map<String, String[]> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A token for the subject and role, signed again every minute: tokens live 5 minutes, the soak longer. */
    private static String token(String subject, String role) {
        String[] held = TOKENS.compute(subject, (k, t) -> t == null || System.nanoTime() - Long.parseLong(t[1]) > 60_000_000_000L
                ? new String[] {Tokens.valid(subject, role), String.valueOf(System.nanoTime())} : t);
        return held[0];
    }

    private static double p95(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)] / 1e6;
    }

    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] NAMES = {"Ana Petrova", "John Okafor", "Mei Lin", "Carlos Ruiz", "Sara Haddad", "Tom Berg"};
    private static final List<String> WORDS = new ArrayList<>();

    /**
     * A news-sized story (eight paragraphs) of its own: paragraphs of words drawn at the seeds' frequencies, three
     * figures of things named by such words, a quote and a dated event. Stories rarely repeat, as in a day's
     * news; a story told by a hundred outlets is another load (docs/benchmarks.md, claims-service).
     */
    private static String article(Random random) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 8; p++) {
            switch (p) {
                case 1, 4, 6 -> body.append(capital(word(random))).append(' ').append(word(random)).append(" rose to ")
                        .append(5 + random.nextInt(5000)).append(' ').append(word(random)).append(' ').append(word(random))
                        .append(" on ").append(DAYS[random.nextInt(DAYS.length)]).append(", officials said.");
                case 3 -> body.append('"').append(capital(salad(random, 10))).append(",\" said ").append(NAMES[random.nextInt(NAMES.length)])
                        .append('.');
                default -> body.append(capital(salad(random, 14 + random.nextInt(16)))).append(". ")
                        .append(capital(salad(random, 10 + random.nextInt(12)))).append('.');
            }
            body.append("\n\n");
        }
        String id = Long.toHexString(random.nextLong());
        return JSON.writeValueAsString(Map.of("title", capital(salad(random, 6)), "outlet", "Soak Outlet " + random.nextInt(12),
                "url", "https://soak.example/" + id + "/" + System.nanoTime(), "body", body.toString().strip()));
    }

    private static final String[] THINGS = {"schools", "bridges", "clinics", "bus lines", "parks", "libraries", "wells", "roads"};
    private static final String[] PEOPLE = {"protesters", "fans", "drivers", "suspects", "traders", "students", "miners"};

    /** One local story template, told of a town of its own each time. */
    private static String templated(Random random) throws Exception {
        StringBuilder town = new StringBuilder("Val");
        for (int i = 0; i < 6; i++) {
            town.append((char) ('a' + random.nextInt(26)));
        }
        String body = "The council of " + town + " approved " + (5 + random.nextInt(200)) + " new " + THINGS[random.nextInt(THINGS.length)]
                + " on " + DAYS[random.nextInt(DAYS.length)] + ", the mayor said.\n\n"
                + "Police in " + town + " arrested " + (3 + random.nextInt(90)) + " " + PEOPLE[random.nextInt(PEOPLE.length)]
                + " after clashes near the town hall on " + DAYS[random.nextInt(DAYS.length)] + ".\n\n"
                + "\"We will not let this happen again,\" said " + NAMES[random.nextInt(NAMES.length)] + ", the mayor of " + town + ".\n\n"
                + "The budget for the coming year rises by " + (2 + random.nextInt(15)) + " percent to " + (10 + random.nextInt(400))
                + " million euros, according to the council's finance office.\n\n"
                + "Residents said the new bridge over the river had been closed since " + DAYS[random.nextInt(DAYS.length)]
                + " and that traffic in the centre was heavy.\n\n"
                + "The next council meeting is planned for " + (1 + random.nextInt(28)) + " March.";
        String id = Long.toHexString(random.nextLong());
        return JSON.writeValueAsString(Map.of("title", "Council of " + town + " approves its plan", "outlet",
                "Soak Outlet " + random.nextInt(12), "url", "https://soak.example/" + id + "/" + System.nanoTime(), "body", body));
    }

    private static String word(Random random) {
        return WORDS.get(random.nextInt(WORDS.size()));
    }

    private static String salad(Random random, int words) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            s.append(w == 0 ? "" : " ").append(word(random));
        }
        return s.toString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The seeds' words, each as often as the seeds use it. */
    private static void words(Path seeds) throws Exception {
        try (var files = Files.list(seeds)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                for (String w : Files.readString(file).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                    if (w.length() > 2) {
                        WORDS.add(w);
                    }
                }
            }
        }
    }

    private static String sql(String database, String query) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", System.getenv("CLAIMDESK_TEST_PG_USER"), "-d", database, "-At",
                "-c", query).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("psql " + query + ": " + out);
        }
        return out;
    }
}
