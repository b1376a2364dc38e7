package org.tvm.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tvm.domain.TestData.assertInvalid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tvm.domain.DomainValidationException;

class PasswordHashTest {

    static final String SALT_AND_HASH = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./";

    @ParameterizedTest
    @ValueSource(strings = {
            "$2a$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.",
            "$2b$13$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0",
            "$2y$31$0123456789./0123456789./0123456789./0123456789./01234",
            "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            "$argon2id$v=19$m=19456,t=2,p=1$YWJjZGVmZ2g=$aGFzaGhhc2g="})
    void acceptsStrongHashes(String value) {
        PasswordHash h = PasswordHash.of(value);
        assertThat(h.value()).isEqualTo(value);
        assertThat(h.toString()).doesNotContain(value.substring(8)).contains("***");
        assertThat(h.algorithm()).isIn("bcrypt", "argon2id");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "hunter2", "correct horse battery staple", "",
            "$2b$10$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.",
            "$2b$11$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.",
            "$2b$32$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.",
            "$2x$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.",
            "$2b$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "$2b$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./x",
            "$2b$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!",
            "$2b$2$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ./a",
            "$argon2i$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            "$argon2id$v=16$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            "$argon2id$v=19$m=0,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            "$argon2id$v=19$m=65536,t=3$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
            "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ",
            "$argon2id$v=19$m=65536,t=3,p=4$$RdescudvJCsgt3ub",
            "{SHA}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"})
    void rejectsPlaintextAndWeakHashesWithoutEchoingThem(String value) {
        assertInvalid(() -> PasswordHash.of(value), "PasswordHash", "value");
        assertThatThrownBy(() -> PasswordHash.of(value)).satisfies(e -> {
            if (value.length() > 3) {
                assertThat(e.getMessage()).doesNotContain(value);
            }
        });
    }

    @Test
    void rejectsNullAndOverlong() {
        assertInvalid(() -> PasswordHash.of(null), "PasswordHash", "value");
        assertThatThrownBy(() -> PasswordHash.of("$argon2id$v=19$m=1,t=1,p=1$" + "a".repeat(200) + "$" + "b".repeat(60)))
                .isInstanceOf(DomainValidationException.class);
    }

    @Test
    void equalityByValue() {
        String v = "$2b$12$" + SALT_AND_HASH.substring(0, 53);
        assertThat(PasswordHash.of(v)).isEqualTo(PasswordHash.of(v));
        assertThat(PasswordHash.of(v).algorithm()).isEqualTo("bcrypt");
    }
}
