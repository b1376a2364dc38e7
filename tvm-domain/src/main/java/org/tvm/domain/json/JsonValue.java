package org.tvm.domain.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One immutable JSON value (RFC 8259): an object, array, string, number, boolean or null. Every instance is valid by
 * construction: strings never hold U+0000 (PostgreSQL {@code jsonb} refuses it), numbers are finite, and a document
 * built through {@link JsonObject} stays inside {@link JsonObject#MAX_DEPTH} and {@link JsonObject#MAX_LENGTH}.
 *
 * <p>Pure JDK on purpose: the domain keeps no JSON library; adapters parse and print with theirs and build these types.
 * {@link #toJson()} prints compact JSON, used for size limits, the flat text view and log-free debugging.
 */
public sealed interface JsonValue permits JsonObject, JsonValue.Array, JsonValue.Text, JsonValue.Num,
        JsonValue.Bool, JsonValue.Null {

    /** Compact JSON text (no insignificant whitespace), members in insertion order. */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        JsonText.write(this, out);
        return out.toString();
    }

    /** A JSON string. */
    record Text(String value) implements JsonValue {
        public Text {
            Objects.requireNonNull(value, "value");
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("JSON text must not contain U+0000");
            }
        }
    }

    /**
     * A JSON number, kept exactly as a {@link BigDecimal}. Equality is numeric ({@code 2}, {@code 2.0} and
     * {@code 2E0} are equal), because PostgreSQL's {@code jsonb} may print a number differently than it was written.
     */
    record Num(BigDecimal value) implements JsonValue {
        public Num {
            Objects.requireNonNull(value, "value");
        }

        public static Num of(long value) {
            return new Num(BigDecimal.valueOf(value));
        }

        /** @throws IllegalArgumentException for NaN or infinity, which JSON cannot express */
        public static Num of(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("JSON numbers must be finite");
            }
            return new Num(BigDecimal.valueOf(value));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Num n && value.compareTo(n.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
        }
    }

    /** A JSON boolean. */
    record Bool(boolean value) implements JsonValue {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);
    }

    /** JSON null. */
    record Null() implements JsonValue {
        public static final Null INSTANCE = new Null();
    }

    /** A JSON array: an immutable list of non-null values (JSON null is {@link Null}). */
    record Array(List<JsonValue> items) implements JsonValue {
        public Array {
            items = List.copyOf(items);
        }
    }

    /**
     * Converts a plain Java value: {@link JsonValue} as is; {@code null}; {@link String}; {@link Boolean};
     * {@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link BigInteger}, {@link BigDecimal}, finite
     * {@link Double}/{@link Float}; {@link java.util.Map} with string keys (to {@link JsonObject}); any
     * {@link Iterable} (to {@link Array}).
     *
     * @throws IllegalArgumentException for any other type, a non-string key, NaN/infinity or U+0000 in text
     */
    static JsonValue from(Object value) {
        if (value == null) {
            return Null.INSTANCE;
        }
        if (value instanceof JsonValue v) {
            return v;
        }
        if (value instanceof String s) {
            return new Text(s);
        }
        if (value instanceof Boolean b) {
            return b ? Bool.TRUE : Bool.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Num.of(((Number) value).longValue());
        }
        if (value instanceof BigInteger i) {
            return new Num(new BigDecimal(i));
        }
        if (value instanceof BigDecimal d) {
            return new Num(d);
        }
        if (value instanceof Double || value instanceof Float) {
            return Num.of(((Number) value).doubleValue());
        }
        if (value instanceof java.util.Map<?, ?> m) {
            return JsonObject.fromMap(m);
        }
        if (value instanceof Iterable<?> it) {
            List<JsonValue> items = new ArrayList<>();
            for (Object o : it) {
                items.add(from(o));
            }
            return new Array(Collections.unmodifiableList(items));
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
    }
}
