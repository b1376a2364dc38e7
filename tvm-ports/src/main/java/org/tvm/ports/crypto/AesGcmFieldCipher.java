package org.tvm.ports.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * {@link FieldCipher} using AES-256 in GCM mode ({@code AES/GCM/NoPadding} from the JDK) with a
 * fresh 96-bit random nonce per seal and a 128-bit authentication tag.
 *
 * <h2>Sealed format (version 1)</h2>
 *
 * <pre>
 * v1.&lt;keyId&gt;.&lt;base64url(nonce || ciphertext || tag)&gt;
 * </pre>
 *
 * <ul>
 *   <li>{@code v1} — format version;</li>
 *   <li>{@code keyId} — id of the {@link KeyRing} key that sealed the value (1..32 chars of
 *       {@code [A-Za-z0-9_-]});</li>
 *   <li>the payload — base64url <em>without padding</em> (RFC 4648 §5) of the 12-byte nonce, the
 *       ciphertext (as long as the UTF-8 plaintext) and the 16-byte tag. Only the canonical
 *       encoding is accepted.</li>
 * </ul>
 *
 * The whole string is printable ASCII without spaces. Its length is
 * {@code 4 + keyId.length() + ceil(4 * (28 + n) / 3)} for a plaintext of {@code n} UTF-8 bytes
 * (see {@link #sealedLength(int, int)}); with a key id of up to 8 characters a plaintext of up to
 * 154 UTF-8 bytes fits in {@code VARCHAR(255)}.
 *
 * <h2>Associated data</h2>
 * The GCM associated data authenticates, in this order, each field written as a 4-byte big-endian
 * length followed by its bytes: the label {@code "tvm-field-cipher"}, the version {@code "v1"},
 * the key id (ASCII), the facility id (16 bytes), the table (UTF-8), the column (UTF-8) and the row
 * id (16 bytes). Changing the version or key id in the sealed text, or opening under any other
 * {@link CipherContext}, therefore fails with {@link FieldCipherException.Reason#AUTHENTICATION_FAILED}
 * (or {@code UNSUPPORTED_VERSION} / {@code UNKNOWN_KEY} if the new version or key id is not known at
 * all).
 *
 * <h2>Nonces</h2>
 * Nonces are random, so a key should seal fewer than about 2<sup>32</sup> values before it is
 * rotated (NIST SP 800-38D §8.3); at the volumes of this system that limit is far away.
 *
 * <p>Instances are immutable and thread-safe: a new {@link Cipher} is obtained for every call and
 * {@link SecureRandom} is thread-safe.
 */
public final class AesGcmFieldCipher implements FieldCipher {

    /** The format version written by {@link #seal}. */
    public static final String VERSION = "v1";

    static final int NONCE_LENGTH_BYTES = 12;
    static final int TAG_LENGTH_BYTES = 16;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] AAD_LABEL = "tvm-field-cipher".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern VERSION_TOKEN = Pattern.compile("v[0-9]{1,9}");
    private static final Base64.Encoder PAYLOAD_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder PAYLOAD_DECODER = Base64.getUrlDecoder();

    private final KeyRing keyRing;
    private final SecureRandom random;

    /** A cipher over {@code keyRing} using a shared {@link SecureRandom}. */
    public AesGcmFieldCipher(KeyRing keyRing) {
        this(keyRing, KeyRing.RandomHolder.RANDOM);
    }

    /** A cipher over {@code keyRing} drawing nonces from {@code random} (which must be thread-safe). */
    public AesGcmFieldCipher(KeyRing keyRing, SecureRandom random) {
        this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The key ring this cipher seals (primary key) and opens (any key) with. */
    public KeyRing keyRing() {
        return keyRing;
    }

    @Override
    public String seal(String plaintext, CipherContext context) {
        Objects.requireNonNull(context, "context");
        if (plaintext == null) {
            return null;
        }
        byte[] clear = encodeUtf8(plaintext);
        String keyId = keyRing.primaryKeyId();
        SecretKey key = keyRing.primaryKey();
        byte[] nonce = new byte[NONCE_LENGTH_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH_BYTES * 8, nonce));
            cipher.updateAAD(associatedData(VERSION, keyId, context));
            byte[] payload = new byte[NONCE_LENGTH_BYTES + cipher.getOutputSize(clear.length)];
            System.arraycopy(nonce, 0, payload, 0, NONCE_LENGTH_BYTES);
            int written = cipher.doFinal(clear, 0, clear.length, payload, NONCE_LENGTH_BYTES);
            if (written != clear.length + TAG_LENGTH_BYTES) {
                throw new FieldCipherException(FieldCipherException.Reason.CRYPTO_FAILURE,
                        "AES-GCM produced an unexpected output length");
            }
            return VERSION + '.' + keyId + '.' + PAYLOAD_ENCODER.encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new FieldCipherException(FieldCipherException.Reason.CRYPTO_FAILURE,
                    "sealing " + context.qualifiedColumn() + " failed: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    @Override
    public String open(String sealed, CipherContext context) {
        Objects.requireNonNull(context, "context");
        if (sealed == null) {
            return null;
        }
        Header header = parseHeader(sealed);
        byte[] payload = decodePayload(header.payload());
        SecretKey key = keyRing.key(header.keyId());
        if (key == null) {
            throw new FieldCipherException(FieldCipherException.Reason.UNKNOWN_KEY,
                    "sealed value for " + context.qualifiedColumn() + " uses key id '" + header.keyId()
                            + "', which is not in the key ring " + keyRing.keyIds());
        }
        byte[] clear;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_LENGTH_BYTES * 8, payload, 0, NONCE_LENGTH_BYTES));
            cipher.updateAAD(associatedData(header.version(), header.keyId(), context));
            clear = cipher.doFinal(payload, NONCE_LENGTH_BYTES, payload.length - NONCE_LENGTH_BYTES);
        } catch (AEADBadTagException e) {
            throw new FieldCipherException(FieldCipherException.Reason.AUTHENTICATION_FAILED,
                    "sealed value for " + context.qualifiedColumn() + " (key id '" + header.keyId()
                            + "') failed authentication: it was altered, or it was sealed for another "
                            + "facility, table, column or row");
        } catch (GeneralSecurityException e) {
            throw new FieldCipherException(FieldCipherException.Reason.CRYPTO_FAILURE,
                    "opening " + context.qualifiedColumn() + " failed: " + e.getClass().getSimpleName(), e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(clear))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new FieldCipherException(FieldCipherException.Reason.MALFORMED,
                    "sealed value for " + context.qualifiedColumn() + " does not contain UTF-8 text");
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    /**
     * The key id written in a sealed value, read <em>without</em> authenticating it — for
     * diagnostics and for finding values to re-seal after a rotation.
     *
     * @throws FieldCipherException if {@code sealed} is not of the form {@code v1.<keyId>.<payload>}
     */
    public static String keyIdOf(String sealed) {
        Objects.requireNonNull(sealed, "sealed");
        return parseHeader(sealed).keyId();
    }

    /**
     * Whether {@code sealed} was sealed under a key other than the current primary, i.e. should be
     * re-sealed ({@code seal(open(v, ctx), ctx)}) to complete a key rotation. {@code null} needs no
     * re-sealing. Does not authenticate the value.
     *
     * @throws FieldCipherException if {@code sealed} is malformed or of an unsupported version
     */
    public boolean needsReseal(String sealed) {
        return sealed != null && !keyIdOf(sealed).equals(keyRing.primaryKeyId());
    }

    /**
     * Length of the sealed string for a plaintext of {@code plaintextUtf8Bytes} UTF-8 bytes sealed
     * under a key id of {@code keyIdLength} characters — for sizing columns.
     */
    public static int sealedLength(int plaintextUtf8Bytes, int keyIdLength) {
        if (plaintextUtf8Bytes < 0 || keyIdLength < 1) {
            throw new IllegalArgumentException("lengths must be non-negative and the key id non-empty");
        }
        long payloadBytes = (long) NONCE_LENGTH_BYTES + plaintextUtf8Bytes + TAG_LENGTH_BYTES;
        long encoded = (payloadBytes * 4 + 2) / 3;
        return Math.toIntExact(VERSION.length() + 1 + keyIdLength + 1 + encoded);
    }

    @Override
    public String toString() {
        return "AesGcmFieldCipher[" + keyRing + "]";
    }

    // ------------------------------------------------------------------ internals

    private record Header(String version, String keyId, String payload) {
    }

    private static Header parseHeader(String sealed) {
        int firstDot = sealed.indexOf('.');
        if (firstDot < 0 || !VERSION_TOKEN.matcher(sealed.substring(0, firstDot)).matches()) {
            throw malformed("it does not start with a version prefix such as 'v1.'");
        }
        String version = sealed.substring(0, firstDot);
        if (!VERSION.equals(version)) {
            throw new FieldCipherException(FieldCipherException.Reason.UNSUPPORTED_VERSION,
                    "sealed value has format version '" + version + "'; only '" + VERSION + "' is supported");
        }
        int secondDot = sealed.indexOf('.', firstDot + 1);
        if (secondDot < 0) {
            throw malformed("it has no key id section");
        }
        String keyId = sealed.substring(firstDot + 1, secondDot);
        if (!KeyRing.isValidKeyId(keyId)) {
            throw malformed("its key id is not 1..32 characters of [A-Za-z0-9_-]");
        }
        return new Header(version, keyId, sealed.substring(secondDot + 1));
    }

    private static byte[] decodePayload(String payload) {
        byte[] bytes;
        try {
            bytes = PAYLOAD_DECODER.decode(payload);
        } catch (IllegalArgumentException e) {
            throw malformed("its payload is not unpadded base64url");
        }
        // reject padding and non-zero trailing bits, so that each payload has exactly one spelling
        if (!PAYLOAD_ENCODER.encodeToString(bytes).equals(payload)) {
            throw malformed("its payload is not canonical unpadded base64url");
        }
        if (bytes.length < NONCE_LENGTH_BYTES + TAG_LENGTH_BYTES) {
            throw malformed("its payload is too short to hold a nonce and a tag");
        }
        return bytes;
    }

    private static FieldCipherException malformed(String why) {
        return new FieldCipherException(FieldCipherException.Reason.MALFORMED,
                "malformed sealed value: " + why + " (expected " + VERSION + ".<keyId>.<base64url>)");
    }

    private static byte[] encodeUtf8(String plaintext) {
        try {
            ByteBuffer buf = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(plaintext));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            if (buf.hasArray()) {
                Arrays.fill(buf.array(), (byte) 0);
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new FieldCipherException(FieldCipherException.Reason.INVALID_PLAINTEXT,
                    "plaintext is not well-formed UTF-16 (unpaired surrogate) and cannot be encoded as UTF-8");
        }
    }

    /** See the class comment for the layout. */
    static byte[] associatedData(String version, String keyId, CipherContext context) {
        byte[] versionBytes = version.getBytes(StandardCharsets.US_ASCII);
        byte[] keyIdBytes = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] contextBytes = context.encode();
        return ByteBuffer.allocate(4 + AAD_LABEL.length + 4 + versionBytes.length + 4 + keyIdBytes.length
                        + contextBytes.length)
                .putInt(AAD_LABEL.length).put(AAD_LABEL)
                .putInt(versionBytes.length).put(versionBytes)
                .putInt(keyIdBytes.length).put(keyIdBytes)
                .put(contextBytes)
                .array();
    }
}
