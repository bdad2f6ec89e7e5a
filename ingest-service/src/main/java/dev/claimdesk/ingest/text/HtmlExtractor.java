package dev.claimdesk.ingest.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Turns an HTML page into the lines of its article body, reporting the page furniture it drops. */
public final class HtmlExtractor {

    /** Lines of the article body (blank lines between blocks) and what was taken out of the page. */
    public record Extracted(List<String> lines, List<Removed> removed) {
    }

    private static final String SILENT = "script, style, noscript, template, iframe, svg, canvas, button, input, select, textarea, "
            + "link, meta, object, embed";
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
            "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "header", "figure",
            "hr", "address", "details", "summary",
            // a date stamp is a line of its own, not the end of the byline beside it
            "time");

    public Extracted extract(String html) {
        Document doc = Jsoup.parse(html);
        List<Removed> removed = new ArrayList<>();
        doc.select(SILENT).remove();
        drop(doc, "nav, [role=navigation], .breadcrumb, .breadcrumbs", RemovedKind.NAVIGATION, "html-navigation", removed);
        drop(doc, "aside, [role=complementary], .related, .related-articles", RemovedKind.RELATED, "html-aside", removed);
        drop(doc, "form, .comments, #comments", RemovedKind.COMMENT_FORM, "html-form", removed);
        drop(doc, "figcaption, .caption, .wp-caption-text", RemovedKind.CAPTION, "html-figcaption", removed);
        drop(doc, ".share, .shares, .sharing, .share-tools, .share-buttons, .social-share, .social-links",
                RemovedKind.PROMO, "html-share-tools", removed);
        drop(doc, ".kicker, .eyebrow, .overline, .breadcrumb-label", RemovedKind.NAVIGATION, "html-kicker", removed);
        drop(doc, "footer, [role=contentinfo]", RemovedKind.OTHER, "html-footer", removed);
        for (Element header : doc.select("header, [role=banner]")) {
            if (header.closest("article, main") == null) {
                record(header, RemovedKind.NAVIGATION, "html-site-header", removed);
                header.remove();
            }
        }
        Element root = body(doc);
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element) {
                    if (element.nameIs("br")) {
                        text.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        text.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }
        }, root);
        List<String> lines = new ArrayList<>();
        boolean lastBlank = true;
        for (String line : Arrays.asList(text.toString().split("\n"))) {
            String normalised = line.replace('\u00a0', ' ').replaceAll("[ \\t]+", " ").strip();
            if (normalised.isEmpty()) {
                if (!lastBlank) {
                    lines.add("");
                }
                lastBlank = true;
            } else {
                lines.add(normalised);
                lastBlank = false;
            }
        }
        return new Extracted(lines, removed);
    }

    /** The article element with the most text, else main, else the body. */
    private static Element body(Document doc) {
        Element best = null;
        for (Element article : doc.select("article")) {
            if (best == null || article.text().length() > best.text().length()) {
                best = article;
            }
        }
        if (best == null) {
            best = doc.selectFirst("main, [role=main]");
        }
        return best != null ? best : doc.body();
    }

    private static void drop(Document doc, String selector, RemovedKind kind, String rule, List<Removed> removed) {
        for (Element element : doc.select(selector)) {
            if (element.parent() != null) {
                record(element, kind, rule, removed);
                element.remove();
            }
        }
    }

    private static void record(Element element, RemovedKind kind, String rule, List<Removed> removed) {
        String text = element.text().strip();
        if (!text.isEmpty()) {
            removed.add(new Removed(text, kind, rule));
        }
    }
}
