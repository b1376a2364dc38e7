package org.tvm.ports.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An immutable set of 256-bit AES keys, each named by a short key id, exactly one of which is the
 * <em>primary</em> key used for sealing. All keys can open values, so a value sealed under an older
 * key keeps opening after a new primary has been introduced ("rotation"): add the new key as
 * primary, deploy, re-seal old values at leisure (see {@link AesGcmFieldCipher#needsReseal}), and
 * finally drop the old key with {@link #withoutKey}.
 *
 * <h2>Key ids</h2>
 * 1 to 32 characters of {@code [A-Za-z0-9_-]}. The id is written in clear into every sealed value
 * and is not secret; never reuse an id for different key material.
 *
 * <h2>Where keys come from</h2>
 * Keys are configuration, never literals in code. The usual way is a single environment variable
 * holding a key-ring spec, read with {@link #fromEnvironment(String)} and parsed by
 * {@link #parse(String)}:
 *
 * <pre>{@code
 * TVM_FIELD_KEYS="k2:<base64 of 32 bytes>,k1:<base64 of 32 bytes>;primary=k2"
 * }</pre>
 *
 * A key can be produced with {@code openssl rand -base64 32}. {@link #generate(String)} makes a
 * random single-key ring for tests and demos.
 *
 * <h2>Errors</h2>
 * Invalid configuration (bad key id, wrong key length, bad base64, missing primary, duplicate id,
 * unset variable) raises {@link IllegalArgumentException}; messages name key ids and variables but
 * never include key material.
 *
 * <h2>Secrecy</h2>
 * Raw key bytes are copied on input and never handed out; {@link #toString()} shows only the key
 * ids and the primary id. Instances are immutable and thread-safe.
 */
public final class KeyRing {

    /** Length in bytes of every key (AES-256). */
    public static final int KEY_LENGTH_BYTES = 32;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String AES = "AES";

    /** Sorted by id so that {@link #keyIds()} and {@link #toString()} are deterministic. */
    private final Map<String, SecretKey> keys;
    private final String primaryKeyId;

    private KeyRing(Map<String, SecretKey> keys, String primaryKeyId) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        Objects.requireNonNull(primaryKeyId, "primaryKeyId");
        if (!keys.containsKey(primaryKeyId)) {
            // an invalid id may be misplaced key material: describe it instead of quoting it
            throw new IllegalArgumentException((isValidKeyId(primaryKeyId)
                    ? "primary key id '" + primaryKeyId + "'"
                    : "primary key id (" + describeInvalidId(primaryKeyId) + ")")
                    + " is not in the key ring " + keys.keySet());
        }
        this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
        this.primaryKeyId = primaryKeyId;
    }

    // ------------------------------------------------------------------ factories

    /**
     * Builds a key ring from raw keys. The arrays are copied; the caller may wipe them afterwards.
     *
     * @param rawKeys      key id -> 32 raw key bytes; at least one entry
     * @param primaryKeyId the id used for sealing; must be a key of {@code rawKeys}
     */
    public static KeyRing of(Map<String, byte[]> rawKeys, String primaryKeyId) {
        Objects.requireNonNull(rawKeys, "rawKeys");
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : rawKeys.entrySet()) {
            String id = requireKeyId(e.getKey());
            keys.put(id, toSecretKey(id, e.getValue()));
        }
        return new KeyRing(keys, primaryKeyId);
    }

    /** A key ring holding a single key, which is the primary. The array is copied. */
    public static KeyRing of(String keyId, byte[] rawKey) {
        return of(Map.of(requireKeyId(keyId), Objects.requireNonNull(rawKey, "rawKey")), keyId);
    }

    /**
     * Builds a key ring from base64-encoded keys (standard or URL-safe alphabet, padding optional).
     *
     * @param base64Keys   key id -> base64 of 32 key bytes; at least one entry
     * @param primaryKeyId the id used for sealing; must be a key of {@code base64Keys}
     */
    public static KeyRing ofBase64(Map<String, String> base64Keys, String primaryKeyId) {
        Objects.requireNonNull(base64Keys, "base64Keys");
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : base64Keys.entrySet()) {
            String id = requireKeyId(e.getKey());
            keys.put(id, decodeBase64Key(id, e.getValue()));
        }
        return new KeyRing(keys, primaryKeyId);
    }

    /**
     * Parses a key-ring spec:
     *
     * <pre>
     * spec    = entry *( "," entry ) [ ";" "primary=" keyId ]
     * entry   = keyId ":" base64key
     * </pre>
     *
     * e.g. {@code "k2:BASE64,k1:BASE64;primary=k2"}. Whitespace around tokens is ignored. The
     * {@code primary=} part may be omitted only when the ring has exactly one key.
     *
     * @throws IllegalArgumentException if the spec is malformed (the message never quotes key material)
     */
    public static KeyRing parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String trimmed = spec.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("key ring spec is empty");
        }
        String keysPart = trimmed;
        String primary = null;
        int semicolon = trimmed.indexOf(';');
        if (semicolon >= 0) {
            keysPart = trimmed.substring(0, semicolon);
            String option = trimmed.substring(semicolon + 1).strip();
            int eq = option.indexOf('=');
            if (eq < 0 || !option.substring(0, eq).strip().equals("primary")) {
                throw new IllegalArgumentException("key ring spec: expected ';primary=<keyId>' after the keys");
            }
            primary = option.substring(eq + 1).strip();
            requireKeyId(primary);
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = keysPart.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("key ring spec: entry #" + (i + 1) + " is not of the form <keyId>:<base64 key>");
            }
            String id = requireKeyId(entry.substring(0, colon).strip());
            if (keys.containsKey(id)) {
                throw new IllegalArgumentException("key ring spec: duplicate key id '" + id + "'");
            }
            keys.put(id, decodeBase64Key(id, entry.substring(colon + 1).strip()));
        }
        if (primary == null) {
            if (keys.size() != 1) {
                throw new IllegalArgumentException("key ring spec: ';primary=<keyId>' is required when there is more than one key");
            }
            primary = keys.keySet().iterator().next();
        }
        return new KeyRing(keys, primary);
    }

    /**
     * Reads a key-ring spec (see {@link #parse(String)}) from the environment variable
     * {@code variableName}, e.g. {@code KeyRing.fromEnvironment("TVM_FIELD_KEYS")}.
     *
     * @throws IllegalArgumentException if the variable is unset or blank, or its value is malformed
     */
    public static KeyRing fromEnvironment(String variableName) {
        return fromEnvironment(variableName, System::getenv);
    }

    /**
     * Like {@link #fromEnvironment(String)} but reads the variable through {@code lookup} (for
     * example {@code System::getProperty}, a configuration source, or a map in tests).
     */
    public static KeyRing fromEnvironment(String variableName, Function<String, String> lookup) {
        Objects.requireNonNull(variableName, "variableName");
        Objects.requireNonNull(lookup, "lookup");
        String value = lookup.apply(variableName);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("key ring variable " + variableName + " is not set");
        }
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key ring variable " + variableName + ": " + e.getMessage());
        }
    }

    /** A ring with one freshly generated random key ({@link SecureRandom}), for tests and demos. */
    public static KeyRing generate(String keyId) {
        byte[] raw = randomKey();
        try {
            return of(keyId, raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    // ------------------------------------------------------------------ derived rings

    /** A copy of this ring with one more (non-primary) key. The array is copied. */
    public KeyRing withKey(String keyId, byte[] rawKey) {
        String id = requireKeyId(keyId);
        if (keys.containsKey(id)) {
            throw new IllegalArgumentException("key id '" + id + "' is already in the key ring");
        }
        Map<String, SecretKey> copy = new LinkedHashMap<>(keys);
        copy.put(id, toSecretKey(id, rawKey));
        return new KeyRing(copy, primaryKeyId);
    }

    /** A copy of this ring with one more key that becomes the primary (key rotation). The array is copied. */
    public KeyRing withPrimaryKey(String keyId, byte[] rawKey) {
        return withKey(keyId, rawKey).withPrimary(keyId);
    }

    /** A copy of this ring with a freshly generated random key as the primary (tests and demos). */
    public KeyRing withGeneratedPrimaryKey(String keyId) {
        byte[] raw = randomKey();
        try {
            return withPrimaryKey(keyId, raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A copy of this ring whose primary is the existing key {@code keyId}. */
    public KeyRing withPrimary(String keyId) {
        String id = requireKeyId(keyId);
        if (!keys.containsKey(id)) {
            throw new IllegalArgumentException("key id '" + id + "' is not in the key ring " + keys.keySet());
        }
        return new KeyRing(keys, id);
    }

    /**
     * A copy of this ring without key {@code keyId} (retiring a key once nothing is sealed under it
     * any more). The primary key cannot be removed.
     */
    public KeyRing withoutKey(String keyId) {
        String id = requireKeyId(keyId);
        if (!keys.containsKey(id)) {
            throw new IllegalArgumentException("key id '" + id + "' is not in the key ring " + keys.keySet());
        }
        if (id.equals(primaryKeyId)) {
            throw new IllegalArgumentException("cannot remove the primary key '" + id + "'; make another key primary first");
        }
        Map<String, SecretKey> copy = new LinkedHashMap<>(keys);
        copy.remove(id);
        return new KeyRing(copy, primaryKeyId);
    }

    // ------------------------------------------------------------------ queries

    /** The id of the key used for sealing. */
    public String primaryKeyId() {
        return primaryKeyId;
    }

    /** All key ids, sorted; unmodifiable. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Whether a key with this id is in the ring. */
    public boolean contains(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** Whether {@code keyId} is syntactically valid: 1..32 characters of {@code [A-Za-z0-9_-]}. */
    public static boolean isValidKeyId(String keyId) {
        return keyId != null && KEY_ID.matcher(keyId).matches();
    }

    /** Shows key ids and the primary id only — never key material. */
    @Override
    public String toString() {
        return "KeyRing[primary=" + primaryKeyId + ", keyIds=" + keys.keySet() + "]";
    }

    // ------------------------------------------------------------------ package-private access for the cipher

    /** The key with this id, or {@code null}. */
    SecretKey key(String keyId) {
        return keys.get(keyId);
    }

    SecretKey primaryKey() {
        return keys.get(primaryKeyId);
    }

    // ------------------------------------------------------------------ helpers

    private static String requireKeyId(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (!isValidKeyId(keyId)) {
            throw new IllegalArgumentException("invalid key id (" + describeInvalidId(keyId)
                    + "): expected 1..32 characters of [A-Za-z0-9_-]");
        }
        return keyId;
    }

    /**
     * Valid key ids are not secret, but a string that fails validation may be key material pasted into the
     * wrong place (e.g. {@code "<base64>:k1"} or a swapped map entry), so it is described, never quoted.
     */
    private static String describeInvalidId(String keyId) {
        return keyId.isEmpty() ? "empty" : keyId.length() + " characters, not quoted";
    }

    private static SecretKey toSecretKey(String keyId, byte[] rawKey) {
        if (rawKey == null) {
            throw new IllegalArgumentException("key '" + keyId + "' is null");
        }
        if (rawKey.length != KEY_LENGTH_BYTES) {
            throw new IllegalArgumentException("key '" + keyId + "' has " + rawKey.length
                    + " bytes; AES-256 needs exactly " + KEY_LENGTH_BYTES);
        }
        return new SecretKeySpec(rawKey, AES); // copies the array
    }

    private static SecretKey decodeBase64Key(String keyId, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("key '" + keyId + "' is empty");
        }
        String text = base64.strip();
        byte[] raw;
        try {
            boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
            raw = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            // deliberately no cause: the decoder's message quotes characters of the key
            throw new IllegalArgumentException("key '" + keyId + "' is not valid base64");
        }
        try {
            return toSecretKey(keyId, raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static byte[] randomKey() {
        byte[] raw = new byte[KEY_LENGTH_BYTES];
        RandomHolder.RANDOM.nextBytes(raw);
        return raw;
    }

    /** Lazily created, shared (SecureRandom is thread-safe). */
    static final class RandomHolder {
        static final SecureRandom RANDOM = new SecureRandom();

        private RandomHolder() {
        }
    }
}
