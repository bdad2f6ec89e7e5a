package dev.claimdesk.systest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The benchmarks' articles, as ingest-service's POST /api/articles takes them.
 * <ul>
 *   <li>{@link #story}: a news-sized story (eight paragraphs) of its own: paragraphs of words drawn at the seeds'
 *   frequencies, three figures of things named by such words, a quote and a dated event. Stories rarely repeat, as in a
 *   day's news.</li>
 *   <li>{@link #templated}: one local story template told of a town of its own each time, so that like sentences pile
 *   up in a few large clusters.</li>
 * </ul>
 * {@code main(OUT, SEEDS, N)} writes N stories' bodies, one JSON string a line, for the extraction engine's benchmark
 * to read the same kind of text as the pipeline's.
 */
final class BenchArticles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] NAMES = {"Ana Petrova", "John Okafor", "Mei Lin", "Carlos Ruiz", "Sara Haddad", "Tom Berg"};
    private static final String[] THINGS = {"schools", "bridges", "clinics", "bus lines", "parks", "libraries", "wells", "roads"};
    private static final String[] PEOPLE = {"protesters", "fans", "drivers", "suspects", "traders", "students", "miners"};

    private final List<String> words = new ArrayList<>();

    /** Words drawn from the seeds' .txt files, each as often as the seeds use it. */
    BenchArticles(Path seeds) throws IOException {
        try (var files = Files.list(seeds)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String w : Files.readString(file).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                    if (w.length() > 2) {
                        words.add(w);
                    }
                }
            }
        }
    }

    public static void main(String[] args) throws IOException {
        BenchArticles articles = new BenchArticles(Path.of(args[1]));
        Random random = new Random(Long.parseLong(args.length > 3 ? args[3] : "1"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            lines.add(JSON.writeValueAsString(articles.storyBody(random)));
        }
        Files.write(Path.of(args[0]), lines);
    }

    /** The request body for {@code text}: "stories" or "template". */
    String request(String text, Random random) throws IOException {
        return "template".equals(text) ? templated(random) : story(random);
    }

    String story(Random random) throws IOException {
        return json(capital(salad(random, 6)), storyBody(random), random);
    }

    private String storyBody(Random random) {
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
        return body.toString().strip();
    }

    String templated(Random random) throws IOException {
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
        return json("Council of " + town + " approves its plan", body, random);
    }

    private static String json(String title, String body, Random random) throws IOException {
        String id = Long.toHexString(random.nextLong());
        return JSON.writeValueAsString(Map.of("title", title, "outlet", "Bench Outlet " + random.nextInt(12),
                "url", "https://bench.example/" + id + "/" + System.nanoTime(), "body", body));
    }

    private String word(Random random) {
        return words.get(random.nextInt(words.size()));
    }

    private String salad(Random random, int count) {
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < count; w++) {
            s.append(w == 0 ? "" : " ").append(word(random));
        }
        return s.toString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
