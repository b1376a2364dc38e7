package org.tvm.testkit.inmemory;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable, append-only list whose {@link #plus} shares every full chunk with the original, so appending k rows to
 * a list of n costs O(k + n / CHUNK) instead of O(n). Committed tenants share these lists with their working copies;
 * being immutable they are safely published with the snapshot.
 */
final class Rows<T> extends AbstractList<T> implements RandomAccess {

    static final int CHUNK = 512;

    private static final Rows<?> EMPTY = new Rows<>(new Object[0][], 0);

    /** Every chunk but the last holds exactly CHUNK rows; chunks are never written after construction. */
    private final Object[][] chunks;
    private final int size;

    private Rows(Object[][] chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <T> Rows<T> empty() {
        return (Rows<T>) EMPTY;
    }

    static <T> Rows<T> of(List<? extends T> rows) {
        return Rows.<T>empty().plus(rows);
    }

    /** @return a new list holding this list's rows followed by {@code rows} */
    Rows<T> plus(List<? extends T> rows) {
        if (rows.isEmpty()) {
            return this;
        }
        int newSize = size + rows.size();
        int chunkCount = (newSize + CHUNK - 1) / CHUNK;
        Object[][] next = Arrays.copyOf(chunks, chunkCount);
        int i = size;
        for (T row : rows) {
            int c = i / CHUNK;
            int o = i % CHUNK;
            if (o == 0 || c < chunks.length && next[c] == chunks[c]) {
                // a fresh chunk, or the partly filled last chunk (copied: the original still shares it)
                Object[] chunk = new Object[Math.min(CHUNK, newSize - c * CHUNK)];
                if (o != 0) {
                    System.arraycopy(chunks[c], 0, chunk, 0, o);
                }
                next[c] = chunk;
            }
            next[c][o] = row;
            i++;
        }
        return new Rows<>(next, newSize);
    }

    /** @return a new list holding this list's rows followed by {@code row} */
    Rows<T> plus(T row) {
        return plus(List.of(row));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (T) chunks[index / CHUNK][index % CHUNK];
    }

    @Override
    public int size() {
        return size;
    }
}
