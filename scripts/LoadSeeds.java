import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the seed articles of seeds/manifest.json into a running ingest-service, each under a stable url,
 * so loading them twice stores nothing new. Run with the JDK alone: java scripts/LoadSeeds.java SEEDS_DIR INGEST_URL
 * with a bearer token in CLAIMDESK_TOKEN, or CLAIMDESK_AUTH_URL (web-ui's token endpoint) with
 * CLAIMDESK_USERNAME and CLAIMDESK_PASSWORD of an account with role ingest or admin.
 */
public class LoadSeeds {

    private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*\"file\"[^{}]*}");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "seeds");
        String ingest = args.length > 1 ? args[1] : "http://127.0.0.1:8081";
        String token = System.getenv("CLAIMDESK_TOKEN");
        if ((token == null || token.isBlank()) && System.getenv("CLAIMDESK_AUTH_URL") != null) {
            token = signIn(System.getenv("CLAIMDESK_AUTH_URL"), System.getenv("CLAIMDESK_USERNAME"), System.getenv("CLAIMDESK_PASSWORD"));
        }
        String manifest = Files.readString(dir.resolve("manifest.json"));
        List<String> items = new ArrayList<>();
        Matcher entry = ENTRY.matcher(manifest);
        while (entry.find()) {
            String e = entry.group();
            String file = field(e, "file");
            String body = Files.readString(dir.resolve(file));
            items.add("{\"title\":" + quote(field(e, "title")) + ",\"outlet\":" + quote(field(e, "outlet"))
                    + ",\"url\":" + quote("https://seeds.claimdesk.dev/" + file)
                    + ",\"publishedAt\":" + quote(field(e, "publishedAt"))
                    + ",\"language\":" + quote(field(e, "language"))
                    + ",\"format\":" + quote(field(e, "format"))
                    + ",\"body\":" + quote(body) + "}");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingest + "/api/articles/batch"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", items) + "]"));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println("Loading seeds failed: " + response.statusCode() + " " + response.body());
            System.exit(1);
        }
        Matcher statuses = Pattern.compile("\"status\"\\s*:\\s*(\\d+)").matcher(response.body());
        int created = 0, known = 0, failed = 0;
        while (statuses.find()) {
            switch (statuses.group(1)) {
                case "201" -> created++;
                case "200" -> known++;
                default -> failed++;
            }
        }
        System.out.printf("Seeds: %d stored, %d already there, %d failed%n", created, known, failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    private static String signIn(String authUrl, String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(authUrl)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}"))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return field(response.body(), "accessToken");
                }
                System.err.println("Signing in at " + authUrl + " failed: " + response.statusCode() + " " + response.body());
                if (response.statusCode() == 401) {
                    System.err.println("The admin account in web-ui's database (claimdesk_webui) has another password than ADMIN_PASSWORD"
                            + " in .run/secrets.env: the database outlived the secrets it was made with (another checkout, or a"
                            + " deleted .run). Put that password into .run/secrets.env, or drop the claimdesk_* databases to start afresh.");
                }
                System.exit(1);
            } catch (java.io.IOException e) {
                if (attempt == 30) {
                    throw e;
                }
                Thread.sleep(2000);
            }
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : null;
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
