package org.tvm.adapter.sql;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.tvm.ports.query.KeysetToken;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * Keyset paging for both SQL adapters (never OFFSET), so a token means the same in both: it is a {@link KeysetToken}
 * whose parts are the query (its name, then each filter argument as its own part) followed by the sort key of the last
 * row returned. Queries fetch {@code limit + 1} rows; the extra row only tells whether a next page exists.
 *
 * <p>Sort-key parts use canonical text ({@code Instant.toString()}, {@code UUID.toString()}, plain strings); the
 * parse helpers turn a part back and report a bad one as an invalid token.
 */
public final class Keyset {

    private Keyset() {
    }

    /**
     * @param request  the page request
     * @param query    non-empty list: the query name, then its filter arguments (e.g. {@code ["missions.byResident", id]})
     * @param keyParts number of sort-key parts the query encodes
     * @return the decoded sort key of the request's token, or null for the first page
     * @throws IllegalArgumentException if the token is invalid (garbled, edited, truncated) or belongs to another query
     *                                  or other filter arguments; the message never echoes the token
     */
    public static List<String> after(PageRequest request, List<String> query, int keyParts) {
        Objects.requireNonNull(request, "request");
        requireQuery(query);
        if (request.afterToken() == null) {
            return null;
        }
        List<String> parts = KeysetToken.decode(request.afterToken(), query.size() + keyParts);
        if (!parts.subList(0, query.size()).equals(query)) {
            throw new IllegalArgumentException("Invalid page token: it belongs to another query (or other filter "
                    + "arguments); pass back the nextToken of the previous page of the same query unchanged, or null "
                    + "for the first page");
        }
        return List.copyOf(parts.subList(query.size(), parts.size()));
    }

    /**
     * Builds the page from up to {@code limit + 1} fetched rows, mapping each row kept.
     *
     * @param keyOf the sort key of a row, in the order {@link #after} returns it
     */
    public static <R, T> Page<T> page(List<R> fetched, int limit, List<String> query, Function<R, List<String>> keyOf,
            Function<R, T> map) {
        requireQuery(query);
        boolean more = fetched.size() > limit;
        List<R> rows = more ? fetched.subList(0, limit) : fetched;
        List<T> items = new ArrayList<>(rows.size());
        for (R r : rows) {
            items.add(map.apply(r));
        }
        if (!more) {
            return Page.last(items);
        }
        return Page.of(items, token(query, keyOf.apply(rows.get(rows.size() - 1))));
    }

    /** {@link #page(List, int, List, Function, Function)} for rows that are already the items. */
    public static <T> Page<T> page(List<T> fetched, int limit, List<String> query, Function<T, List<String>> keyOf) {
        return page(fetched, limit, query, keyOf, Function.identity());
    }

    /** @return the token that resumes {@code query} after the row with sort key {@code key} */
    public static String token(List<String> query, List<String> key) {
        List<String> parts = new ArrayList<>(query);
        parts.addAll(key);
        return KeysetToken.encode(parts);
    }

    /** @return the instant of a sort-key part */
    public static Instant instant(String part) {
        try {
            return Instant.parse(part);
        } catch (DateTimeParseException e) {
            throw malformed(e);
        }
    }

    /** @return the UUID of a sort-key part */
    public static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw malformed(e);
        }
    }

    /** @return the long of a sort-key part */
    public static long longValue(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw malformed(e);
        }
    }

    /** The exception for a token that decoded but whose sort key does not parse. */
    public static IllegalArgumentException malformed(RuntimeException cause) {
        return new IllegalArgumentException("Invalid page token: malformed sort key", cause);
    }

    private static void requireQuery(List<String> query) {
        if (Objects.requireNonNull(query, "query").isEmpty()) {
            throw new IllegalArgumentException("a keyset query needs at least its name");
        }
    }
}
