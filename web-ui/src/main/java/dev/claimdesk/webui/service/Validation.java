package dev.claimdesk.webui.service;

import dev.claimdesk.commons.problem.Problem;
import dev.claimdesk.commons.problem.ProblemException;
import dev.claimdesk.commons.security.Roles;

import java.util.List;
import java.util.Set;

/** 400 problems for invalid fields of the identity APIs. */
final class Validation {

    private Validation() {
    }

    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw invalid(List.of(new Problem.FieldError(field, message)));
        }
    }

    static void roles(Set<String> roles) {
        require(roles != null && !roles.isEmpty() && Roles.ALL.containsAll(roles), "roles",
                "one or more of " + Roles.ALL);
    }

    static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(400, "invalid-field", "Request body is not valid",
                errors.size() == 1 ? errors.getFirst().field() + " " + errors.getFirst().message()
                        : errors.size() + " fields are not valid").withErrors(errors));
    }
}
