package dev.claimdesk.commons.security;

import java.util.List;

/** The roles of the contract (docs/api.md, Identity); JWTs carry them in the {@code groups} claim. */
public final class Roles {

    public static final String REVIEWER = "reviewer";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";
    public static final String INGEST = "ingest";

    public static final List<String> ALL = List.of(REVIEWER, EDITOR, ADMIN, INGEST);

    private Roles() {
    }
}
