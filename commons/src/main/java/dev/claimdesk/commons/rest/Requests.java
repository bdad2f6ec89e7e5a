package dev.claimdesk.commons.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimdesk.commons.problem.ProblemException;

import java.io.IOException;
import java.util.UUID;

/** What every resource reads the same way: ids in paths, and raw JSON bodies kept for Idempotency-Key checks. */
public final class Requests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    /** A path id: what is not a UUID names nothing, so it is a 404 like any unknown id. */
    public static UUID id(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what, id);
        }
    }

    /** The raw body as JSON (null when empty), or a 400; the raw bytes are what an Idempotency-Key is checked against. */
    public static JsonNode json(byte[] raw) {
        try {
            return raw == null || raw.length == 0 ? null : JSON.readTree(raw);
        } catch (IOException e) {
            throw ProblemException.badRequest("invalid-body", "Request body is not valid", "The body is not JSON: " + e.getMessage());
        }
    }
}
