package org.tvm.ports.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tvm.ports.crypto.FieldCipherException.Reason;

class AesGcmFieldCipherTest {

    private static final UUID FACILITY = UUID.fromString("6f1c1a4e-0b8e-4c53-9a57-3f3b0d0c2a11");
    private static final UUID OTHER_FACILITY = UUID.fromString("0e2c4a64-91a5-4d0f-8a55-7b3d2f9e1c22");
    private static final UUID RESIDENT = UUID.fromString("a3d1f5b2-7c44-4e1e-b1d2-9f8e7d6c5b33");
    private static final UUID OTHER_RESIDENT = UUID.fromString("c7e9a1b3-5d2f-4a6c-8e0b-1f2d3c4b5a44");

    private static final CipherContext CTX = CipherContext.forResidentMedicalNotes(FACILITY, RESIDENT);
    private static final String NOTES = "Allergic to penicillin; uses a powered wheelchair";

    private final byte[] rawK1 = randomKey();
    private final KeyRing ring = KeyRing.of("k1", rawK1);
    private final AesGcmFieldCipher cipher = new AesGcmFieldCipher(ring);

    // ------------------------------------------------------------------ round trip

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "a",
        "Allergic to penicillin",
        "日本語のメモ — café — Ünïcödé — 🚑🦽 — עברית — 𝄞",
        "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
        "line1\nline2\ttab\u0000nul"
    })
    void roundTrips(String plaintext) {
        String sealed = cipher.seal(plaintext, CTX);

        assertThat(sealed).isNotNull().isNotEmpty();
        assertThat(cipher.open(sealed, CTX)).isEqualTo(plaintext);
    }

    @Test
    void roundTripsLongText() {
        String longText = "Mobility restriction ✓ ".repeat(5_000);
        assertThat(cipher.open(cipher.seal(longText, CTX), CTX)).isEqualTo(longText);
    }

    @Test
    void emptyStringSealsToNonEmptyValueDistinctFromNull() {
        String sealed = cipher.seal("", CTX);

        assertThat(sealed).startsWith("v1.k1.");
        assertThat(decodePayload(sealed)).hasSize(12 + 16);
        assertThat(cipher.open(sealed, CTX)).isEmpty();
    }

    @Test
    void nullSealsToNullAndOpensToNull() {
        assertThat(cipher.seal(null, CTX)).isNull();
        assertThat(cipher.open(null, CTX)).isNull();
    }

    @Test
    void nullContextIsRejectedEvenForNullValues() {
        assertThatNullPointerException().isThrownBy(() -> cipher.seal("x", null));
        assertThatNullPointerException().isThrownBy(() -> cipher.seal(null, null));
        String sealed = cipher.seal("x", CTX);
        assertThatNullPointerException().isThrownBy(() -> cipher.open(sealed, null));
        assertThatNullPointerException().isThrownBy(() -> cipher.open(null, null));
    }

    @Test
    void emptySealedStringIsMalformed() {
        assertRejected("", CTX, Reason.MALFORMED);
    }

    @Test
    void unpairedSurrogateIsRejectedInsteadOfSilentlyCorrupted() {
        assertThatThrownBy(() -> cipher.seal("bad \uD83D text", CTX))
                .isInstanceOf(FieldCipherException.class)
                .satisfies(e -> assertThat(((FieldCipherException) e).reason()).isEqualTo(Reason.INVALID_PLAINTEXT))
                .hasMessageNotContaining("bad");
    }

    // ------------------------------------------------------------------ format

    @Test
    void sealedFormatIsVersionKeyIdAndUnpaddedBase64UrlOfNonceCiphertextTag() {
        String sealed = cipher.seal(NOTES, CTX);

        assertThat(sealed).matches("v1\\.k1\\.[A-Za-z0-9_-]+");
        assertThat(sealed.chars()).allMatch(c -> c > 0x20 && c < 0x7F);
        int plaintextBytes = NOTES.getBytes(StandardCharsets.UTF_8).length;
        assertThat(decodePayload(sealed)).hasSize(12 + plaintextBytes + 16);
        assertThat(sealed).hasSize(AesGcmFieldCipher.sealedLength(plaintextBytes, 2));
        assertThat(AesGcmFieldCipher.keyIdOf(sealed)).isEqualTo("k1");
    }

    @Test
    void typicalMfaSecretFitsInVarchar255() {
        KeyRing longIdRing = KeyRing.generate("k".repeat(32));
        String totpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"; // 32 base32 chars
        String sealed = new AesGcmFieldCipher(longIdRing).seal(totpSecret, CipherContext.forUserMfaSecret(FACILITY, RESIDENT));

        assertThat(sealed.length()).isLessThanOrEqualTo(255);
        assertThat(AesGcmFieldCipher.sealedLength(154, 8)).isLessThanOrEqualTo(255);
        assertThat(AesGcmFieldCipher.sealedLength(155, 8)).isGreaterThan(255);
    }

    @Test
    void sealedStringNeverContainsThePlaintext() {
        List<String> plaintexts = List.of(NOTES, "penicillin", "JBSWY3DPEHPK3PXP", "diabetic-type-2",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "v1.k1.AAAAAAAAAAAAAAAAAAAA");
        for (String plaintext : plaintexts) {
            String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 1_000; i++) {
                String sealed = cipher.seal(plaintext, CTX);
                assertThat(sealed).doesNotContain(plaintext).doesNotContain(b64.substring(0, Math.min(8, b64.length())));
            }
        }
    }

    // ------------------------------------------------------------------ tampering

    @Test
    void flippingAnyBitOfNonceCiphertextOrTagIsRejected() {
        String sealed = cipher.seal(NOTES, CTX);
        byte[] payload = decodePayload(sealed);
        String prefix = sealed.substring(0, sealed.lastIndexOf('.') + 1);

        for (int i = 0; i < payload.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = payload.clone();
                tampered[i] ^= (byte) (1 << bit);
                String forged = prefix + encode(tampered);
                String region = i < 12 ? "nonce" : i >= payload.length - 16 ? "tag" : "ciphertext";
                assertThatThrownBy(() -> cipher.open(forged, CTX))
                        .as("%s byte %d bit %d", region, i, bit)
                        .isInstanceOf(FieldCipherException.class)
                        .satisfies(e -> assertThat(((FieldCipherException) e).reason()).isEqualTo(Reason.AUTHENTICATION_FAILED));
            }
        }
    }

    @Test
    void replacingTheTagOrTheNonceIsRejected() {
        String sealed = cipher.seal(NOTES, CTX);
        String other = cipher.seal(NOTES, CTX); // same plaintext, different nonce
        byte[] a = decodePayload(sealed);
        byte[] b = decodePayload(other);
        String prefix = "v1.k1.";

        byte[] otherTag = a.clone();
        System.arraycopy(b, b.length - 16, otherTag, a.length - 16, 16);
        byte[] otherNonce = a.clone();
        System.arraycopy(b, 0, otherNonce, 0, 12);
        byte[] zeroTag = a.clone();
        java.util.Arrays.fill(zeroTag, a.length - 16, a.length, (byte) 0);

        assertRejected(prefix + encode(otherTag), CTX, Reason.AUTHENTICATION_FAILED);
        assertRejected(prefix + encode(otherNonce), CTX, Reason.AUTHENTICATION_FAILED);
        assertRejected(prefix + encode(zeroTag), CTX, Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void changingAnyCharacterOfTheSealedStringIsRejected() {
        KeyRing twoKeys = ring.withKey("k2", rawK1); // even a key id that maps to the same bytes
        AesGcmFieldCipher c = new AesGcmFieldCipher(twoKeys);
        String sealed = c.seal("short note", CTX);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";

        int checked = 0;
        for (int i = 0; i < sealed.length(); i++) {
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == sealed.charAt(i)) {
                    continue;
                }
                String forged = sealed.substring(0, i) + replacement + sealed.substring(i + 1);
                assertThatThrownBy(() -> c.open(forged, CTX))
                        .as("position %d -> '%s'", i, replacement)
                        .isInstanceOf(FieldCipherException.class);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    void truncatingOrExtendingTheSealedStringIsRejected() {
        String sealed = cipher.seal(NOTES, CTX);

        for (int len = 0; len < sealed.length(); len++) {
            String truncated = sealed.substring(0, len);
            assertThatThrownBy(() -> cipher.open(truncated, CTX)).as("length %d", len).isInstanceOf(FieldCipherException.class);
        }
        for (String suffix : List.of("A", "AA", "AAA", "AAAA", "=", "==", ".", " ", "\n")) {
            assertThatThrownBy(() -> cipher.open(sealed + suffix, CTX)).as("suffix %s", suffix).isInstanceOf(FieldCipherException.class);
        }
        assertThatThrownBy(() -> cipher.open(" " + sealed, CTX)).isInstanceOf(FieldCipherException.class);
    }

    @Test
    void swappingTheKeyIdIsDetectedEvenWhenBothIdsHoldTheSameKey() {
        KeyRing aliased = KeyRing.of(java.util.Map.of("a", rawK1, "b", rawK1), "a");
        AesGcmFieldCipher c = new AesGcmFieldCipher(aliased);
        String sealed = c.seal(NOTES, CTX);
        assertThat(sealed).startsWith("v1.a.");

        assertRejected("v1.b." + sealed.substring("v1.a.".length()), CTX, Reason.AUTHENTICATION_FAILED, c);
        assertThat(c.open(sealed, CTX)).isEqualTo(NOTES);
    }

    @Test
    void swappingTheKeyIdToAnotherRealKeyIsRejected() {
        KeyRing twoKeys = ring.withKey("k2", randomKey());
        AesGcmFieldCipher c = new AesGcmFieldCipher(twoKeys);
        String sealed = c.seal(NOTES, CTX);

        assertRejected("v1.k2." + sealed.substring("v1.k1.".length()), CTX, Reason.AUTHENTICATION_FAILED, c);
    }

    @Test
    void changingTheVersionIsRejected() {
        String sealed = cipher.seal(NOTES, CTX);
        String rest = sealed.substring(2);

        assertRejected("v2" + rest, CTX, Reason.UNSUPPORTED_VERSION);
        assertRejected("v0" + rest, CTX, Reason.UNSUPPORTED_VERSION);
        assertRejected("v01" + rest, CTX, Reason.UNSUPPORTED_VERSION);
        assertRejected("V1" + rest, CTX, Reason.MALFORMED);
        assertRejected("x1" + rest, CTX, Reason.MALFORMED);
        assertRejected(rest.substring(1), CTX, Reason.MALFORMED); // version removed
    }

    @Test
    void versionIsAuthenticatedToo() {
        // the associated data of a hypothetical v2 differs, so a v1 tag can never verify under it
        byte[] v1 = AesGcmFieldCipher.associatedData("v1", "k1", CTX);
        byte[] v2 = AesGcmFieldCipher.associatedData("v2", "k1", CTX);
        assertThat(v1).isNotEqualTo(v2);
    }

    // ------------------------------------------------------------------ context binding

    @Test
    void openingUnderAnotherFacilityIsRejected() {
        String sealed = cipher.seal(NOTES, CTX);
        assertRejected(sealed, new CipherContext(OTHER_FACILITY, "residents", "medical_notes", RESIDENT), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void openingUnderAnotherTableIsRejected() {
        String sealed = cipher.seal(NOTES, CTX);
        assertRejected(sealed, new CipherContext(FACILITY, "users", "medical_notes", RESIDENT), Reason.AUTHENTICATION_FAILED);
        assertRejected(sealed, new CipherContext(FACILITY, "Residents", "medical_notes", RESIDENT), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void openingUnderAnotherColumnIsRejected() {
        String sealed = cipher.seal(NOTES, CTX);
        assertRejected(sealed, new CipherContext(FACILITY, "residents", "mfa_secret", RESIDENT), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void openingUnderAnotherRowIdIsRejected() {
        String sealed = cipher.seal(NOTES, CTX);
        assertRejected(sealed, CTX.withRowId(OTHER_RESIDENT), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void movingAValueToAnotherResidentsRowFailsToOpenThere() {
        CipherContext alice = CipherContext.forResidentMedicalNotes(FACILITY, RESIDENT);
        CipherContext bob = CipherContext.forResidentMedicalNotes(FACILITY, OTHER_RESIDENT);
        String aliceNotes = cipher.seal("Alice: insulin twice daily", alice);
        String bobNotes = cipher.seal("Bob: no known allergies", bob);

        // an attacker with database access copies Alice's cell into Bob's row
        assertRejected(aliceNotes, bob, Reason.AUTHENTICATION_FAILED);
        assertThat(cipher.open(aliceNotes, alice)).isEqualTo("Alice: insulin twice daily");
        assertThat(cipher.open(bobNotes, bob)).isEqualTo("Bob: no known allergies");
    }

    @Test
    void movingAnMfaSecretIntoMedicalNotesOfTheSameIdFails() {
        UUID id = UUID.randomUUID();
        String sealed = cipher.seal("JBSWY3DPEHPK3PXP", CipherContext.forUserMfaSecret(FACILITY, id));
        assertRejected(sealed, CipherContext.forResidentMedicalNotes(FACILITY, id), Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void associatedDataEncodingIsUnambiguous() {
        CipherContext ab = new CipherContext(FACILITY, "ab", "c", RESIDENT);
        CipherContext a = new CipherContext(FACILITY, "a", "bc", RESIDENT);
        String sealed = cipher.seal(NOTES, ab);

        assertRejected(sealed, a, Reason.AUTHENTICATION_FAILED);
        assertThat(AesGcmFieldCipher.associatedData("v1", "k1", ab)).isNotEqualTo(AesGcmFieldCipher.associatedData("v1", "k1", a));
        // swapped facility and row ids
        assertRejected(sealed, new CipherContext(RESIDENT, "ab", "c", FACILITY), Reason.AUTHENTICATION_FAILED);
    }

    // ------------------------------------------------------------------ keys

    @Test
    void unknownKeyIdIsRejected() {
        String sealed = cipher.seal(NOTES, CTX);
        AesGcmFieldCipher otherRing = new AesGcmFieldCipher(KeyRing.generate("k9"));

        assertThatThrownBy(() -> otherRing.open(sealed, CTX))
                .isInstanceOf(FieldCipherException.class)
                .satisfies(e -> assertThat(((FieldCipherException) e).reason()).isEqualTo(Reason.UNKNOWN_KEY))
                .hasMessageContaining("'k1'");
        assertRejected("v1.nope." + sealed.substring("v1.k1.".length()), CTX, Reason.UNKNOWN_KEY);
    }

    @Test
    void sameKeyIdWithDifferentKeyMaterialFailsAuthentication() {
        String sealed = cipher.seal(NOTES, CTX);
        AesGcmFieldCipher impostor = new AesGcmFieldCipher(KeyRing.generate("k1"));
        assertRejected(sealed, CTX, Reason.AUTHENTICATION_FAILED, impostor);
    }

    @Test
    void rotationKeepsOldValuesOpenAndSealsWithTheNewPrimary() {
        String oldSealed = cipher.seal(NOTES, CTX);

        KeyRing rotated = ring.withPrimaryKey("k2", randomKey());
        AesGcmFieldCipher rotatedCipher = new AesGcmFieldCipher(rotated);

        assertThat(rotated.primaryKeyId()).isEqualTo("k2");
        assertThat(rotatedCipher.open(oldSealed, CTX)).isEqualTo(NOTES);

        String newSealed = rotatedCipher.seal(NOTES, CTX);
        assertThat(newSealed).startsWith("v1.k2.");
        assertThat(AesGcmFieldCipher.keyIdOf(newSealed)).isEqualTo("k2");
        assertThat(rotatedCipher.open(newSealed, CTX)).isEqualTo(NOTES);
        assertThat(rotatedCipher.needsReseal(oldSealed)).isTrue();
        assertThat(rotatedCipher.needsReseal(newSealed)).isFalse();
        assertThat(rotatedCipher.needsReseal(null)).isFalse();

        // the old ring does not know k2
        assertRejected(newSealed, CTX, Reason.UNKNOWN_KEY);

        // re-seal, then retire k1
        String resealed = rotatedCipher.seal(rotatedCipher.open(oldSealed, CTX), CTX);
        AesGcmFieldCipher retired = new AesGcmFieldCipher(rotated.withoutKey("k1"));
        assertThat(retired.open(resealed, CTX)).isEqualTo(NOTES);
        assertRejected(oldSealed, CTX, Reason.UNKNOWN_KEY, retired);
    }

    @Test
    void rotationViaParsedSpecs() {
        byte[] k2 = randomKey();
        String b64k1 = Base64.getEncoder().encodeToString(rawK1);
        String b64k2 = Base64.getEncoder().encodeToString(k2);
        AesGcmFieldCipher before = new AesGcmFieldCipher(KeyRing.parse("k1:" + b64k1));
        AesGcmFieldCipher after = new AesGcmFieldCipher(KeyRing.parse("k2:" + b64k2 + ",k1:" + b64k1 + ";primary=k2"));

        String old = before.seal(NOTES, CTX);
        assertThat(after.open(old, CTX)).isEqualTo(NOTES);
        assertThat(after.seal(NOTES, CTX)).startsWith("v1.k2.");
    }

    // ------------------------------------------------------------------ nonces and concurrency

    @Test
    void hundredThousandSealsOfOneValueUseDistinctNoncesAndCiphertexts() {
        int n = 100_000;
        Set<ByteBuffer> nonces = new HashSet<>(n * 2);
        Set<String> sealedValues = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            String sealed = cipher.seal("same value", CTX);
            byte[] payload = decodePayload(sealed);
            nonces.add(ByteBuffer.wrap(java.util.Arrays.copyOf(payload, 12)));
            sealedValues.add(sealed);
        }
        assertThat(nonces).hasSize(n);
        assertThat(sealedValues).hasSize(n);
    }

    @Test
    void concurrentSealingAndOpeningFromSeveralThreads() throws Exception {
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String[]>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<String[]>> task = () -> {
                    start.await();
                    List<String[]> out = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        UUID row = new UUID(thread, i);
                        CipherContext ctx = CipherContext.forResidentMedicalNotes(FACILITY, row);
                        String plaintext = "thread " + thread + " note " + i + " ✓";
                        String sealed = cipher.seal(plaintext, ctx);
                        if (!plaintext.equals(cipher.open(sealed, ctx))) {
                            throw new AssertionError("round trip failed in thread " + thread);
                        }
                        out.add(new String[] {plaintext, sealed, row.toString()});
                    }
                    return out;
                };
                futures.add(pool.submit(task));
            }
            start.countDown();

            Set<ByteBuffer> nonces = new HashSet<>();
            int total = 0;
            for (Future<List<String[]>> f : futures) {
                for (String[] entry : f.get(2, TimeUnit.MINUTES)) {
                    CipherContext ctx = CipherContext.forResidentMedicalNotes(FACILITY, UUID.fromString(entry[2]));
                    assertThat(cipher.open(entry[1], ctx)).isEqualTo(entry[0]);
                    nonces.add(ByteBuffer.wrap(java.util.Arrays.copyOf(decodePayload(entry[1]), 12)));
                    total++;
                }
            }
            assertThat(total).isEqualTo(threads * perThread);
            assertThat(nonces).hasSize(total);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ malformed input and messages

    @ParameterizedTest
    @ValueSource(strings = {
        "garbage", "v1", "v1.", "v1.k1", "v1.k1.", "v1..AAAA", ".k1.AAAA", "v1.k1.!!!!", "v1.k1.AAAA",
        "v1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 27 bytes: too short for nonce + tag
        "v1.k!.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "v1.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // 33-char key id
        "v1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", // standard alphabet
        "v1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" // padding
    })
    void malformedSealedValuesAreRejected(String sealed) {
        assertRejected(sealed, CTX, Reason.MALFORMED);
    }

    @Test
    void nonCanonicalBase64IsRejected() {
        String sealed = cipher.seal("x", CTX); // 29 bytes -> 39 chars, 2 unused trailing bits
        byte[] payload = decodePayload(sealed);
        assertThat(payload.length % 3).isNotZero();
        String body = sealed.substring("v1.k1.".length());
        char last = body.charAt(body.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int idx = alphabet.indexOf(last);
        String sameBytes = "v1.k1." + body.substring(0, body.length() - 1) + alphabet.charAt(idx ^ 1); // flips an unused bit
        assertThat(Base64.getUrlDecoder().decode(sameBytes.substring(6))).isEqualTo(payload);

        assertRejected(sameBytes, CTX, Reason.MALFORMED);
        assertRejected(sealed + "=", CTX, Reason.MALFORMED);
    }

    @Test
    void exceptionMessagesNeverContainPlaintextKeyMaterialOrSealedText() {
        String secret = "HIV positive, confidential";
        String sealed = cipher.seal(secret, CTX);
        String payload = sealed.substring("v1.k1.".length());
        List<String> attempts = List.of(
                sealed.substring(0, sealed.length() - 2) + "AA",
                "v2." + sealed.substring(3),
                "v1.k7." + payload,
                sealed + "!");
        List<CipherContext> contexts = List.of(CTX, CTX.withRowId(OTHER_RESIDENT));
        String keyStd = Base64.getEncoder().encodeToString(rawK1);
        String keyUrl = Base64.getUrlEncoder().encodeToString(rawK1);
        String keyHex = java.util.HexFormat.of().formatHex(rawK1);

        List<String> messages = new ArrayList<>();
        for (String attempt : attempts) {
            for (CipherContext ctx : contexts) {
                try {
                    cipher.open(attempt, ctx);
                } catch (FieldCipherException e) {
                    messages.add(e.getMessage() + " " + e);
                }
            }
        }
        try {
            cipher.open(sealed, CTX.withRowId(OTHER_RESIDENT));
        } catch (FieldCipherException e) {
            messages.add(e.getMessage());
        }
        assertThat(messages).hasSizeGreaterThanOrEqualTo(attempts.size() * contexts.size());
        for (String m : messages) {
            assertThat(m).doesNotContain(secret).doesNotContain("HIV").doesNotContain("confidential")
                    .doesNotContain(keyStd.substring(0, 12)).doesNotContain(keyUrl.substring(0, 12))
                    .doesNotContain(keyHex.substring(0, 12)).doesNotContain(payload.substring(0, 12));
        }
    }

    @Test
    void toStringOfCipherShowsOnlyKeyIds() {
        assertThat(cipher.toString()).contains("k1")
                .doesNotContain(Base64.getEncoder().encodeToString(rawK1).substring(0, 8));
    }

    @Test
    void acceptsACustomSecureRandom() throws Exception {
        AesGcmFieldCipher c = new AesGcmFieldCipher(ring, SecureRandom.getInstance("SHA1PRNG"));
        assertThat(c.open(c.seal(NOTES, CTX), CTX)).isEqualTo(NOTES);
        assertThat(cipher.open(c.seal(NOTES, CTX), CTX)).isEqualTo(NOTES);
        assertThat(c.keyRing()).isSameAs(ring);
    }

    // ------------------------------------------------------------------ helpers

    private void assertRejected(String sealed, CipherContext ctx, Reason reason) {
        assertRejected(sealed, ctx, reason, cipher);
    }

    private static void assertRejected(String sealed, CipherContext ctx, Reason reason, FieldCipher c) {
        assertThatThrownBy(() -> c.open(sealed, ctx))
                .isInstanceOf(FieldCipherException.class)
                .satisfies(e -> assertThat(((FieldCipherException) e).reason()).isEqualTo(reason));
    }

    private static byte[] decodePayload(String sealed) {
        return Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf('.') + 1));
    }

    private static String encode(byte[] payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KeyRing.KEY_LENGTH_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
