package org.tvm.adapter.sql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tvm.domain.json.JsonObject;
import org.tvm.domain.json.JsonValue;

/**
 * The one JSON codec of {@code details} columns ({@code mission_events}, {@code vehicle_logs}, {@code audit_logs}) for
 * both SQL adapters: domain {@link JsonObject} to JSON text and back, with Jackson. Numbers stay exact
 * ({@link java.math.BigDecimal}, never {@code double}), so {@code {"retry_count": 2}} comes back as the number 2.
 * Thread-safe.
 */
public final class JsonDetailsCodec {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonDetailsCodec() {
    }

    /** @return compact JSON text of {@code document}; {@code null} for null */
    public static String write(JsonObject document) {
        if (document == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            write(document, g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a details document", e);
        }
        return out.toString();
    }

    /** @return compact JSON text of any value (arrays, scalars); {@code null} for null */
    public static String writeValue(JsonValue value) {
        if (value == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            write(value, g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON value", e);
        }
        return out.toString();
    }

    /**
     * Reads any stored JSON value (objects, arrays, scalars); SQL {@code NULL} reads as JSON null.
     *
     * @throws IllegalStateException if the text is not JSON (the message never carries the text)
     */
    public static JsonValue readValue(String json) {
        if (json == null) {
            return JsonValue.Null.INSTANCE;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node == null || node.isMissingNode() ? JsonValue.Null.INSTANCE : toDomain(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not valid (parser message withheld)");
        }
    }

    /**
     * Reads a stored document. SQL {@code NULL} and JSON {@code null} read as the empty document.
     *
     * @throws IllegalStateException if the text is not a JSON object (the message never carries the text)
     */
    public static JsonObject read(String json) {
        if (json == null) {
            return JsonObject.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored details are not valid JSON (" + e.getOriginalMessage().length()
                    + "-character parser message withheld)");
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonObject.empty();
        }
        if (!node.isObject()) {
            throw new IllegalStateException("stored details are a JSON " + node.getNodeType() + ", not an object");
        }
        return (JsonObject) toDomain(node);
    }

    private static JsonValue toDomain(JsonNode n) {
        if (n.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                members.put(e.getKey(), toDomain(e.getValue()));
            }
            return JsonObject.of(members);
        }
        if (n.isArray()) {
            List<JsonValue> items = new ArrayList<>(n.size());
            n.forEach(item -> items.add(toDomain(item)));
            return new JsonValue.Array(items);
        }
        if (n.isNumber()) {
            return new JsonValue.Num(n.decimalValue());
        }
        if (n.isTextual()) {
            return new JsonValue.Text(n.textValue());
        }
        if (n.isBoolean()) {
            return n.booleanValue() ? JsonValue.Bool.TRUE : JsonValue.Bool.FALSE;
        }
        return JsonValue.Null.INSTANCE;
    }

    private static void write(JsonValue v, JsonGenerator g) throws IOException {
        if (v instanceof JsonObject o) {
            g.writeStartObject();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                g.writeFieldName(e.getKey());
                write(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (v instanceof JsonValue.Array a) {
            g.writeStartArray();
            for (JsonValue item : a.items()) {
                write(item, g);
            }
            g.writeEndArray();
        } else if (v instanceof JsonValue.Text t) {
            g.writeString(t.value());
        } else if (v instanceof JsonValue.Num n) {
            g.writeNumber(n.value());
        } else if (v instanceof JsonValue.Bool b) {
            g.writeBoolean(b.value());
        } else {
            g.writeNull();
        }
    }
}
