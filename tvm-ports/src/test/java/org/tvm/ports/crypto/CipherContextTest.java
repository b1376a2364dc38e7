package org.tvm.ports.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CipherContextTest {

    private static final UUID FACILITY = UUID.randomUUID();
    private static final UUID ROW = UUID.randomUUID();

    @Test
    void allFieldsAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new CipherContext(null, "residents", "medical_notes", ROW));
        assertThatNullPointerException().isThrownBy(() -> new CipherContext(FACILITY, null, "medical_notes", ROW));
        assertThatNullPointerException().isThrownBy(() -> new CipherContext(FACILITY, "residents", null, ROW));
        assertThatNullPointerException().isThrownBy(() -> new CipherContext(FACILITY, "residents", "medical_notes", null));
    }

    @Test
    void tableAndColumnMustNotBeBlankOrIllFormed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CipherContext(FACILITY, "", "medical_notes", ROW));
        assertThatIllegalArgumentException().isThrownBy(() -> new CipherContext(FACILITY, "residents", "  ", ROW));
        assertThatIllegalArgumentException().isThrownBy(() -> new CipherContext(FACILITY, "res\uD800", "c", ROW));
        assertThat(new CipherContext(FACILITY, "tabelle_\uD83D\uDE91", "c", ROW).table()).endsWith("\uD83D\uDE91");
    }

    @Test
    void factoriesUseTheSchemaNames() {
        CipherContext notes = CipherContext.forResidentMedicalNotes(FACILITY, ROW);
        CipherContext mfa = CipherContext.forUserMfaSecret(FACILITY, ROW);

        assertThat(notes).isEqualTo(new CipherContext(FACILITY, "residents", "medical_notes", ROW));
        assertThat(mfa).isEqualTo(new CipherContext(FACILITY, "users", "mfa_secret", ROW));
        UUID other = UUID.randomUUID();
        assertThat(notes.withRowId(other)).isEqualTo(new CipherContext(FACILITY, "residents", "medical_notes", other));
    }

    @Test
    void encodingIsLengthPrefixedAndDistinguishesFieldBoundaries() {
        byte[] a = new CipherContext(FACILITY, "ab", "c", ROW).encode();
        byte[] b = new CipherContext(FACILITY, "a", "bc", ROW).encode();

        assertThat(a).hasSize(4 + 16 + 4 + 2 + 4 + 1 + 4 + 16).isNotEqualTo(b);
        assertThat(new CipherContext(ROW, "t", "c", FACILITY).encode()).isNotEqualTo(new CipherContext(FACILITY, "t", "c", ROW).encode());
    }
}
