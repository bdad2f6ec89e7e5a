package dev.claimdesk.claims.rest;

import dev.claimdesk.commons.problem.ProblemException;

import java.util.UUID;

/** Path ids: what is not a UUID names nothing, so it is a 404 like any unknown id. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, id);
        }
    }
}
