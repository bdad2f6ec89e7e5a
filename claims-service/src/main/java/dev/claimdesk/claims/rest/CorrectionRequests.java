package dev.claimdesk.claims.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimdesk.claims.extraction.Quantity;
import dev.claimdesk.claims.service.Corrections;
import dev.claimdesk.commons.problem.ProblemException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads and checks reviewers' correction bodies: a clear 400 for anything the contract does not allow. */
final class CorrectionRequests {

    static final Set<String> TYPES = Set.of("STATISTIC", "MILITARY_ACTION", "QUOTE", "EVENT");
    private static final Set<String> FIELDS = Set.of("type", "quantity", "speaker", "places", "status", "reason");
    private static final int MAX_TEXT = 500;
    private static final int MAX_PLACES = 50;
    private static final int MAX_IDS = 1000;

    private CorrectionRequests() {
    }

    static Corrections.ClaimEdit claimEdit(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw invalid("The body is a JSON object with at least one of " + FIELDS);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw invalid("Unknown field " + name + "; a correction may change " + FIELDS);
            }
        }
        String type = text(body, "type");
        if (type != null && !TYPES.contains(type)) {
            throw invalid("type must be one of " + TYPES);
        }
        String status = text(body, "status");
        if (status != null && !status.equals("DISMISSED") && !status.equals("PENDING")) {
            throw invalid("status may be DISMISSED (not a claim) or PENDING (restore a dismissed claim)");
        }
        String reason = text(body, "reason");
        if ("DISMISSED".equals(status) && (reason == null || reason.isBlank())) {
            throw invalid("Dismissing a claim needs a reason");
        }
        Quantity quantity = body.has("quantity") ? quantity(body.get("quantity")) : null;
        boolean clearSpeaker = body.has("speaker") && body.get("speaker").isNull();
        String speaker = clearSpeaker ? null : text(body, "speaker");
        List<String> places = null;
        if (body.has("places")) {
            JsonNode node = body.get("places");
            if (!node.isArray() || node.size() > MAX_PLACES) {
                throw invalid("places is an array of at most " + MAX_PLACES + " names");
            }
            places = new ArrayList<>();
            for (JsonNode place : node) {
                if (!place.isTextual() || place.asText().isBlank() || place.asText().length() > MAX_TEXT) {
                    throw invalid("each place is a non-empty name of at most " + MAX_TEXT + " characters");
                }
                places.add(place.asText().strip());
            }
        }
        return new Corrections.ClaimEdit(type, quantity, speaker, clearSpeaker, places, status, reason);
    }

    static List<UUID> ids(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_IDS) {
            throw invalid(field + " is a non-empty array of at most " + MAX_IDS + " ids");
        }
        List<UUID> ids = new ArrayList<>();
        for (JsonNode id : node) {
            try {
                ids.add(UUID.fromString(id.asText()));
            } catch (IllegalArgumentException e) {
                throw invalid(field + " holds " + id + ", which is not an id");
            }
        }
        return ids;
    }

    static String reason(JsonNode body) {
        return body == null ? null : text(body, "reason");
    }

    private static Quantity quantity(JsonNode q) {
        if (q == null || !q.isObject() || !q.path("value").isNumber()) {
            throw invalid("quantity is an object with a numeric value");
        }
        Quantity.Qualifier qualifier;
        try {
            qualifier = Quantity.Qualifier.valueOf(q.path("qualifier").asText("EXACT"));
        } catch (IllegalArgumentException e) {
            throw invalid("quantity.qualifier must be one of " + List.of(Quantity.Qualifier.values()));
        }
        Double low = number(q, "low");
        Double high = number(q, "high");
        double value = q.get("value").asDouble();
        if (!Double.isFinite(value) || (low != null && high != null && low > high)) {
            throw invalid("quantity.value must be finite and low no more than high");
        }
        if (qualifier == Quantity.Qualifier.BETWEEN && (low == null || high == null)) {
            throw invalid("a BETWEEN quantity needs low and high");
        }
        return new Quantity(value, low, high, qualifier, text(q, "unit"), text(q, "subject"), null, 0, 0);
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw invalid("quantity." + field + " must be a number");
        }
        return v.asDouble();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().length() > MAX_TEXT) {
            throw invalid(field + " must be text of at most " + MAX_TEXT + " characters");
        }
        return v.asText();
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-correction", "Invalid correction", detail);
    }
}
