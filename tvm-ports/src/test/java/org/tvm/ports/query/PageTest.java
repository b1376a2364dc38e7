package org.tvm.ports.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void itemsAreCopiedAndUnmodifiable() {
        List<String> source = new ArrayList<>(List.of("a", "b"));
        Page<String> page = Page.of(source, "t1");
        source.add("c");
        assertThat(page.items()).containsExactly("a", "b");
        assertThatThrownBy(() -> page.items().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(page.nextToken()).contains("t1");
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void lastAndEmptyPages() {
        assertThat(Page.last(List.of("a")).nextToken()).isEmpty();
        assertThat(Page.<String>empty().items()).isEmpty();
        assertThat(Page.of(List.of("a"), null).hasNext()).isFalse();
    }

    @Test
    void nextRequest() {
        assertThat(Page.of(List.of("a"), "t").nextRequest(20)).contains(PageRequest.after("t", 20));
        assertThat(Page.last(List.of("a")).nextRequest(20)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Page.last(List.of("a")).nextRequest(0));
    }

    @Test
    void validation() {
        assertThatNullPointerException().isThrownBy(() -> new Page<>(null, Optional.empty()));
        assertThatNullPointerException().isThrownBy(() -> new Page<>(List.of("a"), null));
        assertThatNullPointerException().isThrownBy(() -> Page.last(Arrays.asList("a", null)));
        assertThatIllegalArgumentException().isThrownBy(() -> Page.of(List.of("a"), " "));
        assertThatIllegalArgumentException().isThrownBy(() -> Page.of(List.of(), "t"))
                .withMessage("an empty page cannot have a next token");
    }
}
