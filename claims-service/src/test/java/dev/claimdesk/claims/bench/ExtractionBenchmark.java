package dev.claimdesk.claims.bench;

import dev.claimdesk.claims.extraction.ClaimExtractor;
import dev.claimdesk.claims.extraction.ExtractedClaim;
import dev.claimdesk.claims.extraction.MiniLmEmbedder;
import dev.claimdesk.claims.extraction.SentenceEmbedder;
import dev.claimdesk.claims.extraction.SentenceSegmenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Extraction throughput on one thread (one core), over the seed articles, in one run: sentence segmentation
 * alone, claim extraction, and extraction with the embedding of each claim's proposition, as claims-service does
 * per article. Each is warmed up, then timed for a fixed period. Run with ./bench.sh extraction.
 */
public final class ExtractionBenchmark {

    /** Results land here so the JIT cannot drop the work as unused. */
    static volatile long sink;

    public static void main(String[] args) throws IOException {
        Path seeds = Path.of(args.length > 0 ? args[0] : "seeds");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<String> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(seeds)) {
            files.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(p -> articles.add(read(p)));
        }
        SentenceSegmenter segmenter = new SentenceSegmenter();
        ClaimExtractor extractor = new ClaimExtractor();
        SentenceEmbedder embedder = new MiniLmEmbedder(1);
        long chars = articles.stream().mapToLong(String::length).sum();
        System.out.printf("%d articles, %,d characters, %d claims in all%n", articles.size(), chars,
                articles.stream().mapToInt(a -> extractor.extract(a, "en").claims().size()).sum());

        double segmentation = rate("segmentation only", articles, seconds, a -> segmenter.split(a).size());
        double extraction = rate("extraction without embeddings", articles, seconds, a -> extractor.extract(a, "en").claims().size());
        double embedded = rate("extraction with embeddings", articles, seconds, a -> embedder.embed(
                extractor.extract(a, "en").claims().stream().map(ExtractedClaim::proposition).distinct().toList()).size());
        System.out.printf("extraction / segmentation time: %.1f×; with embeddings: %.1f×%n",
                segmentation / extraction, segmentation / embedded);
    }

    private static double rate(String what, List<String> articles, int seconds, ToIntFunction<String> work) {
        run(articles, Math.max(3, seconds / 2), work);
        double perSecond = run(articles, seconds, work);
        System.out.printf("%-32s %,10.1f articles/s on one thread%n", what, perSecond);
        return perSecond;
    }

    private static double run(List<String> articles, int seconds, ToIntFunction<String> work) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long done = 0;
        while (System.nanoTime() < end) {
            sink += work.applyAsInt(articles.get((int) (done % articles.size())));
            done++;
        }
        return done / ((System.nanoTime() - start) / 1e9);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
