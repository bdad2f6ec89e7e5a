package dev.claimdesk.ingest.text;

/** What a removed piece of a page was, as the contract names it. */
public enum RemovedKind {
    TEMPLATE, PROMO, APPEAL, CAPTION, CREDIT, RELATED, COMMENT_FORM, STAMP, NAVIGATION, LEGAL, OTHER
}
