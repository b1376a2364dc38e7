package org.tvm.ports.query;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paged query.
 *
 * <p>{@code nextToken} is present if and only if at least one more item followed the last item of this page when the
 * page was read (adapters fetch {@code limit + 1} rows). Hence a page with fewer items than requested, and an empty page,
 * never has a next token, and a full page has one only if more items exist.
 *
 * @param items     non-null, unmodifiable copy, no null elements, at most the requested limit, in the query's order
 * @param nextToken non-null Optional; when present a non-blank token for {@link PageRequest#after(String, int)}
 * @param <T> item type
 */
public record Page<T>(List<T> items, Optional<String> nextToken) {

    /**
     * @throws NullPointerException     if items, an element or nextToken is null
     * @throws IllegalArgumentException if nextToken is present but blank, or present on an empty page
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(nextToken, "nextToken (use Optional.empty())");
        if (nextToken.isPresent()) {
            if (nextToken.get().isBlank()) {
                throw new IllegalArgumentException("nextToken must not be blank");
            }
            if (items.isEmpty()) {
                throw new IllegalArgumentException("an empty page cannot have a next token");
            }
        }
    }

    /**
     * @param items     non-null items
     * @param nextToken nullable token; null means this is the last page
     * @param <T>       item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, String nextToken) {
        return new Page<>(items, Optional.ofNullable(nextToken));
    }

    /**
     * @param items non-null items of the last page
     * @param <T>   item type
     * @return a page without next token
     */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    /**
     * @param <T> item type
     * @return an empty last page
     */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), Optional.empty());
    }

    /** @return true if a next page may hold items */
    public boolean hasNext() {
        return nextToken.isPresent();
    }

    /**
     * @param limit page size of the next request, {@code 1..PageRequest.MAX_LIMIT}
     * @return the request for the next page, or empty if this is the last page
     * @throws IllegalArgumentException if limit is out of range
     */
    public Optional<PageRequest> nextRequest(int limit) {
        PageRequest.checkLimit(limit);
        return nextToken.map(token -> PageRequest.after(token, limit));
    }
}
