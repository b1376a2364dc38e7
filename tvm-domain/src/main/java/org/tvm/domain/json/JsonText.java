package org.tvm.domain.json;

import java.util.Iterator;
import java.util.Map;

/** Compact JSON printing (RFC 8259 escaping). Package-private: callers use {@link JsonValue#toJson()}. */
final class JsonText {

    private JsonText() {
    }

    static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonObject o) {
            out.append('{');
            Iterator<Map.Entry<String, JsonValue>> it = o.members().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonValue> e = it.next();
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof JsonValue.Array a) {
            out.append('[');
            for (int i = 0; i < a.items().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(a.items().get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonValue.Text t) {
            string(t.value(), out);
        } else if (value instanceof JsonValue.Num n) {
            out.append(n.value().toString());
        } else if (value instanceof JsonValue.Bool b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
