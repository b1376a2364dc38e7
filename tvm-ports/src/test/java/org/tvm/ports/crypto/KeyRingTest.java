package org.tvm.ports.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRingTest {

    private static final CipherContext CTX = CipherContext.forUserMfaSecret(UUID.randomUUID(), UUID.randomUUID());

    private final byte[] k1 = randomKey();
    private final byte[] k2 = randomKey();
    private final String b64k1 = Base64.getEncoder().encodeToString(k1);
    private final String b64k2 = Base64.getEncoder().encodeToString(k2);

    @Test
    void generateMakesASingleRandomPrimaryKey() {
        KeyRing a = KeyRing.generate("demo");
        KeyRing b = KeyRing.generate("demo");

        assertThat(a.primaryKeyId()).isEqualTo("demo");
        assertThat(a.keyIds()).containsExactly("demo");
        assertThat(a.contains("demo")).isTrue();
        assertThat(a.contains("other")).isFalse();
        assertThat(a.contains(null)).isFalse();
        // two generated rings have different keys: a value sealed by one does not open with the other
        String sealed = new AesGcmFieldCipher(a).seal("secret", CTX);
        assertThat(new AesGcmFieldCipher(a).open(sealed, CTX)).isEqualTo("secret");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AesGcmFieldCipher(b).open(sealed, CTX))
                .isInstanceOf(FieldCipherException.class);
    }

    @Test
    void toStringHidesKeyMaterial() {
        KeyRing ring = KeyRing.of(Map.of("k1", k1, "k2", k2), "k2");
        String text = ring.toString();

        assertThat(text).isEqualTo("KeyRing[primary=k2, keyIds=[k1, k2]]");
        for (byte[] key : new byte[][] {k1, k2}) {
            assertThat(text)
                    .doesNotContain(Base64.getEncoder().encodeToString(key).substring(0, 8))
                    .doesNotContain(Base64.getUrlEncoder().encodeToString(key).substring(0, 8))
                    .doesNotContain(HexFormat.of().formatHex(key).substring(0, 8))
                    .doesNotContain(new String(key, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        assertThat(KeyRing.parse("k1:" + b64k1).toString()).doesNotContain(b64k1.substring(0, 8));
    }

    @Test
    void ofCopiesTheCallersArrays() {
        byte[] raw = k1.clone();
        KeyRing ring = KeyRing.of("k1", raw);
        AesGcmFieldCipher cipher = new AesGcmFieldCipher(ring);
        String sealed = cipher.seal("secret", CTX);

        java.util.Arrays.fill(raw, (byte) 0); // caller wipes its copy

        assertThat(cipher.open(sealed, CTX)).isEqualTo("secret");
        assertThat(new AesGcmFieldCipher(KeyRing.of("k1", k1)).open(sealed, CTX)).isEqualTo("secret");
    }

    @Test
    void rawAndBase64AndParsedRingsAreInterchangeable() {
        String sealed = new AesGcmFieldCipher(KeyRing.of(Map.of("k1", k1, "k2", k2), "k2")).seal("x", CTX);

        assertThat(new AesGcmFieldCipher(KeyRing.ofBase64(Map.of("k1", b64k1, "k2", b64k2), "k2")).open(sealed, CTX)).isEqualTo("x");
        assertThat(new AesGcmFieldCipher(KeyRing.parse("k2:" + b64k2 + ",k1:" + b64k1 + ";primary=k2")).open(sealed, CTX)).isEqualTo("x");
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(k2);
        assertThat(new AesGcmFieldCipher(KeyRing.parse("k2:" + urlSafe)).open(sealed, CTX)).isEqualTo("x");
    }

    @Test
    void parseReadsSpecWithPrimary() {
        KeyRing ring = KeyRing.parse("k2:" + b64k2 + ",k1:" + b64k1 + ";primary=k2");

        assertThat(ring.primaryKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactly("k1", "k2");
    }

    @Test
    void parseToleratesWhitespace() {
        KeyRing ring = KeyRing.parse("  k2 : " + b64k2 + " ,\n k1:" + b64k1 + " ; primary = k1 \n");

        assertThat(ring.primaryKeyId()).isEqualTo("k1");
        assertThat(ring.keyIds()).containsExactly("k1", "k2");
    }

    @Test
    void parseOfASingleKeyNeedsNoPrimary() {
        assertThat(KeyRing.parse("only:" + b64k1).primaryKeyId()).isEqualTo("only");
    }

    @Test
    void parseRejectsMalformedSpecsWithoutQuotingKeys() {
        String bad = b64k1.substring(0, 20) + "*" + b64k1.substring(21);
        assertRejectedWithoutKeyMaterial("k1:" + b64k1 + ",k2:" + b64k2); // no primary
        assertRejectedWithoutKeyMaterial("k1:" + b64k1 + ";primary=k3"); // unknown primary
        assertRejectedWithoutKeyMaterial("k1:" + b64k1 + ";primry=k1");
        assertRejectedWithoutKeyMaterial("k1:" + b64k1 + ",k1:" + b64k2 + ";primary=k1"); // duplicate
        assertRejectedWithoutKeyMaterial("k1" + b64k1); // no colon
        assertRejectedWithoutKeyMaterial("k1:" + bad);
        assertRejectedWithoutKeyMaterial("k1:" + Base64.getEncoder().encodeToString(new byte[16])); // AES-128
        assertRejectedWithoutKeyMaterial("k.1:" + b64k1);
        assertRejectedWithoutKeyMaterial("k1:" + b64k1 + ",");
        assertRejectedWithoutKeyMaterial("k1:");
        assertRejectedWithoutKeyMaterial("   ");
    }

    @Test
    void keyMaterialInTheKeyIdPositionIsNeverQuoted() {
        // swapped id and key, a key given as primary, swapped map entries: the "id" is key material
        assertRejectedWithoutKeyMaterial(b64k1 + ":k1");
        assertRejectedWithoutKeyMaterial("k1:" + b64k1 + ";primary=" + b64k2);
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.ofBase64(Map.of(b64k1, "k1"), "k1"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(b64k1.substring(0, 8)));
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(Map.of("k1", k1), b64k2))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(b64k2.substring(0, 8)));
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(b64k1, k1))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(b64k1.substring(0, 8)));
        // a valid but unknown id is still named, it is not secret
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(Map.of("k1", k1), "k2"))
                .withMessageContaining("'k2'");
    }

    private void assertRejectedWithoutKeyMaterial(String spec) {
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.parse(spec))
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(b64k1.substring(0, 8))
                        .doesNotContain(b64k2.substring(0, 8)))
                .withNoCause();
    }

    @Test
    void fromEnvironmentReadsAVariable() {
        Map<String, String> env = Map.of("TVM_FIELD_KEYS", "k2:" + b64k2 + ",k1:" + b64k1 + ";primary=k2");

        KeyRing ring = KeyRing.fromEnvironment("TVM_FIELD_KEYS", env::get);

        assertThat(ring.primaryKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactly("k1", "k2");
    }

    @Test
    void fromEnvironmentNamesTheVariableWhenItIsMissingOrBad() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyRing.fromEnvironment("TVM_FIELD_KEYS", name -> null))
                .withMessageContaining("TVM_FIELD_KEYS");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyRing.fromEnvironment("TVM_FIELD_KEYS", name -> " "))
                .withMessageContaining("TVM_FIELD_KEYS");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyRing.fromEnvironment("TVM_FIELD_KEYS", name -> "k1:" + b64k1.substring(4)))
                .withMessageContaining("TVM_FIELD_KEYS")
                .withMessageNotContaining(b64k1.substring(4, 12));
        // the real environment almost certainly lacks this variable
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeyRing.fromEnvironment("TVM_TEST_SURELY_UNSET_" + UUID.randomUUID().toString().replace("-", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "k 1", "k.1", "k:1", "ключ", "k1\n", "abcdefghijklmnopqrstuvwxyz0123456"})
    void invalidKeyIdsAreRejected(String keyId) {
        assertThat(KeyRing.isValidKeyId(keyId)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(keyId, k1));
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.generate(keyId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "k1", "2025-01_primary", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
    void validKeyIdsAreAccepted(String keyId) {
        assertThat(KeyRing.isValidKeyId(keyId)).isTrue();
        assertThat(KeyRing.of(keyId, k1).primaryKeyId()).isEqualTo(keyId);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void keysMustBe256Bits(int length) {
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of("k1", new byte[length]))
                .withMessageContaining("32");
    }

    @Test
    void primaryMustBeInTheRingAndRingMustNotBeEmpty() {
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(Map.of("k1", k1), "k2"));
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(Map.of(), "k1"));
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.ofBase64(Map.of("k1", b64k1), "k2"));
        assertThatNullPointerException().isThrownBy(() -> KeyRing.of(Map.of("k1", k1), null));
        Map<String, byte[]> withNull = new LinkedHashMap<>();
        withNull.put("k1", null);
        assertThatIllegalArgumentException().isThrownBy(() -> KeyRing.of(withNull, "k1"));
    }

    @Test
    void derivedRingsSupportRotationAndRetirement() {
        KeyRing ring = KeyRing.of("k1", k1);
        KeyRing added = ring.withKey("k2", k2);
        KeyRing rotated = ring.withPrimaryKey("k2", k2);
        KeyRing generated = ring.withGeneratedPrimaryKey("k3");

        assertThat(ring.keyIds()).containsExactly("k1"); // immutable
        assertThat(added.primaryKeyId()).isEqualTo("k1");
        assertThat(added.keyIds()).containsExactly("k1", "k2");
        assertThat(rotated.primaryKeyId()).isEqualTo("k2");
        assertThat(added.withPrimary("k2").primaryKeyId()).isEqualTo("k2");
        assertThat(generated.primaryKeyId()).isEqualTo("k3");
        assertThat(rotated.withoutKey("k1").keyIds()).containsExactly("k2");

        assertThatIllegalArgumentException().isThrownBy(() -> ring.withKey("k1", k2)); // duplicate id
        assertThatIllegalArgumentException().isThrownBy(() -> ring.withPrimary("k9"));
        assertThatIllegalArgumentException().isThrownBy(() -> rotated.withoutKey("k2")); // primary
        assertThatIllegalArgumentException().isThrownBy(() -> rotated.withoutKey("k9"));
        assertThatThrownByUnsupported(() -> rotated.keyIds().add("x"));
    }

    private static void assertThatThrownByUnsupported(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOf(UnsupportedOperationException.class);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KeyRing.KEY_LENGTH_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
