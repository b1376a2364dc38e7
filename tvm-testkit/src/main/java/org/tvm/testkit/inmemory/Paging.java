package org.tvm.testkit.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.tvm.ports.query.Orderings;
import org.tvm.ports.query.KeysetToken;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * Keyset paging over an already sorted list. A token holds the query's prefix (discriminator and filter arguments) and
 * the sort key of the last item returned; the next page holds the items strictly after that key.
 */
final class Paging {

    /** Compares an item with a decoded sort key, in the query's order (negative: item comes before the key). */
    interface KeyComparator<T> {
        int compare(T item, List<String> key);
    }

    private Paging() {
    }

    static <T> Page<T> page(List<T> sorted, PageRequest request, List<String> prefix, int keyParts,
            Function<T, List<String>> keyOf, KeyComparator<T> comparator) {
        List<T> rest = sorted;
        if (request.afterToken() != null) {
            List<String> parts = KeysetToken.decode(request.afterToken(), prefix.size() + keyParts);
            if (!parts.subList(0, prefix.size()).equals(prefix)) {
                throw new IllegalArgumentException("Invalid page token: it belongs to another query (or other filter "
                        + "arguments); pass back the nextToken of the previous page of the same query");
            }
            List<String> key = parts.subList(prefix.size(), parts.size());
            rest = new ArrayList<>();
            try {
                for (T item : sorted) {
                    if (comparator.compare(item, key) > 0) {
                        rest.add(item);
                    }
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid page token: malformed sort key", e);
            }
        }
        int limit = request.limit();
        if (rest.size() <= limit) {
            return Page.last(rest);
        }
        List<T> items = new ArrayList<>(rest.subList(0, limit));
        List<String> token = new ArrayList<>(prefix);
        token.addAll(keyOf.apply(items.get(items.size() - 1)));
        return Page.of(items, KeysetToken.encode(token));
    }

    static int text(String a, String b) {
        return Orderings.compareText(a, b);
    }

    static int uuid(UUID a, String b) {
        return Orderings.compareUuid(a, UUID.fromString(b));
    }

    static int instant(Instant a, String b) {
        return a.compareTo(Instant.parse(b));
    }

    static int seq(long a, String b) {
        return Long.compare(a, Long.parseLong(b));
    }
}
