package org.tvm.domain.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.tvm.domain.DomainValidationException;

/**
 * The application-held key that signs audit chain checkpoints (HMAC-SHA256). It must never be stored in the database:
 * whoever holds it can re-sign a rewritten history. {@link #toString()} shows the key id only.
 */
public final class AuditChainKey {

    private final String keyId;
    private final byte[] secret;

    private AuditChainKey(String keyId, byte[] secret) {
        if (keyId == null || !keyId.matches("[A-Za-z0-9._-]{1,50}")) {
            throw new DomainValidationException("AuditChainKey", "keyId", "must be 1-50 of [A-Za-z0-9._-]");
        }
        if (secret == null || secret.length < 32) {
            throw new DomainValidationException("AuditChainKey", "secret", "must be at least 32 bytes");
        }
        this.keyId = keyId;
        this.secret = secret.clone();
    }

    /** @param secret at least 32 random bytes (copied) */
    public static AuditChainKey of(String keyId, byte[] secret) {
        return new AuditChainKey(keyId, secret);
    }

    /**
     * Parses {@code <keyId>:<base64 secret>}, the form of the {@code TVM_AUDIT_CHAIN_KEY} environment variable.
     *
     * @throws DomainValidationException if the text is malformed (the message never quotes it)
     */
    public static AuditChainKey parse(String text) {
        if (text == null) {
            throw new DomainValidationException("AuditChainKey", "text", "must not be null");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new DomainValidationException("AuditChainKey", "text", "must be <keyId>:<base64 secret>");
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text.substring(colon + 1).trim().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException("AuditChainKey", "secret", "is not valid base64");
        }
        return new AuditChainKey(text.substring(0, colon).trim(), secret);
    }

    public String keyId() {
        return keyId;
    }

    byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditChainKey k && keyId.equals(k.keyId) && Arrays.equals(secret, k.secret);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "AuditChainKey[" + keyId + "]";
    }
}
