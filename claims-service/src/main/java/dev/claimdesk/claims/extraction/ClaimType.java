package dev.claimdesk.claims.extraction;

/** The contract's claim types; see ../shared/eval/seeds-gold.json "types" for their definitions. */
public enum ClaimType { STATISTIC, MILITARY_ACTION, QUOTE, EVENT }
