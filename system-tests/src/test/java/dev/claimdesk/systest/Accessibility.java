package dev.claimdesk.systest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core, injected into the page the browser shows, as the accessibility check of the pages reviewers work in.
 * test.sh installs the pinned axe-core from the npm registry; CLAIMDESK_TEST_AXE names its axe.min.js.
 */
final class Accessibility {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Accessibility() {
    }

    /** The serious and critical violations on the current page, each as "rule: help (target)". */
    static List<String> seriousViolations(WebDriver browser) throws Exception {
        String axe = Files.readString(Path.of(Env.get("CLAIMDESK_TEST_AXE")));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axe);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        String result = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)))"
                + ".catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));");
        List<String> serious = new ArrayList<>();
        for (JsonNode v : JSON.readTree(result)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                v.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(v.path("id").asText() + ": " + v.path("help").asText() + " " + targets);
            }
        }
        return serious;
    }

    /**
     * What sticks out past the window's right edge, which a 390 px phone would have to scroll sideways for: the
     * outermost such elements, as tag#id.class, none when the page fits.
     */
    @SuppressWarnings("unchecked")
    static List<String> wideElements(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const width = document.documentElement.clientWidth;
                const wide = [];
                for (const el of document.body.querySelectorAll('*')) {
                  const box = el.getBoundingClientRect();
                  if (box.right > width + 1 && box.width > 0 && !wide.some(w => w.contains(el))) wide.push(el);
                }
                return wide.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : ''));""");
    }
}
