package org.tvm.ports.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void firstPage() {
        PageRequest r = PageRequest.first(50);
        assertThat(r.afterToken()).isNull();
        assertThat(r.limit()).isEqualTo(50);
        assertThat(r.isFirst()).isTrue();
    }

    @Test
    void afterToken() {
        PageRequest r = PageRequest.after("abc", 10);
        assertThat(r.afterToken()).isEqualTo("abc");
        assertThat(r.isFirst()).isFalse();
        assertThatNullPointerException().isThrownBy(() -> PageRequest.after(null, 10));
    }

    @Test
    void limitBounds() {
        assertThat(PageRequest.first(1).limit()).isEqualTo(1);
        assertThat(PageRequest.first(1000).limit()).isEqualTo(PageRequest.MAX_LIMIT);
        assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first(0))
                .withMessage("limit must be between 1 and 1000 (was 0)");
        assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first(1001))
                .withMessage("limit must be between 1 and 1000 (was 1001)");
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(null, -5));
    }

    @Test
    void blankTokenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest("  ", 10))
                .withMessageContaining("afterToken");
        assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.after("", 10));
    }
}
