package org.tvm.domain.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tvm.domain.DomainValidationException;

/**
 * An immutable, validated JSON object: the type of every {@code details} document (mission events, vehicle logs,
 * audit entries). Members keep insertion order; equality ignores order (as PostgreSQL {@code jsonb} does, which
 * re-orders keys). Values may be any {@link JsonValue}: numbers, booleans, arrays, nested objects, null.
 *
 * <p>Limits, checked when a document is built so an oversized or hostile document never reaches SQL:
 * nesting at most {@link #MAX_DEPTH} containers deep and at most {@link #MAX_LENGTH} characters as compact JSON.
 */
public final class JsonObject implements JsonValue {

    /** Containers (objects and arrays) nested inside each other, the outermost object counting as 1. */
    public static final int MAX_DEPTH = 16;
    /** Characters of the compact JSON text. */
    public static final int MAX_LENGTH = 65_536;

    private static final JsonObject EMPTY = new JsonObject(Map.of());

    private final Map<String, JsonValue> members;

    private JsonObject(Map<String, JsonValue> members) {
        this.members = members;
    }

    public static JsonObject empty() {
        return EMPTY;
    }

    /**
     * Builds a document from plain Java values (see {@link JsonValue#from(Object)}); errors name
     * {@code JsonObject.value}.
     *
     * @throws DomainValidationException if a key is null, a value is not JSON, or a limit is exceeded
     */
    public static JsonObject of(Map<String, ?> members) {
        return of(members, "JsonObject", "value");
    }

    /**
     * Same as {@link #of(Map)} but errors name the owning field, e.g. {@code MissionEvent.details}. A null map is the
     * empty document.
     */
    public static JsonObject of(Map<String, ?> members, String entity, String field) {
        if (members == null || members.isEmpty()) {
            return EMPTY;
        }
        JsonObject built;
        try {
            built = fromMap(members);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DomainValidationException(entity, field, "must be a JSON object: " + e.getMessage());
        }
        return validated(built, entity, field);
    }

    /**
     * Checks a document built elsewhere (e.g. parsed by an adapter) against the limits, naming the owning field.
     *
     * @return {@code document}, or the empty document for null
     * @throws DomainValidationException if nesting or length exceed the limits
     */
    public static JsonObject validated(JsonObject document, String entity, String field) {
        if (document == null) {
            return EMPTY;
        }
        int depth = depth(document);
        if (depth > MAX_DEPTH) {
            throw new DomainValidationException(entity, field, "must nest at most " + MAX_DEPTH + " levels (was " + depth + ")");
        }
        int length = document.toJson().length();
        if (length > MAX_LENGTH) {
            throw new DomainValidationException(entity, field,
                    "must be at most " + MAX_LENGTH + " characters as JSON (was " + length + ")");
        }
        return document;
    }

    static JsonObject fromMap(Map<?, ?> map) {
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("keys must be non-null strings");
            }
            if (key.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("keys must not contain U+0000");
            }
            copy.put(key, JsonValue.from(e.getValue()));
        }
        return copy.isEmpty() ? EMPTY : new JsonObject(Collections.unmodifiableMap(copy));
    }

    private static int depth(JsonValue v) {
        int inner = 0;
        if (v instanceof JsonObject o) {
            for (JsonValue m : o.members.values()) {
                inner = Math.max(inner, depth(m));
            }
            return inner + 1;
        }
        if (v instanceof Array a) {
            for (JsonValue m : a.items()) {
                inner = Math.max(inner, depth(m));
            }
            return inner + 1;
        }
        return 0;
    }

    /** Unmodifiable members in insertion order. */
    public Map<String, JsonValue> members() {
        return members;
    }

    public Optional<JsonValue> get(String key) {
        return Optional.ofNullable(members.get(key));
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /**
     * Flat text view for callers written when details were string maps: a string member as its text, any other
     * member as its compact JSON ({@code 2}, {@code true}, {@code [1,2]}, {@code {"a":1}}, {@code null}).
     * Unmodifiable, insertion order.
     */
    public Map<String, String> asText() {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        members.forEach((k, v) -> out.put(k, v instanceof Text t ? t.value() : v.toJson()));
        return Collections.unmodifiableMap(out);
    }

    /** Members equal, order ignored. */
    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject j && members.equals(j.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    /** Keys only: values may be free text about a resident. */
    @Override
    public String toString() {
        return "JsonObject" + members.keySet();
    }
}
