package org.tvm.adapter.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.ports.query.Page;
import org.tvm.ports.query.PageRequest;

class KeysetTest {

    private static final List<String> QUERY = List.of("missions.byResident", "0190a6f4-0000-7000-8000-0000000000b1");

    record Row(Instant createdAt, UUID id) {
        List<String> key() {
            return List.of(createdAt.toString(), id.toString());
        }
    }

    private static List<Row> rows(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Row(Instant.parse("2025-03-01T10:00:00Z").minusSeconds(i), new UUID(0, i))).toList();
    }

    @Test
    void aFullPageCarriesATokenThatResumesAfterItsLastRow() {
        Page<Row> page = Keyset.page(rows(4), 3, QUERY, Row::key);

        assertThat(page.items()).containsExactlyElementsOf(rows(3));
        assertThat(page.nextToken()).isPresent();
        List<String> after = Keyset.after(PageRequest.after(page.nextToken().orElseThrow(), 3), QUERY, 2);
        assertThat(after).isEqualTo(rows(3).get(2).key());
        assertThat(Keyset.instant(after.get(0))).isEqualTo(rows(3).get(2).createdAt());
        assertThat(Keyset.uuid(after.get(1))).isEqualTo(rows(3).get(2).id());
    }

    @Test
    void theLastPageHasNoTokenAndTheFirstRequestNoKey() {
        assertThat(Keyset.page(rows(3), 3, QUERY, Row::key).nextToken()).isEmpty();
        assertThat(Keyset.page(rows(0), 3, QUERY, Row::key).items()).isEmpty();
        assertThat(Keyset.after(PageRequest.first(3), QUERY, 2)).isNull();
        Page<String> mapped = Keyset.page(rows(2), 1, QUERY, Row::key, r -> r.id().toString());
        assertThat(mapped.items()).containsExactly(new UUID(0, 0).toString());
    }

    @Test
    void everyTamperedTokenIsRejectedWithoutEchoingIt() {
        String token = Keyset.page(rows(2), 1, QUERY, Row::key).nextToken().orElseThrow();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String edited = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThatThrownBy(() -> Keyset.after(PageRequest.after(edited, 1), QUERY, 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid page token")
                    .hasMessageNotContaining(edited);
        }
        assertThatThrownBy(() -> Keyset.after(PageRequest.after(token.substring(0, token.length() - 2), 1), QUERY, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenOfAnotherQueryOrOtherArgumentsIsRejected() {
        String token = Keyset.page(rows(2), 1, QUERY, Row::key).nextToken().orElseThrow();
        assertThatThrownBy(() -> Keyset.after(PageRequest.after(token, 1), List.of("missions.byResident", "other"), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another query");
        assertThatThrownBy(() -> Keyset.after(PageRequest.after(token, 1), List.of("users.list"), 2))
                .isInstanceOf(IllegalArgumentException.class);
        // an argument containing the separator of a flat encoding cannot alias another query
        String colon = Keyset.token(List.of("audit.byResource", "a:b", "c"), List.of("k"));
        assertThatThrownBy(() -> Keyset.after(PageRequest.after(colon, 1), List.of("audit.byResource", "a", "b:c"), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSortKeyThatDoesNotParseIsAnInvalidToken() {
        for (Runnable bad : List.<Runnable>of(() -> Keyset.instant("yesterday"), () -> Keyset.uuid("not-a-uuid"),
                () -> Keyset.longValue("1x"))) {
            assertThatThrownBy(bad::run).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid page token: malformed sort key");
        }
        assertThat(Keyset.longValue("42")).isEqualTo(42L);
    }
}
