package dev.claimdesk.systest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.testing.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The services bench.sh started, as the benchmarks read them: their URL, process and database. */
final class BenchServices {

    /** A running service: {@code NAME=URL,PID,DATABASE} as bench.sh passes it. */
    record Service(String name, String url, long pid, String database) {
        static Service parse(String arg) {
            String[] nv = arg.split("=", 2);
            String[] f = nv[1].split(",");
            return new Service(nv[0], f[0], Long.parseLong(f[1]), f[2]);
        }
    }

    private static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Clusters of claims-service that hold claims and have no review task yet. A merged-away cluster holds none:
     * its task, if it had one, went with the merge.
     */
    static final String CLUSTERS_WITHOUT_TASK = "SELECT count(*) FROM claim_cluster cl WHERE task_id IS NULL AND merged_into IS NULL "
            + "AND EXISTS (SELECT 1 FROM claim c WHERE c.cluster_id = cl.id)";

    private BenchServices() {
    }

    /** A token for the subject and role, signed again every minute: tokens live 5 minutes, benchmarks longer. */
    static String token(String subject, String role) {
        String[] held = TOKENS.compute(subject, (k, t) -> t == null || System.nanoTime() - Long.parseLong(t[1]) > 60_000_000_000L
                ? new String[] {Tokens.valid(subject, role), String.valueOf(System.nanoTime())} : t);
        return held[0];
    }

    /** POST /api/articles on ingest-service with an ingest token of {@code subject}'s. */
    static HttpResponse<String> postArticle(HttpClient http, Service ingest, String body, String subject) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ingest.url() + "/api/articles")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(subject, "ingest")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The stored article's id when ingest-service took it (201), else null, with what it answered on stderr. */
    static String acceptedId(HttpResponse<String> response) throws Exception {
        if (response.statusCode() == 201) {
            return JSON.readTree(response.body()).get("id").asText();
        }
        System.err.println("ingest answered " + response.statusCode() + ": " + response.body());
        return null;
    }

    /** The service's Micrometer metrics, in Prometheus' text format. */
    static String metrics(HttpClient http, Service s) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/metrics")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token("bench-admin", "admin")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static long rssMiB(long pid) throws Exception {
        return statusMiB(pid, "VmRSS:");
    }

    private static long statusMiB(long pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /**
     * Each service's RSS at the end of the load with the most it held during it, and again once the suite has stood
     * idle for {@code BENCH_IDLE_SECONDS} (60): a JVM gives heap back only after a collection, and with nothing to do
     * G1 collects only when its periodic interval comes round.
     */
    static void printRssAfterLoad(List<Service> services) throws InterruptedException {
        System.out.println("RSS after the load (peak during it), MiB: " + eachService(services,
                s -> rssMiB(s.pid()) + " (" + statusMiB(s.pid(), "VmHWM:") + ")"));
        int idle = Integer.parseInt(System.getenv().getOrDefault("BENCH_IDLE_SECONDS", "60"));
        Thread.sleep(idle * 1000L);
        System.out.println("RSS " + idle + " s after the load, MiB: " + eachService(services, s -> String.valueOf(rssMiB(s.pid()))));
    }

    /** One figure of a service; a reading that fails shows as "?". */
    interface Reading {
        String of(Service s) throws Exception;
    }

    /** {@code name figure, name figure, ...} for the services, in their order. */
    static String eachService(List<Service> services, Reading reading) {
        StringBuilder line = new StringBuilder();
        for (Service s : services) {
            String value;
            try {
                value = reading.of(s);
            } catch (Exception e) {
                value = "?";
            }
            line.append(line.isEmpty() ? "" : ", ").append(s.name()).append(' ').append(value);
        }
        return line.toString();
    }

    /** CPU time the process has used so far (user and system), in seconds; 0 when it is gone. */
    static double cpuSeconds(long pid) {
        return cpuSeconds(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /** As {@link #cpuSeconds(long)} from a process's or a thread's {@code stat} file. */
    private static double cpuSeconds(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception gone) {
            return 0;
        }
    }

    /** CPU of a JVM's own threads, its JIT compilers' and its collector's, in seconds (or, per phase, in cores). */
    record JvmCpu(double jit, double gc) {
        static final JvmCpu NONE = new JvmCpu(0, 0);

        JvmCpu plus(JvmCpu other) {
            return new JvmCpu(jit + other.jit, gc + other.gc);
        }

        /** What was used between {@code before} and this, per second of {@code seconds}. */
        JvmCpu since(JvmCpu before, double seconds) {
            return new JvmCpu((jit - before.jit) / seconds, (gc - before.gc) / seconds);
        }
    }

    /**
     * CPU time so far of the JVM's own threads in the process: its JIT compilers ({@code C1/C2 CompilerThre}, as the
     * kernel shortens thread names) and its collector (G1's workers, marker, refinement and service threads, and the
     * VM thread that runs the pauses). A thread that ended takes its time with it; on two cores the JVM keeps one
     * compiler thread of each kind for good, so only extra ones could be missed.
     */
    static JvmCpu jvmCpu(long pid) {
        double jit = 0;
        double gc = 0;
        try (var threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                String name = Files.readString(thread.resolve("comm")).strip();
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += cpuSeconds(thread.resolve("stat"));
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += cpuSeconds(thread.resolve("stat"));
                }
            }
        } catch (Exception gone) {
            // the process or one of its threads ended while being read
        }
        return new JvmCpu(jit, gc);
    }

    /** The databases of the services, each once (two instances of a service share one). */
    static Set<String> databases(List<Service> services) {
        Set<String> databases = new LinkedHashSet<>();
        services.forEach(s -> databases.add(s.database()));
        return databases;
    }

    /**
     * What autovacuum would do, where the server runs without it (this machine's CI configuration has
     * {@code autovacuum = off}): every database of the suite vacuumed and analysed once a minute, autovacuum's default
     * nap, so that the suite meets dead rows and planner statistics as on a server with defaults. Nothing when
     * autovacuum is on. Closing it stops the rounds.
     */
    static AutoCloseable autovacuumStandIn(Collection<String> databases) throws Exception {
        String first = databases.iterator().next();
        if (!"off".equals(sql(first, "SHOW autovacuum"))) {
            return () -> { };
        }
        System.out.println("PostgreSQL runs with autovacuum off: each database of the suite is vacuumed and analysed every 60 s");
        var rounds = Executors.newSingleThreadScheduledExecutor();
        rounds.scheduleWithFixedDelay(() -> {
            for (String database : databases) {
                try {
                    sql(database, "VACUUM (ANALYZE)");
                } catch (InterruptedException e) {
                    // the benchmark ended during a round: its report is printed, the round need not finish
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    System.err.println("vacuum of " + database + " failed: " + e.getMessage());
                }
            }
        }, 60, 60, TimeUnit.SECONDS);
        return rounds::shutdownNow;
    }

    static String sql(String database, String query) throws Exception {
        Process p = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", System.getenv("CLAIMDESK_TEST_PG_USER"), "-d", database, "-At",
                "-c", query).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("psql " + query + ": " + out);
        }
        return out;
    }
}
