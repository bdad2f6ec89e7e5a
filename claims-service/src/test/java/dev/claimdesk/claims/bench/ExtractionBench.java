package dev.claimdesk.claims.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.claims.extraction.ClaimExtractor;
import dev.claimdesk.claims.extraction.ExtractedClaim;
import dev.claimdesk.claims.extraction.MiniLmEmbedder;
import dev.claimdesk.claims.extraction.SentenceEmbedder;
import dev.claimdesk.claims.extraction.SentenceSegmenter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The extraction engine alone, in one process (JMH): articles per second through sentence segmentation only, claim
 * extraction, and extraction with the embedding of each distinct claim proposition, as claims-service does for an
 * article before placing its claims. Each benchmark thread has its own engine and a one-thread embedder, so one
 * thread is one core.
 * <p>
 * {@code main(ARTICLES, THREADS, SECONDS[, BENCHMARKS])}: ARTICLES is a folder of .txt articles (the seeds) or a file
 * of article bodies, one JSON string a line (bench.sh's pipeline writes the same kind of story it posts);
 * BENCHMARKS a regular expression over the three names. Prints JMH's results, then articles/s in all and per thread
 * and each step's time relative to segmentation, and writes them to target/bench/extraction.json. Run with
 * {@code ./bench.sh extraction}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExtractionBench {

    @Param("seeds")
    public String articles;

    private List<String> texts;
    private int next;
    private SentenceSegmenter segmenter;
    private ClaimExtractor extractor;
    private SentenceEmbedder embedder;

    @Setup
    public void setUp() throws IOException {
        texts = read(Path.of(articles));
        segmenter = new SentenceSegmenter();
        extractor = new ClaimExtractor();
        embedder = new MiniLmEmbedder(1);
    }

    @Benchmark
    public int segmentation() {
        return segmenter.split(article()).size();
    }

    @Benchmark
    public int extraction() {
        return extractor.extract(article(), "en").claims().size();
    }

    @Benchmark
    public int extractionWithEmbeddings() {
        return embedder.embed(extractor.extract(article(), "en").claims().stream().map(ExtractedClaim::proposition).distinct().toList())
                .size();
    }

    private String article() {
        String text = texts.get(next);
        next = (next + 1) % texts.size();
        return text;
    }

    static List<String> read(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source)) {
                return files.filter(p -> p.toString().endsWith(".txt")).sorted().map(ExtractionBench::text).toList();
            }
        }
        ObjectMapper json = new ObjectMapper();
        List<String> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(source)) {
            bodies.add(json.readValue(line, String.class));
        }
        return bodies;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path source = Path.of(args.length > 0 ? args[0] : "seeds").toAbsolutePath();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        String which = args.length > 3 ? args[3] : ".*";
        List<String> texts = read(source);
        ClaimExtractor extractor = new ClaimExtractor();
        System.out.printf(Locale.ROOT, "%d articles, %,d characters, %d claims in all; %d thread(s)%n", texts.size(),
                texts.stream().mapToLong(String::length).sum(), texts.stream().mapToInt(a -> extractor.extract(a, "en").claims().size()).sum(),
                threads);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ExtractionBench.class.getName() + "\\.(" + which + ")$")
                .param("articles", source.toString())
                .threads(threads).forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(Math.max(2, seconds / 2)))
                .measurementIterations(3).measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx1g", "--enable-native-access=ALL-UNNAMED", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
                .build()).run();
        Map<String, Double> perSecond = new LinkedHashMap<>();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("articles", source.toString());
        json.put("threads", threads);
        json.put("seconds", seconds);
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            perSecond.put(name, r.getPrimaryResult().getScore());
            json.put(name, Map.of("articlesPerSecond", r.getPrimaryResult().getScore(),
                    "error", r.getPrimaryResult().getScoreError()));
        }
        Path output = Path.of("target/bench/extraction.json");
        Files.createDirectories(output.toAbsolutePath().getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(output.toFile(), json);
        System.out.println();
        Double segmentation = perSecond.get("segmentation");
        perSecond.forEach((name, rate) -> System.out.printf(Locale.ROOT, "%-26s %,10.1f articles/s in all, %,10.1f per thread%s%n",
                name, rate, rate / threads, segmentation == null ? "" : String.format(Locale.ROOT, ", %.0f× segmentation's time",
                        segmentation / rate)));
    }
}
