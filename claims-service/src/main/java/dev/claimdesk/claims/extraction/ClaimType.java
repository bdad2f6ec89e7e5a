package dev.claimdesk.claims.extraction;

/** The contract's claim types (docs/api.md); eval/seeds-gold.json "types" defines each with examples. */
public enum ClaimType { STATISTIC, MILITARY_ACTION, QUOTE, EVENT }
