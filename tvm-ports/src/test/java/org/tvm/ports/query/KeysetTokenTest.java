package org.tvm.ports.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetTokenTest {

    @Test
    void roundTrip() {
        String id = UUID.randomUUID().toString();
        String token = KeysetToken.encode("residents", "Müller", "Zoë ☃ 𝄞", "", id);
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(KeysetToken.decode(token, 5)).containsExactly("residents", "Müller", "Zoë ☃ 𝄞", "", id);
    }

    @Test
    void roundTripWithList() {
        String instant = Instant.parse("2025-01-02T03:04:05.123456Z").toString();
        String token = KeysetToken.encode(List.of(instant, "x"));
        assertThat(KeysetToken.decode(token, 2)).containsExactly(instant, "x");
    }

    @Test
    void deterministic() {
        assertThat(KeysetToken.encode("a", "b")).isEqualTo(KeysetToken.encode("a", "b"))
                .isNotEqualTo(KeysetToken.encode("ab"));
    }

    @Test
    void everySingleCharacterChangeIsRejected() {
        String token = KeysetToken.encode("missions", "2025-01-02T03:04:05Z", UUID.randomUUID().toString());
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            char original = token.charAt(i);
            char replacement = alphabet.charAt((alphabet.indexOf(original) + 1) % alphabet.length());
            String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThatIllegalArgumentException().as("position %d", i)
                    .isThrownBy(() -> KeysetToken.decode(tampered, 3))
                    .withMessageStartingWith("Invalid page token: ");
        }
    }

    @Test
    void garbageRejectedWithoutEchoingToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.decode("not base64!!", 1))
                .withMessageStartingWith("Invalid page token: not URL-safe base64")
                .withMessageNotContaining("not base64!!");
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.decode("", 1))
                .withMessageStartingWith("Invalid page token");
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.decode("AAAA", 1))
                .withMessageStartingWith("Invalid page token: too short");
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.decode("x".repeat(3000), 1))
                .withMessageStartingWith("Invalid page token");
    }

    @Test
    void truncatedOrExtendedRejected() {
        String token = KeysetToken.encode("a", "b");
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.decode(token.substring(0, token.length() - 2), 2));
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.decode(token + "AA", 2));
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.decode(token + "=", 2));
    }

    @Test
    void wrongPartCountRejected() {
        String token = KeysetToken.encode("a", "b");
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.decode(token, 3))
                .withMessageStartingWith("Invalid page token: has 2 parts, expected 3");
    }

    @Test
    void argumentValidation() {
        assertThatIllegalArgumentException().isThrownBy(KeysetToken::encode);
        assertThatNullPointerException().isThrownBy(() -> KeysetToken.encode("a", null))
                .withMessage("keyset token part 1 must not be null");
        assertThatNullPointerException().isThrownBy(() -> KeysetToken.decode(null, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.decode(KeysetToken.encode("a"), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> KeysetToken.encode("x".repeat(2000)))
                .withMessageContaining("longer than 2048");
    }
}
