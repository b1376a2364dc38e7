package org.tvm.ports.query;

import java.util.Objects;

/**
 * Which page of a keyset-paged query to read.
 *
 * @param afterToken nullable; null for the first page, otherwise the {@link Page#nextToken()} of the previous page of the
 *                   same query. Not validated here beyond being non-blank; a garbled or tampered token makes the query
 *                   method throw {@link IllegalArgumentException}
 * @param limit      maximum number of items, {@code 1..}{@value #MAX_LIMIT}
 */
public record PageRequest(String afterToken, int limit) {

    /** Largest accepted page size (and largest {@code limit} of every port method). */
    public static final int MAX_LIMIT = 1000;

    /**
     * @throws IllegalArgumentException if limit is outside {@code 1..MAX_LIMIT} or afterToken is blank
     */
    public PageRequest {
        checkLimit(limit);
        if (afterToken != null && afterToken.isBlank()) {
            throw new IllegalArgumentException("afterToken must be null (first page) or a non-blank page token");
        }
    }

    /**
     * @param limit maximum number of items, {@code 1..MAX_LIMIT}
     * @return a request for the first page
     * @throws IllegalArgumentException if limit is out of range
     */
    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }

    /**
     * @param afterToken non-null token of the previous page
     * @param limit      maximum number of items, {@code 1..MAX_LIMIT}
     * @return a request for the page after {@code afterToken}
     * @throws NullPointerException     if afterToken is null
     * @throws IllegalArgumentException if limit is out of range or the token is blank
     */
    public static PageRequest after(String afterToken, int limit) {
        return new PageRequest(Objects.requireNonNull(afterToken, "afterToken"), limit);
    }

    /** @return true if this requests the first page */
    public boolean isFirst() {
        return afterToken == null;
    }

    /**
     * Validates a {@code limit} argument of a port method.
     *
     * @param limit the value to check
     * @return {@code limit}
     * @throws IllegalArgumentException if limit is outside {@code 1..MAX_LIMIT}
     */
    public static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (was " + limit + ")");
        }
        return limit;
    }
}
