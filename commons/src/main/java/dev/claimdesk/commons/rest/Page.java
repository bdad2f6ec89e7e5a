package dev.claimdesk.commons.rest;

import dev.claimdesk.commons.problem.ProblemException;

import java.util.List;

/** The contract's page of results: {@code ?page=&size=} with size up to 1000. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 1000;
    public static final int DEFAULT_SIZE = 20;

    /** The requested page and size, defaults filled in, or a 400 problem when out of range. */
    public record Request(int page, int size) {
        public static Request of(Integer page, Integer size) {
            int p = page == null ? 0 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            if (p < 0 || s < 1 || s > MAX_SIZE) {
                throw ProblemException.badRequest("invalid-parameter", "Invalid paging",
                        "page must be 0 or more and size between 1 and " + MAX_SIZE);
            }
            return new Request(p, s);
        }
    }
}
