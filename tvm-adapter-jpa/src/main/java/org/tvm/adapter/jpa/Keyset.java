package org.tvm.adapter.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tvm.ports.query.KeysetToken;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * Keyset paging: a token holds the query's prefix (name and filter arguments) and the sort key of the last item
 * returned. Queries fetch {@code limit + 1} rows; the extra row only tells whether a next page exists. No OFFSET.
 */
final class Keyset {

    private Keyset() {
    }

    /**
     * @return the decoded sort key of the request's token, or null for the first page
     * @throws IllegalArgumentException if the token is invalid or belongs to another query
     */
    static List<String> after(PageRequest request, List<String> prefix, int keyParts) {
        if (request.afterToken() == null) {
            return null;
        }
        List<String> parts = KeysetToken.decode(request.afterToken(), prefix.size() + keyParts);
        if (!parts.subList(0, prefix.size()).equals(prefix)) {
            throw new IllegalArgumentException("Invalid page token: it belongs to another query (or other filter "
                    + "arguments); pass back the nextToken of the previous page of the same query");
        }
        return List.copyOf(parts.subList(prefix.size(), parts.size()));
    }

    /** Builds the page from up to {@code limit + 1} fetched rows. */
    static <T> Page<T> page(List<T> fetched, int limit, List<String> prefix, Function<T, List<String>> keyOf) {
        if (fetched.size() <= limit) {
            return Page.last(fetched);
        }
        List<T> items = new ArrayList<>(fetched.subList(0, limit));
        List<String> token = new ArrayList<>(prefix);
        token.addAll(keyOf.apply(items.get(items.size() - 1)));
        return Page.of(items, KeysetToken.encode(token));
    }

    static IllegalArgumentException malformed(RuntimeException cause) {
        return new IllegalArgumentException("Invalid page token: malformed sort key", cause);
    }
}
