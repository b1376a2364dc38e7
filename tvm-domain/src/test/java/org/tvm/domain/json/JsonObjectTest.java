package org.tvm.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tvm.domain.DomainValidationException;

class JsonObjectTest {

    @Test
    void buildsEveryJsonValueFromPlainJava() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("retry_count", 2);
        in.put("ratio", new BigDecimal("0.125"));
        in.put("ok", true);
        in.put("none", null);
        in.put("codes", List.of("A", 1, false));
        in.put("nested", Map.of("depth", Map.of("x", 1.5)));
        JsonObject o = JsonObject.of(in);

        assertThat(o.get("retry_count")).contains(JsonValue.Num.of(2));
        assertThat(o.get("ok")).contains(JsonValue.Bool.TRUE);
        assertThat(o.get("none")).contains(JsonValue.Null.INSTANCE);
        assertThat(o.members().keySet()).containsExactly("retry_count", "ratio", "ok", "none", "codes", "nested");
        assertThat(o.toJson()).startsWith("{\"retry_count\":2,\"ratio\":0.125,\"ok\":true,\"none\":null,\"codes\":[\"A\",1,false]");
        assertThat(o.asText()).containsEntry("retry_count", "2").containsEntry("codes", "[\"A\",1,false]");
    }

    @Test
    void isImmutableAndCopiesItsInput() {
        Map<String, Object> in = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>(List.of(1));
        in.put("l", list);
        JsonObject o = JsonObject.of(in);
        list.add(2);
        in.put("late", "x");
        assertThat(o.toJson()).isEqualTo("{\"l\":[1]}");
        assertThatThrownBy(() -> o.members().put("k", JsonValue.Null.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((JsonValue.Array) o.get("l").orElseThrow()).items().add(JsonValue.Null.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityIsNumericAndIgnoresMemberOrder() {
        JsonObject a = JsonObject.of(Map.of("n", new BigDecimal("2.0"), "s", "x"));
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("s", "x");
        reversed.put("n", new BigDecimal("2E0"));
        JsonObject b = JsonObject.of(reversed);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(JsonObject.of(Map.of("n", 3, "s", "x")));
    }

    @Test
    void escapesTextAndRejectsWhatJsonbCannotStore() {
        assertThat(JsonObject.of(Map.of("q", "a\"b\\c\n\u0001")).toJson()).isEqualTo("{\"q\":\"a\\\"b\\\\c\\n\\u0001\"}");
        assertInvalid(() -> JsonObject.of(Map.of("q", "nul\0")));
        assertInvalid(() -> JsonObject.of(Map.of("q", Double.NaN)));
        assertInvalid(() -> JsonObject.of(Map.of("q", new Object())));
        assertThatThrownBy(() -> JsonObject.of(Map.of("q", new Object()), "MissionEvent", "details"))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                    assertThat(e.entity()).isEqualTo("MissionEvent");
                    assertThat(e.field()).isEqualTo("details");
                });
    }

    @Test
    void enforcesDepthAndLengthLimits() {
        Object deep = 1;
        for (int i = 0; i < JsonObject.MAX_DEPTH - 1; i++) {
            deep = List.of(deep);
        }
        assertThat(JsonObject.of(Map.of("d", deep)).toJson()).contains("[[[");
        Object tooDeep = List.of(deep);
        assertInvalid(() -> JsonObject.of(Map.of("d", tooDeep)));
        assertThat(JsonObject.of(Map.of("s", "x".repeat(JsonObject.MAX_LENGTH - 8))).toJson()).hasSize(JsonObject.MAX_LENGTH);
        assertInvalid(() -> JsonObject.of(Map.of("s", "x".repeat(JsonObject.MAX_LENGTH - 7))));
    }

    private static void assertInvalid(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOf(DomainValidationException.class);
    }
}
