package dev.claimdesk.ingest.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies for tests; every article gets a url of its own unless the test says otherwise. */
public final class Articles {

    private Articles() {
    }

    public static Map<String, Object> text(String title, String body) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("outlet", "Test Outlet");
        article.put("url", uniqueUrl());
        article.put("publishedAt", "2022-03-29T12:00:00Z");
        article.put("body", body);
        return article;
    }

    public static String uniqueUrl() {
        return "https://news.example/" + UUID.randomUUID();
    }

    /** A plain article body that shares no run of three words with any other this method makes. */
    public static String uniqueBody() {
        return "Officials in " + word() + " " + word() + " said on " + word() + " that 120 " + word() + " families "
                + word() + " had been moved to " + word() + " shelters.\n\n"
                + "The " + word() + " governor " + word() + " told " + word() + " reporters the " + word() + " evacuation "
                + word() + " would " + word() + " last at " + word() + " least a " + word() + " week.\n\n"
                + "\"We " + word() + " are doing " + word() + " everything " + word() + " we can,\" the " + word() + " governor said.";
    }

    private static String word() {
        return "w" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    }
}
