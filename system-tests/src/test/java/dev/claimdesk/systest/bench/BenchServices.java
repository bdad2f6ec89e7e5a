package dev.claimdesk.systest.bench;

import dev.claimdesk.commons.testing.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private BenchServices() {
    }

    /** A token for the subject and role, signed again every minute: tokens live 5 minutes, benchmarks longer. */
    static String token(String subject, String role) {
        String[] held = TOKENS.compute(subject, (k, t) -> t == null || System.nanoTime() - Long.parseLong(t[1]) > 60_000_000_000L
                ? new String[] {Tokens.valid(subject, role), String.valueOf(System.nanoTime())} : t);
        return held[0];
    }

    /** The service's Micrometer metrics, in Prometheus' text format. */
    static String metrics(HttpClient http, Service s) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.url() + "/q/metrics")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token("bench-admin", "admin")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static long rssMiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** CPU time the process has used so far (user and system), in seconds; 0 when it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception gone) {
            return 0;
        }
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
