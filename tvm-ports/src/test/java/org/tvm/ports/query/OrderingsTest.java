package org.tvm.ports.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderingsTest {

    @Test
    void textIsOrderedByCodePointNotByUtf16Unit() {
        String bmpHigh = "\uFF21";              // FULLWIDTH A, U+FF21
        String supplementary = "\uD83D\uDE00";  // U+1F600, UTF-16 surrogates sort before U+FF21 in String.compareTo
        assertThat(bmpHigh.compareTo(supplementary)).isPositive();
        assertThat(Orderings.compareText(bmpHigh, supplementary)).isNegative();

        List<String> names = new ArrayList<>(List.of("b", supplementary, "B", "a", "", bmpHigh, "ab"));
        names.sort(Orderings.TEXT);
        assertThat(names).containsExactly("", "B", "a", "ab", "b", bmpHigh, supplementary);
        assertThat(Orderings.compareText("ab", "ab")).isZero();
        assertThat(Orderings.compareText("a", "ab")).isNegative();
        assertThat(Orderings.compareText("ab", "a")).isPositive();
    }

    @Test
    void uuidsAreOrderedAsUnsigned128BitValues() {
        UUID low = UUID.fromString("00000000-0000-7000-8000-000000000000");
        UUID high = UUID.fromString("ffffffff-0000-7000-8000-000000000000");
        assertThat(high.compareTo(low)).isNegative(); // Java's signed order
        assertThat(Orderings.compareUuid(low, high)).isNegative();
        UUID lowTail = UUID.fromString("00000000-0000-7000-0000-000000000001");
        UUID highTail = UUID.fromString("00000000-0000-7000-ffff-000000000001");
        assertThat(Orderings.UUIDS.compare(lowTail, highTail)).isNegative();
        assertThat(Orderings.compareUuid(low, low)).isZero();
    }

    @Test
    void keyedComparatorsApplyTheSameRules() {
        record Row(String name, UUID id) { }
        UUID a = UUID.fromString("00000000-0000-7000-8000-000000000001");
        UUID b = UUID.fromString("f0000000-0000-7000-8000-000000000001");
        List<Row> rows = new ArrayList<>(List.of(new Row("x", b), new Row("x", a), new Row("W", b)));
        rows.sort(Orderings.<Row>byText(Row::name).thenComparing(Orderings.byUuid(Row::id)));
        assertThat(rows).containsExactly(new Row("W", b), new Row("x", a), new Row("x", b));
    }
}
