package org.tvm.ports.crypto;

import java.util.Objects;

/**
 * Thrown when a value cannot be sealed or opened: malformed sealed text, an unsupported format
 * version, a key id that is not in the {@link KeyRing}, or a failed authentication check (the value
 * was tampered with, or it is being opened under a different {@link CipherContext} than the one it
 * was sealed for).
 *
 * <p>Messages are safe to log: they may name the {@link Reason}, the format version, the key id, and
 * the table and column of the context, but they never contain plaintext, key material, or the
 * sealed text itself.
 */
public final class FieldCipherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an operation failed. */
    public enum Reason {
        /** The sealed text is not of the form {@code v<n>.<keyId>.<base64url>}, or its payload is invalid. */
        MALFORMED,
        /** The sealed text names a format version this implementation does not read. */
        UNSUPPORTED_VERSION,
        /** The sealed text names a key id that is not in the key ring. */
        UNKNOWN_KEY,
        /**
         * The authentication tag did not verify: the nonce, ciphertext, tag, version or key id was
         * changed, or the value was sealed for another facility, table, column or row.
         */
        AUTHENTICATION_FAILED,
        /** The plaintext cannot be encoded (for example, a string with an unpaired surrogate). */
        INVALID_PLAINTEXT,
        /** The JDK crypto provider failed unexpectedly (for example, AES/GCM is unavailable). */
        CRYPTO_FAILURE
    }

    private final Reason reason;

    /**
     * @param reason  non-null category of the failure
     * @param message description that must not contain plaintext, key material or sealed text
     * @throws NullPointerException if reason is null
     */
    public FieldCipherException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param reason  non-null category of the failure
     * @param message description that must not contain plaintext, key material or sealed text
     * @param cause   nullable underlying exception
     * @throws NullPointerException if reason is null
     */
    public FieldCipherException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The category of the failure; never {@code null}. */
    public Reason reason() {
        return reason;
    }
}
