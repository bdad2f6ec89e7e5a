package dev.claimdesk.commons.problem;

/** Thrown by resources and services to answer with a problem response; nothing is stored when it escapes a transaction. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(Problem.of(status, slug, title, detail));
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(400, slug, title, detail);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " not found", what + " " + id + " does not exist");
    }
}
