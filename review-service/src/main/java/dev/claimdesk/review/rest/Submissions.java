package dev.claimdesk.review.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.review.ClaimRating;
import dev.claimdesk.review.Source;
import dev.claimdesk.review.service.Reviews;

import java.util.ArrayList;
import java.util.List;

/** Reads the contract's verdict body strictly: a field of the wrong kind is a 400, not a silent default. */
final class Submissions {

    private Submissions() {
    }

    static Reviews.Submission of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("The body is a JSON object with rating, explanation and sources");
        }
        return new Reviews.Submission(text(body, "rating"), text(body, "explanation"), sources(body.get("sources")),
                claimRatings(body.get("claimRatings")));
    }

    private static List<ClaimRating> claimRatings(JsonNode ratings) {
        if (ratings == null || ratings.isNull()) {
            return List.of();
        }
        if (!ratings.isArray()) {
            throw invalid("claimRatings is an array of {claimId, rating}");
        }
        List<ClaimRating> list = new ArrayList<>();
        for (JsonNode r : ratings) {
            if (!r.isObject()) {
                throw invalid("each of claimRatings is an object {claimId, rating}");
            }
            list.add(new ClaimRating(uuid(r, "claimId", "claimId is the id of a claim of the task"), text(r, "rating")));
        }
        return list;
    }

    static long version(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw invalid(field + " is the version you are acting on, a whole number");
        }
        return v.asLong();
    }

    /** The claim the reviewer rated, as the task named it in leadClaimId; absent for clients that send none. */
    static java.util.UUID claimId(JsonNode body) {
        return uuid(body, "claimId", "claimId is the id of the claim the task leads with (leadClaimId)");
    }

    private static java.util.UUID uuid(JsonNode body, String field, String detail) {
        String id = text(body, field);
        try {
            return id == null ? null : java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw invalid(detail);
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(field + " is a string");
        }
        return v.asText();
    }

    private static List<Source> sources(JsonNode sources) {
        if (sources == null || sources.isNull()) {
            return null;
        }
        if (!sources.isArray()) {
            throw invalid("sources is an array of {url, excerpt}");
        }
        List<Source> list = new ArrayList<>();
        for (JsonNode s : sources) {
            if (!s.isObject()) {
                throw invalid("each source is an object {url, excerpt}");
            }
            String excerpt = text(s, "excerpt");
            if (excerpt != null && excerpt.length() > 2000) {
                throw invalid("an excerpt has at most 2000 characters");
            }
            list.add(new Source(text(s, "url"), excerpt));
        }
        return list;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-field", "Request body is not valid", detail);
    }
}
