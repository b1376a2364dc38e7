package org.tvm.adapter.mybatis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tvm.ports.query.KeysetToken;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

/**
 * Keyset paging (never OFFSET): the token holds a query tag (method + filter arguments) and the sort key of the last
 * row; queries fetch {@code limit + 1} rows to know whether a next page exists.
 */
final class Keyset {

    private Keyset() {
    }

    /** @return the decoded sort key, or null for the first page */
    static List<String> after(PageRequest page, String query, int keyParts) {
        if (page.isFirst()) {
            return null;
        }
        List<String> parts = KeysetToken.decode(page.afterToken(), keyParts + 1);
        if (!parts.get(0).equals(query)) {
            throw new IllegalArgumentException("Invalid page token: it belongs to another query; pass back the "
                    + "nextToken of the previous page of the same query unchanged, or null for the first page");
        }
        return parts.subList(1, parts.size());
    }

    static <R, T> Page<T> page(List<R> fetched, int limit, String query, Function<R, List<String>> key,
            Function<R, T> map) {
        boolean more = fetched.size() > limit;
        List<R> rows = more ? fetched.subList(0, limit) : fetched;
        List<T> items = new ArrayList<>(rows.size());
        for (R r : rows) {
            items.add(map.apply(r));
        }
        if (!more) {
            return Page.last(items);
        }
        List<String> parts = new ArrayList<>();
        parts.add(query);
        parts.addAll(key.apply(rows.get(rows.size() - 1)));
        return Page.of(items, KeysetToken.encode(parts));
    }
}
