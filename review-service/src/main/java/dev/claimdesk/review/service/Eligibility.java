package dev.claimdesk.review.service;

/**
 * Who may take a task, as SQL over a task row {@code t} and a reviewer row {@code r}: the one rule {@link Routing}
 * assigns by and {@link Waiting} explains by.
 */
final class Eligibility {

    /** By role and language, before who rated it and before load. */
    static final String CAN_TAKE = "r.active AND (CASE WHEN t.stage = 'ESCALATED' THEN r.senior ELSE t.skill = ANY(r.skills) END)"
            + " AND (t.language IS NULL OR cardinality(r.languages) = 0 OR t.language = ANY(r.languages))";
    /** Not one of the reviewers who rated it already. */
    static final String NOT_RATED = "r.username IS DISTINCT FROM t.first_reviewer AND r.username IS DISTINCT FROM t.second_reviewer";
    /** The reviewer's open tasks: the database's own count, kept by a trigger on the task table. */
    static final String HELD = "(SELECT coalesce(sum(l.open_tasks), 0) FROM reviewer_load l WHERE l.username = r.username)";
    /** Below capacity now. */
    static final String HAS_ROOM = HELD + " < r.capacity";

    private Eligibility() {
    }
}
