package dev.claimdesk.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Counts, per outlet, the articles each short line appears in, and writes the counts once a second in one
 * statement. Counting inside each ingest transaction would make every article of an outlet wait on the
 * rows of the outlet's stock lines; these counts only steer cleaning, so a second's delay costs nothing.
 */
@ApplicationScoped
public class OutletLineCounter {

    private static final Logger LOG = Logger.getLogger(OutletLineCounter.class);

    private final ArticleIndex index;
    private Map<String, Map<Long, Integer>> pending = new HashMap<>();
    private ScheduledExecutorService flusher;

    OutletLineCounter(ArticleIndex index) {
        this.index = index;
    }

    void onStart(@Observes StartupEvent event) {
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("outlet-line-counter").factory());
        flusher.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        flusher.shutdown();
        flush();
    }

    /** Counts each distinct line of one article once. */
    public synchronized void count(String outlet, List<String> lines) {
        Map<Long, Integer> counts = pending.computeIfAbsent(ArticleIndex.outletKey(outlet), k -> new HashMap<>());
        for (Long hash : ArticleIndex.hashes(List.copyOf(new LinkedHashSet<>(lines)))) {
            counts.merge(hash, 1, Integer::sum);
        }
    }

    void flush() {
        Map<String, Map<Long, Integer>> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = pending;
            pending = new HashMap<>();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> index.addLineCounts(batch));
        } catch (RuntimeException e) {
            LOG.warnf("Outlet line counts not written, retrying with the next batch: %s", e.toString());
            synchronized (this) {
                batch.forEach((outlet, counts) -> counts.forEach((hash, n) ->
                        pending.computeIfAbsent(outlet, k -> new HashMap<>()).merge(hash, n, Integer::sum)));
            }
        }
    }
}
