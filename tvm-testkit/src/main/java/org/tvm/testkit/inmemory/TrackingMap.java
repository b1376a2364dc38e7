package org.tvm.testkit.inmemory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A working-copy map that remembers, per key touched since {@link #clearJournal()}, the value before the first touch
 * ({@link #ABSENT} if there was none): what the in-memory audit trigger diffs, without copying the whole map per write.
 */
final class TrackingMap<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;

    static final Object ABSENT = new Object();

    private final transient Map<K, Object> journal = new LinkedHashMap<>();

    TrackingMap(Map<K, V> source) {
        super(source);
    }

    @Override
    public V put(K key, V value) {
        if (!journal.containsKey(key)) {
            journal.put(key, containsKey(key) ? get(key) : ABSENT);
        }
        return super.put(key, value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        if (!journal.containsKey(key) && containsKey(key)) {
            journal.put((K) key, get(key));
        }
        return super.remove(key);
    }

    /** Keys touched since the last clear, each with its earlier value or {@link #ABSENT}; in touch order. */
    Map<K, Object> journal() {
        return journal;
    }

    void clearJournal() {
        journal.clear();
    }
}
