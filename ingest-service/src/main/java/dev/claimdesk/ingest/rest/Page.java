package dev.claimdesk.ingest.rest;

import java.util.List;

/** The contract's page of results. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
