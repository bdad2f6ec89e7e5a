package dev.claimdesk.webui.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Locale;

/**
 * Audit entries as a person reads them: one sentence each, saying who did what, with a link to what it concerns. The
 * desk's History and the admin's audit page both show entries this way; the raw record stays one click away.
 */
final class AuditLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditLines() {
    }

    /** One entry: when, the sentence, and where it leads (href null when nowhere). */
    public record Line(String at, String sentence, String href, String hrefText, String record) {
        public String atText() {
            return Pages.minute(at);
        }
    }

    /**
     * An entry of review-service's audit trail ({@code before} and {@code after} as the JSON text it stores), linked
     * to its verdict, or to its task when {@code linkTask}.
     */
    static Line ofReview(JsonNode e, boolean linkTask) {
        String actor = who(e.path("actor").asText());
        String reviewer = e.path("reviewer").asText("");
        JsonNode before = json(e.path("before").asText(""));
        JsonNode after = json(e.path("after").asText(""));
        String taskId = e.path("taskId").asText("");
        String stage = stage(after.path("stage").asText(before.path("stage").asText("")));
        String sentence = switch (e.path("action").asText()) {
            case "task.created" -> "The task was created, priority " + after.path("priority").asText() + ".";
            case "task.assigned" -> actor + " assigned the task to " + reviewer + (stage.isEmpty() ? "" : " for the " + stage) + ".";
            case "task.reassigned" -> actor + " reassigned the task from " + before.path("assignee").asText("nobody") + " to "
                    + reviewer + ".";
            case "task.overdue" -> "The task passed its due time" + (reviewer.isEmpty() ? "" : " with " + reviewer) + ".";
            case "review.submitted" -> reviewer + (after.has("rating") ? " rated it " + after.path("rating").asText() : " gave a rating")
                    + " at the " + stage(after.path("stage").asText()) + ".";
            case "task.second-review" -> "It went to a second, blind review.";
            case "task.escalated" -> "The ratings differed: it went to a senior reviewer.";
            case "verdict.published" -> actor + " published the verdict"
                    + (after.has("rating") ? ": " + after.path("rating").asText() : "") + ".";
            case "verdict.corrected" -> actor + " corrected the verdict to " + after.path("rating").asText() + " (version "
                    + after.path("version").asText() + "): " + after.path("reason").asText("") ;
            case "task.merged" -> "Its cluster was merged into another; the task " + (after.path("status").asText().equals("CANCELLED")
                    ? "closed, its claims reviewed with the other's" : "carries on for the merged cluster") + ".";
            case "task.reprioritised" -> "Its priority changed from " + before.path("priority").asText() + " to "
                    + after.path("priority").asText() + ".";
            case "task.claims-corrected" -> actor + " corrected its claims.";
            case "task.lead-changed" -> "The claim under review changed: its telling left the cluster.";
            case "reviewer.created" -> actor + " added reviewer " + reviewer + ".";
            case "reviewer.updated" -> actor + " changed reviewer " + reviewer + "'s profile.";
            default -> actor + ": " + e.path("action").asText() + ".";
        };
        String verdict = after.path("verdictId").asText("");
        String record = e.path("action").asText() + (taskId.isEmpty() ? "" : " · task " + taskId)
                + (before.isMissingNode() ? "" : " · before " + before) + (after.isMissingNode() ? "" : " · after " + after);
        if (!verdict.isEmpty()) {
            return new Line(e.path("at").asText(), sentence, "/verdicts/" + verdict + "/claimreview", "the verdict", record);
        }
        boolean linked = linkTask && !taskId.isEmpty();
        return new Line(e.path("at").asText(), sentence, linked ? "/desk/tasks/" + taskId : null, linked ? "the task" : null, record);
    }

    /** A reviewer's correction of a claim, as claims-service records it, linked to the claim's page of the task. */
    static Line ofCorrection(JsonNode c, String taskId) {
        String kind = c.path("kind").asText().toLowerCase(Locale.ROOT);
        String done = switch (kind) {
            case "edit" -> "corrected how the engine read a claim";
            case "dismiss" -> "dismissed a claim as not a claim";
            case "restore" -> "restored a dismissed claim";
            case "split" -> "split claims off the cluster";
            case "merge" -> "merged clusters";
            default -> kind + " a claim";
        };
        String reason = c.path("reason").asText("");
        String claimId = c.path("claimId").asText("");
        return new Line(c.path("at").asText(), who(c.path("actor").asText()) + " " + done + (reason.isEmpty() ? "." : ": " + reason),
                claimId.isEmpty() ? null : "/desk/tasks/" + taskId + "/claims/" + claimId, claimId.isEmpty() ? null : "the claim",
                "before " + c.path("before") + " after " + c.path("after"));
    }

    private static String who(String actor) {
        return actor.equals("system") ? "Routing" : actor;
    }

    private static String stage(String stage) {
        return switch (stage) {
            case "FIRST_REVIEW" -> "first review";
            case "SECOND_REVIEW" -> "second review";
            case "ESCALATED" -> "senior review";
            case "DONE" -> "end";
            default -> stage.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    static JsonNode json(String text) {
        try {
            return text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
